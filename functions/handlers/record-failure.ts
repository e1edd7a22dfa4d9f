import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { parseEvent } from '../core/zod.ts';
import { recordFailure } from '../usecases/record-failure.ts';

const input = z.object({
  reportId: z.string().check(z.minLength(1)),
  executionArn: z.optional(z.string()),
  error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/** Task "RecordFailure": the Catch target of every Task. */
export const handler = lambda(async (event: unknown) => {
  const payload = parseEvent(input, event);
  logger.appendKeys({ reportId: payload.reportId, step: 'failure' });
  const result = await recordFailure(getDeps(), payload);
  metrics.addMetric('ReportsFailed', MetricUnit.Count, 1);
  logger.error('report failed', { error: payload.error?.Error, recorded: result.recorded });
  return result;
});

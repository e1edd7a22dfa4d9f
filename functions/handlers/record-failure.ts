import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { recordFailure } from '../usecases/record-failure.ts';

const input = z.object({
  reportId: z.string().min(1),
  executionArn: z.string().optional(),
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

/** Task "RecordFailure": the Catch target of every Task. */
export const handler = lambda(async (event: unknown) => {
  const payload = input.parse(event);
  logger.appendKeys({ reportId: payload.reportId, step: 'failure' });
  const result = await recordFailure(getDeps(), payload);
  metrics.addMetric('ReportsFailed', MetricUnit.Count, 1);
  logger.error('report failed', { error: payload.error?.Error, recorded: result.recorded });
  return result;
});

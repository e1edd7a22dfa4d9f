import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addSopMetric, reportSubject } from '../commons/unit-metric.ts';
import { unitOfReportId } from '../core/directory.ts';
import { parseEvent } from '../core/zod.ts';
import type { Deps } from '../usecases/deps.ts';
import { recordFailure } from '../usecases/record-failure.ts';

const input = z.object({
  reportId: z.string().check(z.minLength(1)),
  executionArn: z.optional(z.string()),
  error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/** Task "RecordFailure": the Catch target of every Task. */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const payload = parseEvent(input, event);
    logger.appendKeys({ reportId: payload.reportId, unit: unitOfReportId(payload.reportId), step: 'failure' });
    const result = await recordFailure(depsOf(), payload);
    addSopMetric(metrics, 'ReportsFailed', MetricUnit.Count, 1, reportSubject(payload.reportId));
    if (result.recorded) logger.appendKeys({ status: 'GAGAL' });
    logger.error('report failed', { error: payload.error?.Error, recorded: result.recorded });
    return result;
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

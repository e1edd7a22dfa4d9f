import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addSopMetric, reportSubject } from '../commons/unit-metric.ts';
import { DECISION_STEPS } from '../core/decision-steps.ts';
import { unitOfReportId } from '../core/directory.ts';
import { parseEvent } from '../core/zod.ts';
import type { Deps } from '../usecases/deps.ts';
import { requestRevision } from '../usecases/request-revision.ts';

const input = z.object({
  taskToken: z.string().check(z.minLength(1)),
  reportId: z.string().check(z.minLength(1)),
  executionArn: z.string().check(z.minLength(1)),
  request: z.discriminatedUnion('reason', [
    z.object({ reason: z.literal('DATA_INVALID') }),
    z.object({
      reason: z.literal('REVISE'),
      step: z.enum(DECISION_STEPS),
      note: z.string(),
      decidedBy: z.optional(z.object({ name: z.string(), nip: z.string(), role: z.string() })),
    }),
  ]),
});

/** Task "AwaitRevision": the wait for a corrected upload, invoked with waitForTaskToken. */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const payload = parseEvent(input, event);
    logger.appendKeys({ reportId: payload.reportId, unit: unitOfReportId(payload.reportId), step: 'revision' });
    const result = await requestRevision(depsOf(), payload);
    const subject = reportSubject(payload.reportId);
    addSopMetric(metrics, 'RevisionsRequested', MetricUnit.Count, result.mailed ? 1 : 0, subject);
    logger.appendKeys({ status: payload.request.reason === 'DATA_INVALID' ? 'PERLU_PERBAIKAN_DATA' : 'PERLU_REVISI' });
    logger.info('revision requested', { reason: payload.request.reason, mailed: result.mailed });
    return result;
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

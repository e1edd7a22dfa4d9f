import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { requestRevision } from '../usecases/request-revision.ts';

const input = z.object({
  taskToken: z.string().min(1),
  reportId: z.string().min(1),
  executionArn: z.string().min(1),
  request: z.discriminatedUnion('reason', [
    z.object({ reason: z.literal('DATA_INVALID') }),
    z.object({
      reason: z.literal('REVISE'),
      step: z.enum(['verify', 'ratify']),
      note: z.string(),
      decidedBy: z.object({ name: z.string(), nip: z.string(), role: z.string() }).optional(),
    }),
  ]),
});

/** Task "AwaitRevision": the wait for a corrected upload, invoked with waitForTaskToken. */
export const handler = lambda(async (event: unknown) => {
  const payload = input.parse(event);
  logger.appendKeys({ reportId: payload.reportId, step: 'revision' });
  const result = await requestRevision(getDeps(), payload);
  metrics.addMetric('RevisionsRequested', MetricUnit.Count, result.mailed ? 1 : 0);
  logger.info('revision requested', { reason: payload.request.reason, mailed: result.mailed });
  return result;
});

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { parseEvent } from '../core/zod.ts';
import { requestDecision } from '../usecases/request-decision.ts';

const input = z.object({
  taskToken: z.string().check(z.minLength(1)),
  reportId: z.string().check(z.minLength(1)),
  executionArn: z.string().check(z.minLength(1)),
  step: z.enum(['verify', 'ratify']),
});

/** Tasks "Verify" and "Ratify" (SOP steps 3 and 4), invoked with waitForTaskToken. */
export const handler = lambda(async (event: unknown) => {
  const payload = parseEvent(input, event);
  logger.appendKeys({ reportId: payload.reportId, step: payload.step });
  const result = await requestDecision(getDeps(), payload);
  metrics.addMetric('DecisionsRequested', MetricUnit.Count, result.mailed ? 1 : 0);
  logger.info('decision requested', { decisionId: result.decisionId, mailed: result.mailed });
  return { decisionId: result.decisionId };
});

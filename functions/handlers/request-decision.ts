import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { requestDecision } from '../usecases/request-decision.ts';

const input = z.object({
  taskToken: z.string().min(1),
  reportId: z.string().min(1),
  executionArn: z.string().min(1),
  step: z.enum(['verify', 'ratify']),
});

/** Tasks "Verify" and "Ratify" (SOP steps 3 and 4), invoked with waitForTaskToken. */
export const handler = lambda(async (event: unknown) => {
  const payload = input.parse(event);
  logger.appendKeys({ reportId: payload.reportId, step: payload.step });
  const result = await requestDecision(getDeps(), payload);
  metrics.addMetric('DecisionsRequested', MetricUnit.Count, result.mailed ? 1 : 0);
  logger.info('decision requested', { decisionId: result.decisionId, mailed: result.mailed });
  return { decisionId: result.decisionId };
});

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addSopMetric, reportSubject } from '../commons/unit-metric.ts';
import { DECISION_STEP, DECISION_STEPS, type DecisionStep } from '../core/decision-steps.ts';
import { unitOfReportId } from '../core/directory.ts';
import { parseEvent } from '../core/zod.ts';
import type { Deps } from '../usecases/deps.ts';
import { requestDecision } from '../usecases/request-decision.ts';

const input = z.object({
  taskToken: z.string().check(z.minLength(1)),
  reportId: z.string().check(z.minLength(1)),
  executionArn: z.string().check(z.minLength(1)),
  step: z.enum(DECISION_STEPS),
});

/** The per-step metric of a decision request. */
export const STEP_METRIC: Record<DecisionStep, string> = {
  paraf: 'ParafRequested',
  verify: 'VerificationsRequested',
  ratify: 'RatificationsRequested',
};

/** Tasks "Paraf", "Verify" and "Ratify" (SOP steps 2–4), invoked with waitForTaskToken. */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const payload = parseEvent(input, event);
    logger.appendKeys({ reportId: payload.reportId, unit: unitOfReportId(payload.reportId), step: payload.step });
    const result = await requestDecision(depsOf(), payload);
    const subject = reportSubject(payload.reportId);
    addSopMetric(metrics, 'DecisionsRequested', MetricUnit.Count, result.mailed ? 1 : 0, subject);
    // The same count per SOP step, so the dashboard shows where reports wait (paraf, verification, ratification).
    addSopMetric(metrics, STEP_METRIC[payload.step], MetricUnit.Count, result.mailed ? 1 : 0, subject);
    logger.appendKeys({ status: DECISION_STEP[payload.step].waiting });
    logger.info('decision requested', { decisionId: result.decisionId, mailed: result.mailed });
    return { decisionId: result.decisionId };
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

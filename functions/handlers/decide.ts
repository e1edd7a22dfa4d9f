import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addUnitMetric, reportSubject } from '../commons/unit-metric.ts';
import { unitOfReportId } from '../core/directory.ts';
import type { Decision } from '../core/report.ts';
import type { Deps } from '../usecases/deps.ts';
import { handleDecisionHttp } from '../web/decide-http.ts';

/** HTTP API route GET|POST /keputusan/{id}: the emailed decision link. */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: APIGatewayProxyEventV2) => {
    const method = event.requestContext?.http?.method;
    logger.appendKeys({ requestId: event.requestContext?.requestId });
    let decided: Decision | undefined;
    const response = await handleDecisionHttp(depsOf(), event, (d) => {
      decided = d;
    });
    const unit = decided ? (decided.unit ?? unitOfReportId(decided.reportId)) : undefined;
    // Only the id is logged: never the signature or expiry from the query string. `statusCode` is the HTTP answer;
    // `status` is kept for the report's status, which the functions after this one log.
    logger.info('decision request', {
      method,
      decisionId: event.pathParameters?.id,
      statusCode: response.statusCode,
      ...(decided
        ? {
            reportId: decided.reportId,
            unit,
            step: decided.step,
            revision: decided.revision,
            decision: decided.decision,
          }
        : {}),
    });
    if (decided) {
      const subject = reportSubject(decided.reportId, unit);
      // Decisions by decision and role, and how long the person took, for the dashboard's SOP funnel.
      const byKind = metrics.singleMetric();
      byKind.addDimensions({ decision: decided.decision ?? 'UNKNOWN', role: decided.role });
      byKind.addMetric('Decisions', MetricUnit.Count, 1);
      // Per unit: one copy by unit alone (not by unit × decision × role, which would multiply the metrics).
      addUnitMetric(metrics, 'Decisions', MetricUnit.Count, 1, subject);
      const seconds = (Date.parse(decided.decidedAt ?? '') - Date.parse(decided.createdAt)) / 1000;
      if (Number.isFinite(seconds)) {
        const time = metrics.singleMetric();
        time.addDimensions({ step: decided.step });
        time.addMetric('TimeToDecision', MetricUnit.Seconds, seconds);
        addUnitMetric(metrics, 'TimeToDecision', MetricUnit.Seconds, seconds, subject);
      }
    }
    metrics.addMetric('DecisionLinkRejected', MetricUnit.Count, (response.statusCode ?? 200) >= 400 ? 1 : 0);
    return response;
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

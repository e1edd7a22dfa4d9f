import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { handleDecisionHttp } from '../web/decide-http.ts';

/** HTTP API route GET|POST /keputusan/{id}: the emailed decision link. */
export const handler = lambda(async (event: APIGatewayProxyEventV2) => {
  const method = event.requestContext?.http?.method;
  const response = await handleDecisionHttp(getDeps(), event);
  // Only the id is logged: never the signature or expiry from the query string.
  logger.info('decision request', { method, decisionId: event.pathParameters?.id, status: response.statusCode });
  metrics.addMetric('Decisions', MetricUnit.Count, method === 'POST' && response.statusCode === 200 ? 1 : 0);
  metrics.addMetric('DecisionLinkRejected', MetricUnit.Count, (response.statusCode ?? 200) >= 400 ? 1 : 0);
  return response;
});

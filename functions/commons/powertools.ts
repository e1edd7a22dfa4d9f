import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One Powertools entry point, built once per runtime and shared by every handler. */
export const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'lapkin';
export const logger = new Logger({ serviceName });
// Metrics' own warnings (e.g. an invocation that emitted nothing) go through the structured logger and its level.
export const metrics = new Metrics({
  serviceName,
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Lapkin',
  logger,
});
export const tracer = new Tracer({ serviceName });

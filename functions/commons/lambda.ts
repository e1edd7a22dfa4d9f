import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Powertools } from './powertools.ts';

/**
 * Wraps a handler body with the Powertools middlewares every lapkin function uses: tracing, structured logs
 * with the Lambda context, and EMF metrics flushed at the end of each invocation — of the given Powertools set.
 */
export function lambda<E, R>(tools: Powertools, fn: (event: E, context: Context) => Promise<R>) {
  return (
    middy(fn)
      .use(captureLambdaHandler(tools.tracer, { captureResponse: false }))
      // logEvent false wins over POWERTOOLS_LOGGER_LOG_EVENT: the waits' events carry task tokens, never logged.
      .use(injectLambdaContext(tools.logger, { resetKeys: true, logEvent: false }))
      .use(logMetrics(tools.metrics))
  );
}

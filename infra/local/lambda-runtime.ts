import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** A Lambda context good enough for Powertools and middy, as the Lambda runtime would pass it. */
export function lambdaContext(functionName: string, timeoutMs = 300_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Invokes a handler the way Lambda does and reports an error the way Step Functions sees it: the error name
 * is the errorType (Retry/Catch match on it) and the cause is the JSON document Lambda produces.
 */
export async function invokeLambda(name: string, handler: LambdaHandler, event: unknown): Promise<unknown> {
  try {
    // JSON round trip: a handler gets a copy, as it would over the wire.
    return await handler(JSON.parse(JSON.stringify(event ?? null)), lambdaContext(name));
  } catch (err) {
    const e = err as Error;
    const wrapped = new Error(JSON.stringify({ errorType: e.name, errorMessage: e.message }));
    wrapped.name = e.name || 'Error';
    throw wrapped;
  }
}

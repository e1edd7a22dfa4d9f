/** The intake handler's own job: refuse what is not an S3 "Object Created" event, without touching any port. */
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/intake.ts';
import { lambdaContext } from '../../infra/local/lambda-runtime.ts';

describe('intake handler', () => {
  it.each([
    {},
    { 'detail-type': 'Object Deleted', detail: {} },
    { 'detail-type': 'Object Created', detail: { bucket: { name: 'b' }, object: { key: '' } } },
  ])('answers a malformed event with REJECTED instead of a retry loop: %j', async (event) => {
    const out = await handler(event, lambdaContext('lapkin-intake'));
    expect(out).toEqual({ outcome: 'REJECTED', reason: 'malformed event' });
  });
});

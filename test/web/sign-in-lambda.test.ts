/**
 * The sign-in behind the deployed handler (hono/aws-lambda, Powertools): the rate limit per source reads the HTTP
 * API's requestContext.http.sourceIp, the session cookie is __Host- and Secure, and no line the Powertools logger
 * writes holds the sign-in token, the code or the session id.
 */

import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePowertools } from '../../functions/commons/powertools.ts';
import { SIGN_IN_LIMITS } from '../../functions/core/sign-in.ts';
import { makeHandler } from '../../functions/handlers/portal.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { codeIn, linkIn } from './sign-in-helpers.ts';

const P = people();
const HOST = 'lapkin.example.go.id';
const context = { functionName: 'portal', awsRequestId: 'req', getRemainingTimeInMillis: () => 10_000 } as Context;

function httpEvent(method: string, path: string, opts: { body?: string; sourceIp: string; cookie?: string }) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies: opts.cookie ? [opts.cookie] : undefined,
    headers: {
      host: HOST,
      'content-type': 'application/x-www-form-urlencoded',
      ...(method === 'POST' ? { origin: `https://${HOST}` } : {}),
    },
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: HOST,
      domainPrefix: 'lapkin',
      requestId: `r-${Math.random()}`,
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: opts.sourceIp, userAgent: 'test' },
    },
    body: opts.body,
    isBase64Encoded: false,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sign-in on the Lambda handler', () => {
  it('limits per sourceIp, signs in with a Secure __Host- cookie, and logs no secret', async () => {
    const f = fakeDeps();
    await seedDirectory(f.deps);
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    });
    // No answer floor here (SIGN_IN_ANSWER_MS): the limit takes a few hundred requests to reach.
    const handler = makeHandler(() => f.deps, makePowertools({ logLevel: 'DEBUG', emfSink: () => undefined }), {
      SIGN_IN_ANSWER_MS: '0',
    });
    const call = (method: string, path: string, o: { body?: string; sourceIp: string; cookie?: string }) =>
      handler(httpEvent(method, path, o) as never, context) as Promise<{
        statusCode: number;
        headers?: Record<string, string>;
        cookies?: string[];
      }>;
    const ask = (email: string, sourceIp: string) =>
      call('POST', '/masuk', { body: new URLSearchParams({ email }).toString(), sourceIp });

    for (let i = 0; i < SIGN_IN_LIMITS.perSource; i++)
      expect((await ask(`orang${i}@example.go.id`, '203.0.113.1')).statusCode).toBe(200);
    await ask(P.STAF.email, '203.0.113.1');
    expect(f.mailer.sent).toHaveLength(0);
    await ask(P.STAF.email, '203.0.113.2');
    expect(f.mailer.sent).toHaveLength(1);

    const token = linkIn(f.mailer.sent[0]);
    expect((await call('GET', `/masuk/tautan/${token}`, { sourceIp: '203.0.113.2' })).statusCode).toBe(200);
    const signedIn = await call('POST', `/masuk/tautan/${token}`, { body: '', sourceIp: '203.0.113.2' });
    expect(signedIn.statusCode).toBe(303);
    const cookie = (signedIn.cookies ?? []).find((c) => c.startsWith('__Host-lapkin_sesi=')) ?? '';
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    const id = /^__Host-lapkin_sesi=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(id).toHaveLength(43);
    const home = await call('GET', '/', { sourceIp: '203.0.113.2', cookie: `__Host-lapkin_sesi=${id}` });
    expect(home.statusCode).toBe(200);

    const logged = out.join('');
    expect(logged).toContain('"message":"portal request"');
    expect(logged).toContain('/masuk/tautan/:token');
    for (const secret of [token, codeIn(f.mailer.sent[0]), id]) expect(logged).not.toContain(secret);
  });
});

/**
 * The portal on Lambda: the HTTP API (payload v2) event through hono/aws-lambda into the same app the local
 * stack serves. Logs name the route pattern, never the link's signature, a cookie or a session id.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePowertools } from '../../functions/commons/powertools.ts';
import { makeHandler } from '../../functions/handlers/portal.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { lambdaContext } from '../../infra/local/lambda-runtime.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:lapkin-x';

function httpEvent(method: string, path: string, query: string, headers: Record<string, string> = {}, body?: string) {
  return {
    version: '2.0',
    routeKey: 'ANY /{proxy+}',
    rawPath: path,
    rawQueryString: query,
    cookies: headers.cookie ? headers.cookie.split('; ') : undefined,
    headers: { host: 'lapkin.example.go.id', 'x-forwarded-proto': 'https', ...headers },
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'lapkin.example.go.id',
      domainPrefix: 'lapkin',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: 'ANY /{proxy+}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('portal function (hono/aws-lambda)', () => {
  it('serves the emailed decision link and records the decision, logging neither signature nor session', async () => {
    const f = fakeDeps();
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { reportId: REPORT_ID, step: 'verify', taskToken: 'tok-verify', executionArn: EXEC });
    const mail = f.mailer.sent.at(-1);
    const link = new URL(linkInMail(mail?.text ?? ''));
    const emf: string[] = [];
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    });
    const handler = makeHandler(
      () => f.deps,
      makePowertools({ logLevel: 'INFO', emfSink: (l) => emf.push(l), tracing: false }),
      {},
    );
    const sek = people().SEKRETARIS_CAMAT;
    const { id, session } = await startSession(f.deps, { nip: sek.nip, unit: 'karawaci' });

    const page = (await handler(
      httpEvent('GET', link.pathname, link.search.slice(1), { cookie: `__Host-lapkin_sesi=${id}` }) as never,
      lambdaContext('lapkin-portal'),
    )) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['strict-transport-security']).toContain('max-age=');
    // The browser has a session: the confirm form carries its CSRF token.
    expect(page.body).toContain(session.csrf);

    const posted = (await handler(
      httpEvent(
        'POST',
        link.pathname,
        link.search.slice(1),
        {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://lapkin.example.go.id',
          cookie: `__Host-lapkin_sesi=${id}`,
        },
        `keputusan=APPROVE&csrf=${session.csrf}`,
      ) as never,
      lambdaContext('lapkin-portal'),
    )) as { statusCode: number };
    expect(posted.statusCode).toBe(200);
    expect((await f.repo.getDecision(linkParts(link.toString()).decisionId as string))?.decision).toBe('APPROVE');
    expect(emf.join('\n')).toContain('"Decisions":1');

    const logged = lines.join('');
    expect(logged).toContain('"route":"/keputusan/:id"');
    expect(logged).not.toContain(link.searchParams.get('s') as string);
    expect(logged).not.toContain(id);
    expect(logged).not.toContain(session.csrf);
  });

  it('refuses a cross-site POST with a page, before anything is read', async () => {
    const f = fakeDeps();
    const handler = makeHandler(() => f.deps, makePowertools({ emfSink: () => undefined, tracing: false }), {});
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = (await handler(
      httpEvent(
        'POST',
        '/keputusan/x',
        'e=1&s=2',
        { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        'keputusan=APPROVE',
      ) as never,
      lambdaContext('lapkin-portal'),
    )) as { statusCode: number; body: string };
    expect(out.statusCode).toBe(403);
    expect(out.body).toContain('Permintaan ditolak');
  });

  it('logs a failure it did not expect by route, error name and detail, and answers a 500 page', async () => {
    const f = fakeDeps();
    const lines: string[] = [];
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        lines.push(String(chunk));
        return true;
      });
    await seedDirectory(f.deps);
    const sek = people().SEKRETARIS_CAMAT;
    const { id } = await startSession(f.deps, { nip: sek.nip, unit: 'karawaci' });
    vi.spyOn(f.repo, 'list').mockRejectedValue(new Error('tabel tidak terjangkau'));
    const handler = makeHandler(
      () => f.deps,
      makePowertools({ logLevel: 'INFO', emfSink: () => undefined, tracing: false }),
      {},
    );
    const out = (await handler(
      httpEvent('GET', '/laporan', '', { cookie: `__Host-lapkin_sesi=${id}` }) as never,
      lambdaContext('lapkin-portal'),
    )) as { statusCode: number; body: string };
    expect(out.statusCode).toBe(500);
    expect(out.body).toContain('Terjadi gangguan');
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'portal request failed');
    expect(failure).toMatchObject({ route: '/laporan', error: 'Error', detail: 'tabel tidak terjangkau' });
    expect(lines.join('')).not.toContain('reserved key');
    // Every request counts (PortalRequests): no "no application metrics" warning per invocation.
    expect(lines.join('')).not.toContain('No application metrics');
  });
});

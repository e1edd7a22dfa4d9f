import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type LocalDocumentStore, verifyDownload } from '../../functions/adapters/local-document-store.ts';
import { parsePeriod } from '../../functions/core/report-period.ts';
import { UPLOAD_PREFIX } from '../../functions/core/upload-key.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { retryReport } from '../../functions/usecases/retry-report.ts';
import { listReports } from '../../functions/usecases/unit-reports.ts';
import { verifyAudit } from '../../functions/usecases/verify-audit.ts';
import { createPortalApp } from '../../functions/web/app.tsx';
import type { PortalOptions } from '../../functions/web/portal-env.ts';
import { delegationRoutes } from './delegation-routes.ts';
import { directoryRoutes } from './directory-routes.ts';
import { auditEventView, reportView } from './report-view.ts';
import { LOCAL_S3_PATH, localS3PostRoutes } from './s3-post.ts';
import { crossSiteReason, hostAllowed } from './same-origin.ts';

/** What API Gateway accepts at most; the portal's routes apply their own, much smaller limits. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** A refusal of a local route, in Bahasa Indonesia (`pesan`) and English (`message`), as JSON. */
function refuse(c: Context, status: 400 | 403 | 409 | 413, error: string, pesan: string, message: string) {
  return c.json({ error, pesan, message }, status);
}

/** Why a key cannot be uploaded through /_lokal/unggah (it only writes uploads, like the staff's S3 grant). */
function uploadKeyProblem(key: string): { pesan: string; message: string } | undefined {
  if (!key)
    return {
      pesan: 'Parameter key wajib diisi, mis. ?key=masuk/<unit>/<tahun>/<periode>/<berkas>.',
      message: 'The key parameter is required, e.g. ?key=masuk/<unit>/<tahun>/<periode>/<file>.',
    };
  if (!key.startsWith(UPLOAD_PREFIX) || key.length > 1024 || key.includes('\0'))
    return {
      pesan: `Unggahan hanya boleh ke ${UPLOAD_PREFIX}<unit>/<tahun>/<periode>/<berkas>, bukan "${key.slice(0, 200)}".`,
      message: `Uploads go under ${UPLOAD_PREFIX}<unit>/<tahun>/<periode>/<file> only, not "${key.slice(0, 200)}".`,
    };
  return undefined;
}

/** What an uploader learns of the intake's answer: the outcome and its reason, nothing internal. */
function intakeView(outcome: unknown) {
  const o = outcome as {
    outcome?: string;
    reportId?: string;
    status?: string;
    reason?: string;
    indicators?: number;
    problems?: number;
  };
  // A PK's outcome counts its indicators or problems; the problems themselves go by mail.
  return {
    outcome: o.outcome,
    reportId: o.reportId,
    status: o.status,
    reason: o.reason,
    indicators: o.indicators,
    problems: o.problems,
  };
}

/** Where a console URL lives in the portal: /laporan with its ?unit, ?periode and ?lang. */
export function consoleRedirect(params: URLSearchParams): string {
  const q = new URLSearchParams();
  const unit = params.get('unit');
  if (unit) q.set('unit', unit);
  const periode = params.get('periode');
  const period = parsePeriod(periode);
  if (period) {
    q.set('tahun', String(period.tahun));
    q.set('periode', period.periode);
  } else if (periode) q.set('periode', periode);
  const lang = params.get('lang');
  if (lang) q.set('lang', lang);
  const s = q.toString();
  return s ? `/laporan?${s}` : '/laporan';
}

export interface LocalHttpOptions {
  /** The portal as the local stack runs it (the same app Lambda serves; only the options differ). */
  portal: PortalOptions;
  deps: () => Deps;
  store: LocalDocumentStore;
  /** The intake's answer to an upload, so /_lokal/unggah?tunggu=1 can tell the uploader what happened. */
  intakeOutcome?: (versionId: string) => Promise<unknown> | undefined;
  secret: string;
  /** The host of the configured public base URL, accepted besides the loopback names. */
  publicHost?: string;
  /** After each request: publish the metrics the request stored (on Lambda, middy's logMetrics does it). */
  afterRequest?: () => void;
}

/**
 * The local-only routes: signed document downloads (what S3 presigned URLs are on AWS), uploads from the CLI
 * into the versioned store, the operator's JSON, and the retired console's redirects. A POST here must not come
 * from another site's page; the CLI and scripts (no Origin, no Sec-Fetch-Site) may.
 */
function localRoutes(o: LocalHttpOptions) {
  const app = new Hono();
  // The local routes' own refusal (JSON, for the CLI): the portal's pages refuse cross-site requests themselves,
  // with a page.
  app.use('/_lokal/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const crossSite = crossSiteReason({
        'sec-fetch-site': c.req.header('sec-fetch-site'),
        origin: c.req.header('origin'),
        referer: c.req.header('referer'),
        host: c.req.header('host'),
      });
      if (crossSite)
        return refuse(
          c,
          403,
          'CROSS_SITE',
          `Permintaan dari situs lain ditolak (${crossSite}).`,
          `Cross-site request refused (${crossSite}).`,
        );
    }
    await next();
  });
  // The CLI's "is the stack of this state dir answering?" (stack-file.ts answeringStack).
  app.get('/_lokal/hidup', (c) => c.json({ ok: true }));
  app.get('/_dokumen', async (c) => {
    const ref = verifyDownload(o.secret, new URL(c.req.url).searchParams);
    if (!ref) return c.text('Tautan unduhan tidak sah atau kedaluwarsa.', 403);
    const doc = await o.store.get(ref.key, ref.versionId);
    const name = ref.key.split('/').pop() ?? 'dokumen';
    return c.body(new Uint8Array(doc.body), 200, {
      'content-type': doc.contentType,
      'content-disposition': `inline; filename="${name}"`,
      'cache-control': 'no-store',
    });
  });
  app.post('/_lokal/unggah', async (c) => {
    const key = c.req.query('key') ?? '';
    const problem = uploadKeyProblem(key);
    if (problem) return refuse(c, 400, 'INVALID_KEY', problem.pesan, problem.message);
    const uploader = c.req.header('x-uploader-email') ?? '';
    const put = await o.store.put({
      key,
      body: new Uint8Array(await c.req.arrayBuffer()),
      contentType: c.req.header('content-type') ?? 'application/octet-stream',
      metadata: uploader ? { 'uploader-email': uploader } : {},
    });
    // ?tunggu=1: answer once intake has decided (started, resumed, ignored, refused), as the CLI shows it.
    const outcome = c.req.query('tunggu') ? await o.intakeOutcome?.(put.versionId) : undefined;
    return c.json({ key, versionId: put.versionId, ...(outcome ? { intake: intakeView(outcome) } : {}) }, 201);
  });
  app.route(
    '/',
    localS3PostRoutes({ store: o.store, maxObjectBytes: () => o.deps().config.dataLimits.maxFileMB * 1024 * 1024 }),
  );
  app.route('/_lokal', directoryRoutes(o.deps));
  app.route('/_lokal', delegationRoutes(o.deps));
  app.post('/_lokal/laporan/:id/ulang', async (c) => {
    try {
      return c.json(await retryReport(o.deps(), c.req.param('id')));
    } catch (err) {
      return c.json({ error: (err as Error).message }, 409);
    }
  });
  app.get('/_lokal/audit/:id', async (c) => c.json(await verifyAudit(o.deps(), c.req.param('id'))));
  // View models only: the stored record carries the revision wait's task token.
  app.get('/_lokal/laporan', async (c) =>
    c.json({ reports: (await listReports(o.deps(), { unit: c.req.query('unit') || undefined })).map(reportView) }),
  );
  app.get('/_lokal/laporan/:id', async (c) => {
    const deps = o.deps();
    const id = c.req.param('id');
    const report = await deps.repo.get(id);
    if (!report) return c.json({}, 404);
    return c.json({ report: reportView(report), events: (await deps.repo.events(id)).map(auditEventView) });
  });
  // The operator's console became the portal's city view (sign in as the city person): old links and bookmarks
  // land there, filters and language kept (the console's ?periode=2026-TW1 is the portal's ?tahun=2026&periode=TW1).
  app.get('/konsol', (c) => c.redirect(consoleRedirect(new URL(c.req.url).searchParams), 301));
  app.get('/konsol/laporan/:id', (c) => {
    const lang = c.req.query('lang');
    const q = lang ? `?${new URLSearchParams({ lang })}` : '';
    return c.redirect(`/laporan/${encodeURIComponent(c.req.param('id'))}${q}`, 301);
  });
  return app;
}

/**
 * The local face of API Gateway: the portal app (the same hono app the Lambda serves) behind @hono/node-server,
 * plus the local-only routes. Answers for this machine's names only (DNS rebinding).
 */
export class LocalHttpServer {
  private server?: ServerType;

  constructor(private readonly opts: LocalHttpOptions) {}

  app() {
    const app = new Hono();
    app.use(async (c, next) => {
      if (!hostAllowed(c.req.header('host'), this.opts.publicHost))
        return refuse(
          c,
          403,
          'HOST',
          'Server lokal hanya melayani localhost.',
          'The local server answers for localhost only.',
        );
      await next();
      this.opts.afterRequest?.();
    });
    const limit = bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => c.text('Permintaan terlalu besar.', 413, { connection: 'close' }),
    });
    // The S3 POST route bounds its own body by the configured upload limit (which may exceed this one).
    app.use((c, next) => (c.req.path.startsWith(LOCAL_S3_PATH) ? next() : limit(c, next)));
    app.route('/', localRoutes(this.opts));
    // The socket's peer, as API Gateway's sourceIp on AWS (the sign-in's rate limit per source).
    app.route('/', createPortalApp({ clientIp: (c) => getConnInfo(c).remote.address, ...this.opts.portal }));
    return app;
  }

  async start(port: number): Promise<string> {
    const app = this.app();
    const url = await new Promise<string>((resolve, reject) => {
      this.server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
      this.server.once('error', reject);
    });
    return url;
  }

  async stop() {
    const server = this.server as Server | undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections?.();
  }
}

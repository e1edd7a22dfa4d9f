import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type LocalDocumentStore, verifyDownload } from '../../functions/adapters/local-document-store.ts';
import { UPLOAD_PREFIX } from '../../functions/core/upload-key.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { retryReport } from '../../functions/usecases/retry-report.ts';
import { listReports } from '../../functions/usecases/unit-reports.ts';
import { verifyAudit } from '../../functions/usecases/verify-audit.ts';
import { renderConsole, renderReportTimeline } from './console-page.ts';
import { serveDirectory } from './directory-routes.ts';
import { invokeLambda, type LambdaHandler } from './lambda-runtime.ts';
import { auditEventView, reportView } from './report-view.ts';
import { crossSiteReason, hostAllowed } from './same-origin.ts';

/** What API Gateway accepts at most; the decide handler applies its own, much smaller limit. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** Turns a plain HTTP request into the HTTP API (payload v2) event API Gateway would hand the decide function. */
export function toHttpApiEvent(req: IncomingMessage, url: URL, id: string, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] ? `${query[k]},${v}` : v;
  return {
    version: '2.0',
    routeKey: `${req.method} /keputusan/{id}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: { id },
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${req.method} /keputusan/{id}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: body.length ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
  } as APIGatewayProxyEventV2;
}

/** A refusal of a local route, in Bahasa Indonesia (`pesan`) and English (`message`), as JSON. */
function refuse(res: ServerResponse, status: number, error: string, pesan: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error, pesan, message }));
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
  const o = outcome as { outcome?: string; reportId?: string; status?: string; reason?: string };
  return { outcome: o.outcome, reportId: o.reportId, status: o.status, reason: o.reason };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The local face of API Gateway plus the local-only endpoints: decision pages (through the same decide
 * handler), signed document downloads (what S3 presigned URLs are on AWS), uploads from the CLI into the
 * versioned store, and a read-only console.
 */
export class LocalHttpServer {
  private server?: Server;

  constructor(
    private readonly opts: {
      decide: LambdaHandler;
      deps: () => Deps;
      store: LocalDocumentStore;
      /** The intake's answer to an upload, so /_lokal/unggah?tunggu=1 can tell the uploader what happened. */
      intakeOutcome?: (versionId: string) => Promise<unknown> | undefined;
      secret: string;
      /** The host of the configured public base URL, accepted besides the loopback names. */
      publicHost?: string;
      /** The console's data for its query (?unit, ?periode, ?lang). */
      consoleData: (query: URLSearchParams) => Promise<Parameters<typeof renderConsole>[0]>;
    },
  ) {}

  async start(port: number): Promise<string> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Terjadi kesalahan internal: ${(err as Error).name}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req.headers.host, this.opts.publicHost)) {
      refuse(
        res,
        403,
        'HOST',
        'Server lokal hanya melayani localhost.',
        'The local server answers for localhost only.',
      );
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const crossSite = crossSiteReason(req.headers);
      if (crossSite) {
        refuse(
          res,
          403,
          'CROSS_SITE',
          `Permintaan dari situs lain ditolak (${crossSite}).`,
          `Cross-site request refused (${crossSite}).`,
        );
        return;
      }
    }
    const body = await readBody(req);
    if (body === null) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Permintaan terlalu besar.');
      return;
    }
    const decision = /^\/keputusan\/([^/]*)$/.exec(url.pathname);
    if (decision) {
      const event = toHttpApiEvent(req, url, decodeURIComponent(decision[1] ?? ''), body);
      const out = (await invokeLambda('lapkin-decide', this.opts.decide, event)) as APIGatewayProxyStructuredResultV2;
      res.writeHead(out.statusCode ?? 200, out.headers as Record<string, string>);
      res.end(out.body ?? '');
      return;
    }
    if (url.pathname === '/_dokumen' && req.method === 'GET') {
      const ref = verifyDownload(this.opts.secret, url.searchParams);
      if (!ref) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Tautan unduhan tidak sah atau kedaluwarsa.');
        return;
      }
      const doc = await this.opts.store.get(ref.key, ref.versionId);
      const name = ref.key.split('/').pop() ?? 'dokumen';
      res.writeHead(200, {
        'content-type': doc.contentType,
        'content-disposition': `inline; filename="${name}"`,
        'cache-control': 'no-store',
      });
      res.end(Buffer.from(doc.body));
      return;
    }
    if (url.pathname === '/_lokal/unggah' && req.method === 'POST') {
      const key = url.searchParams.get('key') ?? '';
      const problem = uploadKeyProblem(key);
      if (problem) {
        refuse(res, 400, 'INVALID_KEY', problem.pesan, problem.message);
        return;
      }
      const uploader = String(req.headers['x-uploader-email'] ?? '');
      const contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
      const put = await this.opts.store.put({
        key,
        body,
        contentType,
        metadata: uploader ? { 'uploader-email': uploader } : {},
      });
      // ?tunggu=1: answer once intake has decided (started, resumed, ignored, refused), as the CLI shows it.
      const outcome = url.searchParams.get('tunggu') ? await this.opts.intakeOutcome?.(put.versionId) : undefined;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ key, versionId: put.versionId, ...(outcome ? { intake: intakeView(outcome) } : {}) }));
      return;
    }
    if (await serveDirectory(req, res, url, body, this.opts.deps)) return;
    const retry = /^\/_lokal\/laporan\/([^/]+)\/ulang$/.exec(url.pathname);
    if (retry && req.method === 'POST') {
      try {
        const out = await retryReport(this.opts.deps(), decodeURIComponent(retry[1] ?? ''));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out));
      } catch (err) {
        res.writeHead(409, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: (err as Error).message }));
      }
      return;
    }
    const audit = /^\/_lokal\/audit\/([^/]+)$/.exec(url.pathname);
    if (audit && req.method === 'GET') {
      const verdict = await verifyAudit(this.opts.deps(), decodeURIComponent(audit[1] ?? ''));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(verdict));
      return;
    }
    const reportJson = /^\/_lokal\/laporan(?:\/([^/]+))?$/.exec(url.pathname);
    if (reportJson && req.method === 'GET') {
      const deps = this.opts.deps();
      const id = reportJson[1] ? decodeURIComponent(reportJson[1]) : undefined;
      // View models only: the stored record carries the revision wait's task token.
      if (!id) {
        const unit = url.searchParams.get('unit') || undefined;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ reports: (await listReports(deps, { unit })).map(reportView) }));
        return;
      }
      const report = await deps.repo.get(id);
      res.writeHead(report ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          report ? { report: reportView(report), events: (await deps.repo.events(id)).map(auditEventView) } : {},
        ),
      );
      return;
    }
    const timeline = /^\/laporan\/([^/]+)$/.exec(url.pathname);
    if (timeline && req.method === 'GET') {
      const deps = this.opts.deps();
      const report = await deps.repo.get(decodeURIComponent(timeline[1] ?? ''));
      if (!report) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Laporan tidak ditemukan.');
        return;
      }
      const html = await renderReportTimeline({
        report,
        events: await deps.repo.events(report.reportId),
        now: new Date(),
        downloadUrl: (key, versionId) => this.opts.store.downloadUrl(key, versionId, 3600),
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(renderConsole(await this.opts.consoleData(url.searchParams)));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Tidak ditemukan.');
  }
}

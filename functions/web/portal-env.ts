import type { Context } from 'hono';
import type { Decision } from '../core/report.ts';
import type { Session, SessionPerson } from '../core/session.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Deps } from '../usecases/deps.ts';
import type { BrowserEntry, StaticAssets } from './static-assets.ts';

/** What a request of the portal carries between middlewares and routes (hono's `c.var`). */
export interface PortalVariables {
  lang: Lang;
  /** Signed in: the session and its person now (roles read from the directory on this request). */
  session?: Session;
  person?: SessionPerson;
  /** The URL path of a browser script for <script src> (content-hashed under /static). */
  asset: (name: BrowserEntry) => string;
}

export type PortalEnv = { Variables: PortalVariables };

/** Where the portal runs: the same app on Lambda and locally, only these differ. */
export interface PortalOptions {
  deps: () => Deps;
  /** HTTPS deployments: `__Host-` cookie with Secure, and HSTS. Off on the local http:// stack. */
  secureCookies: boolean;
  /** Origins the browser may send data to besides this one (the bucket of presigned uploads on AWS). */
  connectSrc?: string[];
  /**
   * The least time a sign-in request is answered in, ms (the mail a known address costs, hidden). Set where a
   * mail really goes out (Lambda, the local stack); 0 in tests.
   */
  signInAnswerMs?: number;
  /** The built browser scripts (functions/web/browser/*): from the bundle on Lambda, built in memory locally. */
  assets?: () => StaticAssets | undefined;
  /** Told about each decision recorded through the portal or a link (metrics), never about a refused one. */
  onDecided?: (decision: Decision) => void;
  /**
   * The address the request came from (the sign-in's rate limit per source): the HTTP API event's sourceIp on
   * Lambda, the socket's peer locally. Unset (tests): every request counts as one source.
   */
  clientIp?: (c: Context<PortalEnv>) => string | undefined;
  /** Structured log of each request: route pattern and status, never a query string, cookie or form value. */
  log?: (message: string, fields: Record<string, unknown>) => void;
  /** Errors nobody caused on purpose (a bug, a dependency down): logged by name and message. */
  logError?: (message: string, fields: Record<string, unknown>) => void;
  /**
   * Local stack only: what its operator glances at beside the city view (the EMF counters the local stand-in for
   * CloudWatch collected, the MailDev address). Unset on AWS, where CloudWatch has the metrics.
   */
  operatorFacts?: () => OperatorFacts;
}

/** The local operator's facts: event counters (not reports), in total and per unit, by CloudWatch metric name. */
export interface OperatorFacts {
  counts: Record<string, number>;
  byUnit: Record<string, Record<string, number>>;
  mailUrl?: string;
}

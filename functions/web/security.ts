import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { PortalEnv, PortalOptions } from './portal-env.ts';

/**
 * The headers every portal answer carries. Pages are never framed (DENY and frame-ancestors 'none'), never
 * cached (they show a person's data), and leak no URL to another site (decision and sign-in links carry
 * secrets). Scripts only from this origin's /static; the browser may send data only here and to the upload
 * bucket.
 */
export function portalHeaders(opts: Pick<PortalOptions, 'secureCookies' | 'connectSrc'>): MiddlewareHandler<PortalEnv> {
  const headers = secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: opts.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'"],
      connectSrc: ["'self'", ...(opts.connectSrc ?? [])],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  });
  return async (c, next) => {
    await headers(c, async () => {
      await next();
      if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
    });
  };
}

/**
 * Cross-site requests are refused before anything else: a state-changing request must come from a page of this
 * origin (Sec-Fetch-Site: same-origin, or the Origin header equal to this origin). The per-session token below
 * is the second, independent check.
 */
export function sameOriginOnly(publicOrigin: () => string): MiddlewareHandler<PortalEnv> {
  return csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin(),
    secFetchSite: 'same-origin',
  });
}

/** Constant-time comparison of a form's CSRF token with the session's. */
export function csrfTokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || !given) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { SESSION_HOURS } from '../core/session.ts';
import { resumeSession } from '../usecases/sessions.ts';
import type { PortalEnv, PortalOptions } from './portal-env.ts';
import { csrfTokenMatches } from './security.ts';

/** The session cookie: `__Host-` on HTTPS (Secure, host-only, path /), a plain name on the local http:// stack. */
const NAME = 'lapkin_sesi';
const cookieOpts = (secure: boolean): CookieOptions =>
  secure
    ? { httpOnly: true, sameSite: 'Lax', path: '/', secure: true, prefix: 'host' }
    : { httpOnly: true, sameSite: 'Lax', path: '/' };

export function sessionIdOf(c: Context, secure: boolean): string | undefined {
  return getCookie(c, NAME, secure ? 'host' : undefined);
}

export function setSessionCookie(c: Context, id: string, secure: boolean): void {
  setCookie(c, NAME, id, { ...cookieOpts(secure), maxAge: SESSION_HOURS * 3600 });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, NAME, cookieOpts(secure));
}

/** Reads the session behind the cookie, if any, with its person now (roles from the directory). */
export function loadSession(opts: PortalOptions): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const found = await resumeSession(opts.deps(), sessionIdOf(c, opts.secureCookies));
    if (found) {
      c.set('session', found.session);
      c.set('person', found.person);
    }
    await next();
  };
}

/**
 * Pages for signed-in people: without a session, to the sign-in page (coming back here after). Only this site's
 * own path is carried, never a full URL (no open redirect).
 */
export const requireSignIn: MiddlewareHandler<PortalEnv> = async (c, next) => {
  if (!c.get('person')) {
    const back = new URL(c.req.url);
    return c.redirect(`/masuk?lanjut=${encodeURIComponent(back.pathname + back.search)}`, 303);
  }
  await next();
};

/** Thrown for a POST of a signed-in person without the session's CSRF token: the app answers 403 with a page. */
export class CsrfError extends Error {
  override name = 'CsrfError';
}

/**
 * Every POST made with a session carries the session's synchronizer token (a hidden `csrf` field, or the
 * `x-csrf-token` header for the page's own scripts). Checked before any route reads the form.
 */
export const requireCsrfToken: MiddlewareHandler<PortalEnv> = async (c, next) => {
  const session = c.get('session');
  if (session && c.req.method === 'POST') {
    let given: unknown = c.req.header('x-csrf-token');
    if (!given) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
        given = (await c.req.parseBody()).csrf;
    }
    if (!csrfTokenMatches(session.csrf, given)) throw new CsrfError('POST without the session CSRF token');
  }
  await next();
};

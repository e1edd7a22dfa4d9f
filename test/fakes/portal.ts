import type { Deps } from '../../functions/usecases/deps.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { createPortalApp } from '../../functions/web/app.tsx';
import type { PortalOptions } from '../../functions/web/portal-env.ts';

/** The portal app on fake ports, as a browser on its own origin reaches it (same-origin POSTs). */
export function portalOf(deps: Deps, extra: Partial<PortalOptions> = {}) {
  const app = createPortalApp({ deps: () => deps, secureCookies: false, ...extra });
  const origin = new URL(deps.publicBaseUrl).origin;
  /** A request by path (relative to the public base URL); a POST carries the portal's own Origin. */
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.method && init.method !== 'GET' && !headers.has('origin') && !headers.has('sec-fetch-site'))
      headers.set('origin', origin);
    const res = await app.request(new URL(path, origin).toString(), { ...init, headers });
    return { statusCode: res.status, headers: res.headers, body: await res.text() };
  };
  return { app, request };
}

/** An emailed decision link's path and query, as the person's browser opens it. */
export function linkPath(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}

/**
 * A signed-in browser of a person of the directory on a portal of `portalOf`: GET, and POST of a form that
 * carries the session's CSRF token (`csrf: false` leaves it out).
 */
export async function signedInBrowser(
  deps: Deps,
  portal: ReturnType<typeof portalOf>,
  who: { nip: string },
  unit: string,
) {
  const { id: sid, session } = await startSession(deps, { nip: who.nip, unit });
  const cookie = `lapkin_sesi=${sid}`;
  return {
    get: (path: string) => portal.request(path, { headers: { cookie } }),
    post: (path: string, form: Record<string, string>, opts: { csrf?: boolean } = {}) =>
      portal.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form, ...(opts.csrf === false ? {} : { csrf: session.csrf }) }).toString(),
      }),
  };
}

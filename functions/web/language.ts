import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Lang } from '../i18n/lang.ts';
import type { PortalEnv, PortalOptions } from './portal-env.ts';

/** The language a person chose, kept across pages (a preference, not a secret: readable by nobody but the server). */
export const LANG_COOKIE = 'lapkin_bahasa';
const YEAR_SECONDS = 365 * 24 * 3600;

const isLang = (v: string | undefined): v is Lang => v === 'id' || v === 'en';

/**
 * The request's language: `?lang=en|id` or the switch's /bahasa/en|id (and it sticks: the cookie is set so the next pages, whose links carry
 * no ?lang, keep it), else the cookie, else the configured language.
 */
export function chooseLanguage(opts: Pick<PortalOptions, 'deps' | 'secureCookies'>): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    // The switch's /bahasa/en says it in the path.
    const asked = /^\/bahasa\/(\w+)$/.exec(c.req.path)?.[1] ?? c.req.query('lang');
    const kept = getCookie(c, LANG_COOKIE);
    if (isLang(asked)) {
      c.set('lang', asked);
      if (asked !== kept)
        setCookie(c, LANG_COOKIE, asked, {
          path: '/',
          sameSite: 'Lax',
          httpOnly: true,
          secure: opts.secureCookies,
          maxAge: YEAR_SECONDS,
        });
    } else c.set('lang', isLang(kept) ? kept : (opts.deps().config.language as Lang));
    await next();
  };
}

/** Where the Layout's switch links: /bahasa/en or /bahasa/id. */
export const languageSwitchHref = (to: Lang) => `/bahasa/${to}`;

/**
 * GET /bahasa/:lang — the Layout's "English / Bahasa Indonesia" switch: keeps the choice (the cookie, set by
 * chooseLanguage from the path's language) and goes back to the page the person was on, its query kept (a
 * filtered list its filter, an emailed decision link its signature). That page is known from the Referer, which
 * the switch link alone sends to this origin (referrerpolicy="same-origin"; every page's policy is no-referrer):
 * no page echoes its own URL into its markup. Another site's Referer, or none, goes to the home page.
 */
export function languageRoutes(opts: Pick<PortalOptions, 'deps'>) {
  const app = new Hono<PortalEnv>();
  app.get('/bahasa/:lang', (c) => {
    const referer = c.req.header('referer');
    let back = '/';
    try {
      const from = referer ? new URL(referer) : undefined;
      const own = [new URL(c.req.url).origin, new URL(opts.deps().publicBaseUrl).origin];
      if (from && own.includes(from.origin) && !from.pathname.startsWith('/bahasa/')) {
        // The page's own ?lang would override the choice just made.
        from.searchParams.delete('lang');
        back = from.pathname + (from.searchParams.size ? `?${from.searchParams}` : '');
      }
    } catch {
      // Not a URL: the home page.
    }
    return c.redirect(back, 303);
  });
  return app;
}

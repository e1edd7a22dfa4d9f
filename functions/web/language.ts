import type { Context, MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { getCookie, setCookie } from 'hono/cookie';
import type { Lang } from '../i18n/lang.ts';
import type { PortalEnv, PortalOptions } from './portal-env.ts';

/** The language a person chose, kept across pages (a preference, not a secret: readable by nobody but the server). */
export const LANG_COOKIE = 'lapkin_bahasa';
const YEAR_SECONDS = 365 * 24 * 3600;

const isLang = (v: string | undefined): v is Lang => v === 'id' || v === 'en';

/**
 * The request's language: `?lang=en|id` (and it sticks: the cookie is set so the next pages, whose links carry
 * no ?lang, keep it), else the cookie, else the configured language.
 */
export function chooseLanguage(opts: Pick<PortalOptions, 'deps' | 'secureCookies'>): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const asked = c.req.query('lang');
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

/**
 * The link that switches this page to another language: the same path and query with ?lang replaced (a filtered
 * list keeps its filter, an emailed decision link its signature). Read from the request being rendered (hono's
 * context storage), so every page's Layout has it without each route passing its URL; outside a request, the
 * home page.
 */
export function languageSwitchHref(to: Lang, c: Context<PortalEnv> | undefined = tryGetContext<PortalEnv>()) {
  if (!c) return `/?lang=${to}`;
  const url = new URL(c.req.url);
  url.searchParams.set('lang', to);
  return `${url.pathname}?${url.searchParams}`;
}

import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { safeNextPath } from '../../core/sign-in.ts';
import type { Lang } from '../../i18n/lang.ts';
import { endSession } from '../../usecases/sessions.ts';
import {
  requestSignIn,
  type SignInResult,
  signInWithCode,
  signInWithLink,
  viewSignInLink,
} from '../../usecases/sign-in.ts';
import { MessagePage } from '../pages/message.tsx';
import { CheckMailPage, CodePage, type LangQuery, LinkPage, SignInPage } from '../pages/sign-in.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from '../session.ts';

/** A sign-in form is an address, a code and a unit: anything near this is not one. */
const MAX_BODY_BYTES = 8 * 1024;

const GONE = {
  id: {
    title: 'Tautan masuk tidak berlaku',
    body: 'Tautan masuk sudah digunakan atau kedaluwarsa. Mohon minta tautan masuk yang baru.',
    again: 'Minta tautan baru',
    tooLarge: 'Permintaan terlalu besar',
    tooLargeBody: 'Formulir ini lebih besar daripada yang dapat diterima portal.',
  },
  en: {
    title: 'Sign-in link no longer valid',
    body: 'This sign-in link has been used or has expired. Please ask for a new sign-in link.',
    again: 'Ask for a new link',
    tooLarge: 'Request too large',
    tooLargeBody: 'This form is larger than the portal accepts.',
  },
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Sign-in without passwords (GET/POST /masuk, /masuk/tautan/:token, /masuk/kode) and sign-out (POST /keluar).
 * Who signs in, in which unit and with which roles comes from the directory — never from the form.
 */
export function signInRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  const limited = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      const lang: Lang = c.get('lang') ?? 'id';
      const t = GONE[lang];
      return c.html(<MessagePage lang={lang} title={t.tooLarge} body={t.tooLargeBody} tone="bad" />, 413);
    },
  });
  // A signed-in browser's form was already read by the app's CSRF check (its stream is used): the 10 MB limit in
  // front of the app bounded it; reading the stream again here would fail.
  const limit: MiddlewareHandler<PortalEnv> = (c, next) => (c.req.raw.bodyUsed ? next() : limited(c, next));
  const langQuery = (c: Context<PortalEnv>): LangQuery => (c.req.query('lang') ? `?lang=${c.get('lang')}` : '');
  const common = (c: Context<PortalEnv>) => ({
    lang: c.get('lang'),
    langQuery: langQuery(c),
    csrf: c.get('session')?.csrf,
  });
  const form = async (c: Context<PortalEnv>) => (await c.req.parseBody()) as Record<string, unknown>;

  const gone = (c: Context<PortalEnv>) => {
    const t = GONE[c.get('lang')];
    return c.html(
      <MessagePage
        lang={c.get('lang')}
        title={t.title}
        body={t.body}
        tone="warn"
        next={{ href: `/masuk${langQuery(c)}`, label: t.again }}
      />,
      410,
    );
  };

  /** Signed in: a new session (never the one the browser had: no fixation), its cookie, then where they wanted. */
  const signedIn = async (
    c: Context<PortalEnv>,
    result: Extract<SignInResult, { outcome: 'SIGNED_IN' }>,
    next: unknown,
  ) => {
    const previous = sessionIdOf(c, opts.secureCookies);
    if (previous) await endSession(opts.deps(), previous);
    setSessionCookie(c, result.id, opts.secureCookies);
    return c.redirect(safeNextPath(next) ?? result.next ?? '/', 303);
  };

  app.get('/masuk', (c) => {
    const next = safeNextPath(c.req.query('lanjut'));
    if (c.get('person')) return c.redirect(next ?? '/', 303);
    return c.html(<SignInPage {...common(c)} next={next} signedOut={c.req.query('keluar') === '1'} />);
  });

  app.post('/masuk', limit, async (c) => {
    const f = await form(c);
    const email = text(f.email).trim().slice(0, 254);
    const next = safeNextPath(f.lanjut);
    const started = performance.now();
    const outcome = await requestSignIn(opts.deps(), {
      email,
      sourceIp: opts.clientIp?.(c) ?? 'unknown',
      lang: c.get('lang'),
      next,
    });
    if (outcome === 'INVALID') return c.html(<SignInPage {...common(c)} email={email} next={next} error />, 422);
    // Never the address, nor whether it is known: only that a mail did not go.
    if (outcome === 'MAIL_FAILED') opts.logError?.('sign-in mail not sent', { route: '/masuk' });
    // A known address costs a mail; an unknown one nothing. Every answer takes at least the same time, so how
    // long it took does not tell whether the address belongs to somebody (no enumeration by timing either).
    const wait = (opts.signInAnswerMs ?? 0) - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return c.html(<CheckMailPage {...common(c)} email={email} />);
  });

  app.get('/masuk/tautan/:token', async (c) => {
    const view = await viewSignInLink(opts.deps(), c.req.param('token'));
    if (!view) return gone(c);
    return c.html(
      <LinkPage {...common(c)} action={c.req.path + langQuery(c)} choices={view.choices} next={view.next} />,
    );
  });

  app.post('/masuk/tautan/:token', limit, async (c) => {
    const f = await form(c);
    const result = await signInWithLink(opts.deps(), c.req.param('token'), text(f.unit) || undefined);
    if (result.outcome === 'SIGNED_IN') return signedIn(c, result, f.lanjut);
    if (result.outcome === 'CHOOSE')
      return c.html(
        <LinkPage
          {...common(c)}
          action={c.req.path + langQuery(c)}
          choices={result.choices}
          next={result.next}
          missingChoice
        />,
        422,
      );
    return gone(c);
  });

  app.get('/masuk/kode', (c) => c.html(<CodePage {...common(c)} />));

  app.post('/masuk/kode', limit, async (c) => {
    const f = await form(c);
    const email = text(f.email).trim().slice(0, 254);
    const code = text(f.kode).slice(0, 32);
    const result = await signInWithCode(opts.deps(), { email, code, unit: text(f.unit) || undefined });
    if (result.outcome === 'SIGNED_IN') return signedIn(c, result, f.lanjut);
    if (result.outcome === 'CHOOSE')
      return c.html(<CodePage {...common(c)} email={email} code={code} choices={result.choices} next={result.next} />);
    if (result.outcome === 'GONE') return gone(c);
    return c.html(<CodePage {...common(c)} email={email} wrong />, 422);
  });

  // The CSRF token was checked before this route (app-wide, for every POST of a browser with a session).
  app.post('/keluar', async (c) => {
    await endSession(opts.deps(), sessionIdOf(c, opts.secureCookies));
    clearSessionCookie(c, opts.secureCookies);
    return c.redirect(`/masuk?keluar=1${c.req.query('lang') ? `&lang=${c.get('lang')}` : ''}`, 303);
  });
  return app;
}

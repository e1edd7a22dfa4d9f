import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Lang } from '../i18n/lang.ts';
import { chooseLanguage, languageRoutes } from './language.ts';
import { MessagePage } from './pages/message.tsx';
import type { PortalEnv, PortalOptions } from './portal-env.ts';
import { decisionLinkRoutes, MAX_BODY_BYTES } from './routes/decision.ts';
import { delegationRoutes } from './routes/delegation.tsx';
import { homeRoutes } from './routes/home.tsx';
import { reportRoutes } from './routes/reports.tsx';
import { signInRoutes } from './routes/sign-in.tsx';
import { taskRoutes } from './routes/tasks.tsx';
import { uploadRoutes } from './routes/upload.tsx';
import { verificationRoutes } from './routes/verify.tsx';
import { portalHeaders, sameOriginOnly } from './security.ts';
import { CsrfError, loadSession, requireCsrfToken } from './session.ts';
import { staticRoutes } from './static-assets.ts';

const TEXT = {
  id: {
    crossSite: 'Permintaan ditolak',
    crossSiteBody:
      'Permintaan ini tidak berasal dari halaman portal lapkin sendiri. Mohon buka portal lalu ulangi dari sana.',
    csrf: 'Formulir kedaluwarsa',
    csrfBody:
      'Formulir ini tidak lagi sesuai dengan sesi Bapak/Ibu (mungkin Bapak/Ibu masuk atau keluar di tab lain). Mohon muat ulang halaman lalu ulangi.',
    notFound: 'Halaman tidak ditemukan',
    notFoundBody: 'Alamat ini tidak dikenal portal lapkin.',
    error: 'Terjadi gangguan',
    errorBody: 'Permintaan Bapak/Ibu belum dapat diproses karena gangguan sementara. Mohon ulangi beberapa saat lagi.',
    home: 'Ke beranda',
    tooLarge: 'Isian terlalu besar',
    tooLargeBody: 'Isian formulir melebihi batas yang diterima portal. Mohon persingkat lalu kirim kembali.',
  },
  en: {
    crossSite: 'Request refused',
    crossSiteBody:
      'This request did not come from a page of the lapkin portal. Please open the portal and retry there.',
    csrf: 'Form expired',
    csrfBody:
      'This form no longer matches your session (you may have signed in or out in another tab). Please reload the page and try again.',
    notFound: 'Page not found',
    notFoundBody: 'The lapkin portal does not know this address.',
    error: 'Something went wrong',
    errorBody: 'Your request could not be processed because of a temporary problem. Please try again shortly.',
    home: 'Go to the home page',
    tooLarge: 'Input too large',
    tooLargeBody: 'The form is larger than the portal accepts. Please shorten it and send it again.',
  },
};

/**
 * The portal: one hono app for the browser — the same module on Lambda (hono/aws-lambda behind the HTTP API) and
 * in the local stack (@hono/node-server). Routes are primary adapters like the handlers: they read the request,
 * call a use case, render a page.
 */
export function createPortalApp(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  const publicOrigin = () => new URL(opts.deps().publicBaseUrl).origin;

  app.use(chooseLanguage(opts));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The route's pattern, never the URL: decision links carry a signature, sign-in links a token.
    opts.log?.('portal request', {
      method: c.req.method,
      route: c.req.routePath,
      statusCode: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(portalHeaders(opts));
  app.use(async (c, next) => {
    c.set('asset', (name) => {
      const assets = opts.assets?.();
      if (!assets) throw new Error(`browser assets are not built (asked for ${name})`);
      return assets.path(name);
    });
    await next();
  });
  // Scripts need no session: served before it is read.
  app.route(
    '/',
    staticRoutes(() => opts.assets?.()),
  );
  app.use(sameOriginOnly(publicOrigin));
  // Every portal form is small (a decision note is ≤ 2000 characters; files go straight to the bucket): the limit
  // holds before anything reads the body — the CSRF check reads a signed-in browser's form first.
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const lang: Lang = (c.get('lang') as Lang | undefined) ?? 'id';
        const t = TEXT[lang];
        return c.html(<MessagePage lang={lang} title={t.tooLarge} body={t.tooLargeBody} tone="bad" />, 413);
      },
    }),
  );
  app.use(loadSession(opts));
  app.use(requireCsrfToken);

  app.route('/', languageRoutes(opts));
  app.route('/', decisionLinkRoutes(opts));
  app.route('/', signInRoutes(opts));
  app.route('/', homeRoutes(opts));
  app.route('/', verificationRoutes(opts));
  app.route('/', uploadRoutes(opts));
  app.route('/', reportRoutes(opts));
  app.route('/', taskRoutes(opts));
  app.route('/', delegationRoutes(opts));

  app.notFound((c) => {
    const t = TEXT[c.get('lang') ?? 'id'];
    return c.html(
      <MessagePage
        lang={c.get('lang') ?? 'id'}
        title={t.notFound}
        body={t.notFoundBody}
        tone="warn"
        person={c.get('person')}
        csrf={c.get('session')?.csrf}
        next={{ href: '/', label: t.home }}
      />,
      404,
    );
  });

  app.onError((err, c) => {
    const lang: Lang = c.get('lang') ?? 'id';
    const t = TEXT[lang];
    const page = (title: string, body: string, status: 403 | 500) =>
      c.html(
        <MessagePage lang={lang} title={title} body={body} tone="bad" next={{ href: '/', label: t.home }} />,
        status,
      );
    if (err instanceof HTTPException && err.status === 403) return page(t.crossSite, t.crossSiteBody, 403);
    if (err instanceof CsrfError) return page(t.csrf, t.csrfBody, 403);
    if (err instanceof HTTPException) return err.getResponse();
    opts.logError?.('portal request failed', { route: c.req.routePath, error: err.name, detail: err.message });
    return page(t.error, t.errorBody, 500);
  });
  return app;
}

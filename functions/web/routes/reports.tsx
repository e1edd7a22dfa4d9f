import { Hono } from 'hono';
import type { SessionPerson } from '../../core/session.ts';
import {
  listReportsFor,
  PortalReportNotFoundError,
  ReportForbiddenError,
  reportFilter,
  reportPageFor,
} from '../../usecases/portal-reports.ts';
import { MessagePage } from '../pages/message.tsx';
import { ReportDetailPage } from '../pages/report.tsx';
import { ReportListPage } from '../pages/reports.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';
import { requireSignIn } from '../session.ts';

const TEXT = {
  id: {
    forbidden: 'Tidak berwenang',
    forbiddenBody:
      'Laporan ini milik unit kerja lain. Bapak/Ibu hanya dapat membuka laporan unit kerja Bapak/Ibu sendiri.',
    notFound: 'Laporan tidak ditemukan',
    notFoundBody: 'Tidak ada laporan dengan alamat ini.',
    back: 'Ke daftar laporan',
  },
  en: {
    forbidden: 'Not allowed',
    forbiddenBody: 'This report belongs to another unit. You can open the reports of your own unit only.',
    notFound: 'Report not found',
    notFoundBody: 'There is no report at this address.',
    back: 'Go to the reports',
  },
};

/**
 * GET /laporan and /laporan/:id — the signed-in person's unit's reports (the city's: every unit's). Reading only:
 * no POST here. The unit comes from the session, never from the request (except the city's unit filter).
 */
export function reportRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  app.use('/laporan', requireSignIn);
  app.use('/laporan/*', requireSignIn);

  app.get('/laporan', async (c) => {
    const deps = opts.deps();
    const person = c.get('person') as SessionPerson;
    const now = deps.clock.now();
    const list = await listReportsFor(
      deps,
      person,
      reportFilter((k) => c.req.query(k)),
      now,
    );
    return c.html(
      <ReportListPage
        lang={c.get('lang')}
        list={list}
        now={now}
        person={person}
        csrf={c.get('session')?.csrf}
        // The local operator's counters, on the city's view only (a unit's person never sees them).
        operatorFacts={list.city ? opts.operatorFacts?.() : undefined}
      />,
    );
  });

  app.get('/laporan/:id', async (c) => {
    const deps = opts.deps();
    const lang = c.get('lang');
    const person = c.get('person') as SessionPerson;
    const now = deps.clock.now();
    const csrf = c.get('session')?.csrf;
    try {
      const page = await reportPageFor(deps, person, c.req.param('id'), now);
      return c.html(<ReportDetailPage lang={lang} page={page} now={now} person={person} csrf={csrf} />);
    } catch (err) {
      const forbidden = err instanceof ReportForbiddenError;
      if (!forbidden && !(err instanceof PortalReportNotFoundError)) throw err;
      const t = TEXT[lang];
      return c.html(
        <MessagePage
          lang={lang}
          title={forbidden ? t.forbidden : t.notFound}
          body={forbidden ? t.forbiddenBody : t.notFoundBody}
          tone={forbidden ? 'bad' : 'warn'}
          person={person}
          csrf={csrf}
          next={{ href: '/laporan', label: t.back }}
        />,
        forbidden ? 403 : 404,
      );
    }
  });
  return app;
}

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Period } from '../../core/report.ts';
import { canUpload, type SessionPerson } from '../../core/session.ts';
import { dataSettings } from '../../documents/check-data.ts';
import { statusLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { dataContextFor } from '../../usecases/data-context.ts';
import { unitDirectory } from '../../usecases/directory.ts';
import { currentPerjanjianKinerja } from '../../usecases/perjanjian-kinerja.ts';
import {
  canUploadPk,
  parsePeriode,
  parseTahun,
  prepareUpload,
  ReportNotTakingUploadsError,
  reportToCorrect,
  takesUpload,
  UploadInputError,
  UploadNotAllowedError,
  uploadYears,
} from '../../usecases/prepare-upload.ts';
import { annualWorkbook, RollUpNotReadyError } from '../../usecases/roll-up-year.ts';
import { MessagePage } from '../pages/message.tsx';
import { UploadPage, type UploadPageProps } from '../pages/upload.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';
import { requireSignIn } from '../session.ts';

/** The form request is three short values; anything near this is not one. */
const MAX_FORM_REQUEST_BYTES = 4 * 1024;

const TEXT = {
  id: {
    forbidden: 'Unggah data tidak tersedia',
    forbiddenBody: 'Unggah data hanya untuk Staf, Kepala Seksi dan TIMSAKIP unit ini.',
    home: 'Ke beranda',
    rollUpTitle: 'Rekap data tahunan belum dapat dibuat',
    pkForbidden: 'Perjanjian Kinerja hanya dapat diunggah oleh Ketua TIMSAKIP unit ini.',
    notTaking: (id: string, status: string, done: boolean) =>
      done
        ? `Laporan ${id} telah terdokumentasi; unggahan baru untuk periode ini tidak akan digunakan. Mohon pilih periode lain.`
        : `Laporan ${id} sedang dalam tahap "${status}"; unggahan baru hanya diterima setelah laporan dikembalikan untuk revisi.`,
    back: 'Kembali ke halaman unggah',
    signIn: 'Sesi Bapak/Ibu telah berakhir. Mohon masuk kembali lalu ulangi.',
    bad: {
      tahun: 'Tahun tidak valid.',
      periode: 'Periode tidak valid (TW1–TW4 atau TAHUNAN).',
      jenis: 'Jenis berkas tidak valid (CSV atau XLSX).',
      body: 'Permintaan tidak valid.',
    },
  },
  en: {
    forbidden: 'Upload not available',
    forbiddenBody: 'Uploading data is for the unit’s Staf, Kepala Seksi and TIMSAKIP only.',
    home: 'Go to the home page',
    rollUpTitle: 'The annual roll-up cannot be made yet',
    pkForbidden: "The performance agreement can only be uploaded by the unit's TIMSAKIP lead.",
    notTaking: (id: string, status: string, done: boolean) =>
      done
        ? `Report ${id} is documented; a new upload for this period would not be used. Please choose another period.`
        : `Report ${id} is at "${status}"; a new upload is taken only once the report is sent back for revision.`,
    back: 'Back to the upload page',
    signIn: 'Your session has ended. Please sign in again and retry.',
    bad: {
      tahun: 'Invalid year.',
      periode: 'Invalid period (TW1–TW4 or TAHUNAN).',
      jenis: 'Invalid file type (CSV or XLSX).',
      body: 'Invalid request.',
    },
  },
};

/** The (tahun, periode) of the quarter that ended last, in WIB: what a data collector uploads for most of the time. */
export function lastQuarter(now: Date): { tahun: number; periode: Period } {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const quarter = Math.floor(wib.getUTCMonth() / 3); // 0 = Jan–Mar: the quarter that ended is TW4 of last year
  return quarter === 0
    ? { tahun: wib.getUTCFullYear() - 1, periode: 'TW4' }
    : { tahun: wib.getUTCFullYear(), periode: `TW${quarter}` as Period };
}

/** The roll-up cannot be made yet (or a bad year): why, and the way back to the upload page. */
function messagePage(lang: Lang, person: SessionPerson, csrf: string | undefined, body: string) {
  const t = TEXT[lang];
  return (
    <MessagePage
      lang={lang}
      title={t.rollUpTitle}
      body={body}
      tone="warn"
      person={person}
      csrf={csrf}
      next={{ href: '/unggah', label: t.back }}
    />
  );
}

function forbiddenPage(lang: Lang, person: SessionPerson | undefined, csrf: string | undefined) {
  const t = TEXT[lang];
  return (
    <MessagePage
      lang={lang}
      title={t.forbidden}
      body={t.forbiddenBody}
      tone="warn"
      person={person}
      csrf={csrf}
      next={{ href: '/', label: t.home }}
    />
  );
}

/**
 * GET /unggah — the upload page; POST /unggah/formulir — the signed form for the chosen tahun and periode (JSON,
 * for the page's script). The page checks the file in the browser (the worker upload-check) and posts it
 * straight to the bucket with the form; the upload starts the SOP through the bucket event as any other.
 */
export function uploadRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();

  app.get('/unggah', requireSignIn, async (c) => {
    const deps = opts.deps();
    const lang = c.get('lang');
    const person = c.get('person') as SessionPerson;
    const csrf = c.get('session')?.csrf;
    if (!canUpload(person)) return c.html(forbiddenPage(lang, person, csrf), 403);
    const now = deps.clock.now();
    const { first, last } = uploadYears(now);
    const named = await reportToCorrect(deps, person, c.req.query('laporan'));
    // An old revision link to a report that takes no upload now: say so at once, offer no correction.
    const closed =
      named?.kind === 'report' && !takesUpload(named.status)
        ? TEXT[lang].notTaking(named.reportId, statusLabel(named.status, lang), named.status === 'TERDOKUMENTASI')
        : undefined;
    const found = closed ? undefined : named;
    const { tahun, periode } = found?.kind === 'report' ? found : lastQuarter(now);
    let unitName = person.unit;
    try {
      unitName = (await unitDirectory(deps, person.unit)).profile.organization.name;
    } catch {
      // The page works without the unit's full name.
    }
    const props: UploadPageProps = {
      lang,
      person,
      unitName,
      csrf,
      pageScript: c.get('asset')('upload-page'),
      workerScript: c.get('asset')('upload-check'),
      settings: dataSettings(deps.config),
      canUploadPk: canUploadPk(person),
      ...(closed ? { closed } : {}),
      years: Array.from({ length: last - first + 1 }, (_, i) => last - i),
      tahun,
      periode,
      revision:
        found?.kind === 'report'
          ? { reportId: found.reportId, note: found.note }
          : found
            ? { unknown: found.id }
            : undefined,
    };
    return c.html(<UploadPage {...props} />);
  });

  /**
   * The unit's PK of a year, for the page's checker: with a PK in force a short-format upload is checked against
   * it in the browser as the assembly will. Own unit only; null when none was accepted.
   */
  app.get('/unggah/pk', requireSignIn, async (c) => {
    const deps = opts.deps();
    const person = c.get('person') as SessionPerson;
    if (!canUpload(person)) return c.json({ pesan: TEXT[c.get('lang')].forbiddenBody }, 403);
    const tahun = parseTahun(c.req.query('tahun'), deps.clock.now());
    if (tahun === undefined) return c.json({ pesan: TEXT[c.get('lang')].bad.tahun }, 400);
    const periode = parsePeriode(c.req.query('periode'));
    if (!periode) {
      const stored = await currentPerjanjianKinerja(deps, person.unit, tahun);
      return c.json({ pk: stored?.pk ?? null });
    }
    // With the quarter: also the earlier quarters' figures the assembly will add up (as [kode, figures] pairs).
    const { context } = await dataContextFor(deps, { unit: person.unit, tahun, periode });
    return c.json({ pk: context.pk ?? null, earlier: [...(context.earlier ?? new Map())] });
  });

  /**
   * The year's figures rolled up from the four documented quarters by sifat, as the annual workbook (Data and
   * an empty Narasi sheet) the staff complete and upload as TAHUNAN; or a page saying what is missing.
   */
  app.get('/unggah/rekap-tahunan', requireSignIn, async (c) => {
    const deps = opts.deps();
    const lang = c.get('lang');
    const person = c.get('person') as SessionPerson;
    const csrf = c.get('session')?.csrf;
    if (!canUpload(person)) return c.html(forbiddenPage(lang, person, csrf), 403);
    const tahun = parseTahun(c.req.query('tahun'), deps.clock.now());
    if (tahun === undefined) return c.html(messagePage(lang, person, csrf, TEXT[lang].bad.tahun), 400);
    try {
      const { xlsx } = await annualWorkbook(deps, person.unit, tahun, lang);
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="data-tahunan-${person.unit}-${tahun}.xlsx"`,
      });
    } catch (err) {
      if (!(err instanceof RollUpNotReadyError)) throw err;
      return c.html(messagePage(lang, person, csrf, err.reasons.join(' ')), 409);
    }
  });

  app.post(
    '/unggah/formulir',
    bodyLimit({
      maxSize: MAX_FORM_REQUEST_BYTES,
      onError: (c) => c.json({ pesan: TEXT[(c.get('lang') as Lang) ?? 'id'].bad.body }, 413),
    }),
    async (c) => {
      const lang = c.get('lang');
      const t = TEXT[lang];
      const person = c.get('person');
      if (!person) return c.json({ pesan: t.signIn }, 401);
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = await c.req.json();
        if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        return c.json({ pesan: t.bad.body }, 400);
      }
      try {
        // Only these three are read: a key, size, unit or metadata in the request is never looked at.
        const prepared = await prepareUpload(opts.deps(), person, {
          tahun: body.tahun,
          periode: body.periode,
          jenis: body.jenis,
        });
        return c.json({
          url: prepared.form.url,
          fields: prepared.form.fields,
          ...(prepared.reportId ? { reportId: prepared.reportId } : {}),
          ...(prepared.pk ? { pk: prepared.pk } : {}),
          expiresAt: prepared.expiresAt,
        });
      } catch (err) {
        if (err instanceof UploadNotAllowedError) {
          return c.json({ pesan: err.what === 'pk' ? t.pkForbidden : t.forbiddenBody }, 403);
        }
        if (err instanceof UploadInputError) return c.json({ pesan: t.bad[err.field], field: err.field }, 400);
        if (err instanceof ReportNotTakingUploadsError) {
          const status = statusLabel(err.status, lang);
          return c.json({ pesan: t.notTaking(err.reportId, status, err.status === 'TERDOKUMENTASI') }, 409);
        }
        throw err;
      }
    },
  );
  return app;
}

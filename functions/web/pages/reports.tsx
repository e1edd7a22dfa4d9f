import { PERIODS } from '../../core/report.ts';
import type { SessionPerson } from '../../core/session.ts';
import { FUNNEL_STAGES, type FunnelStage } from '../../core/sop-funnel.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { PERIOD_LABEL, STEP_LABEL, statusLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ReportList, UnitSummary } from '../../usecases/portal-reports.ts';
import { mutuBakuAge } from '../mutu-baku-age.ts';
import { Layout } from './layout.tsx';
import { Facts, PageStyle, StatusBadge } from './parts.tsx';

const T = {
  id: {
    title: 'Laporan Kinerja',
    allUnits: 'Semua unit',
    unit: 'Unit',
    tahun: 'Tahun',
    periode: 'Periode',
    all: 'Semua',
    show: 'Tampilkan',
    step: 'Tahap',
    revision: 'Revisi',
    due: 'Batas waktu',
    age: 'Mutu Baku',
    count: (n: number) => `${n} laporan`,
    none: 'Belum ada laporan untuk pilihan ini.',
    unknownUnit: (u: string) => `Unit "${u}" tidak dikenal.`,
    cityNote: 'Tampilan kota: semua unit. Pilih unit, tahun atau periode untuk menyaring.',
    late: 'terlambat',
    funnel: {
      received: 'Diterima',
      assembled: 'Disusun',
      awaitingVerification: 'Menunggu verifikasi',
      awaitingRatification: 'Menunggu pengesahan',
      sentBack: 'Dikembalikan',
      documented: 'Terdokumentasi',
      failed: 'Gagal',
      lateEver: 'Mutu Baku terlampaui',
    } satisfies Record<FunnelStage, string>,
    funnelNote: 'Dihitung per laporan yang ditampilkan.',
    units: (n: number) => `Ringkasan per unit (${n} unit)`,
    unitLine: (u: UnitSummary) =>
      u.reports
        ? `${u.reports} laporan · ${u.awaitingDecision} menunggu keputusan · ${u.lateNow} terlambat · ${u.documented} terdokumentasi`
        : 'belum ada laporan',
  },
  en: {
    title: 'Performance reports',
    allUnits: 'All units',
    unit: 'Unit',
    tahun: 'Year',
    periode: 'Period',
    all: 'All',
    show: 'Show',
    step: 'Step',
    revision: 'Revision',
    due: 'Due',
    age: 'Mutu Baku',
    count: (n: number) => `${n} report${n === 1 ? '' : 's'}`,
    none: 'No reports for this choice yet.',
    unknownUnit: (u: string) => `Unknown unit "${u}".`,
    cityNote: 'City view: every unit. Choose a unit, year or period to narrow it.',
    late: 'late',
    funnel: {
      received: 'Received',
      assembled: 'Assembled',
      awaitingVerification: 'Awaiting verification',
      awaitingRatification: 'Awaiting ratification',
      sentBack: 'Sent back',
      documented: 'Documented',
      failed: 'Failed',
      lateEver: 'Mutu Baku exceeded',
    } satisfies Record<FunnelStage, string>,
    funnelNote: 'Counted in the reports shown.',
    units: (n: number) => `Per unit (${n} units)`,
    unitLine: (u: UnitSummary) =>
      u.reports
        ? `${u.reports} reports · ${u.awaitingDecision} awaiting a decision · ${u.lateNow} late · ${u.documented} documented`
        : 'no reports yet',
  },
};

/** The city's overview: the SOP funnel of the reports shown, and every unit in one line (collapsed). */
function CityOverview(p: { lang: Lang; list: ReportList }) {
  const t = T[p.lang];
  const f = p.list.filter;
  const href = (unit: string) => {
    const q = new URLSearchParams({ unit, tahun: f.tahun ? String(f.tahun) : '', periode: f.periode ?? '' });
    if (p.lang === 'en') q.set('lang', 'en');
    return `/laporan?${q}`;
  };
  return (
    <>
      <div class="funnel">
        {FUNNEL_STAGES.map((s) => (
          <div data-stage={s}>
            <b>{String(p.list.funnel[s])}</b>
            {t.funnel[s]}
          </div>
        ))}
      </div>
      <p class="muted">{t.funnelNote}</p>
      {p.list.unitSummary.length ? (
        <details class="units">
          <summary>{t.units(p.list.unitSummary.length)}</summary>
          <ul class="plain">
            {p.list.unitSummary.map((u) => (
              <li data-unit={u.unitCode}>
                <a href={href(u.unitCode)}>{u.name}</a>
                <br />
                <span class={u.lateNow ? 'late' : 'muted'}>{t.unitLine(u)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/**
 * /laporan — the reports a person may see, newest first: one card per report (on a phone a card, never a wide
 * table), with status, step, due time and age against the Mutu Baku; a GET form filters by year and period
 * (and unit, for the city).
 */
export function ReportListPage(p: { lang: Lang; list: ReportList; now: Date; person: SessionPerson; csrf?: string }) {
  const t = T[p.lang];
  const { list } = p;
  const heading = list.city
    ? list.filter.unit
      ? (list.unitOf[list.filter.unit]?.organization.name ?? list.filter.unit)
      : t.allUnits
    : (list.units[0]?.organization.name ?? p.person.unit);
  return (
    <Layout lang={p.lang} title={`${t.title} — ${heading}`} wide person={p.person} csrf={p.csrf}>
      <PageStyle />
      <h1>{t.title}</h1>
      <p>
        <strong>{heading}</strong>
        {list.city ? <span class="muted"> · {t.cityNote}</span> : null}
      </p>
      <form method="get" action="/laporan" class="filters" aria-label={t.show}>
        {p.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        {list.city ? (
          <div>
            <label for="f-unit">{t.unit}</label>
            <select id="f-unit" name="unit">
              <option value="">{t.allUnits}</option>
              {list.units.map((u) => (
                <option value={u.unitCode} selected={u.unitCode === list.filter.unit}>
                  {u.organization.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label for="f-tahun">{t.tahun}</label>
          <select id="f-tahun" name="tahun">
            <option value="">{t.all}</option>
            {[...new Set([...list.years, ...(list.filter.tahun ? [list.filter.tahun] : [])])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option value={String(y)} selected={y === list.filter.tahun}>
                  {String(y)}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label for="f-periode">{t.periode}</label>
          <select id="f-periode" name="periode">
            <option value="">{t.all}</option>
            {PERIODS.map((x) => (
              <option value={x} selected={x === list.filter.periode}>
                {PERIOD_LABEL[p.lang][x]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" class="btn btn-link">
            {t.show}
          </button>
        </div>
      </form>
      {list.unknownUnit ? <div class="error">{t.unknownUnit(list.unknownUnit)}</div> : null}
      {list.city ? <CityOverview lang={p.lang} list={list} /> : null}
      <p class="muted">{t.count(list.items.length)}</p>
      {list.items.length ? (
        <ul class="cards reports">
          {list.items.map(({ report: r, unitName, late }) => {
            const age = mutuBakuAge(r, p.now, p.lang);
            const unit = list.unitOf[r.unit];
            return (
              <li data-report={r.reportId} class={late ? 'is-late' : undefined}>
                <h2>
                  <a class="title" href={`/laporan/${encodeURIComponent(r.reportId)}`}>
                    {PERIOD_LABEL[p.lang][r.periode]} {r.tahun}
                  </a>
                  {list.city ? <div class="muted">{unitName}</div> : null}
                </h2>
                <StatusBadge status={r.status} label={statusLabel(r.status, p.lang, unit)} />
                <Facts
                  rows={[
                    [t.step, STEP_LABEL[p.lang][r.step] ?? r.step],
                    [t.revision, String(r.revision)],
                    [
                      t.due,
                      r.dueAt && r.status !== 'TERDOKUMENTASI' ? (
                        <span class={late ? 'late' : undefined}>{formatDateTime(r.dueAt, p.lang)}</span>
                      ) : (
                        '–'
                      ),
                    ],
                    [t.age, <span class={age.late ? 'late' : undefined}>{age.text}</span>],
                  ]}
                />
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
    </Layout>
  );
}

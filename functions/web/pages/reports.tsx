import { PERIODS, STATUSES } from '../../core/report.ts';
import type { PeriodKey } from '../../core/report-period.ts';
import type { SessionPerson } from '../../core/session.ts';
import { FUNNEL_STAGES, type FunnelStage } from '../../core/sop-funnel.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { PERIOD_LABEL, STATUS_LABEL, STEP_LABEL, statusLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ReportList } from '../../usecases/portal-reports.ts';
import { mutuBakuAge } from '../mutu-baku-age.ts';
import type { OperatorFacts } from '../portal-env.ts';
import { Layout } from './layout.tsx';
import { Facts, PageStyle, StatusBadge } from './parts.tsx';

const FUNNEL = {
  id: {
    received: 'Diterima',
    assembled: 'Disusun',
    awaitingParaf: 'Menunggu paraf',
    awaitingVerification: 'Menunggu verifikasi',
    awaitingRatification: 'Menunggu pengesahan',
    sentBack: 'Dikembalikan',
    documented: 'Terdokumentasi',
    failed: 'Gagal',
    lateEver: 'Mutu Baku terlampaui',
  },
  en: {
    received: 'Received',
    assembled: 'Assembled',
    awaitingParaf: 'Awaiting initials',
    awaitingVerification: 'Awaiting verification',
    awaitingRatification: 'Awaiting ratification',
    sentBack: 'Sent back',
    documented: 'Documented',
    failed: 'Failed',
    lateEver: 'Mutu Baku exceeded',
  },
} satisfies Record<Lang, Record<FunnelStage, string>>;

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
    funnel: FUNNEL.id,
    funnelNote: 'Dihitung per laporan yang ditampilkan (bukan per kejadian).',
    period: 'Periode',
    otherPeriods: 'Periode lain',
    everyPeriod: 'Semua periode',
    yearOnly: (y: number) => `${y}, semua periode`,
    pending: (n: number) => `Menunggu keputusan (${n})`,
    pendingNote: 'Semua periode, yang terlama di atas.',
    noPending: 'Tidak ada keputusan yang sedang ditunggu.',
    waitingFor: 'Menunggu',
    since: 'Sejak',
    units: (n: number) => `Unit kerja (${n})`,
    lateNow: 'Terlambat sekarang',
    lastDocumented: 'Terakhir didokumentasikan',
    noReports: 'belum ada laporan',
    operator: 'Penghitung metrik lokal (kejadian, bukan laporan)',
    operatorNote:
      'Hanya pada stack lokal: metrik EMF yang dikirim fungsi, seperti yang diterima CloudWatch. Satu laporan dapat menghasilkan beberapa kejadian.',
    mail: 'Kotak surat lokal (MailDev)',
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
    funnel: FUNNEL.en,
    funnelNote: 'Counted in the reports shown (not in events).',
    period: 'Period',
    otherPeriods: 'Other periods',
    everyPeriod: 'Every period',
    yearOnly: (y: number) => `${y}, every period`,
    pending: (n: number) => `Awaiting a decision (${n})`,
    pendingNote: 'Every period, the longest waiting first.',
    noPending: 'No decision is awaited.',
    waitingFor: 'Waiting for',
    since: 'Since',
    units: (n: number) => `Units (${n})`,
    lateNow: 'Late now',
    lastDocumented: 'Last documented',
    noReports: 'no reports yet',
    operator: 'Local metric counters (events, not reports)',
    operatorNote:
      'Local stack only: the EMF metrics the functions emitted, as CloudWatch receives them. One report can make several events.',
    mail: 'Local mailbox (MailDev)',
  },
};

/** Event counters worth a glance first (CloudWatch names); any other counter follows. */
const EVENT_METRICS = ['ReportsReceived', 'CorrectionsReceived', 'RevisionsRequested', 'RemindersSent', 'SlaBreaches'];

/**
 * The city's table of units: eleven columns on a desk (compact, so it fits 1100 px), a card of label: value lines
 * per unit on a phone. Our own constant CSS.
 */
const CITY_CSS = `
  .periods a { margin-right:10px; display:inline-block; padding:4px 0; }
  table.units td.unit { min-width:170px; }
  table.units th, table.units td { padding:6px 5px; font-size:.88rem; }
  /* Headers wrap between words, never inside one (the card's overflow-wrap:anywhere would split "Diterima"). */
  table.units th { font-size:.8rem; overflow-wrap:normal; }
  table.units th:not(:first-child), table.units td.num { text-align:center; }
  /* Eight stages in one row on a desk, two per row on a phone; a stage's name never split inside a word. */
  .funnel { grid-template-columns: repeat(auto-fill, minmax(118px, 1fr)); }
  .funnel div { overflow-wrap:normal; padding:8px; }
  table.units td:last-child { min-width:120px; }
  @media (max-width: 700px) {
    table.units, table.units tbody { display:block; }
    table.units tr:first-child { display:none; }
    table.units tr { display:block; border:1px solid #d5dbe3; border-radius:8px; margin:0 0 10px; padding:4px 0; }
    table.units td, table.units td.num { display:flex; justify-content:space-between; gap:12px; border:0; padding:3px 10px; text-align:right; }
    table.units td::before { content:attr(data-label); color:#4f5966; text-align:left; }
    table.units td.unit { display:block; text-align:left; min-width:0; }
    table.units td.unit::before { content:none; }
    table.units td:last-child { min-width:0; }
  }
  table.units td.unit a { color:#1f4e79; font-weight:600; }
  .operator dl.facts { grid-template-columns: max-content 1fr; }
  .operator dl.facts dt { overflow-wrap:normal; }
  .operator dl.facts dd { font-variant-numeric: tabular-nums; }
`;

/** A link to the list with the given filter (the language rides on the cookie). */
function listHref(q: { unit?: string; tahun?: number; periode?: string }) {
  const p = new URLSearchParams();
  if (q.unit) p.set('unit', q.unit);
  if (q.tahun) p.set('tahun', String(q.tahun));
  if (q.periode) p.set('periode', q.periode);
  // A link always says its choice: `unit=X` alone means every period of X (a bare /laporan is the default period).
  return `/laporan?${p.toString() || 'tahun='}`;
}

/** The period shown, and links to the others that have reports. */
function PeriodLine(p: { lang: Lang; list: ReportList }) {
  const t = T[p.lang];
  const f = p.list.filter;
  const label = (k: PeriodKey) => `${PERIOD_LABEL[p.lang][k.periode] ?? k.periode} ${k.tahun}`;
  const current =
    f.tahun && f.periode
      ? label({ tahun: f.tahun, periode: f.periode })
      : f.tahun
        ? t.yearOnly(f.tahun)
        : f.periode
          ? `${PERIOD_LABEL[p.lang][f.periode]} (${t.all.toLowerCase()})`
          : t.everyPeriod;
  const others = p.list.periods.filter((k) => !(k.tahun === f.tahun && k.periode === f.periode));
  return (
    <p class="periods">
      {t.period}: <strong>{current}</strong>
      {others.length ? (
        <>
          {' · '}
          <span class="muted">{t.otherPeriods}:</span>{' '}
          {others.map((k) => (
            <a href={listHref({ unit: f.unit, tahun: k.tahun, periode: k.periode })}>{label(k)}</a>
          ))}
        </>
      ) : null}
    </p>
  );
}

/** Who the SOP waits for, every period, longest waiting first: one card each. */
function PendingDecisions(p: { lang: Lang; list: ReportList; now: Date }) {
  const t = T[p.lang];
  const { pending } = p.list;
  return (
    <details class="pending" open={pending.length <= 12}>
      <summary>
        {t.pending(pending.length)} <span class="muted">{t.pendingNote}</span>
      </summary>
      {pending.length ? (
        <ul class="cards">
          {pending.map((d) => (
            <li data-pending={d.reportId} class={d.late ? 'is-late' : undefined}>
              <h3>
                <a class="title" href={`/laporan/${encodeURIComponent(d.reportId)}`}>
                  {PERIOD_LABEL[p.lang][d.periode]} {d.tahun}
                </a>
                <div class="muted">{d.unitName}</div>
              </h3>
              <Facts
                rows={[
                  [t.step, STEP_LABEL[p.lang][d.step] ?? d.step],
                  [
                    t.waitingFor,
                    <>
                      {d.assignee.name}
                      <br />
                      <span class="muted">{d.assignee.title}</span>
                    </>,
                  ],
                  [t.since, formatDateTime(d.since, p.lang)],
                  [
                    t.due,
                    <span class={d.late ? 'late' : undefined}>
                      {formatDateTime(d.dueAt, p.lang)}
                      {d.late ? ` (${t.late})` : ''}
                    </span>,
                  ],
                ]}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noPending}</p>
      )}
    </details>
  );
}

/** The table of units: funnel per unit, its reports by status, late steps and the last documentation. */
function UnitsTable(p: { lang: Lang; list: ReportList }) {
  const t = T[p.lang];
  const rows = p.list.unitRows;
  const f = p.list.filter;
  return (
    <details class="units" open={rows.length <= 12}>
      <summary>{t.units(rows.length)}</summary>
      <div class="table-scroll">
        <table class="units">
          <tr>
            <th>{t.unit}</th>
            {FUNNEL_STAGES.map((s) => (
              <th>{t.funnel[s]}</th>
            ))}
            <th>{t.lateNow}</th>
            <th>{t.lastDocumented}</th>
          </tr>
          {rows.map((row) => {
            const statuses = STATUSES.filter((s) => row.byStatus[s])
              .map((s) => `${row.byStatus[s]} ${STATUS_LABEL[p.lang][s]}`)
              .join(' · ');
            return (
              <tr data-unit={row.unitCode}>
                <td class="unit">
                  <a href={listHref({ unit: row.unitCode, tahun: f.tahun, periode: f.periode })}>{row.name}</a>
                  <br />
                  <span class="muted">{statuses || t.noReports}</span>
                </td>
                {FUNNEL_STAGES.map((s) => (
                  <td
                    class={s === 'lateEver' && row.funnel[s] ? 'num late' : 'num'}
                    data-label={t.funnel[s]}
                    data-stage={s}
                  >
                    {String(row.funnel[s])}
                  </td>
                ))}
                <td class={row.lateNow ? 'num late' : 'num'} data-label={t.lateNow} data-stage="lateNow">
                  {String(row.lateNow)}
                </td>
                <td data-label={t.lastDocumented}>
                  {row.lastDocumented ? (
                    <span>
                      {formatDateTime(row.lastDocumented.at, p.lang)}
                      <br />
                      <span class="muted">{row.lastDocumented.reportId}</span>
                    </span>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            );
          })}
        </table>
      </div>
    </details>
  );
}

/** Local only: the event counters, collapsed (they count events, the cards above count reports). */
function OperatorDetails(p: { lang: Lang; facts: OperatorFacts; unit?: string }) {
  const t = T[p.lang];
  const counts = p.unit ? (p.facts.byUnit[p.unit] ?? {}) : p.facts.counts;
  const names = [
    ...EVENT_METRICS,
    ...Object.keys(counts)
      .filter((n) => !EVENT_METRICS.includes(n))
      .sort(),
  ];
  return (
    <details class="operator">
      <summary>{t.operator}</summary>
      <p class="muted">{t.operatorNote}</p>
      <Facts rows={names.map((n) => [n, String(counts[n] ?? 0)])} />
      {p.facts.mailUrl ? (
        <p>
          {t.mail}: <a href={p.facts.mailUrl}>{p.facts.mailUrl}</a>
        </p>
      ) : null}
    </details>
  );
}

/**
 * The city's overview (what the local console showed): the period line, the SOP funnel of the reports shown,
 * who the SOP waits for, the table of units, and — locally — the event counters.
 */
function CityOverview(p: { lang: Lang; list: ReportList; now: Date; operatorFacts?: OperatorFacts }) {
  const t = T[p.lang];
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: CITY_CSS }} />
      <PeriodLine lang={p.lang} list={p.list} />
      <div class="funnel">
        {FUNNEL_STAGES.map((s) => (
          <div data-stage={s}>
            <b>{String(p.list.funnel[s])}</b>
            {t.funnel[s]}
          </div>
        ))}
      </div>
      <p class="muted">{t.funnelNote}</p>
      <PendingDecisions lang={p.lang} list={p.list} now={p.now} />
      {p.list.unitRows.length ? <UnitsTable lang={p.lang} list={p.list} /> : null}
      {p.operatorFacts ? <OperatorDetails lang={p.lang} facts={p.operatorFacts} unit={p.list.filter.unit} /> : null}
    </>
  );
}

/**
 * /laporan — the reports a person may see, newest first: one card per report (on a phone a card, never a wide
 * table), with status, step, due time and age against the Mutu Baku; a GET form filters by year and period
 * (and unit, for the city).
 */
export function ReportListPage(p: {
  lang: Lang;
  list: ReportList;
  now: Date;
  person: SessionPerson;
  csrf?: string;
  /** Local stack, city view only: the operator's counters. */
  operatorFacts?: OperatorFacts;
}) {
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
      {list.city ? <CityOverview lang={p.lang} list={list} now={p.now} operatorFacts={p.operatorFacts} /> : null}
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

import { type Report, type ReportStatus, STATUSES } from '../../functions/core/report.ts';
import {
  choosePeriod,
  isLateNow,
  type PeriodKey,
  parsePeriod,
  periodId,
  periodOf,
  periodsWithReports,
  samePeriod,
} from '../../functions/core/report-period.ts';
import { FUNNEL_STAGES, type Funnel, type FunnelStage, sopFunnel } from '../../functions/core/sop-funnel.ts';
import { formatDateTime } from '../../functions/i18n/format.ts';
import { PERIOD_LABEL, STATUS_LABEL } from '../../functions/i18n/labels.ts';
import type { Lang } from '../../functions/i18n/lang.ts';

/**
 * The city view of the local console (what the KOTA role sees): the SOP funnel and a table of units for one
 * period, counted in REPORTS from the report records — never from event counters, where a corrected upload
 * would be a second "received" and a step escalated three times three breaches.
 */

// The pure period logic is shared with the portal's report list (functions/core/report-period.ts).
export {
  choosePeriod,
  type Funnel,
  type FunnelStage,
  isLateNow,
  type PeriodKey,
  parsePeriod,
  periodId,
  periodOf,
  periodsWithReports,
  sopFunnel,
};

/** A unit as the table names it. */
export interface UnitName {
  unitCode: string;
  name: string;
}

export const CONSOLE_TEXT = {
  id: {
    received: 'Diterima',
    assembled: 'Disusun',
    awaitingVerification: 'Menunggu verifikasi',
    awaitingRatification: 'Menunggu pengesahan',
    sentBack: 'Dikembalikan',
    documented: 'Terdokumentasi',
    failed: 'Gagal',
    lateEver: 'Mutu Baku terlampaui',
    lateNow: 'Terlambat sekarang',
    lastDocumented: 'Terakhir didokumentasikan',
    unit: 'Unit',
    units: 'Unit kerja',
    allUnits: 'Semua unit',
    period: 'Periode',
    otherPeriods: 'Periode lain',
    noReports: 'belum ada laporan',
    unknownUnit: (u: string) => `Unit "${u}" tidak dikenal.`,
    funnelNote: 'Dihitung per laporan (bukan per kejadian) untuk periode ini.',
    title: 'Konsol lokal lapkin',
    subtitle: 'Hanya baca · diperbarui tiap 5 detik · email:',
    funnel: 'Alur SOP',
    reports: 'Laporan',
    report: 'Laporan',
    status: 'Status',
    step: 'Tahap',
    revision: 'Revisi',
    due: 'Batas waktu',
    age: 'Umur terhadap Mutu Baku',
    pending: 'Menunggu keputusan',
    official: 'Pejabat',
    none: 'Tidak ada.',
    noReportsInPeriod: 'Belum ada laporan pada periode ini.',
    events: 'Metrik EMF (kejadian, bukan laporan)',
  },
  en: {
    received: 'Received',
    assembled: 'Assembled',
    awaitingVerification: 'Awaiting verification',
    awaitingRatification: 'Awaiting ratification',
    sentBack: 'Sent back',
    documented: 'Documented',
    failed: 'Failed',
    lateEver: 'Mutu Baku exceeded',
    lateNow: 'Late now',
    lastDocumented: 'Last documented',
    unit: 'Unit',
    units: 'Units',
    allUnits: 'All units',
    period: 'Period',
    otherPeriods: 'Other periods',
    noReports: 'no reports yet',
    unknownUnit: (u: string) => `Unknown unit "${u}".`,
    funnelNote: 'Counted in reports (not events) for this period.',
    title: 'lapkin local console',
    subtitle: 'Read-only · refreshes every 5 seconds · mail:',
    funnel: 'SOP funnel',
    reports: 'Reports',
    report: 'Report',
    status: 'Status',
    step: 'Step',
    revision: 'Revision',
    due: 'Due',
    age: 'Age against Mutu Baku',
    pending: 'Awaiting decision',
    official: 'Official',
    none: 'None.',
    noReportsInPeriod: 'No reports in this period.',
    events: 'EMF metrics (events, not reports)',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** One line of the table of units. */
export interface UnitRow extends UnitName {
  funnel: Funnel;
  byStatus: Partial<Record<ReportStatus, number>>;
  lateNow: number;
  /** The unit's most recently documented report, any period. */
  lastDocumented?: { reportId: string; at: string };
}

/**
 * The table of units for one period: every unit of the directory (a unit with no report yet is what the city
 * needs to see most), and any unit that has reports but left the directory.
 */
export function unitRows(units: readonly UnitName[], reports: readonly Report[], period: PeriodKey, now: Date) {
  const names = new Map(units.map((u) => [u.unitCode, u.name]));
  for (const r of reports) if (!names.has(r.unit)) names.set(r.unit, r.unit);
  return [...names].map(([unitCode, name]): UnitRow => {
    const all = reports.filter((r) => r.unit === unitCode);
    const inPeriod = all.filter((r) => samePeriod(r, period));
    const byStatus: UnitRow['byStatus'] = {};
    for (const r of inPeriod) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    // When it was documented: a later ignored upload touches the report, not its documentation (reports documented
    // before documentedAt was kept: their last update).
    const documentedAt = (r: Report) => r.documentedAt ?? r.updatedAt;
    const last = all
      .filter((r) => r.status === 'TERDOKUMENTASI')
      .sort((a, b) => documentedAt(b).localeCompare(documentedAt(a)))[0];
    return {
      unitCode,
      name,
      funnel: sopFunnel(inPeriod),
      byStatus,
      lateNow: inPeriod.filter((r) => isLateNow(r, now)).length,
      ...(last ? { lastDocumented: { reportId: last.reportId, at: documentedAt(last) } } : {}),
    };
  });
}

export const UNITS_STYLE = `<style>
  .periods a { margin-right:10px; }
  .scroll-wide { overflow-x:auto; }
  table.units td.unit { min-width:170px; }
  /* Eleven columns on a desktop: compact cells so the table fits a 1200 px page without scrolling. */
  table.units th, table.units td { padding:6px 5px; font-size:14px; }
  table.units th { font-size:13px; }
  table.units td:last-child { min-width:120px; }
  /* On a phone (390 px) each unit is a card of label: value lines instead of a table 11 columns wide. */
  @media (max-width: 700px) {
    table.units tr:first-child { display:none; }
    table.units tr { display:block; border:1px solid #e3e7ed; border-radius:8px; margin:0 0 10px; padding:4px 0; }
    table.units td { display:flex; justify-content:space-between; gap:12px; border:0; padding:3px 10px; text-align:right; }
    table.units td::before { content:attr(data-label); color:#5b6573; text-align:left; }
    table.units td.unit { display:block; text-align:left; font-weight:600; min-width:0; }
    table.units td.unit::before { content:none; }
  }
</style>`;

/** What the console was asked for: ?unit=U (one unit), ?periode=2026-TW1, ?lang=en. */
export interface ConsoleQuery {
  unit?: string;
  period?: PeriodKey;
  lang: Lang;
}

export function consoleQuery(params: URLSearchParams): ConsoleQuery {
  const unit = params.get('unit')?.trim();
  const period = parsePeriod(params.get('periode'));
  return { ...(unit ? { unit } : {}), ...(period ? { period } : {}), lang: params.get('lang') === 'en' ? 'en' : 'id' };
}

/** Link to the console with the given filters (the page itself reads ?unit, ?periode and ?lang). */
export function consoleHref(q: { unit?: string; period?: PeriodKey; lang?: Lang }): string {
  const p = new URLSearchParams();
  if (q.unit) p.set('unit', q.unit);
  if (q.period) p.set('periode', periodId(q.period));
  if (q.lang && q.lang !== 'id') p.set('lang', q.lang);
  const s = p.toString();
  return s ? `/konsol?${s}` : '/konsol';
}

/** The table of units: funnel per unit, its reports by status, late steps and the last documentation. */
export function renderUnitsTable(rows: readonly UnitRow[], period: PeriodKey, lang: Lang): string {
  const t = CONSOLE_TEXT[lang];
  const head = [t.unit, ...FUNNEL_STAGES.map((s) => t[s]), t.lateNow, t.lastDocumented];
  const body = rows
    .map((row) => {
      const statuses = STATUSES.filter((s) => row.byStatus[s])
        .map((s) => `${row.byStatus[s]} ${escapeHtml(STATUS_LABEL[lang][s])}`)
        .join(' · ');
      const cells = FUNNEL_STAGES.map(
        (s) =>
          `<td class="num${s === 'lateEver' && row.funnel[s] ? ' late' : ''}" data-label="${escapeHtml(t[s])}" data-stage="${s}">${row.funnel[s]}</td>`,
      ).join('');
      // One element: on a phone the cell is a flex line of label and value.
      const last = row.lastDocumented
        ? `<span>${escapeHtml(formatDateTime(row.lastDocumented.at, lang))}<br><span class="muted">${escapeHtml(row.lastDocumented.reportId)}</span></span>`
        : '–';
      return `<tr data-unit="${escapeHtml(row.unitCode)}"><td class="unit"><a href="${escapeHtml(consoleHref({ unit: row.unitCode, period, lang }))}">${escapeHtml(row.name)}</a><br><span class="muted">${statuses || escapeHtml(t.noReports)}</span></td>${cells}<td class="num${row.lateNow ? ' late' : ''}" data-label="${escapeHtml(t.lateNow)}" data-stage="lateNow">${row.lateNow}</td><td data-label="${escapeHtml(t.lastDocumented)}">${last}</td></tr>`;
    })
    .join('');
  return `<div class="scroll-wide"><table class="units"><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${body}</table></div>`;
}

/** The funnel as cards (the whole city, or the one unit filtered to). */
export function renderFunnelCards(funnel: Funnel, lang: Lang): string {
  const t = CONSOLE_TEXT[lang];
  return `<div class="cards">${FUNNEL_STAGES.map((s) => `<div data-stage="${s}"><b>${funnel[s]}</b>${escapeHtml(t[s])}</div>`).join('')}</div>`;
}

/** The period shown and links to the others that have reports. */
export function renderPeriodLine(
  period: PeriodKey,
  all: readonly PeriodKey[],
  q: { unit?: string; lang: Lang },
): string {
  const t = CONSOLE_TEXT[q.lang];
  const label = (p: PeriodKey) => `${PERIOD_LABEL[q.lang][p.periode] ?? p.periode} ${p.tahun}`;
  const others = all
    .filter((p) => periodId(p) !== periodId(period))
    .map((p) => `<a href="${escapeHtml(consoleHref({ ...q, period: p }))}">${escapeHtml(label(p))}</a>`)
    .join('');
  return `<p class="periods">${escapeHtml(t.period)}: <b>${escapeHtml(label(period))}</b>${others ? ` · <span class="muted">${escapeHtml(t.otherPeriods)}:</span> ${others}` : ''}</p>`;
}

/** Legacy: the console still builds markup from strings; it goes when the console moves to JSX (hono/jsx escapes). */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

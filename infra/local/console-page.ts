import { unitOfReportId } from '../../functions/core/directory.ts';
import type { AuditEvent, Decision, Report } from '../../functions/core/report.ts';
import { formatDateTime } from '../../functions/i18n/format.ts';
import { PERIOD_LABEL, STATUS_LABEL, STEP_LABEL } from '../../functions/i18n/labels.ts';
import type { Lang } from '../../functions/i18n/lang.ts';
import { htmlPage } from '../../functions/web/layout.ts';
import { mutuBakuAge } from '../../functions/web/mutu-baku-age.ts';
import { ACTION_LABEL, noteText } from '../../functions/web/timeline-labels.ts';
import {
  CONSOLE_TEXT,
  type ConsoleQuery,
  choosePeriod,
  consoleHref,
  escapeHtml,
  periodsWithReports,
  renderFunnelCards,
  renderPeriodLine,
  renderUnitsTable,
  sopFunnel,
  UNITS_STYLE,
  type UnitName,
  unitRows,
} from './console-units.ts';
import type { MetricTotals } from './metrics-collector.ts';

/** One wording of the Mutu Baku age for the portal, this console and `lapkin watch` (moved to functions/). */
export { mutuBakuAge };

const STYLE = `<style>
  .cards { display:flex; flex-wrap:wrap; gap:10px; margin:8px 0 16px; }
  .cards div { flex:1 1 96px; background:#f0f3f7; border-radius:8px; padding:10px; }
  .cards b { display:block; font-size:1.5rem; color:#1f4e79; }
  .late { color:#b3261e; font-weight:600; }
  .ok { color:#1e7d32; }
  .badge { display:inline-block; padding:2px 8px; border-radius:10px; background:#e8eef6; font-size:.82rem; }
  .badge.done { background:#e3f4e5; } .badge.bad { background:#fdecea; } .badge.wait { background:#fff8e1; }
  /* On a phone (390 px) a table keeps readable columns and scrolls sideways inside its box; the page does not. */
  .scroll { overflow-x:auto; -webkit-overflow-scrolling:touch; }
  .scroll table { min-width:600px; }
  .scroll td { overflow-wrap:break-word; }
</style>`;

function badge(r: Report, lang: Lang = 'id'): string {
  const kind =
    r.status === 'TERDOKUMENTASI'
      ? 'done'
      : r.status === 'GAGAL'
        ? 'bad'
        : r.status.startsWith('MENUNGGU') || r.status.startsWith('PERLU')
          ? 'wait'
          : '';
  return `<span class="badge ${kind}" data-status="${r.status}">${escapeHtml(STATUS_LABEL[lang][r.status])}</span>`;
}

export interface ConsoleData {
  /** Reports of every unit in view (all units, or the one asked for). */
  reports: Report[];
  pending: Decision[];
  /** The units of the directory: the table lists each, with or without reports. */
  units: UnitName[];
  mailUrl: string;
  now: Date;
  /** The EMF metrics collected locally: event counts, shown as such beside the report counts. */
  metrics: MetricTotals;
  query?: ConsoleQuery;
}

/** Event counters worth a glance next to the report counts (CloudWatch names). */
const EVENT_METRICS = ['ReportsReceived', 'CorrectionsReceived', 'RevisionsRequested', 'RemindersSent', 'SlaBreaches'];

/**
 * The local console's home, as the city (KOTA) sees it: for one period, the SOP funnel in reports, the table of
 * units, every report against its Mutu Baku, and pending decisions; `?unit=U` narrows all of it to one unit.
 */
export function renderConsole(d: ConsoleData): string {
  const q: ConsoleQuery = d.query ?? { lang: 'id' };
  const lang = q.lang;
  const t = CONSOLE_TEXT[lang];
  const inUnit = <T extends { reportId: string; unit?: string }>(x: T) =>
    !q.unit || (x.unit ?? unitOfReportId(x.reportId)) === q.unit;
  const reports = d.reports.filter(inUnit);
  const units = d.units.filter((u) => !q.unit || u.unitCode === q.unit);
  const period = choosePeriod(reports, d.now, q.period);
  const inPeriod = reports.filter((r) => r.tahun === period.tahun && r.periode === period.periode);
  const unitName = q.unit ? (units[0]?.name ?? q.unit) : undefined;
  const unknown = q.unit && !units.length && !reports.length;
  const events = q.unit ? (d.metrics.byUnit[q.unit] ?? {}) : d.metrics.counts;
  const rows = inPeriod
    .map((r) => {
      const age = mutuBakuAge(r, d.now, lang);
      return `<tr data-report="${escapeHtml(r.reportId)}"><td><a href="/konsol/laporan/${encodeURIComponent(r.reportId)}">${escapeHtml(r.reportId)}</a><br><span class="muted">${escapeHtml(PERIOD_LABEL[lang][r.periode] ?? r.periode)} ${r.tahun}</span></td><td>${badge(r, lang)}</td><td>${escapeHtml(STEP_LABEL[lang][r.step] ?? r.step)}</td><td class="num">${r.revision}</td><td>${r.dueAt && r.status !== 'TERDOKUMENTASI' ? escapeHtml(formatDateTime(r.dueAt, lang)) : '–'}</td><td class="${age.late ? 'late' : ''}">${escapeHtml(age.text)}</td></tr>`;
    })
    .join('');
  const pending = d.pending
    .filter(inUnit)
    .map(
      (p) =>
        `<tr><td><a href="/konsol/laporan/${encodeURIComponent(p.reportId)}">${escapeHtml(p.reportId)}</a></td><td>${escapeHtml(STEP_LABEL[lang][p.step] ?? p.step)}</td><td>${escapeHtml(p.assignee.name)}<br><span class="muted">${escapeHtml(p.assignee.title)}</span></td><td${Date.parse(p.dueAt) < d.now.getTime() ? ' class="late"' : ''}>${escapeHtml(formatDateTime(p.dueAt, lang))}</td></tr>`,
    )
    .join('');
  return htmlPage({
    lang,
    title: `lapkin — ${t.title}${unitName ? ` — ${unitName}` : ''}`,
    refreshSeconds: 5,
    wide: true,
    body: `${STYLE}${UNITS_STYLE}<h1>${escapeHtml(t.title)}${unitName ? ` — ${escapeHtml(unitName)}` : ''}</h1>
<p class="muted">${escapeHtml(t.subtitle)} <a href="${escapeHtml(d.mailUrl)}">${escapeHtml(d.mailUrl)}</a>${q.unit ? ` · <a href="${escapeHtml(consoleHref({ period, lang }))}">${escapeHtml(t.allUnits)}</a>` : ''}</p>
${unknown ? `<div class="error">${escapeHtml(t.unknownUnit(q.unit ?? ''))}</div>` : ''}${renderPeriodLine(period, periodsWithReports(reports), { unit: q.unit, lang })}
<h2>${escapeHtml(t.funnel)}</h2>
${renderFunnelCards(sopFunnel(inPeriod), lang)}
<p class="muted">${escapeHtml(t.funnelNote)} ${escapeHtml(t.events)}: ${EVENT_METRICS.map((m) => `${m} ${events[m] ?? 0}`).join(' · ')}</p>
<h2>${escapeHtml(t.units)}</h2>
${renderUnitsTable(unitRows(units, reports, period, d.now), period, lang)}
<h2>${escapeHtml(t.reports)}</h2>
<div class="scroll"><table><tr><th>${escapeHtml(t.report)}</th><th>${escapeHtml(t.status)}</th><th>${escapeHtml(t.step)}</th><th>${escapeHtml(t.revision)}</th><th>${escapeHtml(t.due)}</th><th>${escapeHtml(t.age)}</th></tr>${rows || `<tr><td colspan="6">${escapeHtml(t.noReportsInPeriod)}</td></tr>`}</table></div>
<h2>${escapeHtml(t.pending)}</h2>
<div class="scroll"><table><tr><th>${escapeHtml(t.report)}</th><th>${escapeHtml(t.step)}</th><th>${escapeHtml(t.official)}</th><th>${escapeHtml(t.due)}</th></tr>${pending || `<tr><td colspan="4">${escapeHtml(t.none)}</td></tr>`}</table></div>`,
  });
}

/** One report's timeline: every audit event, its decision and note, and each document version to download. */
export function renderReportTimeline(d: {
  report: Report;
  events: AuditEvent[];
  now: Date;
  downloadUrl: (key: string, versionId: string) => Promise<string>;
}): Promise<string> {
  return (async () => {
    const r = d.report;
    const age = mutuBakuAge(r, d.now);
    const items: string[] = [];
    for (const e of [...d.events].reverse()) {
      const who =
        e.actor.role === 'SISTEM'
          ? 'lapkin'
          : `${e.actor.name} (${e.actor.role})${e.actor.nip ? `, NIP ${e.actor.nip}` : ''}`;
      const decision = e.decision
        ? ` — <b>${e.decision === 'APPROVE' ? 'disetujui' : 'dikembalikan untuk revisi'}</b>`
        : '';
      const doc = e.document
        ? `<br><a href="${escapeHtml(await d.downloadUrl(e.document.key, e.document.versionId))}">${escapeHtml(e.document.key.split('/').pop() ?? e.document.key)}</a> <span class="muted">versi ${escapeHtml(e.document.versionId)}</span>`
        : '';
      items.push(
        `<tr><td class="num">${e.seq}</td><td>${escapeHtml(formatDateTime(e.at, 'id'))}</td><td>${escapeHtml(ACTION_LABEL.id[e.action] ?? e.action)}${decision}${e.note ? `<div class="notice">${escapeHtml(noteText(e.note))}</div>` : ''}${doc}</td><td>${escapeHtml(who)}</td></tr>`,
      );
    }
    return htmlPage({
      lang: 'id',
      title: `lapkin — ${r.reportId}`,
      refreshSeconds: 5,
      wide: true,
      body: `${STYLE}<p><a href="/">← Konsol</a></p><h1>${escapeHtml(r.reportId)}</h1>
<p>${badge(r)} · ${escapeHtml(STEP_LABEL.id[r.step] ?? r.step)} · revisi ${r.revision} · <span class="${age.late ? 'late' : ''}">${escapeHtml(age.text)}</span></p>
<h2>Riwayat</h2>
<div class="scroll"><table><tr><th>No</th><th>Waktu</th><th>Kejadian</th><th>Oleh</th></tr>${items.join('')}</table></div>`,
    });
  })();
}

import type { Decision, Report } from '../../functions/core/report.ts';
import { escapeHtml, formatDateTime, STATUS_LABEL, STEP_LABEL } from '../../functions/web/i18n.ts';
import { htmlPage } from '../../functions/web/layout.ts';

/** The local console: every report with its status, step, revision and Mutu Baku due time; pending decisions. */
export function renderConsole(d: { reports: Report[]; pending: Decision[]; mailUrl: string; now: Date }): string {
  const rows = d.reports
    .map((r) => {
      const late = r.dueAt && new Date(r.dueAt) < d.now && r.status !== 'TERDOKUMENTASI';
      return `<tr><td>${escapeHtml(r.reportId)}</td><td>${escapeHtml(STATUS_LABEL.id[r.status])}</td><td>${escapeHtml(STEP_LABEL.id[r.step] ?? r.step)}</td><td class="num">${r.revision}</td><td${late ? ' style="color:#b3261e;font-weight:600"' : ''}>${r.dueAt ? escapeHtml(formatDateTime(r.dueAt, 'id')) + (late ? ' (terlambat)' : '') : '–'}</td></tr>`;
    })
    .join('');
  const pending = d.pending
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.reportId)}</td><td>${escapeHtml(STEP_LABEL.id[p.step] ?? p.step)}</td><td>${escapeHtml(p.assignee.name)}</td><td>${escapeHtml(formatDateTime(p.dueAt, 'id'))}</td></tr>`,
    )
    .join('');
  return htmlPage({
    lang: 'id',
    title: 'lapkin — konsol lokal',
    body: `<h1>Konsol lokal lapkin</h1>
<p class="muted">Hanya baca. Email: <a href="${escapeHtml(d.mailUrl)}">${escapeHtml(d.mailUrl)}</a></p>
<h2>Laporan</h2>
<table><tr><th>Laporan</th><th>Status</th><th>Tahap</th><th>Revisi</th><th>Batas waktu</th></tr>${rows || '<tr><td colspan="5">Belum ada laporan.</td></tr>'}</table>
<h2>Menunggu keputusan</h2>
<table><tr><th>Laporan</th><th>Tahap</th><th>Pejabat</th><th>Batas waktu</th></tr>${pending || '<tr><td colspan="4">Tidak ada.</td></tr>'}</table>`,
  });
}

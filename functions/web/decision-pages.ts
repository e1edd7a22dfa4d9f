import type { UnitProfile } from '../core/directory.ts';
import type { Decision, Report } from '../core/report.ts';
import {
  diffHtml,
  formatDateTime,
  formatPercent,
  type Lang,
  PERIOD_LABEL,
  statusLabel,
  type UnitTitles,
} from './i18n.ts';
import { htmlPage } from './layout.ts';

const T = {
  id: {
    verifyTitle: 'Verifikasi Laporan Kinerja',
    ratifyTitle: 'Pengesahan Laporan Kinerja',
    for: 'Untuk',
    period: 'Periode',
    revision: 'Revisi ke',
    indicators: 'Jumlah indikator',
    average: 'Rata-rata capaian',
    below: 'Indikator di bawah target',
    due: 'Batas waktu',
    status: 'Status',
    download: 'Unduh laporan (PDF) yang diputuskan',
    noteLabel: 'Catatan (wajib bila dikembalikan untuk revisi)',
    approveVerify: (head: string) => `Setujui (paraf) dan teruskan ke ${head}`,
    approveRatify: 'Sahkan laporan (tanda tangan)',
    revise: 'Kembalikan untuk revisi',
    noteRequired: 'Catatan wajib diisi bila laporan dikembalikan untuk revisi.',
    noteTooLong: 'Catatan terlalu panjang (maksimal 2000 karakter).',
    badDecision: 'Pilih salah satu: setujui atau kembalikan untuk revisi.',
    approved: 'Keputusan tercatat: disetujui',
    approvedBody: (step: string, head: string | undefined) =>
      step === 'ratify'
        ? 'Laporan telah disahkan dan akan didokumentasikan. Terima kasih.'
        : `Laporan telah diverifikasi dan diteruskan ${head ? `kepada ${head} ` : ''}untuk pengesahan. Terima kasih.`,
    revised: 'Keputusan tercatat: dikembalikan untuk revisi',
    revisedBody: 'Laporan dikembalikan kepada TIMSAKIP beserta catatan Anda. Terima kasih.',
    already: 'Sudah diputuskan',
    alreadyBody: (d: Decision, lang: Lang) =>
      d.state === 'SUPERSEDED'
        ? 'Tahap ini sudah tidak menunggu keputusan (laporan telah berubah). Tidak ada yang diubah.'
        : `Keputusan untuk laporan ini sudah diberikan${d.decidedAt ? ` pada ${formatDateTime(d.decidedAt, lang)}` : ''}: ${d.decision === 'APPROVE' ? 'disetujui' : 'dikembalikan untuk revisi'}. Tidak ada yang diubah.`,
    expired: 'Tautan kedaluwarsa',
    expiredBody: 'Tautan keputusan ini sudah melewati masa berlakunya. Hubungi TIMSAKIP untuk tautan baru.',
    invalid: 'Tautan tidak sah',
    invalidBody:
      'Tautan ini tidak dikenali atau telah diubah. Gunakan tautan persis seperti pada email yang Anda terima.',
    retry: 'Belum dapat diproses',
    retryBody:
      'Keputusan belum tersampaikan sepenuhnya karena gangguan sementara. Keputusan yang sudah tercatat diselesaikan sistem secara otomatis; Anda juga dapat mengirimkan keputusan yang sama sekali lagi dengan tautan yang sama beberapa saat lagi.',
    bad: 'Permintaan tidak dapat diproses',
    badBody: 'Isian formulir tidak dapat dibaca. Buka kembali tautan dari email Anda.',
    tooLarge: 'Isian terlalu besar',
    notAllowed: 'Metode tidak didukung',
    superseded: 'Tahap sudah berakhir',
    supersededBody:
      'Laporan ini tidak lagi menunggu keputusan pada tahap ini, sehingga keputusan Anda tidak diterapkan.',
  },
  en: {
    verifyTitle: 'Verify performance report',
    ratifyTitle: 'Ratify performance report',
    for: 'For',
    period: 'Period',
    revision: 'Revision',
    indicators: 'Indicators',
    average: 'Average achievement',
    below: 'Indicators below target',
    due: 'Due',
    status: 'Status',
    download: 'Download the report (PDF) being decided',
    noteLabel: 'Note (required when sending back for revision)',
    approveVerify: (head: string) => `Approve (paraf) and forward to the ${head}`,
    approveRatify: 'Ratify the report (signature)',
    revise: 'Send back for revision',
    noteRequired: 'A note is required when sending the report back for revision.',
    noteTooLong: 'The note is too long (2000 characters at most).',
    badDecision: 'Choose one: approve or send back for revision.',
    approved: 'Decision recorded: approved',
    approvedBody: (step: string, head: string | undefined) =>
      step === 'ratify'
        ? 'The report is ratified and will be documented. Thank you.'
        : `The report is verified and forwarded ${head ? `to the ${head} ` : ''}for ratification. Thank you.`,
    revised: 'Decision recorded: sent back for revision',
    revisedBody: 'The report went back to TIMSAKIP with your note. Thank you.',
    already: 'Already decided',
    alreadyBody: (d: Decision, lang: Lang) =>
      d.state === 'SUPERSEDED'
        ? 'This step no longer awaits a decision (the report has changed). Nothing was changed.'
        : `This report was already decided${d.decidedAt ? ` on ${formatDateTime(d.decidedAt, lang)}` : ''}: ${d.decision === 'APPROVE' ? 'approved' : 'sent back for revision'}. Nothing was changed.`,
    expired: 'Link expired',
    expiredBody: 'This decision link is past its validity. Ask TIMSAKIP for a new one.',
    invalid: 'Invalid link',
    invalidBody: 'This link is unknown or was altered. Use the link exactly as in the email you received.',
    retry: 'Not processed yet',
    retryBody:
      'Your decision could not be passed on completely because of a temporary problem. A decision already recorded is completed automatically; you may also send the same decision again with the same link shortly.',
    bad: 'Request could not be processed',
    badBody: 'The form could not be read. Open the link from your email again.',
    tooLarge: 'Input too large',
    notAllowed: 'Method not supported',
    superseded: 'Step already over',
    supersededBody: 'This report no longer awaits a decision at this step, so your decision was not applied.',
  },
};

export type FormProblem = 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | 'BAD_DECISION';

export function confirmPage(a: {
  lang: Lang;
  /** The report's unit: its name heads the page, its titles name who decides next. */
  unit: UnitProfile;
  decision: Decision;
  report: Report;
  documentUrl: string;
  problem?: FormProblem;
  note?: string;
  /** The session's CSRF token when the browser has one: every POST of a signed-in browser carries it. */
  csrf?: string;
}): string {
  const t = T[a.lang];
  const { decision: d, report: r } = a;
  const title = d.step === 'verify' ? t.verifyTitle : t.ratifyTitle;
  const rows: [string, string][] = [
    [t.for, `${d.assignee.name} — ${d.assignee.title}`],
    [t.period, `${PERIOD_LABEL[a.lang][r.periode]} ${r.tahun}`],
    [t.revision, String(d.revision)],
    [t.indicators, String(r.summary?.indicatorCount ?? '–')],
    [t.average, formatPercent(r.summary?.averageCapaian, a.lang)],
    [t.below, String(r.summary?.belowTarget ?? '–')],
    [t.status, statusLabel(r.status, a.lang, a.unit)],
    [t.due, formatDateTime(d.dueAt, a.lang)],
  ];
  const diff = r.diffSummary?.toRevision === d.revision ? r.diffSummary : undefined;
  const problem = a.problem
    ? `<div class="error" role="alert">${escapeHtml({ NOTE_REQUIRED: t.noteRequired, NOTE_TOO_LONG: t.noteTooLong, BAD_DECISION: t.badDecision }[a.problem])}</div>`
    : '';
  return htmlPage({
    lang: a.lang,
    title,
    body: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(a.unit.organization.name)}</p>
<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
${diff ? diffHtml(diff, a.lang) : ''}
<p><a class="btn btn-link" href="${escapeHtml(a.documentUrl)}" rel="noreferrer">${escapeHtml(t.download)}</a></p>
${problem}
<form method="post">
  ${a.csrf ? `<input type="hidden" name="csrf" value="${escapeHtml(a.csrf)}">` : ''}
  <label for="catatan"><strong>${escapeHtml(t.noteLabel)}</strong></label>
  <textarea id="catatan" name="catatan" maxlength="2000">${escapeHtml(a.note ?? '')}</textarea>
  <p>
    <button class="btn btn-ok" type="submit" name="keputusan" value="APPROVE">${escapeHtml(d.step === 'verify' ? t.approveVerify(a.unit.roleTitles.CAMAT) : t.approveRatify)}</button>
    <button class="btn btn-warn" type="submit" name="keputusan" value="REVISE">${escapeHtml(t.revise)}</button>
  </p>
</form>`,
  });
}

export type ResultKind =
  | 'APPROVED'
  | 'REVISED'
  | 'ALREADY'
  | 'EXPIRED'
  | 'INVALID'
  | 'RETRY'
  | 'BAD'
  | 'TOO_LARGE'
  | 'NOT_ALLOWED'
  | 'SUPERSEDED';

export function resultPage(a: {
  lang: Lang;
  kind: ResultKind;
  decision?: Decision;
  /** The decision's unit, when known: an approved verification names who ratifies next. */
  unit?: UnitTitles;
}): string {
  const t = T[a.lang];
  const d = a.decision;
  const content: Record<ResultKind, [string, string, 'ok' | 'warn' | 'bad' | 'neutral']> = {
    APPROVED: [t.approved, t.approvedBody(d?.step ?? 'verify', a.unit?.roleTitles.CAMAT), 'ok'],
    REVISED: [t.revised, t.revisedBody, 'warn'],
    ALREADY: [t.already, d ? t.alreadyBody(d, a.lang) : '', 'neutral'],
    EXPIRED: [t.expired, t.expiredBody, 'bad'],
    INVALID: [t.invalid, t.invalidBody, 'bad'],
    RETRY: [t.retry, t.retryBody, 'warn'],
    BAD: [t.bad, t.badBody, 'bad'],
    TOO_LARGE: [t.tooLarge, t.badBody, 'bad'],
    NOT_ALLOWED: [t.notAllowed, t.badBody, 'bad'],
    SUPERSEDED: [t.superseded, t.supersededBody, 'warn'],
  };
  const [title, body, tone] = content[a.kind];
  return htmlPage({ lang: a.lang, title, tone, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>` });
}

/** Legacy: this page still builds markup from strings; it goes when the page moves to JSX (hono/jsx escapes). */
function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Decision, Report } from '../core/report.ts';
import { uploadKey } from '../core/upload-key.ts';
import type { MailMessage } from '../ports/mailer.ts';
import {
  diffHtml,
  diffText,
  escapeHtml,
  formatDateTime,
  formatPercent,
  type Lang,
  PERIOD_LABEL,
  STEP_LABEL,
  statusLabel,
} from './i18n.ts';
import { htmlPage } from './layout.ts';

type Mail = Omit<MailMessage, 'to' | 'cc'>;

const T = {
  id: {
    greeting: (n: string) => `Yth. ${n},`,
    period: 'Periode',
    revision: 'Revisi ke',
    indicators: 'Jumlah indikator',
    average: 'Rata-rata capaian',
    below: 'Indikator di bawah target',
    due: 'Batas waktu (Mutu Baku 1 hari)',
    open: 'Buka laporan dan putuskan',
    verifySubject: 'Mohon verifikasi',
    ratifySubject: 'Mohon pengesahan',
    verifyAsk: (head: string) =>
      `Laporan kinerja berikut menunggu verifikasi Anda. Jika sesuai, setujui untuk diteruskan kepada ${head}; jika tidak, kembalikan untuk revisi dengan catatan.`,
    ratifyAsk: (secretary: string) =>
      `Laporan kinerja berikut telah diverifikasi ${secretary} dan menunggu pengesahan Anda. Jika setuju, sahkan; jika tidak, kembalikan untuk revisi dengan catatan.`,
    linkNote: 'Tautan ini khusus untuk Anda, berlaku sampai',
    dataWarnings: 'Peringatan tentang berkas data',
    attached: 'Laporan PDF terlampir.',
    revisionSubject: 'Laporan dikembalikan untuk revisi',
    revisionBy: (who: string, step: string) => `${who} mengembalikan laporan pada tahap ${step} dengan catatan:`,
    howToUpload: 'Unggah data yang sudah diperbaiki ke lokasi yang sama:',
    invalidSubject: 'Data kinerja perlu diperbaiki',
    invalidIntro: (n: number) =>
      `Data yang diunggah belum dapat disusun menjadi laporan: ditemukan ${n} masalah. Daftar lengkap ada pada lampiran XLSX.`,
    row: 'Baris',
    column: 'Kolom',
    value: 'Nilai',
    problem: 'Masalah',
    more: (n: number) => `… dan ${n} masalah lainnya (lihat lampiran).`,
    ignoredSubject: 'Unggahan belum digunakan',
    ignoredBody: (status: string) =>
      `Unggahan Anda tersimpan, tetapi belum digunakan karena laporan sedang dalam tahap "${status}". Unggah kembali setelah laporan dikembalikan untuk revisi.`,
    failedSubject: 'Laporan gagal diproses',
    failedBody:
      'Laporan berikut gagal diproses karena kendala teknis. Data yang diunggah tetap tersimpan. Unggah ulang data untuk memulai kembali, atau hubungi operator.',
    documentedSubject: 'Laporan telah disahkan dan terdokumentasi',
    documentedBody: (head: string) =>
      `Laporan kinerja berikut telah disahkan ${head} dan diarsipkan beserta lembar disposisinya.`,
    key: 'Lokasi',
  },
  en: {
    greeting: (n: string) => `Dear ${n},`,
    period: 'Period',
    revision: 'Revision',
    indicators: 'Indicators',
    average: 'Average achievement',
    below: 'Indicators below target',
    due: 'Due (service standard: 1 day)',
    open: 'Open the report and decide',
    verifySubject: 'Please verify',
    ratifySubject: 'Please ratify',
    verifyAsk: (head: string) =>
      `The performance report below awaits your verification. Approve it to forward it to the ${head}, or send it back for revision with a note.`,
    ratifyAsk: (secretary: string) =>
      `The performance report below was verified by the ${secretary} and awaits your ratification. Approve it, or send it back for revision with a note.`,
    linkNote: 'This link is personal to you and valid until',
    dataWarnings: 'Warnings about the data file',
    attached: 'The report PDF is attached.',
    revisionSubject: 'Report sent back for revision',
    revisionBy: (who: string, step: string) => `${who} sent the report back at the ${step} step with this note:`,
    howToUpload: 'Upload the corrected data to the same place:',
    invalidSubject: 'Performance data needs correction',
    invalidIntro: (n: number) =>
      `The uploaded data could not be assembled into a report: ${n} problems were found. The full list is in the attached XLSX.`,
    row: 'Row',
    column: 'Column',
    value: 'Value',
    problem: 'Problem',
    more: (n: number) => `… and ${n} more (see the attachment).`,
    ignoredSubject: 'Upload not used yet',
    ignoredBody: (status: string) =>
      `Your upload was stored but not used, because the report is at "${status}". Upload again once the report is sent back for revision.`,
    failedSubject: 'Report processing failed',
    failedBody:
      'The report below failed for a technical reason. The uploaded data is kept. Upload the data again to restart, or contact the operator.',
    documentedSubject: 'Report ratified and documented',
    documentedBody: (head: string) =>
      `The performance report below was ratified by the ${head} and archived with its disposition sheet.`,
    key: 'Location',
  },
};

function reportTitle(unit: UnitProfile, r: Report, lang: Lang): string {
  return `Laporan Kinerja ${unit.organization.name} — ${PERIOD_LABEL[lang][r.periode]} ${r.tahun}`;
}

function factsTable(rows: [string, string][]): { html: string; text: string } {
  return {
    html: `<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    text: rows.map(([k, v]) => `${k}: ${v}`).join('\n'),
  };
}

export function decisionRequestMail(a: {
  /** The report's unit as the directory has it: its name heads the mail. */
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  decision: Decision;
  link: string;
  pdf?: Uint8Array;
}): Mail {
  const t = T[a.lang];
  // The unit's titles (Kepala Dinas, Sekretaris Camat, …): the SOP's roles are the same in every unit.
  const titles = a.unit.roleTitles;
  const ask = a.decision.step === 'verify' ? t.verifyAsk(titles.CAMAT) : t.ratifyAsk(titles.SEKRETARIS_CAMAT);
  const title = reportTitle(a.unit, a.report, a.lang);
  const facts = factsTable([
    [t.period, `${PERIOD_LABEL[a.lang][a.report.periode]} ${a.report.tahun}`],
    [t.revision, String(a.report.revision)],
    [t.indicators, String(a.report.summary?.indicatorCount ?? '–')],
    [t.average, formatPercent(a.report.summary?.averageCapaian, a.lang)],
    [t.below, String(a.report.summary?.belowTarget ?? '–')],
    [t.due, formatDateTime(a.decision.dueAt, a.lang)],
  ]);
  const subjectVerb = a.decision.step === 'verify' ? t.verifySubject : t.ratifySubject;
  const expires = formatDateTime(a.decision.expiresAt, a.lang);
  // Only the diff of the revision being decided: the report may already be on another one.
  const diff = a.report.diffSummary?.toRevision === a.decision.revision ? a.report.diffSummary : undefined;
  // Likewise the upload's warnings (e.g. read as windows-1252): the verifier checks the letters in the PDF.
  const warnings = a.report.revision === a.decision.revision ? (a.report.dataWarnings ?? []) : [];
  const warningsText = warnings.length > 0 ? `\n${t.dataWarnings}:\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : '';
  const warningsHtml =
    warnings.length > 0
      ? `<p><strong>${escapeHtml(t.dataWarnings)}:</strong></p><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`
      : '';
  return {
    subject: `[lapkin] ${subjectVerb}: ${title} (rev. ${a.report.revision})`,
    text: `${t.greeting(a.decision.assignee.name)}\n\n${ask}\n\n${title}\n${facts.text}\n\n${t.open}:\n${a.link}\n${diff ? `\n${diffText(diff, a.lang)}\n` : ''}${warningsText}\n${t.linkNote} ${expires}.\n${a.pdf ? t.attached : ''}\n`,
    html: htmlPage({
      lang: a.lang,
      title,
      body: `<p>${escapeHtml(t.greeting(a.decision.assignee.name))}</p><p>${escapeHtml(ask)}</p>
<h1>${escapeHtml(title)}</h1>${facts.html}
<p><a class="btn btn-link" href="${escapeHtml(a.link)}">${escapeHtml(t.open)}</a></p>${diff ? diffHtml(diff, a.lang) : ''}${warningsHtml}
<p class="muted">${escapeHtml(t.linkNote)} ${escapeHtml(expires)}. ${a.pdf ? escapeHtml(t.attached) : ''}</p>`,
    }),
    attachments: a.pdf
      ? [
          {
            filename: `laporan-kinerja-${a.report.reportId}-rev${a.report.revision}.pdf`,
            content: a.pdf,
            contentType: 'application/pdf',
          },
        ]
      : undefined,
  };
}

function uploadHint(unit: UnitProfile, r: Report, fileName: string) {
  const key = uploadKey(r.unit, r.tahun, r.periode, fileName);
  return {
    key,
    cli: `npx lapkin upload <berkas> --unit ${r.unit} --tahun ${r.tahun} --periode ${r.periode}`,
    org: unit.organization.name,
  };
}

export function revisionRequestMail(a: {
  /** The report's unit as the directory has it: its name heads the mail. */
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  by: { name: string; title: string };
  step: string;
  note: string;
}): Mail {
  const t = T[a.lang];
  const title = reportTitle(a.unit, a.report, a.lang);
  const hint = uploadHint(a.unit, a.report, a.report.source.key.split('/').pop() ?? 'data.xlsx');
  const stepLabel = STEP_LABEL[a.lang][a.step] ?? a.step;
  const intro = t.revisionBy(`${a.by.name} (${a.by.title})`, stepLabel);
  const due = a.report.dueAt ? formatDateTime(a.report.dueAt, a.lang) : '–';
  return {
    subject: `[lapkin] ${t.revisionSubject}: ${title}`,
    text: `${t.greeting(a.to.name)}\n\n${intro}\n\n"${a.note}"\n\n${t.howToUpload}\n  ${hint.key}\n  ${hint.cli}\n\n${t.due}: ${due}\n`,
    html: htmlPage({
      lang: a.lang,
      title,
      tone: 'warn',
      body: `<p>${escapeHtml(t.greeting(a.to.name))}</p><h1>${escapeHtml(t.revisionSubject)}</h1><p>${escapeHtml(title)}</p>
<p>${escapeHtml(intro)}</p><div class="notice">${escapeHtml(a.note)}</div>
<p>${escapeHtml(t.howToUpload)}</p><p><code>${escapeHtml(hint.key)}</code><br><code>${escapeHtml(hint.cli)}</code></p>
<p class="muted">${escapeHtml(t.due)}: ${escapeHtml(due)}</p>`,
    }),
  };
}

export function dataInvalidMail(a: {
  /** The report's unit as the directory has it: its name heads the mail. */
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  problems: { row: number | null; column: string | null; value: string | null; message: string }[];
  problemCount: number;
  problemsXlsx?: Uint8Array;
}): Mail {
  const t = T[a.lang];
  const title = reportTitle(a.unit, a.report, a.lang);
  const hint = uploadHint(a.unit, a.report, a.report.source.key.split('/').pop() ?? 'data.xlsx');
  const shown = a.problems.slice(0, 30);
  const rest = a.problemCount - shown.length;
  const rowsHtml = shown
    .map(
      (p) =>
        `<tr><td class="num">${p.row ?? '–'}</td><td>${escapeHtml(p.column ?? '–')}</td><td>${escapeHtml(p.value ?? '')}</td><td>${escapeHtml(p.message)}</td></tr>`,
    )
    .join('');
  const rowsText = shown
    .map((p) => `- ${t.row} ${p.row ?? '–'}, ${t.column} ${p.column ?? '–'}: ${p.message}`)
    .join('\n');
  return {
    subject: `[lapkin] ${t.invalidSubject}: ${title}`,
    text: `${t.greeting(a.to.name)}\n\n${t.invalidIntro(a.problemCount)}\n\n${rowsText}\n${rest > 0 ? t.more(rest) : ''}\n\n${t.howToUpload}\n  ${hint.key}\n  ${hint.cli}\n`,
    html: htmlPage({
      lang: a.lang,
      title,
      tone: 'bad',
      body: `<p>${escapeHtml(t.greeting(a.to.name))}</p><h1>${escapeHtml(t.invalidSubject)}</h1><p>${escapeHtml(title)}</p>
<p>${escapeHtml(t.invalidIntro(a.problemCount))}</p>
<table><tr><th>${t.row}</th><th>${t.column}</th><th>${t.value}</th><th>${t.problem}</th></tr>${rowsHtml}</table>
${rest > 0 ? `<p class="muted">${escapeHtml(t.more(rest))}</p>` : ''}
<p>${escapeHtml(t.howToUpload)}</p><p><code>${escapeHtml(hint.key)}</code><br><code>${escapeHtml(hint.cli)}</code></p>`,
    }),
    attachments: a.problemsXlsx
      ? [
          {
            filename: `kesalahan-data-${a.report.reportId}.xlsx`,
            content: a.problemsXlsx,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        ]
      : undefined,
  };
}

export function simpleNoticeMail(a: {
  /** The report's unit as the directory has it: its name heads the mail. */
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  kind: 'ignored' | 'failed' | 'documented';
  facts?: [string, string][];
}): Mail {
  const t = T[a.lang];
  const title = reportTitle(a.unit, a.report, a.lang);
  const subject = { ignored: t.ignoredSubject, failed: t.failedSubject, documented: t.documentedSubject }[a.kind];
  const body = {
    ignored: t.ignoredBody(statusLabel(a.report.status, a.lang, a.unit)),
    failed: t.failedBody,
    documented: t.documentedBody(a.unit.roleTitles.CAMAT),
  }[a.kind];
  const facts = factsTable(a.facts ?? []);
  return {
    subject: `[lapkin] ${subject}: ${title}`,
    text: `${t.greeting(a.to.name)}\n\n${body}\n\n${title}\n${facts.text}\n`,
    html: htmlPage({
      lang: a.lang,
      title,
      tone: a.kind === 'documented' ? 'ok' : a.kind === 'failed' ? 'bad' : 'warn',
      body: `<p>${escapeHtml(t.greeting(a.to.name))}</p><h1>${escapeHtml(subject)}</h1><p>${escapeHtml(title)}</p><p>${escapeHtml(body)}</p>${facts.html}`,
    }),
  };
}

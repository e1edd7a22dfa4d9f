import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import type { MailMessage } from '../ports/mailer.ts';
import { escapeHtml, formatDateTime, type Lang, PERIOD_LABEL, STEP_LABEL } from './i18n.ts';
import { htmlPage } from './layout.ts';

type Mail = Omit<MailMessage, 'to' | 'cc'>;

const T = {
  id: {
    reminderSubject: 'Pengingat',
    escalationSubject: 'Mutu Baku terlampaui',
    greeting: (n: string) => `Yth. ${n},`,
    reminder: (step: string, due: string) =>
      `Tahap "${step}" untuk laporan berikut belum diselesaikan. Batas waktu Mutu Baku (1 hari) adalah ${due}.`,
    escalation: (step: string, due: string, who: string) =>
      `Tahap "${step}" untuk laporan berikut telah melewati batas waktu Mutu Baku (${due}) dan masih menunggu ${who}. Laporan tetap menunggu; keputusan yang terlambat tetap diterima.`,
    act: 'Buka laporan dan putuskan',
    upload: 'Unggah data perbaikan ke lokasi:',
    copy: 'Tembusan karena tahap ini melewati Mutu Baku.',
  },
  en: {
    reminderSubject: 'Reminder',
    escalationSubject: 'Service standard exceeded',
    greeting: (n: string) => `Dear ${n},`,
    reminder: (step: string, due: string) =>
      `The "${step}" step of the report below is not done yet. Its service standard (1 day) ends ${due}.`,
    escalation: (step: string, due: string, who: string) =>
      `The "${step}" step of the report below passed its service standard (${due}) and still waits for ${who}. The report keeps waiting; a late decision is still accepted.`,
    act: 'Open the report and decide',
    upload: 'Upload the corrected data to:',
    copy: 'Copied because this step passed its service standard.',
  },
};

/** Reminder (before the due time) or escalation (after it) for one waiting step. */
export function mutuBakuMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  kind: 'reminder' | 'escalation';
  to: Person;
  waitingFor: Person;
  link?: string;
  uploadKey?: string;
}): Mail {
  const t = T[a.lang];
  const title = `Laporan Kinerja ${a.unit.organization.name} — ${PERIOD_LABEL[a.lang][a.report.periode]} ${a.report.tahun}`;
  const step = STEP_LABEL[a.lang][a.report.step] ?? a.report.step;
  const due = a.report.dueAt ? formatDateTime(a.report.dueAt, a.lang) : '–';
  const body =
    a.kind === 'reminder'
      ? t.reminder(step, due)
      : t.escalation(step, due, `${a.waitingFor.name} (${a.waitingFor.title})`);
  const subject = `[lapkin] ${a.kind === 'reminder' ? t.reminderSubject : t.escalationSubject}: ${step} — ${title}`;
  const copy = a.to.email !== a.waitingFor.email ? t.copy : '';
  const action = a.link
    ? {
        text: `${t.act}:\n${a.link}`,
        html: `<p><a class="btn btn-link" href="${escapeHtml(a.link)}">${escapeHtml(t.act)}</a></p>`,
      }
    : a.uploadKey
      ? {
          text: `${t.upload}\n  ${a.uploadKey}`,
          html: `<p>${escapeHtml(t.upload)}<br><code>${escapeHtml(a.uploadKey)}</code></p>`,
        }
      : { text: '', html: '' };
  return {
    subject,
    text: `${t.greeting(a.to.name)}\n\n${body}\n\n${title}\n${copy ? `${copy}\n` : ''}\n${action.text}\n`,
    html: htmlPage({
      lang: a.lang,
      title: subject,
      tone: a.kind === 'reminder' ? 'warn' : 'bad',
      body: `<p>${escapeHtml(t.greeting(a.to.name))}</p><h1>${escapeHtml(a.kind === 'reminder' ? t.reminderSubject : t.escalationSubject)}</h1>
<p>${escapeHtml(title)}</p><p>${escapeHtml(body)}</p>${copy ? `<p class="muted">${escapeHtml(copy)}</p>` : ''}${action.html}`,
    }),
  };
}

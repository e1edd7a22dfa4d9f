import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import { formatDateTime } from '../i18n/format.ts';
import { reportTitle, STEP_LABEL } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { Button, Closing, closing, greeting, Heading, Muted, P, UrlLine } from './parts.tsx';
import { taskUrl, uploadPageUrl } from './portal-links.ts';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

const T = {
  id: {
    reminder: 'Pengingat',
    escalation: 'Eskalasi',
    reminderHeading: 'Pengingat Mutu Baku',
    escalationHeading: 'Mutu Baku terlampaui',
    reminderBody: (step: string, due: string) =>
      `Tahap "${step}" untuk laporan berikut belum diselesaikan. Batas waktu Mutu Baku (1 hari) adalah ${due}. Mohon Bapak/Ibu berkenan segera menindaklanjutinya.`,
    escalationBody: (step: string, due: string, who: string, upload: boolean) =>
      `Tahap "${step}" untuk laporan berikut telah melewati batas waktu Mutu Baku (${due}) dan masih menunggu ${who}. Laporan tetap menunggu; ${upload ? 'unggahan perbaikan' : 'keputusan'} yang terlambat tetap diterima.`,
    decide: 'Buka laporan dan putuskan',
    task: 'Buka di portal (Tugas saya)',
    upload: 'Unggah data perbaikan',
    uploadNote: 'Mohon Bapak/Ibu mengunggah data perbaikan melalui halaman unggah portal lapkin:',
    copy: 'Tembusan kepada Bapak/Ibu karena tahap ini melewati Mutu Baku.',
  },
  en: {
    reminder: 'Reminder',
    escalation: 'Escalation',
    reminderHeading: 'Service standard reminder',
    escalationHeading: 'Service standard exceeded',
    reminderBody: (step: string, due: string) =>
      `The "${step}" step of the report below is not done yet. Its service standard (1 day) ends ${due}. Please act on it soon.`,
    escalationBody: (step: string, due: string, who: string, upload: boolean) =>
      `The "${step}" step of the report below passed its service standard (${due}) and still waits for ${who}. The report keeps waiting; a late ${upload ? 'corrected upload' : 'decision'} is still accepted.`,
    decide: 'Open the report and decide',
    task: 'Open in the portal (My tasks)',
    upload: 'Upload corrected data',
    uploadNote: "Please upload the corrected data on the lapkin portal's upload page:",
    copy: 'Copied to you because this step passed its service standard.',
  },
};

/**
 * The Mutu Baku clock's notice for one waiting step: a reminder before the due time, an escalation after it. The
 * way on is the one of the step: the decision (signed link and portal task) or the upload page.
 */
export function mutuBakuMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  kind: 'reminder' | 'escalation';
  to: Person;
  waitingFor: Person;
  /** A decision step: the signed link already mailed, and the decision's id for the portal task. */
  decision?: { link: string; decisionId: string };
  /** The portal's base URL. */
  portal: string;
}): Mail {
  const t = T[a.lang];
  const title = reportTitle(a.report, a.unit.organization.name, a.lang);
  const reminder = a.kind === 'reminder';
  const subject = subjectOf(reminder ? t.reminder : t.escalation, title);
  const step = STEP_LABEL[a.lang][a.report.step] ?? a.report.step;
  const due = a.report.dueAt ? formatDateTime(a.report.dueAt, a.lang) : '–';
  const task = a.decision ? taskUrl(a.portal, a.decision.decisionId) : undefined;
  const upload = a.report.step === 'revision' ? uploadPageUrl(a.portal, a.report.reportId) : undefined;
  const body = reminder
    ? t.reminderBody(step, due)
    : t.escalationBody(step, due, `${a.waitingFor.name} (${a.waitingFor.title})`, !!upload);
  const copy = a.to.email !== a.waitingFor.email ? t.copy : '';
  const tone = reminder ? 'warn' : 'bad';

  const action = a.decision
    ? [`${t.decide}:`, a.decision.link, '', `${t.task}:`, task]
    : upload
      ? [t.uploadNote, upload]
      : [];
  return {
    subject,
    text: [
      greeting(a.to.name, a.lang),
      '',
      body,
      '',
      title,
      ...(copy ? [copy] : []),
      '',
      ...action,
      '',
      closing(a.lang),
      '',
    ].join('\n'),
    html: mailDocument(
      <MailShell lang={a.lang} title={subject} tone={tone}>
        <P>{greeting(a.to.name, a.lang)}</P>
        <Heading tone={tone}>{reminder ? t.reminderHeading : t.escalationHeading}</Heading>
        <P>
          <strong>{title}</strong>
        </P>
        <P>{body}</P>
        {copy ? <Muted>{copy}</Muted> : null}
        {a.decision && task ? (
          <>
            <p style="margin:16px 0 4px">
              <Button href={a.decision.link} tone={tone}>
                {t.decide}
              </Button>
              <Button href={task} tone={tone} secondary>
                {t.task}
              </Button>
            </p>
            <UrlLine href={task} />
          </>
        ) : upload ? (
          <>
            <P>{t.uploadNote}</P>
            <p style="margin:8px 0 4px">
              <Button href={upload} tone={tone}>
                {t.upload}
              </Button>
            </p>
            <UrlLine href={upload} />
          </>
        ) : null}
        <Closing lang={a.lang} />
      </MailShell>,
    ),
  };
}

import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import { formatDateTime } from '../i18n/format.ts';
import { reportTitle, STEP_LABEL } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { Button, Closing, closing, greeting, Heading, Muted, Notice, P, UrlLine } from './parts.tsx';
import { uploadPageUrl } from './portal-links.ts';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

const T = {
  id: {
    action: 'Perlu perbaikan',
    heading: 'Laporan dikembalikan untuk revisi',
    by: (who: string, step: string) => `${who} mengembalikan laporan pada tahap ${step} dengan catatan:`,
    upload:
      'Mohon Bapak/Ibu melengkapi perbaikan sesuai catatan tersebut dan mengunggah data yang telah diperbaiki melalui halaman unggah portal lapkin:',
    button: 'Unggah data perbaikan',
    due: 'Batas waktu (Mutu Baku 1 hari)',
  },
  en: {
    action: 'Revision needed',
    heading: 'Report sent back for revision',
    by: (who: string, step: string) => `${who} sent the report back at the ${step} step with this note:`,
    upload:
      "Please complete the corrections the note asks for and upload the corrected data on the lapkin portal's upload page:",
    button: 'Upload corrected data',
    due: 'Due (service standard: 1 day)',
  },
};

/** "Jika tidak, silakan revisi kembali": the note of who sent the report back, and where to upload the correction. */
export function revisionRequestMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  by: { name: string; title: string };
  step: string;
  note: string;
  /** The portal's base URL. */
  portal: string;
}): Mail {
  const t = T[a.lang];
  const title = reportTitle(a.report, a.unit.organization.name, a.lang);
  const subject = subjectOf(t.action, title);
  const intro = t.by(`${a.by.name} (${a.by.title})`, STEP_LABEL[a.lang][a.step] ?? a.step);
  const due = `${t.due}: ${a.report.dueAt ? formatDateTime(a.report.dueAt, a.lang) : '–'}`;
  const upload = uploadPageUrl(a.portal, a.report.reportId);
  return {
    subject,
    text: `${greeting(a.to.name, a.lang)}\n\n${title}\n\n${intro}\n\n"${a.note}"\n\n${t.upload}\n${upload}\n\n${due}\n\n${closing(a.lang)}\n`,
    html: mailDocument(
      <MailShell lang={a.lang} title={subject} tone="warn">
        <P>{greeting(a.to.name, a.lang)}</P>
        <Heading tone="warn">{t.heading}</Heading>
        <P>
          <strong>{title}</strong>
        </P>
        <P>{intro}</P>
        <Notice>{a.note}</Notice>
        <P>{t.upload}</P>
        <p style="margin:8px 0 4px">
          <Button href={upload} tone="warn">
            {t.button}
          </Button>
        </p>
        <UrlLine href={upload} />
        <Muted>{due}</Muted>
        <Closing lang={a.lang} />
      </MailShell>,
    ),
  };
}

import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import { reportTitle } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { Button, Closing, closing, Facts, greeting, Heading, Muted, P, UrlLine } from './parts.tsx';
import { uploadPageUrl } from './portal-links.ts';
import { ProblemsTable, problemLines } from './problems-table.tsx';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

const T = {
  id: {
    action: 'Data ditolak',
    heading: 'Data kinerja perlu diperbaiki',
    intro: (n: number) =>
      `Data yang diunggah belum dapat disusun menjadi laporan: ditemukan ${n} masalah. Daftar lengkap terlampir dalam berkas XLSX.`,
    file: 'Berkas yang diperiksa',
    more: (n: number) => `… dan ${n} masalah lainnya (lihat lampiran).`,
    upload:
      'Mohon Bapak/Ibu memperbaiki data tersebut, lalu mengunggahnya kembali melalui halaman unggah portal lapkin:',
    button: 'Unggah data perbaikan',
  },
  en: {
    action: 'Data rejected',
    heading: 'Performance data needs correction',
    intro: (n: number) =>
      `The uploaded data could not be assembled into a report: ${n} problems were found. The full list is in the attached XLSX.`,
    file: 'File checked',
    more: (n: number) => `… and ${n} more (see the attachment).`,
    upload: "Please correct the data and upload it again on the lapkin portal's upload page:",
    button: 'Upload corrected data',
  },
};

/** Shown in the mail; the attached XLSX lists every problem. */
const SHOWN = 30;

/** SOP's Peringatan: invalid data never fails silently — every problem, and where to upload the correction. */
export function dataInvalidMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  problems: { row: number | null; column: string | null; value: string | null; message: string }[];
  problemCount: number;
  problemsXlsx?: Uint8Array;
  /** The portal's base URL. */
  portal: string;
}): Mail {
  const t = T[a.lang];
  const title = reportTitle(a.report, a.unit.organization.name, a.lang);
  const subject = subjectOf(t.action, title);
  const shown = a.problems.slice(0, SHOWN);
  const rest = a.problemCount - shown.length;
  const upload = uploadPageUrl(a.portal, a.report.reportId);
  const file: [string, string] = [t.file, a.report.source.key];
  return {
    subject,
    text: [
      greeting(a.to.name, a.lang),
      '',
      title,
      '',
      t.intro(a.problemCount),
      `${file[0]}: ${file[1]}`,
      '',
      ...problemLines(shown, a.lang),
      ...(rest > 0 ? [t.more(rest)] : []),
      '',
      t.upload,
      upload,
      '',
      closing(a.lang),
      '',
    ].join('\n'),
    html: mailDocument(
      <MailShell lang={a.lang} title={subject} tone="bad">
        <P>{greeting(a.to.name, a.lang)}</P>
        <Heading tone="bad">{t.heading}</Heading>
        <P>
          <strong>{title}</strong>
        </P>
        <P>{t.intro(a.problemCount)}</P>
        <Facts rows={[file]} />
        <P>{t.upload}</P>
        <p style="margin:8px 0 4px">
          <Button href={upload} tone="bad">
            {t.button}
          </Button>
        </p>
        <UrlLine href={upload} />
        <ProblemsTable problems={shown} lang={a.lang} />
        {rest > 0 ? <Muted>{t.more(rest)}</Muted> : null}
        <Closing lang={a.lang} />
      </MailShell>,
    ),
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

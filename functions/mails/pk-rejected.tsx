import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { DataProblem } from '../core/performance-data.ts';
import type { Lang } from '../i18n/lang.ts';
import { Closing, closing, Facts, greeting, Heading, Muted, P } from './parts.tsx';
import { ProblemsTable, problemLines } from './problems-table.tsx';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

const T = {
  id: {
    action: 'Perjanjian Kinerja ditolak',
    title: (unit: string, tahun: number) => `Perjanjian Kinerja ${unit} Tahun ${tahun}`,
    heading: 'Perjanjian Kinerja perlu diperbaiki',
    intro: (n: number, kept: boolean) =>
      `Perjanjian Kinerja yang diunggah belum dapat digunakan: ditemukan ${n} masalah. Daftar lengkap terlampir dalam berkas XLSX. ${
        kept
          ? 'Perjanjian Kinerja yang tersimpan sebelumnya tetap berlaku.'
          : 'Sampai Perjanjian Kinerja yang benar diterima, data kinerja tahun ini diperiksa dalam format baris lengkap.'
      }`,
    upload: 'Mohon Bapak/Ibu memperbaiki berkas tersebut, lalu mengunggahnya kembali sebagai Perjanjian Kinerja.',
    file: 'Berkas yang diperiksa',
    more: (n: number) => `… dan ${n} masalah lainnya (lihat lampiran).`,
  },
  en: {
    action: 'Performance agreement rejected',
    title: (unit: string, tahun: number) => `Performance agreement (PK) ${unit} ${tahun}`,
    heading: 'Performance agreement needs correction',
    intro: (n: number, kept: boolean) =>
      `The uploaded performance agreement cannot be used: ${n} problems were found. The full list is in the attached XLSX. ${
        kept
          ? 'The agreement stored before stays in force.'
          : "Until a valid agreement is accepted, this year's data is checked in the full-row format."
      }`,
    upload: 'Please correct the file and upload it again as the performance agreement.',
    file: 'File checked',
    more: (n: number) => `… and ${n} more (see the attachment).`,
  },
};

const SHOWN = 30;

/** A PK upload with problems: every problem, the list attached, and what stays in force meanwhile. */
export function pkRejectedMail(a: {
  unit: UnitProfile;
  lang: Lang;
  tahun: number;
  to: Person;
  fileKey: string;
  problems: DataProblem[];
  problemsXlsx: Uint8Array;
  /** A valid PK of the year is stored already. */
  kept: boolean;
}): Mail {
  const t = T[a.lang];
  const title = t.title(a.unit.organization.name, a.tahun);
  const subject = subjectOf(t.action, title);
  const shown = a.problems.slice(0, SHOWN);
  const rest = a.problems.length - shown.length;
  const file: [string, string] = [t.file, a.fileKey.split('/').at(-1) ?? a.fileKey];
  return {
    subject,
    text: [
      greeting(a.to.name, a.lang),
      '',
      title,
      '',
      t.intro(a.problems.length, a.kept),
      `${file[0]}: ${file[1]}`,
      '',
      ...problemLines(shown, a.lang),
      ...(rest > 0 ? [t.more(rest)] : []),
      '',
      t.upload,
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
        <P>{t.intro(a.problems.length, a.kept)}</P>
        <Facts rows={[file]} />
        <P>{t.upload}</P>
        <ProblemsTable problems={shown} lang={a.lang} />
        {rest > 0 ? <Muted>{t.more(rest)}</Muted> : null}
        <Closing lang={a.lang} />
      </MailShell>,
    ),
    attachments: [
      {
        filename: `kesalahan-pk-${a.unit.organization.unitCode}-${a.tahun}.xlsx`,
        content: a.problemsXlsx,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    ],
  };
}

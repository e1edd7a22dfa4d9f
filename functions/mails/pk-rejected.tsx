import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { DataProblem } from '../core/performance-data.ts';
import type { Lang } from '../i18n/lang.ts';
import { problemsMail } from './problems-mail.tsx';
import type { Mail } from './shell.tsx';

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
  },
};

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
  return problemsMail({
    lang: a.lang,
    to: a.to,
    title: t.title(a.unit.organization.name, a.tahun),
    action: t.action,
    heading: t.heading,
    intro: t.intro(a.problems.length, a.kept),
    fileName: a.fileKey.split('/').at(-1) ?? a.fileKey,
    ask: t.upload,
    problems: a.problems,
    problemCount: a.problems.length,
    attachment: { filename: `kesalahan-pk-${a.unit.organization.unitCode}-${a.tahun}.xlsx`, content: a.problemsXlsx },
  });
}

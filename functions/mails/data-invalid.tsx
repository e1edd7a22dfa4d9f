import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import { reportTitle } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { uploadPageUrl } from './portal-links.ts';
import { problemsMail } from './problems-mail.tsx';
import type { Mail } from './shell.tsx';

const T = {
  id: {
    action: 'Data ditolak',
    heading: 'Data kinerja perlu diperbaiki',
    intro: (n: number) =>
      `Data yang diunggah belum dapat disusun menjadi laporan: ditemukan ${n} masalah. Daftar lengkap terlampir dalam berkas XLSX.`,
    upload:
      'Mohon Bapak/Ibu memperbaiki data tersebut, lalu mengunggahnya kembali melalui halaman unggah portal lapkin:',
    button: 'Unggah data perbaikan',
  },
  en: {
    action: 'Data rejected',
    heading: 'Performance data needs correction',
    intro: (n: number) =>
      `The uploaded data could not be assembled into a report: ${n} problems were found. The full list is in the attached XLSX.`,
    upload: "Please correct the data and upload it again on the lapkin portal's upload page:",
    button: 'Upload corrected data',
  },
};

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
  return problemsMail({
    lang: a.lang,
    to: a.to,
    title: reportTitle(a.report, a.unit.organization.name, a.lang),
    action: t.action,
    heading: t.heading,
    intro: t.intro(a.problemCount),
    fileName: a.report.source.key,
    ask: t.upload,
    next: { label: t.button, href: uploadPageUrl(a.portal, a.report.reportId) },
    problems: a.problems,
    problemCount: a.problemCount,
    ...(a.problemsXlsx
      ? { attachment: { filename: `kesalahan-data-${a.report.reportId}.xlsx`, content: a.problemsXlsx } }
      : {}),
  });
}

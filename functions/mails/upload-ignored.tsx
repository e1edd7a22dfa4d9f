import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import { statusLabel } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { reportNotice } from './report-notice.tsx';
import type { Mail } from './shell.tsx';

const T = {
  id: {
    action: 'Unggahan belum digunakan',
    heading: 'Unggahan belum digunakan',
    body: (status: string) =>
      `Unggahan Bapak/Ibu telah tersimpan, tetapi belum digunakan karena laporan sedang dalam tahap "${status}". Mohon Bapak/Ibu mengunggahnya kembali setelah laporan dikembalikan untuk revisi.`,
  },
  en: {
    action: 'Upload not used',
    heading: 'Upload not used yet',
    body: (status: string) =>
      `Your upload was stored but not used, because the report is at "${status}". Please upload again once the report is sent back for revision.`,
  },
};

/** An upload for a report that is not waiting for one (being verified, say): kept, not used. */
export function uploadIgnoredMail(a: { unit: UnitProfile; lang: Lang; report: Report; to: Person }): Mail {
  const t = T[a.lang];
  return reportNotice({
    ...a,
    about: a.report,
    action: t.action,
    heading: t.heading,
    body: t.body(statusLabel(a.report.status, a.lang, a.unit)),
    tone: 'warn',
  });
}

import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { FailureReason } from '../core/failure-reason.ts';
import type { Report } from '../core/report.ts';
import type { Lang } from '../i18n/lang.ts';
import { failureFacts } from './failure-facts.ts';
import { uploadPageUrl } from './portal-links.ts';
import { reportNotice } from './report-notice.tsx';
import type { Mail } from './shell.tsx';

const T = {
  id: {
    action: 'Gagal diproses',
    heading: 'Laporan gagal diproses',
    body: 'Laporan berikut gagal diproses karena kendala teknis. Data yang diunggah tetap tersimpan. Mohon Bapak/Ibu mengunggah ulang data melalui portal lapkin untuk memulai kembali, atau menghubungi operator.',
    next: 'Unggah ulang data',
  },
  en: {
    action: 'Processing failed',
    heading: 'Report processing failed',
    body: 'The report below failed for a technical reason. The uploaded data is kept. Please upload the data again on the lapkin portal to restart, or contact the operator.',
    next: 'Upload the data again',
  },
};

/** A report stopped for a technical reason (GAGAL): why, in words, and how to start it again. */
export function reportFailedMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  reason: FailureReason;
  /** The portal's base URL. */
  portal: string;
}): Mail {
  const t = T[a.lang];
  return reportNotice({
    ...a,
    about: a.report,
    action: t.action,
    heading: t.heading,
    body: t.body,
    tone: 'bad',
    facts: failureFacts(a.reason, a.lang),
    next: { label: t.next, href: uploadPageUrl(a.portal, a.report.reportId) },
  });
}

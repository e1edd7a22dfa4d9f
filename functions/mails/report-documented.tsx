import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import type { Lang } from '../i18n/lang.ts';
import { reportNotice } from './report-notice.tsx';
import type { Mail } from './shell.tsx';

const T = {
  id: {
    action: 'Terdokumentasi',
    heading: 'Laporan telah disahkan dan terdokumentasi',
    body: (head: string) =>
      `Laporan kinerja berikut telah disahkan ${head} dan diarsipkan beserta lembar disposisinya.`,
  },
  en: {
    action: 'Documented',
    heading: 'Report ratified and documented',
    body: (head: string) =>
      `The performance report below was ratified by the ${head} and archived with its disposition sheet.`,
  },
};

/** SOP step 5 done: the ratified report and its disposition sheet are archived. */
export function reportDocumentedMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  /** What was archived: keys, versions, SHA-256. */
  facts: [string, string][];
}): Mail {
  const t = T[a.lang];
  return reportNotice({
    ...a,
    action: t.action,
    heading: t.heading,
    body: t.body(a.unit.roleTitles.CAMAT),
    tone: 'ok',
  });
}

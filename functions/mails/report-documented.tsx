import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import type { Lang } from '../i18n/lang.ts';
import type { QuotedNote } from './parts.tsx';
import { reportNotice } from './report-notice.tsx';
import type { Mail } from './shell.tsx';

const T = {
  id: {
    action: 'Terdokumentasi',
    heading: 'Laporan telah disahkan dan terdokumentasi',
    body: (head: string) =>
      `Dengan hormat, kami sampaikan bahwa laporan kinerja berikut telah disahkan ${head} dan diarsipkan beserta lembar disposisinya.`,
    arahan: 'Arahan pada lembar disposisi',
  },
  en: {
    action: 'Documented',
    heading: 'Report ratified and documented',
    body: (head: string) =>
      `We are pleased to let you know that the performance report below was ratified by the ${head} and archived with its disposition sheet.`,
    arahan: 'Directions on the disposition sheet',
  },
};

/** SOP step 5 done: the ratified report and its disposition sheet are archived. */
export function reportDocumentedMail(a: {
  unit: UnitProfile;
  lang: Lang;
  report: Report;
  to: Person;
  /** What was archived: nomor agenda, SHA-256, verification code. */
  facts: [string, string][];
  /** The arahan given with the approvals of the archived revision, by who gave them. */
  arahan?: QuotedNote[];
  /** The title the report was ratified under, as recorded; the unit's head when unknown. */
  ratifiedBy?: string;
}): Mail {
  const t = T[a.lang];
  return reportNotice({
    ...a,
    about: a.report,
    action: t.action,
    heading: t.heading,
    body: t.body(a.ratifiedBy ?? a.unit.roleTitles.CAMAT),
    tone: 'ok',
    ...(a.arahan?.length ? { notes: { title: t.arahan, items: a.arahan } } : {}),
  });
}

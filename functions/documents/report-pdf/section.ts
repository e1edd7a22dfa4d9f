import type { AssembledReport } from '../../core/performance-data.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Doc } from '../pdf-layout.ts';

/**
 * One section of a report PDF: draws itself from the report onto `doc` where the previous one ended (starting
 * pages as it needs). The quarterly report (../report-pdf.ts) is a sequence of these; another document can
 * compose the same sections, or its own, the same way. A section needing more than the report (the approvals)
 * takes it after `lang`.
 */
export type ReportSection = (doc: Doc, report: AssembledReport, lang: Lang) => void;

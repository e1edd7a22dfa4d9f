import type { CapaianRules } from '../../core/capaian-rules.ts';
import type { AssembledReport, DispositionEntry } from '../../core/performance-data.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Doc } from '../pdf-layout.ts';
import type { LkjipWords } from './labels.ts';
import type { TocRecorder } from './toc.ts';

/** What every part of the LKjIP draws with: the document, the report, its words and where the headings went. */
export interface Lkjip {
  doc: Doc;
  report: AssembledReport;
  approvals: DispositionEntry[];
  lang: Lang;
  l: LkjipWords;
  /** The rules capaian was computed by (report-method.ts: the report's own, or those of its time). */
  rules: CapaianRules;
  toc: TocRecorder;
}

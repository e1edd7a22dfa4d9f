import type { AssembledReport, ComputedIndicator } from '../../core/performance-data.ts';
import type { Lang } from '../../i18n/lang.ts';
import { contentWidth, type Doc, FONT, pdfText } from '../pdf-layout.ts';
import { isToDate } from '../report-method.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';

/**
 * How the quarterly report reads its figures: whether an indicator's realisasi is a figure to date (s.d.
 * triwulan), and the marks and notes under its tables — shared by the sections so they agree. The rules the
 * numbers were computed by are ../report-method.ts.
 */

/** A quarter's short name in a header: "TW II", "Q2". */
export function quarterShort(report: AssembledReport, lang: Lang): string {
  return L[lang].quarter[report.periode];
}

/**
 * The main table shows the quarter's own realisasi beside the realisasi s.d. triwulan when any indicator's
 * figure is to date. A TAHUNAN report is the LKjIP's; its table stays as it is.
 */
export function showsToDate(report: AssembledReport): boolean {
  return report.periode !== 'TAHUNAN' && report.indicators.some(isToDate);
}

/** The period's own realisasi: as uploaded when the figure to date differs from it, else the same figure. */
export function realisasiOfPeriod(ind: ComputedIndicator): number {
  return ind.realisasiPeriode ?? ind.realisasi;
}

/** Footnote marks in the order they are first needed: ¹ ² ³ ⁴. */
export const MARKS = ['¹', '²', '³', '⁴', '⁵', '⁶'] as const;

/** The notes under a table (7 pt, as paragraph draws them, 4 pt above): the room a table keeps below its last row. */
export function notesHeight(doc: Doc, notes: string[]): number {
  doc.font(FONT.regular).fontSize(7);
  const h = notes.reduce(
    (sum, n) => sum + doc.heightOfString(pdfText(n), { width: contentWidth(doc), lineGap: 1.5 }),
    4,
  );
  doc.font(FONT.regular).fontSize(10);
  return h;
}

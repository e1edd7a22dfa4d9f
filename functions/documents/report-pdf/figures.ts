import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../../core/capaian-rules.ts';
import type { AssembledReport, ComputedIndicator } from '../../core/performance-data.ts';
import { rulesNote } from '../../i18n/capaian-words.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { contentWidth, type Doc, FONT, pdfText } from '../pdf-layout.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';

/**
 * How the quarterly report reads its figures: which rules computed them, and whether an indicator's realisasi is
 * a figure to date (s.d. triwulan) — shared by the summary, the tables and the method note so they agree.
 */

/**
 * The rules of data assembled before they were recorded: the turun formula (2T-R)/T, no capaian for target 0,
 * and averages over uncapped values. Re-rendering such data must say what its numbers are, not today's rules.
 */
const LEGACY_RULES: CapaianRules = {
  ...DEFAULT_CAPAIAN_RULES,
  turunFormula: '(2T-R)/T',
  targetZero: 'EMPTY_WITH_NOTE',
};

/** The rules the report's numbers were computed by; `capped` false for data from before the cap. */
export function reportRules(report: AssembledReport): { rules: CapaianRules; capped: boolean } {
  return report.rules ? { rules: report.rules, capped: true } : { rules: LEGACY_RULES, capped: false };
}

/** The cap as printed ("120 %"), or null when the report's averages were not capped. */
export function capText(report: AssembledReport, lang: Lang): string | null {
  const { rules, capped } = reportRules(report);
  return capped ? `${formatNumber(rules.cap, { maxDecimals: 2 }, lang)} %` : null;
}

/**
 * The method note: rulesNote's sentences (formulas, target 0, cap, sifat). For data from before the cap, its
 * first three (naik, turun, target 0) and a sentence saying the averages are uncapped; that data had no sifat.
 */
export function methodNote(report: AssembledReport, lang: Lang): string[] {
  const { rules, capped } = reportRules(report);
  const lines = rulesNote(rules, lang);
  return capped ? lines : [...lines.slice(0, 3), L[lang].legacyRules];
}

/** A quarter's short name in a header: "TW II", "Q2". */
export function quarterShort(report: AssembledReport, lang: Lang): string {
  return L[lang].quarter[report.periode];
}

/**
 * The realisasi is a figure to date over more than the period itself (kumulatif over TW1–TW2, …), or would be
 * but for quarters without documented figures.
 */
export function isToDate(ind: ComputedIndicator): boolean {
  return (
    (ind.quartersToDate?.length ?? 0) > 1 ||
    ind.realisasiPeriode !== undefined ||
    (ind.quartersMissing?.length ?? 0) > 0
  );
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

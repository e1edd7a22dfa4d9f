import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../core/capaian-rules.ts';
import type { AssembledReport, ComputedIndicator } from '../core/performance-data.ts';
import { rulesNote } from '../i18n/capaian-words.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * The rules a report's numbers were computed by, as its PDF and XLSX state them. Data assembled before the rules
 * were recorded was computed by the rules of that time — (2T-R)/T, no capaian for target 0, averages over
 * uncapped values — and re-rendering it must say so, not claim today's rules for numbers they did not make.
 */
const LEGACY_RULES: CapaianRules = {
  ...DEFAULT_CAPAIAN_RULES,
  turunFormula: '(2T-R)/T',
  targetZero: 'EMPTY_WITH_NOTE',
};

const LEGACY_CAP: Record<Lang, string> = {
  id: 'Rata-rata capaian dihitung tanpa batas atas capaian per indikator: data laporan ini disusun sebelum batas tersebut diberlakukan.',
  en: 'Averages count each indicator without an upper limit: the data of this report was compiled before that limit applied.',
};

/** The rules the report's numbers were computed by; `capped` false for data from before the cap. */
export function reportRules(report: Pick<AssembledReport, 'rules'>): { rules: CapaianRules; capped: boolean } {
  return report.rules ? { rules: report.rules, capped: true } : { rules: LEGACY_RULES, capped: false };
}

/** The cap as printed ("120 %"), or null when the report's averages were not capped. */
export function capText(report: Pick<AssembledReport, 'rules'>, lang: Lang): string | null {
  const { rules, capped } = reportRules(report);
  return capped ? `${formatNumber(rules.cap, { maxDecimals: 2 }, lang)} %` : null;
}

/**
 * The cap the capaian per sasaran were averaged with, as printed. Only data from after the cap has capaian per
 * sasaran, so the default is the type's fallback, not a claim about old data.
 */
export function sasaranCapText(report: Pick<AssembledReport, 'rules'>, lang: Lang): string {
  return capText(report, lang) ?? capText({ rules: DEFAULT_CAPAIAN_RULES }, lang) ?? '';
}

/**
 * The method note: rulesNote's sentences (naik, turun, target 0, the cap, sifat). For data from before the cap,
 * its first three and a sentence saying the averages are uncapped (that data had no sifat either).
 */
export function methodNote(report: Pick<AssembledReport, 'rules'>, lang: Lang): string[] {
  const { rules, capped } = reportRules(report);
  const lines = rulesNote(rules, lang);
  return capped ? lines : [...lines.slice(0, 3), LEGACY_CAP[lang]];
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

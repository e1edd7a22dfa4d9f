import { type CapaianRules, capaianRules } from '../core/capaian-rules.ts';
import type { LapkinConfig } from '../core/config.ts';
import type { Narasi } from '../core/narasi.ts';
import type { ComputedIndicator, DataProblem, RatingScale, ReportSummary } from '../core/performance-data.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { computeIndicators, overspent, ratingScaleOf } from './capaian.ts';
import { summarize } from './report-summary.ts';
import {
  type CheckedPeriod,
  type DataContext,
  type ExpectedPeriod,
  parseNarasi,
  parsePerformanceData,
  sizeProblem,
} from './upload/index.ts';

export type { DataContext } from './upload/index.ts';

/** The parts of the configuration that decide whether data is valid and how it is rated. */
export type DataSettings = Pick<LapkinConfig, 'ratingScale' | 'targetZero' | 'capaian' | 'dataLimits'>;

/** The data settings of a configuration (what the browser's checker is handed, so it decides as the server). */
export function dataSettings(config: DataSettings): DataSettings {
  return {
    ratingScale: config.ratingScale,
    targetZero: config.targetZero,
    capaian: config.capaian,
    dataLimits: config.dataLimits,
  };
}

export interface DataCheck {
  valid: boolean;
  /** Every problem; a report is assembled only from data without any. */
  problems: DataProblem[];
  /** Not errors, but a reader must see them: the file's own (read as windows-1252), then spending above the pagu. */
  warnings: DataProblem[];
  /** The warnings about the file as a whole; the report carries them to the verifier's mail. */
  fileWarnings: DataProblem[];
  /** Capaian and kategori of every row without a problem (all rows when valid). */
  indicators: ComputedIndicator[];
  summary: ReportSummary;
  ratingScale: RatingScale;
  rules: CapaianRules;
  period: CheckedPeriod | null;
  /** Whether the rows were checked against (and joined with) the unit's Perjanjian Kinerja. */
  pk: boolean;
  /** The narrative of an annual (TAHUNAN) upload, from its Narasi sheet. */
  narasi?: Narasi;
}

const WARN = {
  id: {
    overspent: (spent: string, pagu: string, pct: string) =>
      `Realisasi anggaran Rp ${spent} melebihi pagu Rp ${pagu} (serapan ${pct}).`,
    column: 'realisasi_anggaran',
  },
  en: {
    overspent: (spent: string, pagu: string, pct: string) =>
      `Budget spent Rp ${spent} exceeds the budget Rp ${pagu} (absorption ${pct}).`,
    column: 'budget_spent',
  },
};

/**
 * The one validation and computation of uploaded data: the assemble Lambda and `lapkin check` both call this, so
 * the offline checker can never disagree with what the report will say. With `context.pk` the upload is checked
 * against the unit's Perjanjian Kinerja (a short upload of kode and realisasi suffices) and a quarter's realisasi
 * becomes the figure to date with `context.earlier`. An annual upload (TAHUNAN) needs its Narasi sheet.
 */
export async function checkPerformanceData(
  bytes: Uint8Array,
  fileName: string,
  expected: ExpectedPeriod | null,
  settings: DataSettings,
  lang: Lang = 'id',
  context?: DataContext,
): Promise<DataCheck> {
  const ratingScale = ratingScaleOf(settings.ratingScale);
  const rules = capaianRules(settings);
  const parsed = await parsePerformanceData(bytes, fileName, expected, {
    lang,
    maxFileMB: settings.dataLimits.maxFileMB,
    maxRows: settings.dataLimits.maxRows,
    rules,
    context,
  });
  const problems = parsed.ok ? [] : [...parsed.problems];
  let narasi: Narasi | undefined;
  // The LKjIP's narrative: only once the file could be read as data at all (its period is known).
  if (parsed.period?.periode === 'TAHUNAN') {
    const read = await parseNarasi(bytes, fileName, { lang, maxFileMB: settings.dataLimits.maxFileMB });
    problems.push(...read.problems);
    narasi = read.narasi;
  }
  const indicators = computeIndicators(parsed.rows, ratingScale, rules);
  return {
    valid: problems.length === 0,
    problems,
    warnings: [...parsed.warnings, ...budgetWarnings(indicators, lang)],
    fileWarnings: parsed.warnings,
    indicators,
    summary: summarize(indicators, ratingScale, rules),
    ratingScale,
    rules,
    period: parsed.period,
    pk: context?.pk !== undefined,
    ...(narasi ? { narasi } : {}),
  };
}

/** The answer for an upload over `dataLimits.maxFileMB`, from its size alone (null when within the limit). */
export function checkFileSize(byteLength: number, settings: DataSettings, lang: Lang = 'id'): DataCheck | null {
  const problem = sizeProblem(byteLength, { lang, maxFileMB: settings.dataLimits.maxFileMB });
  if (!problem) return null;
  const ratingScale = ratingScaleOf(settings.ratingScale);
  return {
    valid: false,
    problems: [problem],
    warnings: [],
    fileWarnings: [],
    indicators: [],
    summary: summarize([], ratingScale),
    ratingScale,
    rules: capaianRules(settings),
    period: null,
    pk: false,
  };
}

export function budgetWarnings(indicators: ComputedIndicator[], lang: Lang = 'id'): DataProblem[] {
  const w = WARN[lang];
  return overspent(indicators).map((i) => ({
    row: i.row,
    column: w.column,
    value: String(i.realisasiAnggaran),
    message: w.overspent(
      formatNumber(i.realisasiAnggaran ?? 0, { maxDecimals: 2 }, lang),
      formatNumber(i.pagu ?? 0, { maxDecimals: 2 }, lang),
      formatPercent(i.serapanAnggaran, lang),
    ),
  }));
}

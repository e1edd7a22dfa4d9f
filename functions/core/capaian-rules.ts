/**
 * The rules capaian is computed by, as a Pemda configures them (`capaian` and `targetZero` in cdk.json). They are
 * recorded on every assembled report, so its PDF can say which rules it used and a later change of configuration
 * never changes what an archived report says.
 */

/**
 * How an indicator's figures over the year add up (sifat indikator):
 * - kumulatif: the quarters add up (cases handled: TW1 + TW2 + …);
 * - non-kumulatif: the position at the end counts (posisi akhir: the last quarter's figure);
 * - rata-rata: the mean of the quarters (a satisfaction index measured every quarter).
 */
export const SIFAT = ['kumulatif', 'non-kumulatif', 'rata-rata'] as const;
export type Sifat = (typeof SIFAT)[number];

/**
 * The two formulas Pemda use for an indicator whose lower realisasi is better (polaritas turun):
 * `(2T-R)/T` (the Permenpan guide's) and `T/R` (target over realisasi).
 */
export const TURUN_FORMULAS = ['(2T-R)/T', 'T/R'] as const;
export type TurunFormula = (typeof TURUN_FORMULAS)[number];

/**
 * Target 0 cannot divide. `TURUN_NOL_TERCAPAI`: a turun indicator with target 0 is achieved (100 %) when its
 * realisasi is 0 and not achieved (0 %) otherwise — "zero cases" as a target; a naik indicator with target 0
 * still has no capaian and needs a note. `EMPTY_WITH_NOTE`: no capaian for any target 0, and the row needs a note.
 */
export const TARGET_ZERO_RULES = ['TURUN_NOL_TERCAPAI', 'EMPTY_WITH_NOTE'] as const;
export type TargetZeroRule = (typeof TARGET_ZERO_RULES)[number];

export interface CapaianRules {
  turunFormula: TurunFormula;
  targetZero: TargetZeroRule;
  /**
   * The highest capaian (percent) an indicator counts with in any average: per sasaran and overall. One
   * indicator at 400 % must not hide three below target. Each indicator's own capaian is printed uncapped.
   */
  cap: number;
}

export const DEFAULT_CAPAIAN_RULES: CapaianRules = {
  turunFormula: '(2T-R)/T',
  targetZero: 'TURUN_NOL_TERCAPAI',
  cap: 120,
};

/**
 * The figure to date from the figures of the quarters reported so far (in order), by sifat; null when there is
 * none. Used for the quarterly capaian to date and for the annual roll-up of the four quarters.
 */
export function figureToDate(sifat: Sifat, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  switch (sifat) {
    case 'kumulatif':
      return sumExact(values);
    case 'non-kumulatif':
      return values[values.length - 1] ?? null;
    case 'rata-rata':
      return sumExact(values) / values.length;
  }
}

/** Sums without the binary drift of 0.1 + 0.2: figures carry at most a few decimals, so round to 10 of them. */
function sumExact(values: readonly number[]): number {
  return Number(values.reduce((a, b) => a + b, 0).toFixed(10));
}

/** The capaian rules of a deployment's configuration, as the one value the checker records on every report. */
export function capaianRules(config: {
  targetZero: TargetZeroRule;
  capaian: { turunFormula: TurunFormula; cap: number };
}): CapaianRules {
  return { turunFormula: config.capaian.turunFormula, targetZero: config.targetZero, cap: config.capaian.cap };
}

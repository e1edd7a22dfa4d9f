import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../core/capaian-rules.ts';
import type { ComputedIndicator, IndicatorRow, Kategori, RatingScale } from '../core/performance-data.ts';
import { BELOW_TARGET_MAX, type BelowTargetIndicator } from '../core/report.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

export type { RatingScale } from '../core/performance-data.ts';

/** The five ratings of the default scale, highest first. */
export const KATEGORI: readonly Kategori[] = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah'];

/**
 * 91–100 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah, ≤50 Sangat Rendah; above 100 stays Sangat Tinggi.
 * The same values are the default of `ratingScale` in the configuration schema.
 */
export const DEFAULT_RATING_SCALE: RatingScale = {
  bands: [
    { above: 90, kategori: 'Sangat Tinggi' },
    { above: 75, kategori: 'Tinggi' },
    { above: 65, kategori: 'Sedang' },
    { above: 50, kategori: 'Rendah' },
  ],
  otherwise: 'Sangat Rendah',
};

/**
 * The configured scale with its bands highest first. `rate` takes the first band exceeded, so a scale written
 * lowest-first in cdk.json would otherwise rate everything by its bottom band.
 */
export function ratingScaleOf(scale: RatingScale | undefined): RatingScale {
  if (!scale) return DEFAULT_RATING_SCALE;
  return { bands: [...scale.bands].sort((a, b) => b.above - a.above), otherwise: scale.otherwise };
}

/** Every kategori of a scale, highest first, each once. */
export function kategoriOrder(scale: RatingScale = DEFAULT_RATING_SCALE): Kategori[] {
  return [...new Set([...ratingScaleOf(scale).bands.map((b) => b.kategori), scale.otherwise])];
}

/**
 * Rounds half away from zero to 2 decimals. The small relative nudge keeps values such as 1.005 (stored as
 * 1.00499999…) from rounding down, so what the report prints is what the kategori was decided on.
 */
export function round2(x: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * 100 * (1 + Number.EPSILON))) / 100;
}

/** Capaian in percent (uncapped, rounded to 2 decimals) and, when a rule rather than the ratio gave it, which. */
export interface CapaianResult {
  capaian: number | null;
  by?: ComputedIndicator['capaianBy'];
}

/**
 * Capaian by the configured rules:
 * - naik: R / T × 100;
 * - turun: (2T − R) / T × 100, floored at 0 (the Permenpan guide's), or T / R × 100 — the deployment's choice;
 *   under T / R a realisasi of 0 beats any target and counts as the cap;
 * - target 0: a turun indicator is 100 % with realisasi 0 and 0 % otherwise (TURUN_NOL_TERCAPAI), else none.
 */
export function capaianOf(
  polaritas: IndicatorRow['polaritas'],
  target: number,
  realisasi: number,
  rules: CapaianRules = DEFAULT_CAPAIAN_RULES,
): CapaianResult {
  if (target === 0) {
    if (polaritas === 'turun' && rules.targetZero === 'TURUN_NOL_TERCAPAI') {
      return { capaian: realisasi === 0 ? 100 : 0, by: 'TARGET_NOL' };
    }
    return { capaian: null };
  }
  if (polaritas === 'naik') return { capaian: round2((realisasi / target) * 100) };
  if (rules.turunFormula === 'T/R') {
    return realisasi === 0
      ? { capaian: rules.cap, by: 'REALISASI_NOL' }
      : { capaian: round2((target / realisasi) * 100) };
  }
  return { capaian: round2(Math.max(0, ((2 * target - realisasi) / target) * 100)) };
}

/** The capaian alone (see capaianOf). */
export function computeCapaian(
  polaritas: IndicatorRow['polaritas'],
  target: number,
  realisasi: number,
  rules: CapaianRules = DEFAULT_CAPAIAN_RULES,
): number | null {
  return capaianOf(polaritas, target, realisasi, rules).capaian;
}

/** What an indicator counts with in an average: its capaian, at most the cap. */
export const capped = (capaian: number, rules: CapaianRules = DEFAULT_CAPAIAN_RULES): number =>
  Math.min(capaian, rules.cap);

export function rate(capaian: number | null, scale: RatingScale = DEFAULT_RATING_SCALE): Kategori | null {
  if (capaian === null) return null;
  const value = round2(capaian);
  for (const band of ratingScaleOf(scale).bands) {
    if (value > band.above) return band.kategori;
  }
  return scale.otherwise;
}

export function computeIndicators(
  rows: IndicatorRow[],
  scale: RatingScale = DEFAULT_RATING_SCALE,
  rules: CapaianRules = DEFAULT_CAPAIAN_RULES,
): ComputedIndicator[] {
  const sorted = ratingScaleOf(scale);
  return rows.map((row) => {
    const { capaian, by } = capaianOf(row.polaritas, row.target, row.realisasi, rules);
    const serapanAnggaran =
      row.pagu !== undefined && row.realisasiAnggaran !== undefined && row.pagu > 0
        ? round2((row.realisasiAnggaran / row.pagu) * 100)
        : null;
    return { ...row, capaian, ...(by ? { capaianBy: by } : {}), kategori: rate(capaian, sorted), serapanAnggaran };
  });
}

/**
 * The indicators below target (capaian < 100 %, the same rule as `summarize`'s count), lowest first, at most
 * `max`, with names cut to a length a page line holds: what a verifier reads before deciding.
 */
export function belowTargetList(
  indicators: readonly ComputedIndicator[],
  max = BELOW_TARGET_MAX,
): BelowTargetIndicator[] {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
  return indicators
    .filter((i): i is ComputedIndicator & { capaian: number } => i.capaian !== null && i.capaian < 100)
    .sort((a, b) => a.capaian - b.capaian || a.kode.localeCompare(b.kode))
    .slice(0, max)
    .map((i) => ({
      kode: cut(i.kode),
      indikator: cut(i.indikator),
      satuan: cut(i.satuan),
      target: i.target,
      realisasi: i.realisasi,
      capaian: i.capaian,
    }));
}

/**
 * The scale in words, highest band first: "lebih dari 75 % sampai 90 %" → Tinggi. The PDF and the template print
 * it, so a reader always sees the scale the kategori were decided on, whatever the configuration.
 */
export function scaleRanges(scale: RatingScale, lang: Lang = 'id'): { kategori: Kategori; range: string }[] {
  const s = ratingScaleOf(scale);
  const pct = (n: number) => `${formatNumber(n, { maxDecimals: 2 }, lang)} %`;
  const w =
    lang === 'id'
      ? { above: 'lebih dari', upTo: 'sampai', orLess: 'atau kurang', all: 'semua capaian' }
      : { above: 'above', upTo: 'up to', orLess: 'or less', all: 'any achievement' };
  const lines = s.bands.map((b, i) => {
    const upper = i === 0 ? '' : ` ${w.upTo} ${pct(s.bands[i - 1]?.above ?? 0)}`;
    return { kategori: b.kategori, range: `${w.above} ${pct(b.above)}${upper}` };
  });
  const lowest = s.bands.at(-1);
  lines.push({ kategori: s.otherwise, range: lowest ? `${pct(lowest.above)} ${w.orLess}` : w.all });
  return lines;
}

/** Indicators whose spending exceeds the pagu: not an error in the data, but a reader must see it. */
export function overspent(indicators: ComputedIndicator[]): ComputedIndicator[] {
  return indicators.filter(
    (i) => i.pagu !== undefined && i.realisasiAnggaran !== undefined && i.realisasiAnggaran > i.pagu,
  );
}

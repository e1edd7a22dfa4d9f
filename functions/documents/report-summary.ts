import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../core/capaian-rules.ts';
import type {
  ComputedIndicator,
  Kategori,
  RatingScale,
  ReportSummary,
  SasaranCapaian,
} from '../core/performance-data.ts';
import type { Period } from '../core/report.ts';
import { capped, DEFAULT_RATING_SCALE, kategoriOrder, rate, ratingScaleOf, round2 } from './capaian.ts';

/**
 * The report's figures over all indicators and per sasaran strategis. Averages take each indicator's capaian at
 * most the rules' cap: an indicator far above target must not hide others below it (Permenpan's reading).
 */
export function summarize(
  indicators: ComputedIndicator[],
  scale: RatingScale = DEFAULT_RATING_SCALE,
  rules: CapaianRules = DEFAULT_CAPAIAN_RULES,
): ReportSummary {
  const byKategori: Record<Kategori, number> = Object.fromEntries(kategoriOrder(scale).map((k) => [k, 0]));
  let capaianSum = 0;
  let capaianCount = 0;
  let belowTarget = 0;
  let totalPagu: number | null = null;
  let totalRealisasiAnggaran: number | null = null;
  for (const ind of indicators) {
    if (ind.kategori) byKategori[ind.kategori] = (byKategori[ind.kategori] ?? 0) + 1;
    if (ind.capaian !== null) {
      capaianSum += capped(ind.capaian, rules);
      capaianCount += 1;
      if (ind.capaian < 100) belowTarget += 1;
    }
    if (ind.pagu !== undefined) totalPagu = (totalPagu ?? 0) + ind.pagu;
    if (ind.realisasiAnggaran !== undefined) {
      totalRealisasiAnggaran = (totalRealisasiAnggaran ?? 0) + ind.realisasiAnggaran;
    }
  }
  return {
    indicatorCount: indicators.length,
    averageCapaian: capaianCount > 0 ? round2(capaianSum / capaianCount) : null,
    sasaran: capaianPerSasaran(indicators, scale, rules),
    byKategori,
    belowTarget,
    totalPagu,
    totalRealisasiAnggaran,
  };
}

/**
 * Capaian per sasaran strategis (LKjIP Bab III's unit): the mean of its indicators' capped capaian, rated on the
 * scale, and its use of the budget. Efisiensi compares capaian with serapan anggaran (both percent): at or above
 * 1 the sasaran achieved at least the share of the budget it spent.
 */
export function capaianPerSasaran(
  indicators: readonly ComputedIndicator[],
  scale: RatingScale = DEFAULT_RATING_SCALE,
  rules: CapaianRules = DEFAULT_CAPAIAN_RULES,
): SasaranCapaian[] {
  const sorted = ratingScaleOf(scale);
  const groups = new Map<string, ComputedIndicator[]>();
  for (const ind of indicators) {
    const group = groups.get(ind.sasaran);
    if (group) group.push(ind);
    else groups.set(ind.sasaran, [ind]);
  }
  return [...groups].map(([sasaran, members]) => {
    const values = members.flatMap((m) => (m.capaian === null ? [] : [capped(m.capaian, rules)]));
    const capaian = values.length > 0 ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
    const budgeted = members.filter((m) => m.pagu !== undefined);
    const pagu = budgeted.length > 0 ? budgeted.reduce((a, m) => a + (m.pagu ?? 0), 0) : null;
    const spentRows = members.filter((m) => m.realisasiAnggaran !== undefined);
    const realisasiAnggaran =
      spentRows.length > 0 ? spentRows.reduce((a, m) => a + (m.realisasiAnggaran ?? 0), 0) : null;
    const serapan =
      pagu !== null && pagu > 0 && realisasiAnggaran !== null ? round2((realisasiAnggaran / pagu) * 100) : null;
    const efisiensi = capaian !== null && serapan !== null && serapan > 0 ? round2(capaian / serapan) : null;
    return {
      sasaran,
      indicatorCount: members.length,
      capaian,
      kategori: rate(capaian, sorted),
      pagu,
      realisasiAnggaran,
      serapan,
      efisiensi,
    };
  });
}

/** All sasaran together, as the per-sasaran tables end: the overall (capped) average against the total serapan. */
export function allSasaran(summary: ReportSummary, scale: RatingScale, label: string): SasaranCapaian {
  const serapan =
    summary.totalPagu !== null && summary.totalPagu > 0 && summary.totalRealisasiAnggaran !== null
      ? round2((summary.totalRealisasiAnggaran / summary.totalPagu) * 100)
      : null;
  return {
    sasaran: label,
    indicatorCount: summary.indicatorCount,
    capaian: summary.averageCapaian,
    kategori: rate(summary.averageCapaian, ratingScaleOf(scale)),
    pagu: summary.totalPagu,
    realisasiAnggaran: summary.totalRealisasiAnggaran,
    serapan,
    efisiensi:
      summary.averageCapaian !== null && serapan !== null && serapan > 0
        ? round2(summary.averageCapaian / serapan)
        : null,
  };
}

/**
 * Whether a period's report rates efisiensi: before TW4 a quarter's capaian is against the target to date while
 * its serapan is of the year's pagu, which are not comparable; at TW4 and in the annual report both cover the year.
 */
export const ratesEfisiensi = (periode: Period): boolean => periode === 'TW4' || periode === 'TAHUNAN';

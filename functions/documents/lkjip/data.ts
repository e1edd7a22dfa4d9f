import type { ComputedIndicator, SasaranCapaian } from '../../core/performance-data.ts';
import { ratingScaleOf } from '../capaian.ts';
import { capaianPerSasaran } from '../report-summary.ts';
import type { Lkjip } from './context.ts';

/** One sasaran strategis with its capaian (from the summary) and its indicators, in the order of the data. */
export interface SasaranGroup {
  no: number;
  capaian: SasaranCapaian;
  indicators: ComputedIndicator[];
}

/**
 * The report's sasaran with their indicators. The summary's per-sasaran figures are what was assembled and
 * archived; data assembled before they were computed gets them computed here by the same function.
 */
export function sasaranGroups(ctx: Lkjip): SasaranGroup[] {
  const { report } = ctx;
  const figures =
    report.summary.sasaran ?? capaianPerSasaran(report.indicators, ratingScaleOf(report.ratingScale), ctx.rules);
  const byName = new Map<string, ComputedIndicator[]>();
  for (const ind of report.indicators) {
    const list = byName.get(ind.sasaran);
    if (list) list.push(ind);
    else byName.set(ind.sasaran, [ind]);
  }
  return figures.map((capaian, i) => ({ no: i + 1, capaian, indicators: byName.get(capaian.sasaran) ?? [] }));
}

/** The head of the unit (Camat, Kepala Dinas …) as the directory had them at assembly, when recorded. */
export function headOfUnit(ctx: Lkjip): { title: string; name: string; nip: string } | undefined {
  return ctx.report.officials?.find((o) => o.role === 'CAMAT');
}

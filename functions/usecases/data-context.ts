import type { AssembledReport, QuarterFigures } from '../core/performance-data.ts';
import { quartersToDate } from '../core/perjanjian-kinerja.ts';
import type { Period, Report } from '../core/report.ts';
import type { DataContext } from '../documents/check-data.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { ReportRepository } from '../ports/report-repository.ts';
import type { Deps } from './deps.ts';
import { currentPerjanjianKinerja } from './perjanjian-kinerja.ts';

/**
 * What an upload of a report is checked against beyond its own rows: the unit's PK of the year in force, and the
 * figures of the quarters before it (a kumulatif indicator's realisasi to date adds them up). A quarter counts
 * with its last valid assembly: documented, or still in review — then `provisional` names it, because its
 * figures may change with a revision, and the verifier is told so. A quarter never assembled is missing.
 * For the annual report, also those quarters' figures: the LKjIP's Lampiran prints them.
 */
export async function dataContextFor(
  deps: Deps,
  report: Pick<Report, 'unit' | 'tahun' | 'periode'>,
): Promise<{
  context: DataContext;
  quarterly?: QuarterFigures[];
  provisional: { periode: Period; revision: number }[];
}> {
  const stored = await currentPerjanjianKinerja(deps, report.unit, report.tahun);
  if (!stored) return { context: {}, provisional: [] };
  const before = quartersToDate(report.periode).filter((q) => q !== report.periode);
  const earlierData = await periodData(deps, report.unit, report.tahun, before, { inReview: true });
  const provisional = earlierData
    .filter((q) => q.report.status !== 'TERDOKUMENTASI')
    .map((q) => ({ periode: q.periode, revision: q.data.revision }));
  const earlier = new Map<string, { periode: Period; realisasi: number }[]>();
  for (const q of earlierData) {
    for (const ind of q.data.indicators) {
      const key = ind.kode.toUpperCase();
      const list = earlier.get(key) ?? [];
      list.push({ periode: q.periode, realisasi: ind.realisasiPeriode ?? ind.realisasi });
      earlier.set(key, list);
    }
  }
  const context: DataContext = { pk: stored.pk, earlier };
  if (report.periode !== 'TAHUNAN') return { context, provisional };
  return {
    context,
    provisional,
    quarterly: earlierData.map((q) => ({
      periode: q.periode,
      revision: q.data.revision,
      indicators: q.data.indicators.map((i) => ({
        kode: i.kode,
        target: i.target,
        realisasi: i.realisasi,
        capaian: i.capaian,
      })),
    })),
  };
}

/** Where documented quarters are read from: the reports and the stored data (the CLI reads a stopped stack's). */
export interface QuarterSources {
  repo: Pick<ReportRepository, 'get'>;
  store: DocumentStore;
}

/**
 * The data of each of these periods that is documented: the ratified revision's assembled data. With
 * `inReview`, also a period still on its way (its last valid assembly); never a failed one.
 */
export async function periodData(
  deps: QuarterSources,
  unit: string,
  tahun: number,
  quarters: readonly Period[],
  opts: { inReview?: boolean } = {},
): Promise<{ periode: Period; report: Report; data: AssembledReport }[]> {
  const found = await Promise.all(
    quarters.map(async (periode) => {
      const report = await deps.repo.get(`${unit}-${tahun}-${periode}`);
      if (!report?.reportData || report.status === 'GAGAL') return undefined;
      if (report.status !== 'TERDOKUMENTASI' && !opts.inReview) return undefined;
      const doc = await deps.store.get(report.reportData.key, report.reportData.versionId);
      return { periode, report, data: JSON.parse(new TextDecoder().decode(doc.body)) as AssembledReport };
    }),
  );
  return found.filter((q) => q !== undefined);
}

import type { Decision, Report } from '../core/report.ts';
import type { DirectoryRepository } from '../ports/directory.ts';
import type { ReportRepository } from '../ports/report-repository.ts';
import { type DirectoryDeps, listUnits } from './directory.ts';

type ListDeps = DirectoryDeps & { repo: ReportRepository; directory: DirectoryRepository };

/** How many unit partitions are read at once when a list spans every unit (the city view, the clock). */
const PARALLEL_UNITS = 8;

async function perUnit<T>(
  deps: ListDeps,
  unit: string | undefined,
  read: (unit: string) => Promise<T[]>,
  onError?: (err: unknown, unit: string) => void,
) {
  const units = unit ? [unit] : (await listUnits(deps)).map((u) => u.unitCode);
  const out: T[][] = new Array(units.length);
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const i = next++;
      const u = units[i] as string;
      try {
        out[i] = await read(u);
      } catch (err) {
        if (!onError) throw err;
        onError(err, u); // this unit is left out; the others are still read
        out[i] = [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UNITS, units.length) }, worker));
  return out.flat();
}

/**
 * Reports of one unit, or of every unit in the directory (one index query per unit: the index is partitioned by
 * unit, so the city view costs one small query per unit, never a scan of one hot key). Eventually consistent.
 */
export function listReports(
  deps: ListDeps,
  opts: { unit?: string; onError?: (err: unknown, unit: string) => void } = {},
): Promise<Report[]> {
  return perUnit(deps, opts.unit, (u) => deps.repo.list(u), opts.onError);
}

/** Pending decisions of one unit or of every unit, from the same partitioned index. */
export function listPendingDecisions(deps: ListDeps, opts: { unit?: string } = {}): Promise<Decision[]> {
  return perUnit(deps, opts.unit, (u) => deps.repo.pendingDecisions(u));
}

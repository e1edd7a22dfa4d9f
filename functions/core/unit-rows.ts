import type { Period, Report, ReportStatus } from './report.ts';
import { isLateNow } from './report-period.ts';
import { type Funnel, sopFunnel } from './sop-funnel.ts';

/** A unit as the city's table names it. */
export interface UnitName {
  unitCode: string;
  name: string;
}

/** One line of the city's table of units. */
export interface UnitRow extends UnitName {
  /** The SOP funnel of the unit's reports in view, counted in reports. */
  funnel: Funnel;
  byStatus: Partial<Record<ReportStatus, number>>;
  lateNow: number;
  /** The unit's most recently documented report, any period. */
  lastDocumented?: { reportId: string; at: string };
}

/** The reports in view: one period (tahun and periode), one year, or every period (nothing set). */
export interface PeriodFilter {
  tahun?: number;
  periode?: Period;
}

const inView = (r: Report, f: PeriodFilter) =>
  (!f.tahun || r.tahun === f.tahun) && (!f.periode || r.periode === f.periode);

/**
 * The city's table of units, counted in REPORTS from the report records (never from event counters, where a
 * corrected upload would be a second "received" and a step escalated three times three breaches): every unit of
 * the directory (a unit with no report yet is what the city needs to see most), and any unit that has reports but
 * left the directory. `reports` are every period's: the last documentation is of any period.
 */
export function unitRows(
  units: readonly UnitName[],
  reports: readonly Report[],
  filter: PeriodFilter,
  now: Date,
): UnitRow[] {
  const names = new Map(units.map((u) => [u.unitCode, u.name]));
  for (const r of reports) if (!names.has(r.unit)) names.set(r.unit, r.unit);
  return [...names].map(([unitCode, name]): UnitRow => {
    const all = reports.filter((r) => r.unit === unitCode);
    const shown = all.filter((r) => inView(r, filter));
    const byStatus: UnitRow['byStatus'] = {};
    for (const r of shown) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    // When it was documented: a later ignored upload touches the report, not its documentation (reports documented
    // before documentedAt was kept: their last update).
    const documentedAt = (r: Report) => r.documentedAt ?? r.updatedAt;
    const last = all
      .filter((r) => r.status === 'TERDOKUMENTASI')
      .sort((a, b) => documentedAt(b).localeCompare(documentedAt(a)))[0];
    return {
      unitCode,
      name,
      funnel: sopFunnel(shown),
      byStatus,
      lateNow: shown.filter((r) => isLateNow(r, now)).length,
      ...(last ? { lastDocumented: { reportId: last.reportId, at: documentedAt(last) } } : {}),
    };
  });
}

import { PERIODS, type Period, type Report, type ReportStatus, STATUSES } from './report.ts';

/** One reporting period, e.g. TW1 2026. */
export interface PeriodKey {
  tahun: number;
  periode: Period;
}

/** The reporting quarter a moment falls in, in WIB (UTC+7): the clock of every unit in Kota Tangerang. */
export function periodOf(now: Date): PeriodKey {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  return { tahun: wib.getUTCFullYear(), periode: `TW${Math.floor(wib.getUTCMonth() / 3) + 1}` as Period };
}

export const periodId = (p: PeriodKey) => `${p.tahun}-${p.periode}`;
/** Later periods rank higher; TAHUNAN after TW4 of the same year. */
export const periodRank = (p: PeriodKey) => p.tahun * 10 + PERIODS.indexOf(p.periode);
export const samePeriod = (r: PeriodKey, p: PeriodKey) => r.tahun === p.tahun && r.periode === p.periode;

/** `2026-TW1` as a period, or undefined when it is not one. */
export function parsePeriod(text: string | null | undefined): PeriodKey | undefined {
  const m = /^(\d{4})-(TW[1-4]|TAHUNAN)$/.exec(text ?? '');
  return m ? { tahun: Number(m[1]), periode: m[2] as Period } : undefined;
}

/** Every period that has reports, newest first. */
export function periodsWithReports(reports: readonly Report[]): PeriodKey[] {
  const seen = new Map<string, PeriodKey>();
  for (const r of reports) seen.set(`${r.tahun}-${r.periode}`, { tahun: r.tahun, periode: r.periode });
  return [...seen.values()].sort((a, b) => periodRank(b) - periodRank(a));
}

/**
 * The period a city-wide view shows by default: the one asked for; else today's quarter (WIB) when it has
 * reports; else the latest period with reports (the TW1 reports are made in April, in TW2); else today's quarter.
 */
export function choosePeriod(reports: readonly Report[], now: Date, asked?: PeriodKey): PeriodKey {
  if (asked) return asked;
  const today = periodOf(now);
  if (reports.some((r) => samePeriod(r, today))) return today;
  return periodsWithReports(reports)[0] ?? today;
}

const WAITING: readonly ReportStatus[] = STATUSES.filter((s) => s !== 'TERDOKUMENTASI' && s !== 'GAGAL');

/** A step is late when the report still waits at it and its Mutu Baku due time has passed. */
export const isLateNow = (r: Report, now: Date) =>
  WAITING.includes(r.status) && !!r.dueAt && Date.parse(r.dueAt) < now.getTime();

/** Reports newest first: the later period first, then the later created within a period (several units). */
export function newestFirst(reports: readonly Report[]): Report[] {
  return [...reports].sort((a, b) => periodRank(b) - periodRank(a) || b.createdAt.localeCompare(a.createdAt));
}

import type { LapkinConfig } from './config.ts';
import type { Report } from './report.ts';

export type ClockedStep = keyof LapkinConfig['mutuBakuHours'];

/**
 * The Mutu Baku (service standard) of a step as seconds of wall time. `clockSpeed` > 1 only on the local stack,
 * so a demo can show a 24-hour standard pass in seconds.
 */
export function mutuBakuSeconds(config: LapkinConfig, step: ClockedStep): number {
  const speed = config.local.clockSpeed;
  return Math.max(1, Math.round((config.mutuBakuHours[step] * 3600) / speed));
}

export function dueAt(config: LapkinConfig, step: ClockedStep, from: Date): string {
  return new Date(from.getTime() + mutuBakuSeconds(config, step) * 1000).toISOString();
}

/**
 * Where a report's current step stands against its Mutu Baku: nothing to count (no clock, documented, failed),
 * within it (hours since the step began, of the hours it allows), or late (hours past the due time).
 */
export type StepClock =
  | { kind: 'none' }
  | { kind: 'within'; elapsedHours: number; allowedHours: number }
  | { kind: 'late'; lateHours: number };

export function stepClock(r: Pick<Report, 'dueAt' | 'status' | 'stepStartedAt' | 'updatedAt'>, now: Date): StepClock {
  if (!r.dueAt || r.status === 'TERDOKUMENTASI' || r.status === 'GAGAL') return { kind: 'none' };
  const due = Date.parse(r.dueAt);
  const start = r.stepStartedAt ? Date.parse(r.stepStartedAt) : Date.parse(r.updatedAt);
  const hours = (ms: number) => Math.max(0, Math.round(ms / 3_600_000));
  if (now.getTime() > due) return { kind: 'late', lateHours: hours(now.getTime() - due) };
  return { kind: 'within', elapsedHours: hours(now.getTime() - start), allowedHours: hours(due - start) };
}

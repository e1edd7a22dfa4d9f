import type { LapkinConfig } from './config.ts';

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

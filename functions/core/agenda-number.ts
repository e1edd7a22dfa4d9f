import type { Period } from './report.ts';

/**
 * The nomor agenda of a report's lembar disposisi: "KARAWACI/2026/TW1/R3" — unit, year, period, revision.
 *
 * An office's agenda book numbers what it receives in sequence (045, 046, …). lapkin derives the number from the
 * report instead: the archive step may run again after a failure and must print the same sheet (a counter would
 * need its own conditional write and could skip or repeat a number on a retry), the number is unique per
 * archived revision across every unit of the deployment, and a reader can find the report from it without the
 * agenda book. A sequence can still be added where a unit keeps one: it would be claimed once, like the
 * verification code, and stored on the report.
 */
export function agendaNumber(r: { unit: string; tahun: number; periode: Period; revision: number }): string {
  return `${r.unit.toUpperCase()}/${r.tahun}/${r.periode}/R${r.revision}`;
}

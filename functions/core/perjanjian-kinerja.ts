import type { Sifat } from './capaian-rules.ts';
import type { IndicatorRow } from './performance-data.ts';
import type { Period } from './report.ts';

/**
 * One indicator of a unit's Perjanjian Kinerja (PK) with its Rencana Aksi: what the head of the unit signed at
 * the start of the year, and what every quarterly and annual upload of that year is checked against.
 */
export interface PkIndicator {
  /** Row number in the uploaded PK sheet. */
  row: number;
  kode: string;
  sasaran: string;
  indikator: string;
  definisiOperasional?: string;
  /** Formula and sumber data, as the PK writes them. */
  formula?: string;
  satuan: string;
  polaritas: IndicatorRow['polaritas'];
  sifat: Sifat;
  targetTahunan: number;
  /**
   * The Rencana Aksi targets TW1–TW4, each the target to date (s.d. triwulan): for a kumulatif indicator they
   * grow to the annual target, which TW4 always equals.
   */
  targetTriwulan: [number, number, number, number];
  /** The Renstra target of the PK's year, and at the end of the Renstra. */
  targetRenstra?: number;
  targetRenstraAkhir?: number;
  standarNasional?: number;
  program?: string;
  kegiatan?: string;
  pagu?: number;
}

/** A unit's PK for one year, as validated and stored (the upload under masuk/<unit>/<tahun>/PK/). */
export interface PerjanjianKinerja {
  unit: string;
  tahun: number;
  source: { key: string; versionId: string; sha256?: string };
  receivedAt: string;
  indicators: PkIndicator[];
}

/** The target a period's capaian is computed against: the Rencana Aksi target to date, or the annual target. */
export function pkTargetFor(indicator: PkIndicator, periode: Period): number {
  if (periode === 'TAHUNAN') return indicator.targetTahunan;
  return indicator.targetTriwulan[Number(periode.slice(2)) - 1] as number;
}

/** The quarters whose figures make up a period's figure to date: TW2 → TW1, TW2; TAHUNAN → all four. */
export function quartersToDate(periode: Period): Period[] {
  const last = periode === 'TAHUNAN' ? 4 : Number(periode.slice(2));
  return (['TW1', 'TW2', 'TW3', 'TW4'] as const).slice(0, last);
}

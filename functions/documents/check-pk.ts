import type { DataProblem } from '../core/performance-data.ts';
import type { PkIndicator } from '../core/perjanjian-kinerja.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DataSettings } from './check-data.ts';
import { parsePerjanjianKinerja } from './upload/index.ts';

export interface PkCheck {
  valid: boolean;
  /** Every problem; a PK is stored only without any. */
  problems: DataProblem[];
  /** About the file as a whole (it was read as windows-1252). */
  warnings: DataProblem[];
  /** The indicators of the rows without a problem (all of them when valid). */
  indicators: PkIndicator[];
  /** The PK's year: the expected one, else the first tahun in its rows, else null. */
  tahun: number | null;
}

/**
 * The one validation of a Perjanjian Kinerja upload (PK + Rencana Aksi, `masuk/<unit>/<tahun>/PK/<file>`): the
 * intake that stores it, `lapkin check` and the portal's checker all call this. `expected` is the folder's tahun
 * and unit; null lets the rows say (the offline checker).
 */
export async function checkPerjanjianKinerja(
  bytes: Uint8Array,
  fileName: string,
  expected: { tahun: number; unit: string } | null,
  settings: DataSettings,
  lang: Lang = 'id',
): Promise<PkCheck> {
  const parsed = await parsePerjanjianKinerja(bytes, fileName, expected ? { tahun: expected.tahun } : null, {
    lang,
    maxFileMB: settings.dataLimits.maxFileMB,
    maxRows: settings.dataLimits.maxRows,
  });
  return {
    valid: parsed.ok,
    problems: parsed.problems,
    warnings: parsed.warnings,
    indicators: parsed.indicators,
    tahun: parsed.tahun,
  };
}

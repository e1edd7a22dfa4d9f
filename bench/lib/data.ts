import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PERIODS, type Period } from '../../functions/core/report.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_CSV = join(ROOT, 'infra/local/sample/kinerja-tw1-awal.csv');

const sampleText = () => readFileSync(SAMPLE_CSV, 'utf8');

/** The sample upload (8 indicators) moved to another year and period, so every report of a run is its own. */
export function sampleFor(tahun: number, periode: Period): Uint8Array {
  return new TextEncoder().encode(sampleText().replace(/^2026;TW1;/gm, `${tahun};${periode};`));
}

/** The sample's first unit: where P1, P3 and P5 run their reports. */
export const SAMPLE_UNIT = 'karawaci';

export const uploadKey = (tahun: number, periode: Period, unit = SAMPLE_UNIT) =>
  `masuk/${unit}/${tahun}/${periode}/data.csv`;
export const reportIdOf = (tahun: number, periode: Period, unit = SAMPLE_UNIT) => `${unit}-${tahun}-${periode}`;

/** The i-th distinct (tahun, periode) of a run, starting at `firstYear`: five reports per year. */
export function nthReport(i: number, firstYear: number): { tahun: number; periode: Period } {
  return { tahun: firstYear + Math.floor(i / PERIODS.length), periode: PERIODS[i % PERIODS.length] as Period };
}

/**
 * The i-th report of a run spread round-robin over `units`: every unit gets the same periods in turn, so units
 * overlap in time as a city's kecamatan do (five reports per unit and year).
 */
export function nthSpreadReport(
  i: number,
  units: readonly string[],
  firstYear: number,
): { unit: string; tahun: number; periode: Period } {
  return { unit: units[i % units.length] as string, ...nthReport(Math.floor(i / units.length), firstYear) };
}

/**
 * A valid upload of `rows` indicators: the sample's eight rows repeated with unique indicator codes (the only
 * per-row uniqueness rule), so every row passes validation exactly as the sample does.
 */
export function generatedCsv(rows: number, tahun = 2026, periode: Period = 'TW1'): Uint8Array {
  const lines = sampleText()
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0] as string;
  const body = lines.slice(1);
  const width = String(rows).length;
  const out: string[] = [header];
  for (let i = 0; i < rows; i++) {
    const template = body[i % body.length] as string;
    const cells = template.split(';');
    cells[0] = String(tahun);
    cells[1] = periode;
    cells[2] = `IK-${String(i + 1).padStart(width, '0')}`;
    out.push(cells.join(';'));
  }
  return new TextEncoder().encode(`${out.join('\n')}\n`);
}

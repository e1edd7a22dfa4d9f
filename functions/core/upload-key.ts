import { InvalidUploadKeyError } from './errors.ts';
import { PERIODS, type Period } from './report.ts';

export const UPLOAD_PREFIX = 'masuk/';

export interface UploadKey {
  unit: string;
  tahun: number;
  periode: Period;
  fileName: string;
  reportId: string;
}

const SAFE_SEGMENT = /^[a-z0-9][a-z0-9-]{0,39}$/;
const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/;

/**
 * masuk/<unit>/<tahun>/<periode>/<file> → the report it belongs to. One report per unit, year and period: any
 * later upload under the same folder is a revision of that report.
 */
export function parseUploadKey(key: string): UploadKey {
  if (!key.startsWith(UPLOAD_PREFIX)) throw new InvalidUploadKeyError('PREFIX', `key must start with ${UPLOAD_PREFIX}`);
  const parts = key.slice(UPLOAD_PREFIX.length).split('/');
  if (parts.length !== 4) throw new InvalidUploadKeyError('SHAPE', 'expected masuk/<unit>/<tahun>/<periode>/<file>');
  const [unit, tahunText, periodeText, fileName] = parts as [string, string, string, string];
  if (!SAFE_SEGMENT.test(unit)) throw new InvalidUploadKeyError('UNIT', `invalid unit segment "${unit}"`);
  if (!/^20\d\d$/.test(tahunText)) throw new InvalidUploadKeyError('YEAR', `invalid year "${tahunText}"`);
  const periode = periodeText.toUpperCase();
  if (!(PERIODS as readonly string[]).includes(periode)) {
    throw new InvalidUploadKeyError('PERIOD', `invalid period "${periodeText}" (expected ${PERIODS.join('|')})`);
  }
  if (!SAFE_FILE.test(fileName) || fileName.includes('..')) {
    throw new InvalidUploadKeyError('FILE_NAME', `invalid file name "${fileName}"`);
  }
  const tahun = Number(tahunText);
  return { unit, tahun, periode: periode as Period, fileName, reportId: `${unit}-${tahun}-${periode}` };
}

export function uploadKey(unit: string, tahun: number, periode: Period, fileName: string): string {
  return `${UPLOAD_PREFIX}${unit}/${tahun}/${periode}/${fileName}`;
}

/** The folder of a unit's Perjanjian Kinerja for a year: masuk/<unit>/<tahun>/PK/<file>. */
export const PK_FOLDER = 'PK';

export interface PkUploadKey {
  unit: string;
  tahun: number;
  fileName: string;
}

/** True when the key is under a PK folder (whatever else is wrong with it): intake routes it to the PK. */
export function isPkUploadKey(key: string): boolean {
  const parts = key.slice(UPLOAD_PREFIX.length).split('/');
  return key.startsWith(UPLOAD_PREFIX) && parts.length === 4 && parts[2]?.toUpperCase() === PK_FOLDER;
}

/** masuk/<unit>/<tahun>/PK/<file> → the unit and year whose PK it is. */
export function parsePkUploadKey(key: string): PkUploadKey {
  if (!isPkUploadKey(key)) throw new InvalidUploadKeyError('SHAPE', 'expected masuk/<unit>/<tahun>/PK/<file>');
  const [unit, tahunText, , fileName] = key.slice(UPLOAD_PREFIX.length).split('/') as [string, string, string, string];
  if (!SAFE_SEGMENT.test(unit)) throw new InvalidUploadKeyError('UNIT', `invalid unit segment "${unit}"`);
  if (!/^20\d\d$/.test(tahunText)) throw new InvalidUploadKeyError('YEAR', `invalid year "${tahunText}"`);
  if (!SAFE_FILE.test(fileName) || fileName.includes('..')) {
    throw new InvalidUploadKeyError('FILE_NAME', `invalid file name "${fileName}"`);
  }
  return { unit, tahun: Number(tahunText), fileName };
}

export function pkUploadKey(unit: string, tahun: number, fileName: string): string {
  return `${UPLOAD_PREFIX}${unit}/${tahun}/${PK_FOLDER}/${fileName}`;
}

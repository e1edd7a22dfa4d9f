/**
 * The upload parser: what arrives in the bucket (CSV or XLSX) becomes indicator rows or the full list of
 * problems. One module per job: file-type.ts (what the bytes are), encoding.ts, csv-prescan.ts and
 * csv-reader.ts (CSV as a stream), zip.ts, xml-scanner.ts and xlsx-reader.ts (the zip-bomb guard and the sheet
 * as a stream), bounded-rows.ts (the row limit while reading), columns.ts (the one column specification),
 * header.ts, cells.ts, number-style.ts and validate.ts (the rules), messages.ts (every text, in Bahasa Indonesia
 * and English), limits.ts (the defaults). The Perjanjian Kinerja sheet: pk-columns.ts and pk-validate.ts; a
 * data upload joined with it: pk-join.ts; the Narasi sheet of an annual upload: narasi-sheet.ts.
 */
import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../../core/capaian-rules.ts';
import type { Narasi } from '../../core/narasi.ts';
import type { DataProblem, IndicatorRow } from '../../core/performance-data.ts';
import type { PkIndicator } from '../../core/perjanjian-kinerja.ts';
import { HEADER_LOOKUP, normalizeHeader } from './columns.ts';
import { readCsv } from './csv-reader.ts';
import { sniff } from './file-type.ts';
import { HEADER_SEARCH_ROWS, MAX_DATA_ROWS, MAX_FILE_MB } from './limits.ts';
import { fileProblem, formatLimit, type Lang, MESSAGES, megabytes } from './messages.ts';
import { NARASI_SHEET, readNarasi } from './narasi-sheet.ts';
import { PK_HEADER_LOOKUP } from './pk-columns.ts';
import { validatePk } from './pk-validate.ts';
import { cellText, isBlankRow } from './sheet.ts';
import {
  type CheckedPeriod,
  type DataContext,
  type ExpectedPeriod,
  type Limits,
  type ReadRows,
  validate,
} from './validate.ts';
import { DATA_SHEET, readXlsx, type SheetChoice } from './xlsx-reader.ts';

export { COLUMNS, type ColumnSpec, type FieldKey, NUMERIC_FIELDS } from './columns.ts';
export {
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  MAX_FILE_MB,
  MAX_TEXT_LENGTH,
  MAX_UNCOMPRESSED_BYTES,
} from './limits.ts';
export type { Lang } from './messages.ts';
export { MAX_NARASI_LENGTH, NARASI_SHEET, narasiSectionOf } from './narasi-sheet.ts';
export { PK_COLUMNS, type PkColumnSpec, type PkFieldKey } from './pk-columns.ts';
export type { CheckedPeriod, DataContext, ExpectedPeriod } from './validate.ts';

/** The sheet of a PK upload: the template's "PK", else the first. */
export const PK_SHEET: SheetChoice = { name: 'PK', orFirst: true };

export interface ParseOptions {
  lang?: Lang;
  /** `dataLimits.maxFileMB` of the configuration. */
  maxFileMB?: number;
  /** `dataLimits.maxRows` of the configuration. */
  maxRows?: number;
  /** The capaian rules of the configuration: what a row with target 0 or below target needs. */
  rules?: CapaianRules;
  /** The PK and the earlier quarters' figures the upload is checked against (see DataContext). */
  context?: DataContext;
}

/**
 * `rows` are the rows without any problem, also when the file as a whole is invalid: the offline checker shows
 * their capaian next to the problems. A report is only ever assembled from a file that is `ok`. `warnings` are
 * about the file as a whole and do not make it invalid (it was read as windows-1252).
 */
export type ParseResult = (
  | { ok: true; rows: IndicatorRow[]; period: CheckedPeriod }
  | { ok: false; problems: DataProblem[]; rows: IndicatorRow[]; period: CheckedPeriod | null }
) & { warnings: DataProblem[] };

/**
 * Parses an uploaded performance-data file (CSV or XLSX). Never throws for bad input: every problem found in the
 * file is returned at once, so the uploader can fix them all in one correction. `expected` is the tahun and
 * periode of the upload's folder; null lets the rows say (the offline checker without --tahun/--periode).
 * Work and memory are bounded by the limits, not by the file: both readers stop once there are more rows than
 * `maxRows`.
 */
export async function parsePerformanceData(
  bytes: Uint8Array,
  fileName: string,
  expected: ExpectedPeriod | null,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const lang = options.lang ?? 'id';
  const limits: Limits = {
    maxRows: options.maxRows ?? MAX_DATA_ROWS,
    rules: options.rules ?? DEFAULT_CAPAIAN_RULES,
    context: options.context,
  };
  const failed = (problems: DataProblem[]): ParseResult => ({
    ok: false,
    problems,
    rows: [],
    period: null,
    warnings: [],
  });
  const read = await readRows(bytes, fileName, DATA_SHEET, limits.maxRows, options);
  if (!read.ok) return failed(read.problems);
  const validation = await validate(read, expected, lang, limits);
  return { ...validation, warnings: [...read.warnings, ...validation.warnings] };
}

type RowsRead =
  | ({ ok: true; warnings: DataProblem[]; kind: 'csv' | 'xlsx' } & ReadRows)
  | { ok: false; problems: DataProblem[] };

/** The rows of an upload, whatever it is: the checks of the file as a whole, then the reader its bytes need. */
async function readRows(
  bytes: Uint8Array,
  fileName: string,
  sheet: SheetChoice,
  maxRows: number,
  options: ParseOptions,
): Promise<RowsRead> {
  const m = MESSAGES[options.lang ?? 'id'];
  const failed = (problems: DataProblem[]): RowsRead => ({ ok: false, problems });
  if (bytes.byteLength === 0) return failed([fileProblem(m.empty)]);
  const tooLarge = sizeProblem(bytes.byteLength, options);
  if (tooLarge) return failed([tooLarge]);
  const type = sniff(bytes, fileName);
  switch (type.kind) {
    case 'ole':
      return failed([fileProblem(m.legacyExcel)]);
    case 'binary':
      return failed([fileProblem(m.unsupportedBinary(type.name))]);
    case 'utf16':
      return failed([fileProblem(m.utf16)]);
    case 'xlsx': {
      const xlsx = await readXlsx(bytes, maxRows, m, sheet);
      if (!xlsx.ok) return failed(xlsx.problems);
      return { ...xlsx, warnings: [], kind: 'xlsx' };
    }
    case 'text': {
      const csv = await readCsv(bytes, maxRows, m);
      if (!csv.ok) return failed(csv.problems);
      return { ...csv, kind: 'csv' };
    }
  }
}

/** A PK upload parsed: the problems (none when valid), the indicators of the rows without any, and its year. */
export interface PkParse {
  ok: boolean;
  problems: DataProblem[];
  warnings: DataProblem[];
  indicators: PkIndicator[];
  tahun: number | null;
}

/**
 * Parses a Perjanjian Kinerja upload (the "PK" sheet of an XLSX, else its first; or a CSV). `expected` is the
 * tahun of the upload's folder; null lets the rows say. Never throws for bad input.
 */
export async function parsePerjanjianKinerja(
  bytes: Uint8Array,
  fileName: string,
  expected: { tahun: number } | null,
  options: Pick<ParseOptions, 'lang' | 'maxFileMB' | 'maxRows'> = {},
): Promise<PkParse> {
  const lang = options.lang ?? 'id';
  const maxRows = options.maxRows ?? MAX_DATA_ROWS;
  const read = await readRows(bytes, fileName, PK_SHEET, maxRows, options);
  if (!read.ok)
    return { ok: false, problems: read.problems, warnings: [], indicators: [], tahun: expected?.tahun ?? null };
  const pk = await validatePk(read, expected, lang, maxRows);
  return { ok: pk.problems.length === 0, ...pk, warnings: read.warnings };
}

/**
 * The Narasi sheet of an annual upload: its sections, or the problems (a CSV cannot carry it, the sheet is
 * missing, a required section is empty, …). Called only for a file already read as valid data or nearly so.
 */
export async function parseNarasi(
  bytes: Uint8Array,
  fileName: string,
  options: Pick<ParseOptions, 'lang' | 'maxFileMB'> = {},
): Promise<{ narasi: Narasi; problems: DataProblem[] }> {
  const lang = options.lang ?? 'id';
  const m = MESSAGES[lang];
  if (sniff(bytes, fileName).kind !== 'xlsx') return { narasi: {}, problems: [fileProblem(m.narasiNeedsXlsx)] };
  const xlsx = await readXlsx(bytes, MAX_DATA_ROWS, m, { name: NARASI_SHEET, orFirst: false });
  if (!xlsx.ok) return { narasi: {}, problems: xlsx.problems };
  return readNarasi(xlsx.found ? xlsx.rows : null, lang);
}

/** The names of an XLSX's sheets (empty for anything else): tells a PK workbook from a data workbook. */
export async function sheetNames(bytes: Uint8Array, fileName: string, lang: Lang = 'id'): Promise<string[]> {
  if (sniff(bytes, fileName).kind !== 'xlsx') return [];
  const xlsx = await readXlsx(bytes, 1, MESSAGES[lang], { name: '', orFirst: false });
  return xlsx.ok ? xlsx.sheets : [];
}

/**
 * The size check alone: a caller that knows the size before reading (a file on disk, an object's length) refuses
 * an oversized upload without reading it into memory.
 */
export function sizeProblem(
  byteLength: number,
  options: Pick<ParseOptions, 'lang' | 'maxFileMB'> = {},
): DataProblem | null {
  const m = MESSAGES[options.lang ?? 'id'];
  const maxFileMB = options.maxFileMB ?? MAX_FILE_MB;
  if (byteLength <= maxFileMB * 1024 * 1024) return null;
  return fileProblem(m.tooLarge(megabytes(byteLength, m), formatLimit(maxFileMB, m)));
}

/**
 * Whether an upload is a Perjanjian Kinerja or performance data, for a checker handed a file without its folder:
 * a workbook with a "PK" sheet and no "Data" sheet, or with an empty Data sheet and a filled PK sheet (the
 * template), is a PK; else the header decides — Rencana Aksi targets
 * (target_tw1…) without a realisasi column make a PK. Anything unreadable counts as data (its checker says why).
 */
export async function uploadKind(bytes: Uint8Array, fileName: string): Promise<'pk' | 'data'> {
  const names = (await sheetNames(bytes, fileName)).map((n) => n.trim().toLowerCase());
  if (names.includes('pk') && !names.includes('data')) return 'pk';
  const read = await readRows(bytes, fileName, DATA_SHEET, MAX_DATA_ROWS, {});
  if (names.includes('pk') && read.ok) {
    // The template holds both sheets: its PK is checked when its Data sheet has no rows under the header yet.
    const pk = await readRows(bytes, fileName, PK_SHEET, MAX_DATA_ROWS, {});
    const filled = (r: RowsRead) => r.ok && r.rows.filter((row) => !isBlankRow(row)).length > 1;
    if (!filled(read) && filled(pk)) return 'pk';
  }
  if (!read.ok) return 'data';
  const head = read.rows.filter((r) => !isBlankRow(r)).slice(0, HEADER_SEARCH_ROWS);
  for (const row of head) {
    const names = row.cells.flatMap((c) => (c === null ? [] : [normalizeHeader(cellText(c))]));
    const known = Math.max(
      names.filter((n) => HEADER_LOOKUP.has(n)).length,
      names.filter((n) => PK_HEADER_LOOKUP.has(n)).length,
    );
    // The header row as the checkers find it; the data rows below it may well hold "TW1".
    if (known < 3) continue;
    const quarterTargets = names.some((n) => /^target_tw[1-4]$/.test(PK_HEADER_LOOKUP.get(n) ?? ''));
    return quarterTargets && !names.some((n) => HEADER_LOOKUP.get(n) === 'realisasi') ? 'pk' : 'data';
  }
  return 'data';
}

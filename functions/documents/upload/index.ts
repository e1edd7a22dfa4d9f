/**
 * The upload parser: what arrives in the bucket (CSV or XLSX) becomes indicator rows or the full list of
 * problems. One module per job: file-type.ts (what the bytes are), encoding.ts, csv-prescan.ts and
 * csv-reader.ts (CSV as a stream), zip.ts, xml-scanner.ts and xlsx-reader.ts (the zip-bomb guard and the sheet
 * as a stream), bounded-rows.ts (the row limit while reading), columns.ts (the one column specification),
 * header.ts, number-style.ts and validate.ts (the rules), messages.ts (every text, in Bahasa Indonesia and
 * English), limits.ts (the defaults).
 */
import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../../core/capaian-rules.ts';
import type { DataProblem, IndicatorRow } from '../../core/performance-data.ts';
import { readCsv } from './csv-reader.ts';
import { sniff } from './file-type.ts';
import { MAX_DATA_ROWS, MAX_FILE_MB } from './limits.ts';
import { fileProblem, formatLimit, type Lang, MESSAGES, megabytes } from './messages.ts';
import { type CheckedPeriod, type ExpectedPeriod, type Limits, type ReadRows, validate } from './validate.ts';
import { readXlsx } from './xlsx-reader.ts';

export { COLUMNS, type ColumnSpec, type FieldKey, NUMERIC_FIELDS } from './columns.ts';
export {
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  MAX_FILE_MB,
  MAX_TEXT_LENGTH,
  MAX_UNCOMPRESSED_BYTES,
} from './limits.ts';
export type { Lang } from './messages.ts';
export type { CheckedPeriod, ExpectedPeriod } from './validate.ts';

export interface ParseOptions {
  lang?: Lang;
  /** `dataLimits.maxFileMB` of the configuration. */
  maxFileMB?: number;
  /** `dataLimits.maxRows` of the configuration. */
  maxRows?: number;
  /** The capaian rules of the configuration: what a row with target 0 or below target needs. */
  rules?: CapaianRules;
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
  const m = MESSAGES[lang];
  const limits: Limits = {
    maxRows: options.maxRows ?? MAX_DATA_ROWS,
    rules: options.rules ?? DEFAULT_CAPAIAN_RULES,
  };
  const failed = (problems: DataProblem[]): ParseResult => ({
    ok: false,
    problems,
    rows: [],
    period: null,
    warnings: [],
  });
  if (bytes.byteLength === 0) return failed([fileProblem(m.empty)]);
  const tooLarge = sizeProblem(bytes.byteLength, options);
  if (tooLarge) return failed([tooLarge]);
  const type = sniff(bytes, fileName);
  let read: ReadRows;
  let warnings: DataProblem[] = [];
  switch (type.kind) {
    case 'ole':
      return failed([fileProblem(m.legacyExcel)]);
    case 'binary':
      return failed([fileProblem(m.unsupportedBinary(type.name))]);
    case 'utf16':
      return failed([fileProblem(m.utf16)]);
    case 'xlsx': {
      const xlsx = await readXlsx(bytes, limits.maxRows, m);
      if (!xlsx.ok) return failed(xlsx.problems);
      read = xlsx;
      break;
    }
    case 'text': {
      const csv = await readCsv(bytes, limits.maxRows, m);
      if (!csv.ok) return failed(csv.problems);
      read = csv;
      warnings = csv.warnings;
      break;
    }
  }
  return { ...(await validate(read, expected, lang, limits)), warnings };
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

import { inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { DataProblem, IndicatorRow } from '../core/performance-data.ts';
import type { Period } from '../core/report.ts';
import { computeCapaian } from './capaian.ts';

type Lang = 'id' | 'en';

/** Defaults of `dataLimits` in the configuration; the callers pass the configured values. */
export const MAX_FILE_MB = 10;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;
export const MAX_TEXT_LENGTH = 4_000;
// A template may carry a title block above the header; beyond this many rows it is not a header any more.
const HEADER_SEARCH_ROWS = 10;
// Columns past this are never part of the template; reading them only costs memory on hostile sheets.
const MAX_COLUMNS = 200;
const VALUE_PREVIEW = 120;

export type FieldKey =
  | 'tahun'
  | 'periode'
  | 'kode_indikator'
  | 'sasaran_strategis'
  | 'indikator'
  | 'satuan'
  | 'polaritas'
  | 'target'
  | 'realisasi'
  | 'realisasi_tahun_lalu'
  | 'target_renstra'
  | 'pagu'
  | 'realisasi_anggaran'
  | 'faktor_pendorong'
  | 'faktor_penghambat'
  | 'tindak_lanjut'
  | 'keterangan';

export interface ColumnSpec {
  key: FieldKey;
  en: string;
  required: boolean;
  aliases: string[];
}

/** The columns of the data format, in template order; the template and the parser share this list. */
export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'tahun', en: 'year', required: true, aliases: [] },
  { key: 'periode', en: 'period', required: true, aliases: [] },
  { key: 'kode_indikator', en: 'indicator_code', required: true, aliases: ['kode', 'code'] },
  { key: 'sasaran_strategis', en: 'strategic_goal', required: true, aliases: ['sasaran', 'strategic_objective'] },
  { key: 'indikator', en: 'indicator', required: true, aliases: ['indikator_kinerja', 'performance_indicator'] },
  { key: 'satuan', en: 'unit', required: true, aliases: [] },
  { key: 'polaritas', en: 'polarity', required: true, aliases: [] },
  { key: 'target', en: 'target', required: true, aliases: [] },
  { key: 'realisasi', en: 'actual', required: true, aliases: [] },
  { key: 'realisasi_tahun_lalu', en: 'last_year_actual', required: false, aliases: [] },
  { key: 'target_renstra', en: 'strategic_plan_target', required: false, aliases: [] },
  { key: 'pagu', en: 'budget', required: false, aliases: ['pagu_anggaran'] },
  { key: 'realisasi_anggaran', en: 'budget_spent', required: false, aliases: [] },
  { key: 'faktor_pendorong', en: 'supporting_factors', required: false, aliases: ['driving_factors'] },
  { key: 'faktor_penghambat', en: 'inhibiting_factors', required: false, aliases: ['obstacles'] },
  { key: 'tindak_lanjut', en: 'follow_up', required: false, aliases: ['follow_up_actions'] },
  { key: 'keterangan', en: 'notes', required: false, aliases: ['remarks'] },
];

export const NUMERIC_FIELDS: readonly FieldKey[] = [
  'target',
  'realisasi',
  'realisasi_tahun_lalu',
  'target_renstra',
  'pagu',
  'realisasi_anggaran',
];

const HEADER_LOOKUP = new Map<string, FieldKey>();
for (const c of COLUMNS) {
  for (const name of [c.key, c.en, ...c.aliases]) HEADER_LOOKUP.set(name, c.key);
}

const PERIOD_LOOKUP: Record<string, Period> = {
  TW1: 'TW1',
  TW2: 'TW2',
  TW3: 'TW3',
  TW4: 'TW4',
  TWI: 'TW1',
  TWII: 'TW2',
  TWIII: 'TW3',
  TWIV: 'TW4',
  TRIWULAN1: 'TW1',
  TRIWULAN2: 'TW2',
  TRIWULAN3: 'TW3',
  TRIWULAN4: 'TW4',
  TRIWULANI: 'TW1',
  TRIWULANII: 'TW2',
  TRIWULANIII: 'TW3',
  TRIWULANIV: 'TW4',
  Q1: 'TW1',
  Q2: 'TW2',
  Q3: 'TW3',
  Q4: 'TW4',
  TAHUNAN: 'TAHUNAN',
  ANNUAL: 'TAHUNAN',
};

const POLARITY_LOOKUP: Record<string, IndicatorRow['polaritas']> = {
  naik: 'naik',
  turun: 'turun',
  up: 'naik',
  down: 'turun',
};

type NumberStyle = 'id' | 'en';

const id = {
  empty: 'Berkas kosong.',
  tooLarge: (size: string, limit: string) => `Berkas terlalu besar (${size} MB); batas ukuran ${limit} MB.`,
  legacyExcel:
    'Berkas Excel lama (.xls) atau berkas Excel yang dienkripsi tidak didukung. Simpan sebagai .xlsx tanpa kata sandi, atau sebagai CSV UTF-8.',
  unsupportedBinary: (kind: string) =>
    `Format berkas tidak didukung (${kind}). Unggah data kinerja sebagai XLSX atau CSV (UTF-8).`,
  utf16: 'Berkas CSV tersimpan dalam UTF-16. Simpan ulang sebagai "CSV UTF-8 (Comma delimited)".',
  csvSyntax: (unclosedQuote: boolean): string =>
    unclosedQuote
      ? 'Struktur CSV rusak: ada tanda kutip (") yang dibuka tetapi tidak ditutup. Periksa tanda kutip pada baris ini.'
      : 'Struktur CSV rusak: baris ini tidak dapat dibaca. Periksa tanda kutip (") dan pemisah kolom.',
  zipCorrupt: 'Berkas XLSX rusak atau tidak dapat dibaca.',
  zipNotXlsx: 'Berkas ZIP ini bukan buku kerja Excel (.xlsx).',
  zipTooBig: (size: string) =>
    `Isi berkas XLSX terlalu besar setelah diekstrak (${size} MB); batas 100 MB. Hapus lembar kerja atau gambar yang tidak diperlukan.`,
  zipLies: 'Berkas XLSX tidak konsisten: ukuran isi yang tercatat tidak sesuai dengan isinya. Berkas ditolak.',
  zipUnsupported:
    'Berkas XLSX memakai kompresi atau enkripsi yang tidak didukung. Simpan ulang dari Excel tanpa kata sandi.',
  zipTooManyEntries: 'Berkas XLSX berisi terlalu banyak bagian. Berkas ditolak.',
  noWorksheet: 'Buku kerja tidak memiliki lembar kerja.',
  noData: 'Tidak ada baris data di bawah judul kolom.',
  tooManyRows: (n: number, limit: number) => `Terlalu banyak baris data (${n}); batas ${limit} baris.`,
  missingColumn: (name: string) => `Kolom wajib "${name}" tidak ditemukan pada baris judul.`,
  duplicateColumn: (name: string) => `Kolom "${name}" muncul lebih dari sekali pada baris judul.`,
  extraCells:
    'Baris ini memiliki lebih banyak sel daripada judul kolom (mungkin ada pemisah ";" atau "," di dalam teks tanpa tanda kutip).',
  required: 'Wajib diisi.',
  tooLong: `Teks terlalu panjang; maksimal ${MAX_TEXT_LENGTH} karakter.`,
  notNumber: 'Bukan angka yang valid.',
  negative: 'Nilai tidak boleh negatif.',
  formulaNoValue: 'Rumus tanpa nilai tersimpan. Buka berkas di Excel, hitung ulang, lalu simpan kembali.',
  errorValue: 'Sel berisi galat Excel.',
  badYear: 'Tahun harus berupa angka empat digit.',
  yearMismatch: (expected: number) => `Tahun tidak sesuai dengan folder unggahan (${expected}).`,
  badPeriod: 'Periode tidak dikenal; gunakan TW1, TW2, TW3, TW4, atau TAHUNAN.',
  periodMismatch: (expected: string) => `Periode tidak sesuai dengan folder unggahan (${expected}).`,
  yearDiffers: (first: number) =>
    `Tahun berbeda dengan baris data lain (${first}); satu berkas hanya memuat satu tahun dan satu periode.`,
  periodDiffers: (first: string) =>
    `Periode berbeda dengan baris data lain (${first}); satu berkas hanya memuat satu tahun dan satu periode.`,
  badPolarity:
    'Polaritas tidak dikenal; gunakan "naik" (makin tinggi makin baik) atau "turun" (makin rendah makin baik).',
  duplicate: (row: number) => `Duplikat: kombinasi tahun, periode, dan kode indikator sudah ada pada baris ${row}.`,
  mixedStyle: (a: string, b: string) =>
    `Format angka campuran: ${a} bergaya Indonesia (1.234,56), sedangkan ${b} bergaya Inggris (1,234.56). Gunakan satu gaya untuk seluruh berkas.`,
  ambiguousNumber:
    'Angka ambigu: bisa dibaca sebagai ribuan atau desimal. Tulis tanpa pemisah ribuan, atau gunakan koma desimal (contoh 1234,5).',
  cellRef: (value: string, row: number, column: string) => `"${value}" (baris ${row}, kolom ${column})`,
  belowTarget: (capaian: string) =>
    `Capaian ${capaian}% di bawah 100%: isi tindak lanjut atau faktor penghambat untuk indikator ini.`,
  targetZero: 'Target 0: capaian tidak dapat dihitung. Jelaskan di kolom keterangan.',
  decimal: ',',
};

type Messages = typeof id;

const en: Messages = {
  empty: 'The file is empty.',
  tooLarge: (size, limit) => `The file is too large (${size} MB); the limit is ${limit} MB.`,
  legacyExcel:
    'Legacy Excel (.xls) or password-protected Excel files are not supported. Save as .xlsx without a password, or as CSV UTF-8.',
  unsupportedBinary: (kind) => `Unsupported file format (${kind}). Upload performance data as XLSX or CSV (UTF-8).`,
  utf16: 'The CSV file is UTF-16 encoded. Save it again as "CSV UTF-8 (Comma delimited)".',
  csvSyntax: (unclosedQuote) =>
    unclosedQuote
      ? 'Broken CSV structure: a quote (") is opened but never closed. Check the quotes on this row.'
      : 'Broken CSV structure: this row cannot be read. Check the quotes (") and the separators.',
  zipCorrupt: 'The XLSX file is damaged or cannot be read.',
  zipNotXlsx: 'This ZIP file is not an Excel workbook (.xlsx).',
  zipTooBig: (size) =>
    `The XLSX content is too large once extracted (${size} MB); the limit is 100 MB. Remove unneeded sheets or images.`,
  zipLies: 'The XLSX file is inconsistent: its recorded sizes do not match its content. The file is rejected.',
  zipUnsupported:
    'The XLSX file uses unsupported compression or encryption. Save it again from Excel without a password.',
  zipTooManyEntries: 'The XLSX file has too many parts. The file is rejected.',
  noWorksheet: 'The workbook has no worksheet.',
  noData: 'There are no data rows below the header row.',
  tooManyRows: (n, limit) => `Too many data rows (${n}); the limit is ${limit}.`,
  missingColumn: (name) => `Required column "${name}" is missing from the header row.`,
  duplicateColumn: (name) => `Column "${name}" appears more than once in the header row.`,
  extraCells: 'This row has more cells than the header (perhaps an unquoted ";" or "," inside a text).',
  required: 'Required.',
  tooLong: `Text too long; at most ${MAX_TEXT_LENGTH} characters.`,
  notNumber: 'Not a valid number.',
  negative: 'The value must not be negative.',
  formulaNoValue: 'Formula without a stored value. Open the file in Excel, recalculate and save it again.',
  errorValue: 'The cell holds an Excel error.',
  badYear: 'The year must be a four-digit number.',
  yearMismatch: (expected) => `The year does not match the upload folder (${expected}).`,
  badPeriod: 'Unknown period; use TW1, TW2, TW3, TW4 or TAHUNAN.',
  periodMismatch: (expected) => `The period does not match the upload folder (${expected}).`,
  yearDiffers: (first) =>
    `The year differs from the other data rows (${first}); one file holds one year and one period only.`,
  periodDiffers: (first) =>
    `The period differs from the other data rows (${first}); one file holds one year and one period only.`,
  badPolarity: 'Unknown polarity; use "naik"/"up" (higher is better) or "turun"/"down" (lower is better).',
  duplicate: (row) => `Duplicate: this year, period and indicator code already appear on row ${row}.`,
  mixedStyle: (a, b) =>
    `Mixed number styles: ${a} is Indonesian style (1.234,56) while ${b} is English style (1,234.56). Use one style for the whole file.`,
  ambiguousNumber:
    'Ambiguous number: it reads as either thousands or decimals. Write it without thousands separators, or with a decimal point (e.g. 1234.5).',
  cellRef: (value, row, column) => `"${value}" (row ${row}, column ${column})`,
  belowTarget: (capaian) =>
    `Achievement ${capaian}% is below 100%: fill in the follow-up or the inhibiting factors for this indicator.`,
  targetZero: 'Target 0: achievement cannot be computed. Explain it in the notes column.',
  decimal: '.',
};

const MESSAGES: Record<Lang, Messages> = { id, en };

/** A cell as read from either format; issues are cells that hold no usable value at all. */
type Cell = null | string | number | { issue: 'formulaNoValue' | 'errorValue'; text: string };

interface SheetRow {
  number: number;
  cells: Cell[];
}

type ReadResult =
  | { ok: true; rows: SheetRow[]; numberStyleHint: NumberStyle | null }
  | { ok: false; problems: DataProblem[] };

function fileProblem(message: string): DataProblem {
  return { row: null, column: null, value: null, message };
}

function megabytes(n: number, m: Messages): string {
  return (n / 1024 / 1024).toFixed(1).replace('.', m.decimal);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const BINARY_MAGIC: { magic: number[]; kind: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], kind: 'PDF' },
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG' },
  { magic: [0xff, 0xd8, 0xff], kind: 'JPEG' },
  { magic: [0x47, 0x49, 0x46, 0x38], kind: 'GIF' },
  { magic: [0x1f, 0x8b], kind: 'GZIP' },
  { magic: [0x52, 0x61, 0x72, 0x21], kind: 'RAR' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], kind: '7z' },
];

export interface ExpectedPeriod {
  tahun: number;
  periode: Period;
}

export interface ParseOptions {
  lang?: Lang;
  /** `dataLimits.maxFileMB` of the configuration. */
  maxFileMB?: number;
  /** `dataLimits.maxRows` of the configuration. */
  maxRows?: number;
  /** `targetZero` of the configuration: what a row with target 0 needs. */
  targetZero?: 'EMPTY_WITH_NOTE';
}

/**
 * The tahun and periode the rows were checked against. `fromRows` when the caller gave none (the offline
 * checker): then the first valid value in the rows counts, and either may stay unknown.
 */
export interface CheckedPeriod {
  tahun: number | null;
  periode: Period | null;
  fromRows: boolean;
}

/**
 * `rows` are the rows without any problem, also when the file as a whole is invalid: the offline checker shows
 * their capaian next to the problems. A report is only ever assembled from a file that is `ok`.
 */
export type ParseResult =
  | { ok: true; rows: IndicatorRow[]; period: CheckedPeriod }
  | { ok: false; problems: DataProblem[]; rows: IndicatorRow[]; period: CheckedPeriod | null };

/**
 * Parses an uploaded performance-data file (CSV or XLSX). Never throws for bad input: every problem found in the
 * file is returned at once, so the uploader can fix them all in one correction. `expected` is the tahun and
 * periode of the upload's folder; null lets the rows say (the offline checker without --tahun/--periode).
 */
export async function parsePerformanceData(
  bytes: Uint8Array,
  fileName: string,
  expected: ExpectedPeriod | null,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const lang = options.lang ?? 'id';
  const m = MESSAGES[lang];
  const maxFileMB = options.maxFileMB ?? MAX_FILE_MB;
  const limits: Limits = {
    maxRows: options.maxRows ?? MAX_DATA_ROWS,
    targetZero: options.targetZero ?? 'EMPTY_WITH_NOTE',
  };
  const failed = (problems: DataProblem[]): ParseResult => ({ ok: false, problems, rows: [], period: null });
  if (bytes.byteLength === 0) return failed([fileProblem(m.empty)]);
  if (bytes.byteLength > maxFileMB * 1024 * 1024) {
    const limit = formatLimit(maxFileMB, m);
    return failed([fileProblem(m.tooLarge(megabytes(bytes.byteLength, m), limit))]);
  }
  let read: ReadResult;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    read = await readXlsx(bytes, lang, limits.maxRows);
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    read = { ok: false, problems: [fileProblem(m.legacyExcel)] };
  } else {
    read = readCsv(bytes, fileName, m);
  }
  if (!read.ok) return failed(read.problems);
  return validate(read.rows, read.numberStyleHint, expected, lang, limits);
}

interface Limits {
  maxRows: number;
  targetZero: 'EMPTY_WITH_NOTE';
}

function formatLimit(mb: number, m: Messages): string {
  return String(Number.isInteger(mb) ? mb : Number(mb.toFixed(1))).replace('.', m.decimal);
}

function readCsv(bytes: Uint8Array, fileName: string, m: Messages): ReadResult {
  const known = BINARY_MAGIC.find((b) => startsWith(bytes, b.magic));
  if (known) return { ok: false, problems: [fileProblem(m.unsupportedBinary(known.kind))] };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, problems: [fileProblem(m.utf16)] };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'biner';
    return { ok: false, problems: [fileProblem(m.unsupportedBinary(ext))] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8 at all: "CSV (Comma delimited)" from Excel on Windows is windows-1252, and only that decoding
    // gives back what the user typed (e.g. "m²").
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.trim() === '') return { ok: false, problems: [fileProblem(m.empty)] };
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    // csv-parse's own message is English and technical; its code says what the uploader needs to know.
    const e = err as { code?: string; lines?: number };
    const row = typeof e.lines === 'number' ? e.lines : null;
    return { ok: false, problems: [{ ...fileProblem(m.csvSyntax(e.code === 'CSV_QUOTE_NOT_CLOSED')), row }] };
  }
  const rows: SheetRow[] = records.map((cells, i) => ({
    number: i + 1,
    cells: cells.slice(0, MAX_COLUMNS).map((c) => {
      const t = c.trim();
      return t === '' ? null : t;
    }),
  }));
  // Excel in a comma-decimal locale (Indonesian) writes ";" as the list separator, so a ";" file with only
  // ambiguous numbers such as "1.500" is Indonesian-style.
  return { ok: true, rows, numberStyleHint: delimiter === ';' ? 'id' : null };
}

/** The separator of the header line: whichever of ";" and "," occurs more often outside quotes. */
function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (semicolons + commas > 0) break;
    } else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

type ZipCheck = { ok: true } | { ok: false; message: string };

/**
 * Zip-bomb guard, run before exceljs (JSZip) inflates anything. The central directory's declared sizes are summed
 * against the limit; then every entry is inflated with its declared size as a hard output cap, because a hostile
 * file can simply declare small sizes.
 */
export function checkZip(bytes: Uint8Array, lang: Lang = 'id'): ZipCheck {
  const m = MESSAGES[lang];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(view);
  if (entries === 'corrupt') return { ok: false, message: m.zipCorrupt };
  if (entries === 'too-many') return { ok: false, message: m.zipTooManyEntries };
  let declared = 0;
  for (const e of entries) declared += e.uncompressedSize;
  if (declared > MAX_UNCOMPRESSED_BYTES) return { ok: false, message: m.zipTooBig(megabytes(declared, m)) };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return { ok: false, message: m.zipNotXlsx };
  for (const e of entries) {
    if ((e.flags & 0x1) !== 0) return { ok: false, message: m.zipUnsupported };
    const at = e.localHeaderOffset;
    if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== 0x04034b50)
      return { ok: false, message: m.zipCorrupt };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.byteLength) return { ok: false, message: m.zipCorrupt };
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return { ok: false, message: m.zipLies };
    } else if (e.method === 8) {
      let out: Buffer;
      try {
        out = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        return { ok: false, message: code === 'ERR_BUFFER_TOO_LARGE' ? m.zipLies : m.zipCorrupt };
      }
      if (out.byteLength !== e.uncompressedSize) return { ok: false, message: m.zipLies };
    } else {
      return { ok: false, message: m.zipUnsupported };
    }
  }
  return { ok: true };
}

function readCentralDirectory(view: DataView): ZipEntry[] | 'corrupt' | 'too-many' {
  const len = view.byteLength;
  let eocd = -1;
  for (let p = len - 22; p >= Math.max(0, len - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return 'corrupt';
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return 'corrupt';
    const z64 = Number(view.getBigUint64(locator + 8, true));
    if (z64 + 56 > len || view.getUint32(z64, true) !== 0x06064b50) return 'corrupt';
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > MAX_ZIP_ENTRIES) return 'too-many';
  if (cdOffset + cdSize > len) return 'corrupt';
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) return 'corrupt';
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen + commentLen > len) return 'corrupt';
    let uncompressedSize = view.getUint32(p + 24, true);
    let compressedSize = view.getUint32(p + 20, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    // ZIP64 extra field: only the fields saturated in the fixed header are present, in this order.
    let q = p + 46 + nameLen;
    const extraEnd = q + extraLen;
    while (q + 4 <= extraEnd) {
      const tag = view.getUint16(q, true);
      const size = view.getUint16(q + 2, true);
      if (tag === 0x0001) {
        let r = q + 4;
        const next = (): number => {
          if (r + 8 > q + 4 + size) return Number.NaN;
          const v = Number(view.getBigUint64(r, true));
          r += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      q += 4 + size;
    }
    if (![uncompressedSize, compressedSize, localHeaderOffset].every(Number.isFinite)) return 'corrupt';
    entries.push({
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + p + 46, nameLen)),
      method: view.getUint16(p + 10, true),
      flags: view.getUint16(p + 8, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Sheet parts the parser never needs. exceljs expands a data-validation or merge range into one entry per cell,
 * so a 6 KB workbook with a dropdown on whole columns (common in real templates) would take seconds and
 * gigabytes; skipping the parts keeps reading proportional to the cells that hold values.
 */
const IGNORED_SHEET_PARTS = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'hyperlinks',
  'extLst',
  'drawing',
  'picture',
  'tableParts',
  'rowBreaks',
];

async function readXlsx(bytes: Uint8Array, lang: Lang, maxRows: number): Promise<ReadResult> {
  const m = MESSAGES[lang];
  const zip = checkZip(bytes, lang);
  if (!zip.ok) return { ok: false, problems: [fileProblem(zip.message)] };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-shaped `Buffer`; JSZip underneath takes any byte array.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, {
      ignoreNodes: IGNORED_SHEET_PARTS,
    });
  } catch {
    return { ok: false, problems: [fileProblem(m.zipCorrupt)] };
  }
  const sheet = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === 'data') ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [fileProblem(m.noWorksheet)] };
  if (sheet.actualRowCount - 1 > maxRows) {
    return { ok: false, problems: [fileProblem(m.tooManyRows(sheet.actualRowCount - 1, maxRows))] };
  }
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= width; c++) cells.push(xlsxCell(row.getCell(c).value));
    rows.push({ number: rowNumber, cells });
  });
  return { ok: true, rows, numberStyleHint: null };
}

function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('error' in value) return { issue: 'errorValue', text: String(value.error) };
  if ('richText' in value) {
    const t = value.richText
      .map((r) => r.text)
      .join('')
      .trim();
    return t === '' ? null : t;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) {
      const f = 'formula' in value ? value.formula : value.sharedFormula;
      return { issue: 'formulaNoValue', text: `=${f}` };
    }
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return { issue: 'errorValue', text: String((result as { error: unknown }).error) };
    }
    return xlsxCell(result as ExcelJS.CellValue);
  }
  if ('text' in value && typeof value.text === 'string') return xlsxCell(value.text);
  return null;
}

function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.text;
  return String(cell);
}

function preview(cell: Cell): string | null {
  if (cell === null) return null;
  const t = cellText(cell);
  return t.length > VALUE_PREVIEW ? `${t.slice(0, VALUE_PREVIEW)}…` : t;
}

type NumberClass = 'neutral' | 'id' | 'en' | 'ambiguous' | 'invalid';

function stripNumberDecorations(s: string): string {
  return s
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s*%$/, '')
    .trim();
}

/** What a number written as text says about the file's number style. */
function classifyNumber(raw: string): NumberClass {
  const s = stripNumberDecorations(raw);
  if (/^-?\d+$/.test(s)) return 'neutral';
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  if (hasDot && hasComma) {
    if (s.lastIndexOf(',') > s.lastIndexOf('.')) return /^-?\d{1,3}(\.\d{3})+,\d+$/.test(s) ? 'id' : 'invalid';
    return /^-?\d{1,3}(,\d{3})+\.\d+$/.test(s) ? 'en' : 'invalid';
  }
  if (hasComma) {
    if (/^-?\d{1,3}(,\d{3}){2,}$/.test(s)) return 'en';
    // English thousands grouping never starts with 0, so "0,500" can only be a decimal comma.
    if (/^-?[1-9]\d{0,2},\d{3}$/.test(s)) return 'ambiguous';
    return /^-?\d+,\d+$/.test(s) ? 'id' : 'invalid';
  }
  if (hasDot) {
    if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) return 'id';
    if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) return 'ambiguous';
    return /^-?\d+\.\d+$/.test(s) ? 'en' : 'invalid';
  }
  return 'invalid';
}

function parseNumberText(raw: string, style: NumberStyle | null): number | null {
  const s = stripNumberDecorations(raw);
  let plain: string | null = null;
  if (/^-?\d+$/.test(s)) plain = s;
  else if (style === 'id' && (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) || /^-?\d+(,\d+)?$/.test(s))) {
    plain = s.replace(/\./g, '').replace(',', '.');
  } else if (style === 'en' && (/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(s) || /^-?\d+(\.\d+)?$/.test(s))) {
    plain = s.replace(/,/g, '');
  }
  if (plain === null) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** Placeholder text such as "-" or "." does not count as an explanation. */
function isMeaningful(s: string | undefined): boolean {
  return s !== undefined && /[\p{L}\p{N}]/u.test(s);
}

function formatPercent(n: number, m: Messages): string {
  return n.toFixed(2).replace('.', m.decimal);
}

function validate(
  sheetRows: SheetRow[],
  numberStyleHint: NumberStyle | null,
  expected: ExpectedPeriod | null,
  lang: Lang,
  limits: Limits,
): ParseResult {
  const m = MESSAGES[lang];
  const problems: DataProblem[] = [];
  const nonBlank = sheetRows.filter((r) => r.cells.some((c) => c !== null));
  if (nonBlank.length === 0) return { ok: false, problems: [fileProblem(m.empty)], rows: [], period: null };

  // The header is the first row naming at least three known columns; else the first row (and columns go missing).
  const headerRow =
    nonBlank
      .slice(0, HEADER_SEARCH_ROWS)
      .find((r) => r.cells.filter((c) => c !== null && HEADER_LOOKUP.has(normalizeHeader(cellText(c)))).length >= 3) ??
    nonBlank[0]!;
  const columnIndex = new Map<FieldKey, number>();
  const headerText = new Map<FieldKey, string>();
  headerRow.cells.forEach((c, i) => {
    if (c === null) return;
    const key = HEADER_LOOKUP.get(normalizeHeader(cellText(c)));
    if (!key) return;
    if (columnIndex.has(key)) {
      problems.push({
        row: headerRow.number,
        column: cellText(c),
        value: cellText(c),
        message: m.duplicateColumn(cellText(c)),
      });
      return;
    }
    columnIndex.set(key, i);
    headerText.set(key, cellText(c));
  });
  const columnName = (key: FieldKey): string =>
    headerText.get(key) ?? (lang === 'en' ? (COLUMNS.find((c) => c.key === key)?.en ?? key) : key);
  for (const spec of COLUMNS) {
    if (spec.required && !columnIndex.has(spec.key)) {
      problems.push({
        row: headerRow.number,
        column: columnName(spec.key),
        value: null,
        message: m.missingColumn(columnName(spec.key)),
      });
    }
  }
  const headerWidth = headerRow.cells.reduce<number>((w, c, i) => (c === null ? w : i + 1), 0);

  const dataRows = nonBlank.filter((r) => r.number > headerRow.number);
  if (dataRows.length > limits.maxRows) {
    return {
      ok: false,
      problems: [fileProblem(m.tooManyRows(dataRows.length, limits.maxRows))],
      rows: [],
      period: null,
    };
  }
  if (dataRows.length === 0) {
    problems.push(fileProblem(m.noData));
    return { ok: false, problems, rows: [], period: null };
  }

  const get = (row: SheetRow, key: FieldKey): Cell => {
    const i = columnIndex.get(key);
    return i === undefined ? null : (row.cells[i] ?? null);
  };

  // Without a folder to compare with, the first readable tahun and periode stand for the whole file.
  const period: CheckedPeriod = expected
    ? { tahun: expected.tahun, periode: expected.periode, fromRows: false }
    : { tahun: null, periode: null, fromRows: true };
  if (!expected) {
    for (const row of dataRows) {
      const t = get(row, 'tahun');
      if (period.tahun === null && (typeof t === 'string' || typeof t === 'number') && /^\d{4}$/.test(String(t))) {
        period.tahun = Number(t);
      }
      const p = get(row, 'periode');
      if (period.periode === null && (typeof p === 'string' || typeof p === 'number')) {
        period.periode = lookup(PERIOD_LOOKUP, periodKey(String(p))) ?? null;
      }
    }
  }
  const yearWrong = (want: number) => (period.fromRows ? m.yearDiffers(want) : m.yearMismatch(want));
  const periodWrong = (want: string) => (period.fromRows ? m.periodDiffers(want) : m.periodMismatch(want));

  // Number style: decided once per file from the cells that can only be read one way.
  const evidence: Partial<Record<NumberStyle, string>> = {};
  const ambiguousCells: { row: number; key: FieldKey; text: string }[] = [];
  for (const row of dataRows) {
    for (const key of NUMERIC_FIELDS) {
      const cell = get(row, key);
      if (typeof cell !== 'string') continue;
      const cls = classifyNumber(cell);
      if (cls === 'id' || cls === 'en') evidence[cls] ??= m.cellRef(cell, row.number, columnName(key));
      else if (cls === 'ambiguous') ambiguousCells.push({ row: row.number, key, text: cell });
    }
  }
  let style: NumberStyle | null = null;
  const mixed = evidence.id !== undefined && evidence.en !== undefined;
  if (mixed) problems.push(fileProblem(m.mixedStyle(evidence.id!, evidence.en!)));
  else if (evidence.id !== undefined) style = 'id';
  else if (evidence.en !== undefined) style = 'en';
  else if (ambiguousCells.length > 0) style = numberStyleHint;

  const rows: IndicatorRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows) {
    let rowOk = true;
    const add = (key: FieldKey | null, cell: Cell, message: string): void => {
      rowOk = false;
      problems.push({ row: row.number, column: key ? columnName(key) : null, value: preview(cell), message });
    };
    const lastFilled = row.cells.reduce<number>((w, c, i) => (c === null ? w : i + 1), 0);
    if (headerWidth > 0 && lastFilled > headerWidth) add(null, row.cells[lastFilled - 1] ?? null, m.extraCells);

    const text = (key: FieldKey, required: boolean): string | undefined => {
      if (!columnIndex.has(key)) {
        if (required) rowOk = false;
        return undefined;
      }
      const cell = get(row, key);
      if (cell !== null && typeof cell === 'object') {
        add(key, cell, m[cell.issue]);
        return undefined;
      }
      if (cell === null) {
        if (required) add(key, cell, m.required);
        return undefined;
      }
      const t = cellText(cell);
      if (t.length > MAX_TEXT_LENGTH) {
        add(key, cell, m.tooLong);
        return undefined;
      }
      return t;
    };
    const num = (key: FieldKey, required: boolean): number | undefined => {
      if (!columnIndex.has(key)) {
        if (required) rowOk = false;
        return undefined;
      }
      const cell = get(row, key);
      if (cell === null) {
        if (required) add(key, cell, m.required);
        return undefined;
      }
      if (typeof cell === 'object') {
        add(key, cell, m[cell.issue]);
        return undefined;
      }
      let n: number | null;
      if (typeof cell === 'number') n = cell;
      else {
        const cls = classifyNumber(cell);
        if (mixed && cls !== 'neutral' && cls !== 'invalid') {
          // Already reported once for the whole file.
          rowOk = false;
          return undefined;
        }
        if (cls === 'ambiguous' && style === null) {
          add(key, cell, m.ambiguousNumber);
          return undefined;
        }
        n = parseNumberText(cell, style);
      }
      if (n === null) {
        add(key, cell, m.notNumber);
        return undefined;
      }
      if (n < 0) {
        add(key, cell, m.negative);
        return undefined;
      }
      return n;
    };

    let tahun: number | undefined;
    if (columnIndex.has('tahun')) {
      const cell = get(row, 'tahun');
      const t = cell === null || typeof cell === 'object' ? '' : cellText(cell);
      if (cell === null) add('tahun', cell, m.required);
      else if (typeof cell === 'object') add('tahun', cell, m[cell.issue]);
      else if (!/^\d{4}$/.test(t)) add('tahun', cell, m.badYear);
      else {
        tahun = Number(t);
        if (period.tahun !== null && tahun !== period.tahun) add('tahun', cell, yearWrong(period.tahun));
      }
    } else rowOk = false;

    let periode: Period | undefined;
    const periodeText = text('periode', true);
    if (periodeText !== undefined) {
      periode = lookup(PERIOD_LOOKUP, periodKey(periodeText));
      if (!periode) add('periode', get(row, 'periode'), m.badPeriod);
      else if (period.periode !== null && periode !== period.periode) {
        add('periode', get(row, 'periode'), periodWrong(period.periode));
      }
    }

    const kode = text('kode_indikator', true);
    const sasaran = text('sasaran_strategis', true);
    const indikator = text('indikator', true);
    const satuan = text('satuan', true);

    let polaritas: IndicatorRow['polaritas'] | undefined;
    const polaritasText = text('polaritas', true);
    if (polaritasText !== undefined) {
      polaritas = lookup(POLARITY_LOOKUP, polaritasText.toLowerCase());
      if (!polaritas) add('polaritas', get(row, 'polaritas'), m.badPolarity);
    }

    const target = num('target', true);
    const realisasi = num('realisasi', true);
    const realisasiTahunLalu = num('realisasi_tahun_lalu', false);
    const targetRenstra = num('target_renstra', false);
    const pagu = num('pagu', false);
    const realisasiAnggaran = num('realisasi_anggaran', false);
    const faktorPendorong = text('faktor_pendorong', false);
    const faktorPenghambat = text('faktor_penghambat', false);
    const tindakLanjut = text('tindak_lanjut', false);
    const keterangan = text('keterangan', false);

    if (tahun !== undefined && periode !== undefined && kode !== undefined) {
      const key = `${tahun}|${periode}|${kode.toUpperCase()}`;
      const first = seen.get(key);
      if (first !== undefined) add('kode_indikator', get(row, 'kode_indikator'), m.duplicate(first));
      else seen.set(key, row.number);
    }

    if (target !== undefined && realisasi !== undefined && polaritas !== undefined) {
      if (target === 0) {
        // EMPTY_WITH_NOTE, the one rule configurable so far: capaian stays empty, so the reader needs the reason.
        if (limits.targetZero === 'EMPTY_WITH_NOTE' && !isMeaningful(keterangan)) {
          add('keterangan', get(row, 'keterangan'), m.targetZero);
        }
      } else {
        const capaian = computeCapaian(polaritas, target, realisasi);
        if (capaian !== null && capaian < 100 && !isMeaningful(tindakLanjut) && !isMeaningful(faktorPenghambat)) {
          add('tindak_lanjut', get(row, 'tindak_lanjut'), m.belowTarget(formatPercent(capaian, m)));
        }
      }
    }

    if (
      rowOk &&
      tahun !== undefined &&
      periode !== undefined &&
      kode !== undefined &&
      sasaran !== undefined &&
      indikator !== undefined &&
      satuan !== undefined &&
      polaritas !== undefined &&
      target !== undefined &&
      realisasi !== undefined
    ) {
      const out: IndicatorRow = {
        row: row.number,
        tahun,
        periode,
        kode,
        sasaran,
        indikator,
        satuan,
        polaritas,
        target,
        realisasi,
      };
      if (realisasiTahunLalu !== undefined) out.realisasiTahunLalu = realisasiTahunLalu;
      if (targetRenstra !== undefined) out.targetRenstra = targetRenstra;
      if (pagu !== undefined) out.pagu = pagu;
      if (realisasiAnggaran !== undefined) out.realisasiAnggaran = realisasiAnggaran;
      if (faktorPendorong !== undefined) out.faktorPendorong = faktorPendorong;
      if (faktorPenghambat !== undefined) out.faktorPenghambat = faktorPenghambat;
      if (tindakLanjut !== undefined) out.tindakLanjut = tindakLanjut;
      if (keterangan !== undefined) out.keterangan = keterangan;
      rows.push(out);
    }
  }
  if (problems.length > 0) return { ok: false, problems, rows, period };
  return { ok: true, rows, period };
}

/** Own keys only: "constructor" typed as a polaritas must not find Object's constructor. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function periodKey(text: string): string {
  return text.toUpperCase().replace(/[\s_.-]/g, '');
}

import type { DataProblem } from '../../core/performance-data.ts';
import { BoundedRows } from './bounded-rows.ts';
import { MAX_COLUMNS } from './limits.ts';
import { fileProblem, type Messages } from './messages.ts';
import { type Cell, type SheetRow, textCell } from './sheet.ts';
import type { ReadRows } from './validate.ts';
import { attribute, XmlError, type XmlHandler, XmlScanner } from './xml-scanner.ts';
import { openWorkbookZip, type WorkbookZip, zipProblem } from './zip.ts';

/**
 * `sheets`: the names of the workbook's sheets, in order; `found`: whether the sheet asked for by name was there
 * (when not, and `orFirst` was asked, the rows are the first sheet's; else there are none).
 */
export type XlsxRead =
  | ({ ok: true; sheets: string[]; found: boolean } & ReadRows)
  | { ok: false; problems: DataProblem[] };

/** Which sheet to read: the one named `name` (case and surrounding spaces do not matter), else the first one. */
export interface SheetChoice {
  name: string;
  orFirst: boolean;
}

/** The data upload's sheet: the template's "Data", else the first. */
export const DATA_SHEET: SheetChoice = { name: 'Data', orFirst: true };

/** A shared string, resolved once the sheet is read: only the strings the kept rows use are ever stored. */
type RawCell = Cell | { sst: number };
interface RawRow {
  number: number;
  cells: RawCell[];
}

/**
 * Reads the data sheet of an XLSX as a stream and stops as soon as the row limit is exceeded. Only the parts it
 * needs are inflated: the workbook (which sheet), its relationships, the date formats of the styles, the sheet
 * up to the end of its cells (data validations, merges and the like after them are never read), and the shared
 * strings the kept rows refer to — after the sheet, so that a huge string table costs time, not memory.
 */
export async function readXlsx(
  bytes: Uint8Array,
  maxRows: number,
  m: Messages,
  choice: SheetChoice = DATA_SHEET,
): Promise<XlsxRead> {
  const fail = (message: string): XlsxRead => ({ ok: false, problems: [fileProblem(message)] });
  const opened = await openWorkbookZip(bytes, m);
  if (!opened.ok) return fail(opened.message);
  const zip = opened.zip;
  try {
    const book = await readWorkbook(zip);
    const rels = await readRelationships(zip);
    const sheets = book.sheets.map((s) => s.name);
    const named = book.sheets.find((s) => s.name.trim().toLowerCase() === choice.name.toLowerCase());
    if (!named && !choice.orFirst) {
      return { ok: true, rows: [], limitReached: false, numberStyleHint: null, sheets, found: false };
    }
    const sheetPath = pickSheet(named ?? book.sheets[0], rels, zip);
    if (!sheetPath) return fail(m.noWorksheet);
    const dateStyles = await readDateStyles(zip, relTarget(rels, 'styles') ?? 'xl/styles.xml');
    // A row counts as non-blank by its cells before the shared strings are resolved: a row whose cells are all
    // empty shared strings (no spreadsheet program writes one) would count towards the limit.
    const kept = new BoundedRows<RawRow>(maxRows);
    const wanted = new Set<number>();
    await readSheet(zip, sheetPath, { dateStyles, date1904: book.date1904, wanted }, (row) => kept.add(row));
    const strings =
      wanted.size > 0
        ? await readSharedStrings(zip, relTarget(rels, 'sharedStrings') ?? 'xl/sharedStrings.xml', wanted)
        : new Map<number, string>();
    const rows: SheetRow[] = kept.rows.map((r) => ({
      number: r.number,
      cells: r.cells.map((c) =>
        c !== null && typeof c === 'object' && 'sst' in c ? textCell(strings.get(c.sst) ?? '') : c,
      ),
    }));
    return {
      ok: true,
      rows,
      limitReached: kept.limitReached,
      numberStyleHint: null,
      sheets,
      found: named !== undefined,
    };
  } catch (err) {
    return fail(err instanceof XmlError ? m.zipCorrupt : zipProblem(err, m));
  }
}

/** Scans one part with `handler`; `done()` true stops reading it. A missing part reads as empty. */
async function scan(zip: WorkbookZip, path: string, handler: XmlHandler, done: () => boolean = () => false) {
  if (!zip.has(path)) return;
  const scanner = new XmlScanner(handler);
  let stopped = false;
  await zip.read(path, (text) => {
    scanner.feed(text);
    stopped = done();
    return !stopped;
  });
  if (!stopped) scanner.end();
}

const ignore = () => {};

interface Workbook {
  sheets: { name: string; rel: string | undefined }[];
  date1904: boolean;
}

async function readWorkbook(zip: WorkbookZip): Promise<Workbook> {
  const book: Workbook = { sheets: [], date1904: false };
  let done = false;
  await scan(
    zip,
    'xl/workbook.xml',
    {
      open(name, attrs) {
        if (name === 'workbookPr') book.date1904 = /^(1|true)$/i.test(attribute(attrs, 'date1904') ?? '');
        else if (name === 'sheet')
          book.sheets.push({ name: attribute(attrs, 'name') ?? '', rel: attribute(attrs, 'id') });
      },
      close(name) {
        if (name === 'sheets') done = true;
      },
      text: ignore,
    },
    () => done,
  );
  return book;
}

type Relationships = Map<string, { type: string; target: string }>;

async function readRelationships(zip: WorkbookZip): Promise<Relationships> {
  const rels: Relationships = new Map();
  await scan(zip, 'xl/_rels/workbook.xml.rels', {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attribute(attrs, 'Id');
      const target = attribute(attrs, 'Target');
      if (id && target) rels.set(id, { type: attribute(attrs, 'Type') ?? '', target: partPath(target) });
    },
    close: ignore,
    text: ignore,
  });
  return rels;
}

/** A relationship target of the workbook as a ZIP path ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
function partPath(target: string): string {
  const parts: string[] = [];
  for (const p of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function relTarget(rels: Relationships, type: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(`/${type}`)) return r.target;
  return undefined;
}

/**
 * The part of the chosen sheet. A workbook whose own list does not lead to a sheet part (hand-made ZIPs) falls
 * back to the first part under xl/worksheets/.
 */
function pickSheet(
  sheet: Workbook['sheets'][number] | undefined,
  rels: Relationships,
  zip: WorkbookZip,
): string | undefined {
  const path = sheet?.rel ? rels.get(sheet.rel)?.target : undefined;
  if (path && zip.has(path)) return path;
  return zip
    .names()
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))
    .sort()[0];
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare);
}

/** The cell styles (indexes into cellXfs) whose number format is a date: such numbers are dates, not amounts. */
async function readDateStyles(zip: WorkbookZip, path: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const dates = new Set<number>();
  let inXfs = false;
  let xf = 0;
  let done = false;
  await scan(
    zip,
    path,
    {
      open(name, attrs, selfClosing) {
        if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
        else if (name === 'cellXfs') inXfs = !selfClosing;
        else if (name === 'xf' && inXfs) {
          const id = Number(attribute(attrs, 'numFmtId') ?? 0);
          const code = custom.get(id);
          if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(xf);
          xf++;
        }
      },
      close(name) {
        if (name === 'cellXfs') done = true;
      },
      text: ignore,
    },
    () => done,
  );
  return dates;
}

interface SheetContext {
  dateStyles: Set<number>;
  date1904: boolean;
  /** Filled with the shared strings the kept rows use. */
  wanted: Set<number>;
}

/** "AB12" → 27 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** A serial day number as exceljs reads it (1900 or 1904 date system), as the ISO date the uploader sees. */
function serialDate(serial: number, date1904: boolean): string | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Control characters are stored escaped as _xHHHH_ in SpreadsheetML strings. */
function unescapeXString(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : s;
}

async function readSheet(
  zip: WorkbookZip,
  path: string,
  cx: SheetContext,
  onRow: (row: RawRow) => boolean,
): Promise<void> {
  let inData = false;
  let stopped = false;
  let row: RawRow | null = null;
  let lastRow = 0;
  let nextCol = 0;
  // The cell being read.
  let col = 0;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let formula: string | null = null;
  let masterOf: string | undefined;
  let inline: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let inPhonetic = false;
  const sharedFormulas = new Map<string, string>();

  const finishCell = (): void => {
    nextCol = col + 1;
    if (!row || col < 0 || col >= MAX_COLUMNS) return;
    const cell = cellValue();
    if (cell === null) return;
    while (row.cells.length < col) row.cells.push(null);
    row.cells[col] = cell;
  };
  const cellValue = (): RawCell => {
    if (type === 'inlineStr') return textCell(unescapeXString(inline ?? ''));
    if (value === null) return formula !== null ? { issue: 'formulaNoValue', text: `=${formula}` } : null;
    switch (type) {
      case 's': {
        const i = Number(value);
        if (!Number.isInteger(i) || i < 0) return null;
        cx.wanted.add(i);
        return { sst: i };
      }
      case 'str':
        return textCell(unescapeXString(value));
      case 'b':
        return value.trim() === '1' || value.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return { issue: 'errorValue', text: value.trim() };
      case 'd': {
        const d = new Date(value.trim());
        return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
      }
      default: {
        if (value.trim() === '') return null;
        const n = Number(value);
        if (Number.isFinite(n) && cx.dateStyles.has(style)) return serialDate(n, cx.date1904);
        return Number.isFinite(n) ? n : textCell(value);
      }
    }
  };
  const finishRow = (): void => {
    if (!row) return;
    const done = row;
    row = null;
    lastRow = done.number;
    if (done.cells.length > 0 && !onRow(done)) stopped = true;
  };

  await scan(
    zip,
    path,
    {
      open(name, attrs, selfClosing) {
        if (stopped) return;
        if (name === 'sheetData') {
          inData = !selfClosing;
          return;
        }
        if (!inData) return;
        switch (name) {
          case 'row': {
            const r = Number(attribute(attrs, 'r'));
            row = { number: Number.isInteger(r) && r > 0 ? r : lastRow + 1, cells: [] };
            nextCol = 0;
            if (selfClosing) finishRow();
            return;
          }
          case 'c': {
            const ref = attribute(attrs, 'r');
            col = ref ? columnIndex(ref) : nextCol;
            type = attribute(attrs, 't') ?? 'n';
            style = Number(attribute(attrs, 's') ?? 0);
            value = null;
            formula = null;
            inline = null;
            if (selfClosing) finishCell();
            return;
          }
          case 'v':
            value = '';
            capture = selfClosing ? null : 'v';
            return;
          case 'f': {
            const si = attribute(attrs, 'si');
            const shared = attribute(attrs, 't') === 'shared' && si !== undefined;
            // The first cell of a shared formula carries its text; the others only refer to it.
            masterOf = shared && attribute(attrs, 'ref') !== undefined ? si : undefined;
            formula = shared && selfClosing ? (sharedFormulas.get(si) ?? '') : '';
            capture = selfClosing ? null : 'f';
            return;
          }
          case 'is':
            inline = '';
            return;
          case 'rPh':
            inPhonetic = !selfClosing;
            return;
          case 't':
            if (inline !== null && !inPhonetic && !selfClosing) capture = 't';
            return;
        }
      },
      close(name) {
        if (stopped) return;
        switch (name) {
          case 'sheetData':
            inData = false;
            stopped = true;
            return;
          case 'v':
          case 't':
            capture = null;
            return;
          case 'f':
            capture = null;
            if (masterOf !== undefined && formula !== null) sharedFormulas.set(masterOf, formula);
            masterOf = undefined;
            return;
          case 'rPh':
            inPhonetic = false;
            return;
          case 'c':
            finishCell();
            return;
          case 'row':
            finishRow();
            return;
        }
      },
      text(t) {
        if (capture === 'v') value += t;
        else if (capture === 'f') formula += t;
        else if (capture === 't') inline += t;
      },
    },
    () => stopped,
  );
}

/** The shared strings at the wanted indexes (rich text runs joined, phonetic hints left out). */
async function readSharedStrings(zip: WorkbookZip, path: string, wanted: Set<number>): Promise<Map<number, string>> {
  const strings = new Map<number, string>();
  let last = 0;
  for (const i of wanted) if (i > last) last = i;
  let index = 0;
  let text: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await scan(
    zip,
    path,
    {
      open(name, _attrs, selfClosing) {
        if (name === 'si') {
          text = '';
          if (selfClosing) {
            index++;
            text = null;
          }
        } else if (name === 'rPh') inPhonetic = !selfClosing;
        else if (name === 't' && !selfClosing && !inPhonetic) inText = true;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') {
          if (text !== null && wanted.has(index)) strings.set(index, unescapeXString(text));
          index++;
          text = null;
        }
      },
      text(t) {
        if (inText && text !== null && wanted.has(index)) text += t;
      },
    },
    () => index > last,
  );
  return strings;
}

import { Parser } from 'csv-parse';
import type { DataProblem } from '../../core/performance-data.ts';
import { BoundedRows } from './bounded-rows.ts';
import { surelyMoreRecordsThan } from './csv-prescan.ts';
import { cp1252Char, decideEncoding } from './encoding.ts';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS } from './limits.ts';
import { fileProblem, type Messages } from './messages.ts';
import { type SheetRow, textCell } from './sheet.ts';
import type { ReadRows } from './validate.ts';
import { nextTurn } from './yield.ts';

export type CsvRead = ({ ok: true; warnings: DataProblem[] } & ReadRows) | { ok: false; problems: DataProblem[] };

/** Text handed to the CSV parser at a time: the parser's output per chunk is bounded by it. */
const CHUNK_BYTES = 64 * 1024;
/** Enough of the file to find the header line's separator. */
const DELIMITER_PROBE_BYTES = 1024 * 1024;

/**
 * Reads a CSV as a stream of records (csv-parse's parser fed a chunk at a time) and stops as soon as the row limit is
 * exceeded: a 10 MB file of five million one-character rows costs the same as one of twenty thousand.
 */
export async function readCsv(bytes: Uint8Array, maxRows: number, m: Messages): Promise<CsvRead> {
  const encoding = decideEncoding(bytes);
  if (encoding.kind === 'mixed') {
    const problems: DataProblem[] = encoding.lines.map((l) => ({
      row: l.line,
      column: null,
      value: l.excerpt,
      message: m.mixedEncoding(m.invalidByte(`0x${l.byte.toString(16).toUpperCase()}`, cp1252Char(l.byte))),
    }));
    if (encoding.moreLines > 0) problems.push(fileProblem(m.mixedEncodingMore(encoding.moreLines)));
    return { ok: false, problems };
  }
  const warnings =
    encoding.kind === 'windows-1252' ? [fileProblem(m.readAsCp1252(encoding.example.text, encoding.example.line))] : [];
  // More non-blank records than the limit plus the rows a header may sit in: more than maxRows data rows,
  // whatever the header (see bounded-rows.ts), answered without parsing.
  if (surelyMoreRecordsThan(bytes, maxRows + HEADER_SEARCH_ROWS)) {
    return { ok: true, rows: [], limitReached: true, numberStyleHint: null, warnings };
  }
  const label = encoding.kind;
  const delimiter = detectDelimiter(new TextDecoder(label).decode(bytes.subarray(0, DELIMITER_PROBE_BYTES)));
  const kept = new BoundedRows<SheetRow>(maxRows);
  const parser = csvParser({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  let number = 0;
  let stopped = false;
  const onRecord = (record: string[]) => {
    if (stopped) return;
    number++;
    if (!kept.add({ number, cells: record.slice(0, MAX_COLUMNS).map(textCell) })) stopped = true;
  };
  // The file as UTF-8 a chunk at a time; the event loop runs between chunks, and reading stops at the limit.
  let error: CsvError | undefined;
  for (const chunk of utf8Chunks(bytes, label)) {
    error = parser.parse(chunk, false, onRecord);
    if (error || stopped) break;
    await nextTurn();
  }
  if (!error && !stopped) error = parser.parse(undefined, true, onRecord);
  if (error && !stopped) {
    // csv-parse's own message is English and technical; its code says what the uploader needs to know.
    const row = typeof error.lines === 'number' ? error.lines : null;
    return { ok: false, problems: [{ ...fileProblem(m.csvSyntax(error.code === 'CSV_QUOTE_NOT_CLOSED')), row }] };
  }
  // Excel in a comma-decimal locale (Indonesian) writes ";" as the list separator, so a ";" file with only
  // ambiguous numbers such as "1.500" is Indonesian-style.
  return {
    ok: true,
    rows: kept.rows,
    limitReached: kept.limitReached,
    numberStyleHint: delimiter === ';' ? 'id' : null,
    warnings,
  };
}

interface CsvError {
  code?: string;
  lines?: number;
}

/** The core of csv-parse (its `api`: the same state machine its stream and sync parsers drive), fed directly. */
interface CsvCore {
  parse(chunk: Uint8Array | undefined, end: boolean, onRecord: (r: string[]) => void): CsvError | undefined;
}

/**
 * csv-parse's parser without its stream: Node's build in Node, its browser build (the same source, with its own
 * copy of Buffer) in the page's worker — infra/static-build.ts maps the import. Chunks are handed over as the
 * Buffer class csv-parse itself uses (that of its own option values), since its browser copy accepts no other.
 */
function csvParser(options: Record<string, unknown>): CsvCore {
  const parser = new Parser(options) as unknown as {
    api: { parse(buf: unknown, end: boolean, push: (r: string[]) => void, close: () => void): CsvError | undefined };
    options: { delimiter: { constructor: { from(bytes: Uint8Array): unknown } }[] };
  };
  const own = parser.options.delimiter[0]?.constructor;
  if (!own) throw new Error('csv-parse: no delimiter buffer');
  return {
    parse: (chunk, end, onRecord) =>
      parser.api.parse(chunk === undefined ? undefined : own.from(chunk), end, onRecord, () => {}),
  };
}

/** The text as UTF-8 bytes, a chunk at a time: UTF-8 as it is (without a BOM), windows-1252 decoded and encoded. */
function* utf8Chunks(bytes: Uint8Array, label: 'utf-8' | 'windows-1252'): Generator<Uint8Array> {
  if (label === 'utf-8') {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    for (let at = start; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
    return;
  }
  const decoder = new TextDecoder(label);
  const encoder = new TextEncoder();
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const text = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    if (text !== '') yield encoder.encode(text);
  }
  const rest = decoder.decode();
  if (rest !== '') yield encoder.encode(rest);
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

import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { DataProblem } from '../../core/performance-data.ts';
import { BoundedRows } from './bounded-rows.ts';
import { surelyMoreRecordsThan } from './csv-prescan.ts';
import { cp1252Char, decideEncoding } from './encoding.ts';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS } from './limits.ts';
import { fileProblem, type Messages } from './messages.ts';
import { type SheetRow, textCell } from './sheet.ts';
import type { ReadRows } from './validate.ts';
import { breathe } from './yield.ts';

export type CsvRead = ({ ok: true; warnings: DataProblem[] } & ReadRows) | { ok: false; problems: DataProblem[] };

/** Text handed to the CSV parser at a time: the parser's output per chunk is bounded by it. */
const CHUNK_BYTES = 64 * 1024;
/** Enough of the file to find the header line's separator. */
const DELIMITER_PROBE_BYTES = 1024 * 1024;

/**
 * Reads a CSV as a stream of records (csv-parse's streaming API) and stops as soon as the row limit is
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
  const source = Readable.from(decodeInChunks(bytes, label));
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  source.pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      if (!kept.add({ number, cells: record.slice(0, MAX_COLUMNS).map(textCell) })) break;
      await breathe(number);
    }
  } catch (err) {
    // csv-parse's own message is English and technical; its code says what the uploader needs to know.
    const e = err as { code?: string; lines?: number };
    const row = typeof e.lines === 'number' ? e.lines : null;
    return { ok: false, problems: [{ ...fileProblem(m.csvSyntax(e.code === 'CSV_QUOTE_NOT_CLOSED')), row }] };
  } finally {
    source.destroy();
    parser.destroy();
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

/** The text, decoded a chunk at a time; a UTF-8 BOM is dropped by the decoder. */
function* decodeInChunks(bytes: Uint8Array, label: 'utf-8' | 'windows-1252'): Generator<string> {
  const decoder = new TextDecoder(label);
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const text = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
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

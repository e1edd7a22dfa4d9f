import { MAX_COLUMNS } from './limits.ts';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const isSeparator = (b: number) => b === 0x3b || b === 0x2c; // ; ,
const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/**
 * True when the CSV surely has more than `n` non-blank records, found by a scan of its bytes that stops as soon
 * as it knows. Why: csv-parse builds an error object (stack trace, JSON copies) for every record whose cell count
 * differs from the first one's, even when told to relax that check — 20 000 such rows cost over a second, and a
 * file of five million one-character rows is exactly that. This scan refuses such a file before csv-parse runs.
 *
 * It never counts more than csv-parse would find, so a file it refuses is surely over the limit. It reads only
 * up to the first '"' of the file: before it there is no quoted cell, so records end exactly at the line ends,
 * in the form csv-parse chose for the file (the first line end: \n, \r\n or \r). A record counts as non-blank
 * only for a byte no trimming removes (ASCII, not a space or a separator) in its first MAX_COLUMNS cells,
 * counting both ";" and "," as separators, so a cell is never placed before where it really is. A file with
 * quotes early on is left to csv-parse, which stops at the limit too (bounded-rows.ts), only slower.
 */
export function surelyMoreRecordsThan(bytes: Uint8Array, n: number): boolean {
  const firstEnd = bytes.findIndex((b) => b === NEWLINE || b === RETURN);
  const end = bytes[firstEnd] === RETURN && bytes[firstEnd + 1] !== NEWLINE ? RETURN : NEWLINE;
  const afterReturn = bytes[firstEnd] === RETURN && end === NEWLINE;
  const firstQuote = bytes.indexOf(QUOTE);
  const known = firstQuote < 0 ? bytes.length : firstQuote;
  let count = 0;
  // Line ends are found natively (indexOf); only the start of each record is looked at, up to its first content.
  for (let start = 0; start < bytes.length; ) {
    let stop = bytes.indexOf(end, start);
    while (afterReturn && stop >= 0 && bytes[stop - 1] !== RETURN) stop = bytes.indexOf(end, stop + 1);
    const recordEnd = stop < 0 ? bytes.length : stop;
    if (recordEnd > known) return false;
    if (hasContent(bytes, start, recordEnd) && ++count > n) return true;
    if (stop < 0) return false;
    start = stop + 1;
  }
  return false;
}

/** A byte no trimming removes, in the record's first MAX_COLUMNS cells. */
function hasContent(bytes: Uint8Array, start: number, end: number): boolean {
  let cell = 0;
  for (let i = start; i < end && cell < MAX_COLUMNS; i++) {
    const b = bytes[i] as number;
    if (isSeparator(b)) cell++;
    else if (b < 0x80 && !isSpace(b)) return true;
  }
  return false;
}

/**
 * Which text encoding a CSV is in, decided from all of its bytes, so that no text is ever altered silently:
 * - valid UTF-8 (with or without BOM): read as UTF-8;
 * - no valid UTF-8 multi-byte sequence at all, but bytes ≥ 0x80: "CSV (Comma delimited)" from Excel on Windows,
 *   read as windows-1252 and said so (a warning: only that decoding gives back what the user typed, e.g. "m²");
 * - both (valid UTF-8 sequences and bytes invalid in UTF-8): a file edited in two encodings. No single decoding
 *   is right, so it is refused, naming the lines with the invalid bytes.
 */
export type EncodingVerdict =
  | { kind: 'utf-8' }
  | { kind: 'windows-1252'; example: { line: number; text: string } }
  | { kind: 'mixed'; lines: InvalidLine[]; moreLines: number };

export interface InvalidLine {
  /** 1-based line of the file. */
  line: number;
  /** The first invalid byte on it. */
  byte: number;
  /** The cell around that byte, decoded as UTF-8 (the invalid byte shows as U+FFFD). */
  excerpt: string;
}

/** Lines named in a refusal; the rest are counted. */
export const MAX_NAMED_LINES = 20;
/** How far a quoted cell reaches either side of the byte. */
const EXCERPT_BYTES = 40;

/** Whether all of the bytes are valid UTF-8: the WHATWG decoder in fatal mode, the same in Node and browsers. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decideEncoding(bytes: Uint8Array): EncodingVerdict {
  if (isUtf8(bytes)) return { kind: 'utf-8' };
  let line = 1;
  let validMultibyte = 0;
  let lastInvalidLine = 0;
  let firstHigh: { line: number; at: number } | null = null;
  const lines: InvalidLine[] = [];
  let moreLines = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    firstHigh ??= { line, at: i };
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      validMultibyte++;
      i += length;
      continue;
    }
    if (line !== lastInvalidLine) {
      lastInvalidLine = line;
      if (lines.length < MAX_NAMED_LINES) lines.push({ line, byte: b, excerpt: cellAround(bytes, i, 'utf-8') });
      else moreLines++;
    }
    i++;
  }
  if (validMultibyte === 0 && firstHigh) {
    return {
      kind: 'windows-1252',
      example: { line: firstHigh.line, text: cellAround(bytes, firstHigh.at, 'windows-1252') },
    };
  }
  return { kind: 'mixed', lines, moreLines };
}

/** Length of the valid UTF-8 sequence starting at `i` (WHATWG rules: no overlongs, no surrogates), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b >= 0xc2 && b <= 0xdf) return cont(bytes, i + 1) ? 2 : 0;
  if (b === 0xe0) return cont(bytes, i + 1, 0xa0) && cont(bytes, i + 2) ? 3 : 0;
  if (b === 0xed) return cont(bytes, i + 1, 0x80, 0x9f) && cont(bytes, i + 2) ? 3 : 0;
  if (b >= 0xe1 && b <= 0xef) return cont(bytes, i + 1) && cont(bytes, i + 2) ? 3 : 0;
  if (b === 0xf0) return cont(bytes, i + 1, 0x90) && cont(bytes, i + 2) && cont(bytes, i + 3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(bytes, i + 1) && cont(bytes, i + 2) && cont(bytes, i + 3) ? 4 : 0;
  if (b === 0xf4) return cont(bytes, i + 1, 0x80, 0x8f) && cont(bytes, i + 2) && cont(bytes, i + 3) ? 4 : 0;
  return 0;
}

/** A continuation byte, within [lo, hi] where the lead byte narrows the range. */
function cont(bytes: Uint8Array, at: number, lo = 0x80, hi = 0xbf): boolean {
  const c = bytes[at];
  return c !== undefined && c >= lo && c <= hi;
}

const SEPARATORS = new Set([0x3b, 0x2c, 0x09, 0x0a, 0x0d, 0x22]); // ; , tab, line ends, "

/**
 * The cell (between separators) around byte `at`, decoded as `label` reads it: the value a problem or warning
 * quotes. Separators are ASCII, the same byte in both encodings, so the cell is found on the bytes.
 */
function cellAround(bytes: Uint8Array, at: number, label: 'utf-8' | 'windows-1252'): string {
  let start = at;
  while (start > 0 && at - start < EXCERPT_BYTES && !SEPARATORS.has(bytes[start - 1] as number)) start--;
  let end = at + 1;
  while (end < bytes.length && end - at < EXCERPT_BYTES && !SEPARATORS.has(bytes[end] as number)) end++;
  return new TextDecoder(label).decode(bytes.subarray(start, end)).trim();
}

/** How a byte invalid in UTF-8 reads in windows-1252, for the message. */
export function cp1252Char(byte: number): string {
  return new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
}

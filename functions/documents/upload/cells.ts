/**
 * Reading one cell by its column's kind, shared by the data format (validate.ts) and the Perjanjian Kinerja
 * (pk-validate.ts): the same numbers, texts and words are accepted in both, with the same messages.
 */
import { type ColumnKind, periodOf, polarityOf, sifatOf } from './columns.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';
import type { Messages } from './messages.ts';
import { classifyNumber, type NumberStyle, parseNumberText, type StyleEvidence } from './number-style.ts';
import { type Cell, cellText, type SheetRow } from './sheet.ts';

/** A cell's value, or why it has none: a problem to report, or `silent` when it is reported elsewhere. */
export type Read<T> = { value: T } | { problem: string } | { silent: true } | { absent: true };

export interface CellContext {
  m: Messages;
  /** The file mixes number styles: reported once for the file, not per cell. */
  mixed: boolean;
  style: NumberStyle | null;
}

/** Reads one cell by its column's kind. */
export function readCell(kind: ColumnKind, cell: Cell, cx: CellContext): Read<unknown> {
  const { m } = cx;
  if (cell === null) return { absent: true };
  if (typeof cell === 'object') return { problem: m[cell.issue] };
  switch (kind) {
    case 'year': {
      const t = cellText(cell);
      return /^\d{4}$/.test(t) ? { value: Number(t) } : { problem: m.badYear };
    }
    case 'number':
      return readNumber(cell, cx);
    default: {
      const t = cellText(cell);
      if (t.length > MAX_TEXT_LENGTH) return { problem: m.tooLong };
      if (kind === 'period') {
        const p = periodOf(t);
        return p ? { value: p } : { problem: m.badPeriod };
      }
      if (kind === 'polarity') {
        const p = polarityOf(t);
        return p ? { value: p } : { problem: m.badPolarity };
      }
      if (kind === 'sifat') {
        const s = sifatOf(t);
        return s ? { value: s } : { problem: m.badSifat };
      }
      return { value: t };
    }
  }
}

export function readNumber(cell: string | number, cx: CellContext): Read<number> {
  const { m } = cx;
  let n: number | null;
  if (typeof cell === 'number') n = cell;
  else {
    const cls = classifyNumber(cell);
    // Already reported once for the whole file.
    if (cx.mixed && cls !== 'neutral' && cls !== 'invalid') return { silent: true };
    if (cls === 'ambiguous' && cx.style === null) return { problem: m.ambiguousNumber };
    n = parseNumberText(cell, cx.style);
  }
  if (n === null) return { problem: m.notNumber };
  if (n < 0) return { problem: m.negative };
  return { value: n };
}

/** Number style: decided once per file from the cells that can only be read one way. */
export function styleEvidence<K extends string>(
  dataRows: readonly SheetRow[],
  numeric: readonly K[],
  get: (row: SheetRow, key: K) => Cell,
  name: (key: K) => string,
  m: Messages,
): StyleEvidence {
  const evidence: StyleEvidence = { ambiguous: false };
  for (const row of dataRows) {
    for (const key of numeric) {
      const cell = get(row, key);
      if (typeof cell !== 'string') continue;
      const cls = classifyNumber(cell);
      if (cls === 'id' || cls === 'en') evidence[cls] ??= m.cellRef(cell, row.number, name(key));
      else if (cls === 'ambiguous') evidence.ambiguous = true;
    }
  }
  return evidence;
}

/** Placeholder text such as "-" or "." does not count as an explanation. */
export function isMeaningful(s: string | undefined): boolean {
  return s !== undefined && /[\p{L}\p{N}]/u.test(s);
}

/** Texts compared as a reader would: case and runs of white space do not matter. */
export function sameText(a: string, b: string): boolean {
  return collapse(a) === collapse(b);
}

function collapse(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

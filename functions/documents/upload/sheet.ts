import { VALUE_PREVIEW } from './limits.ts';

/** A cell as read from either format; issues are cells that hold no usable value at all. */
export type Cell = null | string | number | { issue: 'formulaNoValue' | 'errorValue'; text: string };

/** One row as the readers hand it to validation; `number` is the row number the uploader sees. */
export interface SheetRow {
  number: number;
  cells: Cell[];
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.text;
  return String(cell);
}

/** The value a problem quotes back: long texts are cut. */
export function preview(cell: Cell): string | null {
  if (cell === null) return null;
  const t = cellText(cell);
  return t.length > VALUE_PREVIEW ? `${t.slice(0, VALUE_PREVIEW)}…` : t;
}

export function isBlankRow(row: { cells: readonly unknown[] }): boolean {
  return row.cells.every((c) => c === null);
}

/** Text as a cell holds it: trimmed, and nothing at all when only spaces. */
export function textCell(s: string): Cell {
  const t = s.trim();
  return t === '' ? null : t;
}

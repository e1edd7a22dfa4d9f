import type { DataProblem } from '../../core/performance-data.ts';
import { COLUMNS, type FieldKey, HEADER_LOOKUP, normalizeHeader } from './columns.ts';
import { HEADER_SEARCH_ROWS } from './limits.ts';
import { type Lang, MESSAGES } from './messages.ts';
import { type Cell, cellText, type SheetRow } from './sheet.ts';

export interface Header {
  row: SheetRow;
  /** Where each known column is in a row. */
  index: ReadonlyMap<FieldKey, number>;
  /** The last filled header cell: a row reaching past it has cells no column owns. */
  width: number;
  /** Duplicated and missing columns. */
  problems: DataProblem[];
  /** A column as the uploader wrote it, or its name in the message language when the header lacks it. */
  name(key: FieldKey): string;
}

const isKnown = (c: Cell): boolean => c !== null && HEADER_LOOKUP.has(normalizeHeader(cellText(c)));

/**
 * The header is the first of the first HEADER_SEARCH_ROWS non-blank rows naming at least three known columns
 * (a title block may sit above it); else the first row, and the required columns are reported missing.
 */
export function findHeader(nonBlank: readonly SheetRow[], lang: Lang): Header {
  const m = MESSAGES[lang];
  const row =
    nonBlank.slice(0, HEADER_SEARCH_ROWS).find((r) => r.cells.filter(isKnown).length >= 3) ?? (nonBlank[0] as SheetRow);
  const index = new Map<FieldKey, number>();
  const written = new Map<FieldKey, string>();
  const problems: DataProblem[] = [];
  row.cells.forEach((c, i) => {
    if (c === null) return;
    const text = cellText(c);
    const key = HEADER_LOOKUP.get(normalizeHeader(text));
    if (!key) return;
    if (index.has(key)) {
      problems.push({ row: row.number, column: text, value: text, message: m.duplicateColumn(text) });
      return;
    }
    index.set(key, i);
    written.set(key, text);
  });
  const name = (key: FieldKey): string =>
    written.get(key) ?? (lang === 'en' ? (COLUMNS.find((c) => c.key === key)?.en ?? key) : key);
  for (const spec of COLUMNS) {
    if (spec.required && !index.has(spec.key)) {
      problems.push({ row: row.number, column: name(spec.key), value: null, message: m.missingColumn(name(spec.key)) });
    }
  }
  const width = row.cells.reduce<number>((w, c, i) => (c === null ? w : i + 1), 0);
  return { row, index, width, problems, name };
}

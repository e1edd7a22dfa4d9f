import type { DataProblem } from '../../core/performance-data.ts';
import { COLUMNS, type ColumnSpec, type FieldKey, HEADER_LOOKUP, normalizeHeader } from './columns.ts';
import { HEADER_SEARCH_ROWS } from './limits.ts';
import { type Lang, MESSAGES } from './messages.ts';
import { type Cell, cellText, type SheetRow } from './sheet.ts';

export interface Header<K extends string = FieldKey> {
  row: SheetRow;
  /** Where each known column is in a row. */
  index: ReadonlyMap<K, number>;
  /** The last filled header cell: a row reaching past it has cells no column owns. */
  width: number;
  /** Duplicated and missing columns. */
  problems: DataProblem[];
  /** A column as the uploader wrote it, or its name in the message language when the header lacks it. */
  name(key: K): string;
}

/** The format a header is read for: its columns, their spellings, and which of them this upload requires. */
export interface HeaderFormat<K extends string> {
  columns: readonly ColumnSpec<K, string>[];
  lookup: ReadonlyMap<string, K>;
  required: (spec: ColumnSpec<K, string>) => boolean;
  /** How many known columns make a row the header (a title block may sit above it). */
  minKnown: number;
}

const DATA_FORMAT: HeaderFormat<FieldKey> = {
  columns: COLUMNS,
  lookup: HEADER_LOOKUP,
  required: (c) => c.required,
  minKnown: 3,
};

/**
 * The header is the first of the first HEADER_SEARCH_ROWS non-blank rows naming at least `minKnown` known columns
 * (a title block may sit above it); else the first row, and the required columns are reported missing.
 */
export function findHeader(nonBlank: readonly SheetRow[], lang: Lang): Header<FieldKey>;
export function findHeader<K extends string>(
  nonBlank: readonly SheetRow[],
  lang: Lang,
  format: HeaderFormat<K>,
): Header<K>;
export function findHeader<K extends string>(
  nonBlank: readonly SheetRow[],
  lang: Lang,
  format: HeaderFormat<K> = DATA_FORMAT as unknown as HeaderFormat<K>,
): Header<K> {
  const m = MESSAGES[lang];
  const isKnown = (c: Cell): boolean => c !== null && format.lookup.has(normalizeHeader(cellText(c)));
  const row =
    nonBlank.slice(0, HEADER_SEARCH_ROWS).find((r) => r.cells.filter(isKnown).length >= format.minKnown) ??
    (nonBlank[0] as SheetRow);
  const index = new Map<K, number>();
  const written = new Map<K, string>();
  const problems: DataProblem[] = [];
  row.cells.forEach((c, i) => {
    if (c === null) return;
    const text = cellText(c);
    const key = format.lookup.get(normalizeHeader(text));
    if (!key) return;
    if (index.has(key)) {
      problems.push({ row: row.number, column: text, value: text, message: m.duplicateColumn(text) });
      return;
    }
    index.set(key, i);
    written.set(key, text);
  });
  const name = (key: K): string =>
    written.get(key) ?? (lang === 'en' ? (format.columns.find((c) => c.key === key)?.en ?? key) : key);
  for (const spec of format.columns) {
    if (format.required(spec) && !index.has(spec.key)) {
      problems.push({ row: row.number, column: name(spec.key), value: null, message: m.missingColumn(name(spec.key)) });
    }
  }
  const width = row.cells.reduce<number>((w, c, i) => (c === null ? w : i + 1), 0);
  return { row, index, width, problems, name };
}

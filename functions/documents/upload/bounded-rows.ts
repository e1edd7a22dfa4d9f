import { HEADER_SEARCH_ROWS } from './limits.ts';
import { isBlankRow } from './sheet.ts';

/**
 * The rows a reader keeps, with the row limit applied while reading: never more than `maxRows` data rows plus
 * the rows the header may sit in. The header is one of the first HEADER_SEARCH_ROWS non-blank rows, so once
 * `maxRows + HEADER_SEARCH_ROWS + 1` non-blank rows are in, more than `maxRows` data rows follow it whatever the
 * header turns out to be: `add` answers false and the reader stops, so work and memory stay bounded by the limit
 * and not by the file (a 10 MB CSV can hold five million rows).
 */
export class BoundedRows<R extends { cells: readonly unknown[] }> {
  readonly rows: R[] = [];
  /** True when reading stopped at the limit: the file has more than `maxRows` data rows. */
  limitReached = false;
  private readonly cap: number;

  constructor(maxRows: number) {
    this.cap = maxRows + HEADER_SEARCH_ROWS + 1;
  }

  /** Keeps a non-blank row; false means "stop reading". */
  add(row: R): boolean {
    if (isBlankRow(row)) return true;
    this.rows.push(row);
    if (this.rows.length >= this.cap) {
      this.limitReached = true;
      return false;
    }
    return true;
  }
}

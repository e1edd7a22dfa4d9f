import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { round2 } from '../capaian.ts';

/**
 * An indicator's figure in a table, the same in every document: integers as they are; fractions rounded half up
 * to 2 decimals, as capaian is (96,80 next to 83,45; a mean of 81,725 prints 81,73, never 81,725 in one table
 * and 81,72 in another). `missing` when there is none.
 */
export function indicatorNumber(n: number | null | undefined, lang: Lang, missing = '-'): string {
  if (n === undefined || n === null) return missing;
  if (Number.isInteger(n)) return formatNumber(n, {}, lang);
  const rounded = round2(n);
  return Number.isInteger(rounded) ? formatNumber(rounded, {}, lang) : formatNumber(rounded, { decimals: 2 }, lang);
}

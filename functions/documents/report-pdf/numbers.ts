import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';

/** An indicator's figure in a table: integers as they are; fractions with at least 2 decimals (96,80 next to 83,45), at most 4. */
export function indicatorNumber(n: number | undefined, lang: Lang): string {
  if (n === undefined) return '-';
  if (Number.isInteger(n)) return formatNumber(n, {}, lang);
  const decimals = Math.min(4, Math.max(2, (String(n).split('.')[1] ?? '').length));
  return formatNumber(n, { decimals }, lang);
}

import type { Lang } from './lang.ts';

/**
 * Numbers and dates as every reader of lapkin sees them — in the PDF, the XLSX, a mail, a page, the CLI. Formatted
 * by hand rather than with Intl: the output must not depend on the ICU data of the Node (or browser) build, so
 * identical input gives identical documents everywhere.
 */

export function formatNumber(
  n: number,
  opts: { decimals?: number; maxDecimals?: number } = {},
  lang: Lang = 'id',
): string {
  const [group, decimal] = lang === 'id' ? ['.', ','] : [',', '.'];
  let fixed: string;
  if (opts.decimals !== undefined) fixed = Math.abs(n).toFixed(opts.decimals);
  else {
    fixed = Math.abs(n).toFixed(opts.maxDecimals ?? 2);
    if (fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  }
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac ? decimal + frac : ''}`;
}

/** A capaian or share in percent, two decimals: "86,42 %"; "-" when there is none (target 0). */
export function formatPercent(n: number | null | undefined, lang: Lang = 'id'): string {
  return n === null || n === undefined ? '-' : `${formatNumber(n, { decimals: 2 }, lang)} %`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The office keeps Western Indonesian Time (WIB, UTC+7, no daylight saving): every time shown is in it, named. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "9 April 2026". */
export function formatDate(iso: string, lang: Lang = 'id'): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + WIB_OFFSET_MS);
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "9 April 2026 pukul 00.30 WIB" / "9 April 2026, 00:30 WIB". */
export function formatDateTime(iso: string, lang: Lang = 'id'): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + WIB_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return lang === 'id' ? `${formatDate(iso, lang)} pukul ${hh}.${mm} WIB` : `${formatDate(iso, lang)}, ${hh}:${mm} WIB`;
}

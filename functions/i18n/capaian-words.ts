import type { CapaianRules, Sifat } from '../core/capaian-rules.ts';
import type { IndicatorRow } from '../core/performance-data.ts';
import { formatNumber } from './format.ts';
import type { Lang } from './lang.ts';

/**
 * The words for how capaian is computed, shared by every document that prints a capaian (the quarterly report,
 * the LKjIP, the XLSX, the portal): a reader always sees the rules the numbers were computed by.
 */

export const SIFAT_LABEL: Record<Lang, Record<Sifat, string>> = {
  id: { kumulatif: 'Kumulatif', 'non-kumulatif': 'Non-kumulatif (posisi akhir)', 'rata-rata': 'Rata-rata' },
  en: { kumulatif: 'Cumulative', 'non-kumulatif': 'Non-cumulative (end position)', 'rata-rata': 'Average' },
};

export const POLARITAS_LABEL: Record<Lang, Record<IndicatorRow['polaritas'], string>> = {
  id: { naik: 'Naik (semakin tinggi semakin baik)', turun: 'Turun (semakin rendah semakin baik)' },
  en: { naik: 'Up (higher is better)', turun: 'Down (lower is better)' },
};

/** Short forms for narrow table columns. */
export const POLARITAS_SHORT: Record<Lang, Record<IndicatorRow['polaritas'], string>> = {
  id: { naik: 'Naik', turun: 'Turun' },
  en: { naik: 'Up', turun: 'Down' },
};
export const SIFAT_SHORT: Record<Lang, Record<Sifat, string>> = {
  id: { kumulatif: 'Kum.', 'non-kumulatif': 'Non-kum.', 'rata-rata': 'Rerata' },
  en: { kumulatif: 'Cum.', 'non-kumulatif': 'Non-cum.', 'rata-rata': 'Avg.' },
};

/** The rules in sentences, one per rule: the method note of every report. */
export function rulesNote(rules: CapaianRules, lang: Lang): string[] {
  const cap = `${formatNumber(rules.cap, { maxDecimals: 2 }, lang)} %`;
  if (lang === 'en') {
    return [
      'Up indicators: achievement = actual ÷ target × 100 %.',
      rules.turunFormula === 'T/R'
        ? `Down indicators: achievement = target ÷ actual × 100 % (an actual of 0 counts as ${cap}).`
        : 'Down indicators: achievement = (2 × target − actual) ÷ target × 100 %, at least 0 %.',
      rules.targetZero === 'TURUN_NOL_TERCAPAI'
        ? 'Target 0: a down indicator is achieved (100 %) when its actual is 0 and not achieved (0 %) otherwise; an up indicator with target 0 has no achievement and is explained in its notes.'
        : 'Target 0: no achievement is computed; the notes explain the indicator.',
      `Averages per strategic goal and overall count each indicator at most ${cap}.`,
      'Cumulative indicators add the quarters up, non-cumulative ones take the last quarter, average ones the mean of the quarters; a quarter is compared with the action plan target to date.',
    ];
  }
  return [
    'Indikator naik: capaian = realisasi ÷ target × 100 %.',
    rules.turunFormula === 'T/R'
      ? `Indikator turun: capaian = target ÷ realisasi × 100 % (realisasi 0 dihitung ${cap}).`
      : 'Indikator turun: capaian = (2 × target − realisasi) ÷ target × 100 %, paling rendah 0 %.',
    rules.targetZero === 'TURUN_NOL_TERCAPAI'
      ? 'Target 0: indikator turun tercapai (100 %) bila realisasinya 0 dan tidak tercapai (0 %) bila lebih dari 0; indikator naik dengan target 0 tidak dihitung capaiannya dan dijelaskan pada keterangan.'
      : 'Target 0: capaian tidak dihitung; indikator dijelaskan pada keterangan.',
    `Rata-rata capaian per sasaran dan keseluruhan menghitung capaian setiap indikator paling tinggi ${cap}.`,
    'Indikator kumulatif dijumlahkan antartriwulan, non-kumulatif mengambil posisi triwulan terakhir, rata-rata mengambil rerata triwulan; capaian triwulan dibandingkan dengan target Rencana Aksi s.d. triwulan tersebut.',
  ];
}

import type { DiffField, DiffSummary, DiffValue } from '../core/performance-data.ts';
import { formatNumber, formatPercent } from './format.ts';
import { kategoriLabel } from './labels.ts';
import type { Lang } from './lang.ts';

const DIFF_FIELD_LABEL: Record<Lang, Record<DiffField, string>> = {
  id: {
    sasaran: 'Sasaran strategis',
    indikator: 'Indikator',
    satuan: 'Satuan',
    polaritas: 'Polaritas',
    target: 'Target',
    realisasi: 'Realisasi',
    capaian: 'Capaian',
    kategori: 'Kategori',
    realisasiTahunLalu: 'Realisasi tahun lalu',
    targetRenstra: 'Target Renstra',
    pagu: 'Pagu (Rp)',
    realisasiAnggaran: 'Realisasi anggaran (Rp)',
    faktorPendorong: 'Faktor pendorong',
    faktorPenghambat: 'Faktor penghambat',
    tindakLanjut: 'Tindak lanjut',
    keterangan: 'Keterangan',
  },
  en: {
    sasaran: 'Strategic goal',
    indikator: 'Indicator',
    satuan: 'Unit',
    polaritas: 'Polarity',
    target: 'Target',
    realisasi: 'Actual',
    capaian: 'Achievement',
    kategori: 'Rating',
    realisasiTahunLalu: 'Last year actual',
    targetRenstra: 'Strategic plan target',
    pagu: 'Budget (Rp)',
    realisasiAnggaran: 'Budget spent (Rp)',
    faktorPendorong: 'Supporting factors',
    faktorPenghambat: 'Inhibiting factors',
    tindakLanjut: 'Follow-up',
    keterangan: 'Notes',
  },
};

const DIFF_TEXT = {
  id: {
    heading: (from: number) => `Perubahan dibanding revisi ${from}`,
    counts: (c: DiffSummary['counts']) =>
      `${c.changed} indikator berubah, ${c.added} ditambah, ${c.removed} dihapus, ${c.unchanged} tetap.`,
    none: (from: number) => `Data tidak berubah dibanding revisi ${from}.`,
    headers: ['Kode', 'Isian', 'Sebelum → sesudah'],
    added: 'Indikator baru',
    removed: 'Indikator dihapus',
    empty: '(kosong)',
    more: (n: number) => `… dan ${n} perubahan lainnya.`,
    request: (by: string) => `Catatan saat laporan dikembalikan oleh ${by}:`,
  },
  en: {
    heading: (from: number) => `Changes since revision ${from}`,
    counts: (c: DiffSummary['counts']) =>
      `${c.changed} indicators changed, ${c.added} added, ${c.removed} removed, ${c.unchanged} unchanged.`,
    none: (from: number) => `The data is unchanged since revision ${from}.`,
    headers: ['Code', 'Field', 'Before → after'],
    added: 'New indicator',
    removed: 'Indicator removed',
    empty: '(empty)',
    more: (n: number) => `… and ${n} more changes.`,
    request: (by: string) => `Note when ${by} sent the report back:`,
  },
};

function diffValue(field: DiffField | null, v: DiffValue, lang: Lang): string {
  if (v === null) return DIFF_TEXT[lang].empty;
  if (typeof v === 'number') {
    if (field === 'capaian') return formatPercent(v, lang);
    return formatNumber(v, { maxDecimals: 4 }, lang);
  }
  if (field === 'kategori') return kategoriLabel(v, lang);
  return v;
}

export interface DiffRow {
  kode: string;
  field: string;
  before: string;
  after: string;
  /** A figure (target, realisasi, capaian, kategori, …) rather than narrative: shown more prominently. */
  figure: boolean;
  beforeEmpty: boolean;
  afterEmpty: boolean;
}

const NARRATIVE: readonly DiffField[] = ['faktorPendorong', 'faktorPenghambat', 'tindakLanjut', 'keterangan'];

/**
 * The revision diff as the decision mail and page show it: a heading, the counts, and one row per change
 * (kode, field, before → after), all plain strings: the mail and page templates escape them.
 */
export function diffView(
  summary: DiffSummary,
  lang: Lang,
): {
  heading: string;
  counts: string;
  headers: string[];
  rows: DiffRow[];
  more: string | null;
  request: { intro: string; note: string } | null;
} {
  const t = DIFF_TEXT[lang];
  const c = summary.counts;
  const unchanged = c.added + c.removed + c.changed === 0;
  const rows = summary.lines.map((line): DiffRow => {
    if (line.change === 'added') {
      const after = String(line.after ?? '');
      return {
        kode: line.kode,
        field: t.added,
        before: '–',
        after,
        figure: true,
        beforeEmpty: true,
        afterEmpty: false,
      };
    }
    if (line.change === 'removed') {
      const before = String(line.before ?? '');
      return {
        kode: line.kode,
        field: t.removed,
        before,
        after: '–',
        figure: true,
        beforeEmpty: false,
        afterEmpty: true,
      };
    }
    const field = line.field ?? 'indikator';
    return {
      kode: line.kode,
      field: DIFF_FIELD_LABEL[lang][field],
      before: diffValue(field, line.before, lang),
      after: diffValue(field, line.after, lang),
      figure: !NARRATIVE.includes(field),
      beforeEmpty: line.before === null,
      afterEmpty: line.after === null,
    };
  });
  return {
    heading: t.heading(summary.fromRevision),
    counts: unchanged ? t.none(summary.fromRevision) : t.counts(c),
    headers: t.headers,
    rows,
    more: summary.more > 0 ? t.more(summary.more) : null,
    request: summary.request ? { intro: t.request(summary.request.by), note: summary.request.note } : null,
  };
}

export function diffText(summary: DiffSummary, lang: Lang): string {
  const v = diffView(summary, lang);
  const lines = [`${v.heading}: ${v.counts}`];
  if (v.request) lines.push(`${v.request.intro} "${v.request.note}"`);
  for (const r of v.rows) lines.push(`  ${r.kode}  ${r.field}: ${r.before} → ${r.after}`);
  if (v.more) lines.push(`  ${v.more}`);
  return lines.join('\n');
}

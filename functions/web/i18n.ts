import type { DiffField, DiffSummary, DiffValue } from '../core/performance-data.ts';
import type { ReportStatus } from '../core/report.ts';
import { kategoriLabel } from '../documents/capaian.ts';

export type Lang = 'id' | 'en';

export const STATUS_LABEL: Record<Lang, Record<ReportStatus, string>> = {
  id: {
    DITERIMA: 'Data diterima',
    DISUSUN: 'Laporan disusun',
    PERLU_PERBAIKAN_DATA: 'Perlu perbaikan data',
    MENUNGGU_VERIFIKASI: 'Menunggu verifikasi Sekretaris Camat',
    MENUNGGU_PENGESAHAN: 'Menunggu pengesahan Camat',
    PERLU_REVISI: 'Perlu revisi',
    DISAHKAN: 'Disahkan',
    TERDOKUMENTASI: 'Terdokumentasi',
    GAGAL: 'Gagal diproses',
  },
  en: {
    DITERIMA: 'Data received',
    DISUSUN: 'Report assembled',
    PERLU_PERBAIKAN_DATA: 'Data needs correction',
    MENUNGGU_VERIFIKASI: 'Awaiting verification',
    MENUNGGU_PENGESAHAN: 'Awaiting ratification',
    PERLU_REVISI: 'Revision requested',
    DISAHKAN: 'Ratified',
    TERDOKUMENTASI: 'Documented',
    GAGAL: 'Failed',
  },
};

export const STEP_LABEL: Record<Lang, Record<string, string>> = {
  id: {
    collect: 'Pengumpulan data kinerja',
    assemble: 'Penyusunan laporan',
    verify: 'Verifikasi laporan',
    ratify: 'Pengesahan laporan',
    revision: 'Revisi laporan',
    documentation: 'Dokumentasi laporan',
    done: 'Selesai',
  },
  en: {
    collect: 'Data collection',
    assemble: 'Report assembly',
    verify: 'Verification',
    ratify: 'Ratification',
    revision: 'Revision',
    documentation: 'Documentation',
    done: 'Done',
  },
};

export const PERIOD_LABEL: Record<Lang, Record<string, string>> = {
  id: { TW1: 'Triwulan I', TW2: 'Triwulan II', TW3: 'Triwulan III', TW4: 'Triwulan IV', TAHUNAN: 'Tahunan' },
  en: { TW1: 'Quarter 1', TW2: 'Quarter 2', TW3: 'Quarter 3', TW4: 'Quarter 4', TAHUNAN: 'Annual' },
};

export function formatDateTime(iso: string, lang: Lang): string {
  return `${new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso))} WIB`;
}

export function formatPercent(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '–';
  return `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} %`;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

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
    headers: ['Kode', 'Isian', 'Sebelum', 'Sesudah'],
    added: 'Indikator baru',
    removed: 'Indikator dihapus',
    empty: '(kosong)',
    more: (n: number) => `… dan ${n} perubahan lainnya.`,
    request: (by: string) => `Catatan revisi dari ${by}:`,
  },
  en: {
    heading: (from: number) => `Changes since revision ${from}`,
    counts: (c: DiffSummary['counts']) =>
      `${c.changed} indicators changed, ${c.added} added, ${c.removed} removed, ${c.unchanged} unchanged.`,
    none: (from: number) => `The data is unchanged since revision ${from}.`,
    headers: ['Code', 'Field', 'Before', 'After'],
    added: 'New indicator',
    removed: 'Indicator removed',
    empty: '(empty)',
    more: (n: number) => `… and ${n} more changes.`,
    request: (by: string) => `Revision note from ${by}:`,
  },
};

function diffValue(field: DiffField | null, v: DiffValue, lang: Lang): string {
  if (v === null) return DIFF_TEXT[lang].empty;
  if (typeof v === 'number') {
    if (field === 'capaian') return formatPercent(v, lang);
    return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 4 }).format(v);
  }
  if (field === 'kategori') return kategoriLabel(v, lang);
  return v;
}

/**
 * The revision diff as the decision mail and page show it: a heading, the counts, and one row per change
 * (kode, field, before → after), all plain strings for the caller to escape.
 */
export function diffView(
  summary: DiffSummary,
  lang: Lang,
): {
  heading: string;
  counts: string;
  headers: string[];
  rows: [string, string, string, string][];
  more: string | null;
  request: { intro: string; note: string } | null;
} {
  const t = DIFF_TEXT[lang];
  const c = summary.counts;
  const unchanged = c.added + c.removed + c.changed === 0;
  const rows = summary.lines.map((line): [string, string, string, string] => {
    if (line.change === 'added') return [line.kode, t.added, '–', String(line.after ?? '')];
    if (line.change === 'removed') return [line.kode, t.removed, String(line.before ?? ''), '–'];
    const field = line.field ?? 'indikator';
    return [
      line.kode,
      DIFF_FIELD_LABEL[lang][field],
      diffValue(field, line.before, lang),
      diffValue(field, line.after, lang),
    ];
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

/** The diff as HTML for mails and pages; inline styles, because mail clients drop a page's style sheet. */
export function diffHtml(summary: DiffSummary, lang: Lang): string {
  const v = diffView(summary, lang);
  const request = v.request
    ? `<div class="notice"><strong>${escapeHtml(v.request.intro)}</strong><br>${escapeHtml(v.request.note)}</div>`
    : '';
  const table =
    v.rows.length === 0
      ? ''
      : `<table class="diff"><tr>${v.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${v.rows
          .map(
            ([kode, field, before, after]) =>
              `<tr><td style="white-space:nowrap">${escapeHtml(kode)}</td><td>${escapeHtml(field)}</td><td style="color:#8a1c1c">${escapeHtml(before)}</td><td style="color:#1e7d32;font-weight:600">→ ${escapeHtml(after)}</td></tr>`,
          )
          .join('')}</table>`;
  const more = v.more ? `<p class="muted">${escapeHtml(v.more)}</p>` : '';
  return `<h2>${escapeHtml(v.heading)}</h2>${request}<p>${escapeHtml(v.counts)}</p>${table}${more}`;
}

export function diffText(summary: DiffSummary, lang: Lang): string {
  const v = diffView(summary, lang);
  const lines = [`${v.heading}: ${v.counts}`];
  if (v.request) lines.push(`${v.request.intro} "${v.request.note}"`);
  for (const [kode, field, before, after] of v.rows) lines.push(`  ${kode}  ${field}: ${before} → ${after}`);
  if (v.more) lines.push(`  ${v.more}`);
  return lines.join('\n');
}

import type { UnitProfile } from '../core/directory.ts';
import type { DiffField, DiffSummary, DiffValue } from '../core/performance-data.ts';
import type { ReportStatus } from '../core/report.ts';
import { kategoriLabel } from '../documents/capaian.ts';

export type Lang = 'id' | 'en';

/**
 * Status labels where no unit is known (lists over many units, the CLI): the two waiting states name the role in
 * words every unit shares. With a unit, use statusLabel(), which names its titles (Sekretaris Dinas, Camat, …).
 */
export const STATUS_LABEL: Record<Lang, Record<ReportStatus, string>> = {
  id: {
    DITERIMA: 'Data diterima',
    DISUSUN: 'Laporan disusun',
    PERLU_PERBAIKAN_DATA: 'Perlu perbaikan data',
    MENUNGGU_VERIFIKASI: 'Menunggu verifikasi Sekretaris',
    MENUNGGU_PENGESAHAN: 'Menunggu pengesahan pimpinan',
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

/** The unit's role titles a text needs: who verifies (paraf) and who ratifies (signs). */
export type UnitTitles = Pick<UnitProfile, 'roleTitles'>;

/** A report's status as people of its unit read it: "Menunggu verifikasi Sekretaris Dinas". */
export function statusLabel(status: ReportStatus, lang: Lang, unit?: UnitTitles): string {
  if (!unit) return STATUS_LABEL[lang][status];
  const t = unit.roleTitles;
  if (status === 'MENUNGGU_VERIFIKASI')
    return lang === 'id'
      ? `Menunggu verifikasi ${t.SEKRETARIS_CAMAT}`
      : `Awaiting verification by the ${t.SEKRETARIS_CAMAT}`;
  if (status === 'MENUNGGU_PENGESAHAN')
    return lang === 'id' ? `Menunggu pengesahan ${t.CAMAT}` : `Awaiting ratification by the ${t.CAMAT}`;
  return STATUS_LABEL[lang][status];
}

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
    return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 4 }).format(v);
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
 * (kode, field, before → after), all plain strings for the caller to escape.
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

/**
 * The diff as HTML for mails and pages: three columns so it stays readable on a phone, the kode written once per
 * indicator, inline styles because mail clients drop a page's style sheet.
 */
export function diffHtml(summary: DiffSummary, lang: Lang): string {
  const v = diffView(summary, lang);
  const request = v.request
    ? `<div class="notice"><strong>${escapeHtml(v.request.intro)}</strong><br>${escapeHtml(v.request.note)}</div>`
    : '';
  const value = (text: string, empty: boolean, color: string, bold: boolean) =>
    `<span style="color:${empty ? '#5b6573' : color}${bold && !empty ? ';font-weight:600' : ''}">${escapeHtml(text)}</span>`;
  const table =
    v.rows.length === 0
      ? ''
      : `<table class="diff"><tr>${v.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>${v.rows
          .map((r, i) => {
            const kode = i > 0 && v.rows[i - 1]?.kode === r.kode ? '' : escapeHtml(r.kode);
            const change = `${value(r.before, r.beforeEmpty, '#8a1c1c', false)} → ${value(r.after, r.afterEmpty, '#1e7d32', r.figure)}`;
            return `<tr><td style="white-space:nowrap">${kode}</td><td>${escapeHtml(r.field)}</td><td>${change}</td></tr>`;
          })
          .join('')}</table>`;
  const more = v.more ? `<p class="muted">${escapeHtml(v.more)}</p>` : '';
  return `<h2>${escapeHtml(v.heading)}</h2>${request}<p>${escapeHtml(v.counts)}</p>${table}${more}`;
}

export function diffText(summary: DiffSummary, lang: Lang): string {
  const v = diffView(summary, lang);
  const lines = [`${v.heading}: ${v.counts}`];
  if (v.request) lines.push(`${v.request.intro} "${v.request.note}"`);
  for (const r of v.rows) lines.push(`  ${r.kode}  ${r.field}: ${r.before} → ${r.after}`);
  if (v.more) lines.push(`  ${v.more}`);
  return lines.join('\n');
}

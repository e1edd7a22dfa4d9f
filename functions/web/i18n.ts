import type { ReportStatus } from '../core/report.ts';

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

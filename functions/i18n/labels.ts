import type { CityRole, Role } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Kategori } from '../core/performance-data.ts';
import type { DecisionStep, Period, ReportStatus } from '../core/report.ts';
import type { Lang } from './lang.ts';

/**
 * The words for lapkin's states and steps, one table each, read by the documents, the mails, the pages and the
 * CLI alike: a label changed here changes everywhere.
 */

/**
 * Status labels where no unit is known (lists over many units, the CLI): the two waiting states name the role in
 * words every unit shares. With a unit, use statusLabel(), which names its titles (Sekretaris Dinas, Camat, …).
 */
export const STATUS_LABEL: Record<Lang, Record<ReportStatus, string>> = {
  id: {
    DITERIMA: 'Data diterima',
    DISUSUN: 'Laporan disusun',
    MENUNGGU_PARAF: 'Menunggu paraf ketua tim',
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
    MENUNGGU_PARAF: "Awaiting the team lead's initials",
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
  if (status === 'MENUNGGU_PARAF')
    return lang === 'id' ? `Menunggu paraf ${t.TIMSAKIP}` : `Awaiting the initials of the ${t.TIMSAKIP}`;
  if (status === 'MENUNGGU_VERIFIKASI')
    return lang === 'id'
      ? `Menunggu verifikasi ${t.SEKRETARIS_CAMAT}`
      : `Awaiting verification by the ${t.SEKRETARIS_CAMAT}`;
  if (status === 'MENUNGGU_PENGESAHAN')
    return lang === 'id' ? `Menunggu pengesahan ${t.CAMAT}` : `Awaiting ratification by the ${t.CAMAT}`;
  return STATUS_LABEL[lang][status];
}

/**
 * The SOP's roles where no unit is known (a timeline over many units, the CLI): words every unit shares. With a
 * unit, its own titles (UnitProfile.roleTitles: Camat, Kepala Dinas, …) are the label.
 */
export const ROLE_LABEL: Record<Lang, Record<Role | CityRole | 'SISTEM', string>> = {
  id: {
    CAMAT: 'Pimpinan unit',
    SEKRETARIS_CAMAT: 'Sekretaris',
    KASI: 'Kepala Seksi/Bidang',
    TIMSAKIP: 'Ketua TIMSAKIP',
    STAF: 'Staf',
    KOTA: 'Pemerintah kota',
    SISTEM: 'Sistem',
  },
  en: {
    CAMAT: 'Head of unit',
    SEKRETARIS_CAMAT: 'Secretary',
    KASI: 'Head of section',
    TIMSAKIP: 'TIMSAKIP lead',
    STAF: 'Staff',
    KOTA: 'City',
    SISTEM: 'System',
  },
};

/** The SOP's steps (Report.step, a decision's step). */
export const STEP_LABEL: Record<Lang, Record<string, string>> = {
  id: {
    collect: 'Pengumpulan data kinerja',
    assemble: 'Penyusunan laporan',
    paraf: 'Paraf ketua tim',
    verify: 'Verifikasi laporan',
    ratify: 'Pengesahan laporan',
    revision: 'Revisi laporan',
    documentation: 'Dokumentasi laporan',
    done: 'Selesai',
  },
  en: {
    collect: 'Data collection',
    assemble: 'Report assembly',
    paraf: "Team lead's initials",
    verify: 'Verification',
    ratify: 'Ratification',
    revision: 'Revision',
    documentation: 'Documentation',
    done: 'Done',
  },
};

/**
 * The SOP's human decisions as a heading or a task list names them (`title`) and inside a sentence
 * ("Menunggu verifikasi (paraf) dari …": `inSentence`).
 */
export const DECISION_LABEL: Record<Lang, Record<DecisionStep, { title: string; inSentence: string }>> = {
  id: {
    paraf: { title: 'Paraf ketua tim', inSentence: 'paraf ketua tim' },
    verify: { title: 'Verifikasi (paraf)', inSentence: 'verifikasi (paraf)' },
    ratify: { title: 'Pengesahan (tanda tangan)', inSentence: 'pengesahan (tanda tangan)' },
  },
  en: {
    paraf: { title: "Team lead's initials (paraf)", inSentence: "the team lead's initials (paraf)" },
    verify: { title: 'Verification (paraf)', inSentence: 'verification (paraf)' },
    ratify: { title: 'Ratification (signature)', inSentence: 'ratification (signature)' },
  },
};

export const PERIOD_LABEL: Record<Lang, Record<Period, string>> = {
  id: { TW1: 'Triwulan I', TW2: 'Triwulan II', TW3: 'Triwulan III', TW4: 'Triwulan IV', TAHUNAN: 'Tahunan' },
  en: { TW1: 'Quarter 1', TW2: 'Quarter 2', TW3: 'Quarter 3', TW4: 'Quarter 4', TAHUNAN: 'Annual' },
};

/** "Triwulan III"; a period code lapkin does not know is shown as it is. */
export function periodLabel(p: Period, lang: Lang = 'id'): string {
  return PERIOD_LABEL[lang][p] ?? p;
}

/**
 * A report as every mail subject, heading and list names it: what, when, whose —
 * "Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci". The unit's name is its own in both languages.
 */
export function reportTitle(r: { periode: Period; tahun: number }, unitName: string, lang: Lang): string {
  const what = lang === 'id' ? 'Laporan Kinerja' : 'Performance Report';
  return `${what} ${periodLabel(r.periode, lang)} ${r.tahun} — ${unitName}`;
}

const KATEGORI_EN: Record<string, string> = {
  'Sangat Tinggi': 'Very high',
  Tinggi: 'High',
  Sedang: 'Medium',
  Rendah: 'Low',
  'Sangat Rendah': 'Very low',
};

/** A capaian's rating; the scale is configuration, so a configured name with no known translation stays as is. */
export function kategoriLabel(k: Kategori | null, lang: Lang = 'id'): string {
  if (k === null) return lang === 'id' ? 'Tidak dapat dihitung' : 'Not computable';
  return lang === 'id' ? k : (KATEGORI_EN[k] ?? k);
}

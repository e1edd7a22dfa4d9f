import type { AuditAction } from '../core/report.ts';
import type { Lang } from '../i18n/lang.ts';

/** What each audit event means, as the report's timeline names it (portal and local console). */
export const ACTION_LABEL: Record<Lang, Record<AuditAction, string>> = {
  id: {
    DITERIMA: 'Data diterima',
    UNGGAHAN_DIABAIKAN: 'Unggahan tidak dipakai',
    DISUSUN: 'Laporan disusun',
    DATA_TIDAK_VALID: 'Data tidak valid',
    PARAF_DIMINTA: 'Paraf ketua tim diminta',
    VERIFIKASI_DIMINTA: 'Verifikasi diminta',
    PENGESAHAN_DIMINTA: 'Pengesahan diminta',
    KEPUTUSAN: 'Keputusan',
    KEPUTUSAN_TIDAK_BERLAKU: 'Keputusan tidak berlaku',
    DIALIHKAN: 'Permintaan dialihkan (Plh/Plt)',
    REVISI_DIMINTA: 'Revisi diminta',
    REVISI_DITERIMA: 'Data perbaikan diterima',
    EMAIL_TERKIRIM: 'Email terkirim',
    PENGINGAT: 'Pengingat Mutu Baku',
    MUTU_BAKU_TERLAMPAUI: 'Mutu Baku terlampaui',
    TERDOKUMENTASI: 'Terdokumentasi',
    GAGAL: 'Gagal diproses',
    ALAMAT_PENGUNGGAH_DIABAIKAN: 'Alamat email pengunggah tidak sah, diabaikan',
  },
  en: {
    DITERIMA: 'Data received',
    UNGGAHAN_DIABAIKAN: 'Upload not used',
    DISUSUN: 'Report assembled',
    DATA_TIDAK_VALID: 'Data invalid',
    PARAF_DIMINTA: "Team lead's initials requested",
    VERIFIKASI_DIMINTA: 'Verification requested',
    PENGESAHAN_DIMINTA: 'Ratification requested',
    KEPUTUSAN: 'Decision',
    KEPUTUSAN_TIDAK_BERLAKU: 'Decision not applied',
    DIALIHKAN: 'Request re-addressed (acting official)',
    REVISI_DIMINTA: 'Revision requested',
    REVISI_DITERIMA: 'Corrected data received',
    EMAIL_TERKIRIM: 'Email sent',
    PENGINGAT: 'Mutu Baku reminder',
    MUTU_BAKU_TERLAMPAUI: 'Mutu Baku exceeded',
    TERDOKUMENTASI: 'Documented',
    GAGAL: 'Failed',
    ALAMAT_PENGUNGGAH_DIABAIKAN: 'Invalid uploader email address, ignored',
  },
};

/**
 * System notes are written in English for operators (the trail keeps them so); pages show them as a sentence in
 * their language.
 */
const NOTE_LABEL: Record<string, Record<Lang, string>> = {
  'execution started': { id: 'Eksekusi SOP dimulai', en: 'SOP run started' },
  'wait re-entered': {
    id: 'Menunggu kembali setelah satu periode Mutu Baku',
    en: 'Waiting again after one Mutu Baku period',
  },
  restart: { id: 'Dimulai ulang dengan unggahan baru', en: 'Restarted with a new upload' },
  'older than the version in use': {
    id: 'Lebih lama dari versi yang sedang dipakai',
    en: 'Older than the version in use',
  },
  'revision wait already resumed by another upload': {
    id: 'Revisi sudah dilanjutkan oleh unggahan lain',
    en: 'The revision was already resumed by another upload',
  },
  'step no longer waiting': {
    id: 'Tahap sudah tidak menunggu keputusan',
    en: 'The step no longer waits for a decision',
  },
  'workflow unavailable; the link can be used again': {
    id: 'Layanan sedang terganggu; tautan dapat dipakai lagi',
    en: 'The service was unavailable; the link can be used again',
  },
  'uploader address in the object metadata is invalid; ignored': {
    id: 'Alamat email pengunggah pada metadata berkas tidak sah; diabaikan',
    en: "The uploader's e-mail address in the file's metadata is invalid; ignored",
  },
};
const STATUS_NOTE = /^report is ([A-Z_]+)$/;
const STATUS_NOTE_TEXT: Record<Lang, (status: string) => string> = {
  id: (status) => `Laporan berstatus ${status}`,
  en: (status) => `Report is ${status}`,
};

/** A note of the trail as a reader of `lang` reads it: a person's note as written, a system note translated. */
export function noteText(note: string, lang: Lang = 'id'): string {
  return NOTE_LABEL[note]?.[lang] ?? note.replace(STATUS_NOTE, (_, status: string) => STATUS_NOTE_TEXT[lang](status));
}

/**
 * A system note worth showing to the people of a unit, in their language; undefined for operator detail (error
 * causes, escalation bookkeeping) that the portal leaves to the operator's console.
 */
export function knownSystemNote(note: string, lang: Lang): string | undefined {
  if (NOTE_LABEL[note] || STATUS_NOTE.test(note)) return noteText(note, lang);
  return undefined;
}

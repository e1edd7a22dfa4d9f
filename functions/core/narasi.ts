/**
 * The narrative of an annual report (LKjIP), written by staff in the upload's Narasi sheet: lapkin never writes
 * narrative itself. Each section is one row of the sheet (`bagian`, `isi`); the LKjIP prints it where
 * Permenpan RB 53/2014 puts it.
 */
export const NARASI_SECTIONS = [
  { key: 'kata_pengantar', required: true, id: 'Kata Pengantar', en: 'Foreword' },
  { key: 'ikhtisar_eksekutif', required: true, id: 'Ikhtisar Eksekutif', en: 'Executive summary' },
  { key: 'latar_belakang', required: true, id: 'Latar Belakang', en: 'Background' },
  { key: 'tugas_fungsi', required: true, id: 'Tugas dan Fungsi', en: 'Duties and functions' },
  { key: 'struktur_organisasi', required: false, id: 'Struktur Organisasi', en: 'Organisation' },
  { key: 'sdm', required: true, id: 'Sumber Daya Manusia', en: 'Human resources' },
  { key: 'isu_strategis', required: true, id: 'Isu Strategis', en: 'Strategic issues' },
  { key: 'renstra', required: true, id: 'Rencana Strategis', en: 'Strategic plan' },
  { key: 'analisis_capaian', required: false, id: 'Analisis Capaian Kinerja', en: 'Analysis of performance' },
  { key: 'realisasi_anggaran', required: false, id: 'Realisasi Anggaran', en: 'Budget realisation' },
  { key: 'penutup', required: true, id: 'Penutup', en: 'Closing' },
] as const;

export type NarasiKey = (typeof NARASI_SECTIONS)[number]['key'];

/** Section key → the text as written (paragraphs separated by blank lines). Optional sections may be absent. */
export type Narasi = Partial<Record<NarasiKey, string>>;

export const REQUIRED_NARASI: readonly NarasiKey[] = NARASI_SECTIONS.filter((s) => s.required).map((s) => s.key);

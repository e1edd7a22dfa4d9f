/**
 * The examples of the template (`lapkin template`): a Perjanjian Kinerja of six indicators over three sasaran of a
 * fictional but typical kecamatan, the quarterly data rows of the same indicators, and the narrative of an
 * annual report. Copied into the PK, Data and Narasi sheets they pass the checker as they are: one of each
 * situation the formats have rules for.
 */
import type { NarasiKey } from '../core/narasi.ts';
import { type PkIndicator, pkTargetFor } from '../core/perjanjian-kinerja.ts';
import type { Period } from '../core/report.ts';
import type { FieldKey, PkFieldKey } from './upload/index.ts';

export type ExampleRow = Partial<Record<FieldKey, string | number>>;
export type ExamplePkRow = Partial<Record<PkFieldKey, string | number>>;

const SS_PELAYANAN = 'Meningkatnya kualitas pelayanan publik kecamatan';
const SS_AKUNTABILITAS = 'Meningkatnya akuntabilitas kinerja dan tata kelola pemerintahan kecamatan';
const SS_TRANTIB = 'Terwujudnya ketenteraman dan ketertiban umum';
const PROGRAM_PELAYANAN = 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik';
const PROGRAM_PENUNJANG = 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota';
const PROGRAM_TRANTIB = 'Program Penyelenggaraan Ketenteraman dan Ketertiban Umum';

type ExamplePk = Omit<PkIndicator, 'row'>;

/**
 * The example PK. The Rencana Aksi targets are targets to date: constant for the averages and positions, growing
 * to the annual target for the cumulative count of cases. TW2's targets are the example data's.
 */
const PK: ExamplePk[] = [
  {
    kode: 'IK-01',
    sasaran: SS_PELAYANAN,
    indikator: 'Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan',
    definisiOperasional: 'Nilai survei kepuasan masyarakat atas pelayanan PATEN kecamatan.',
    formula: 'Rata-rata tertimbang unsur pelayanan (Permenpan RB 14/2017); sumber: survei IKM triwulanan.',
    satuan: 'indeks',
    polaritas: 'naik',
    sifat: 'rata-rata',
    targetTahunan: 82,
    targetTriwulan: [82, 82, 82, 82],
    targetRenstra: 85,
    targetRenstraAkhir: 88,
    program: PROGRAM_PELAYANAN,
    kegiatan: 'Penyelenggaraan pelayanan administrasi terpadu kecamatan',
    pagu: 185_000_000,
  },
  {
    kode: 'IK-02',
    sasaran: SS_PELAYANAN,
    indikator: 'Persentase penyelesaian pelayanan administrasi kependudukan tepat waktu',
    definisiOperasional: 'Permohonan adminduk yang selesai dalam waktu standar pelayanan.',
    formula: 'Permohonan selesai tepat waktu ÷ seluruh permohonan × 100 %; sumber: register layanan.',
    satuan: '%',
    polaritas: 'naik',
    sifat: 'non-kumulatif',
    targetTahunan: 95,
    targetTriwulan: [95, 95, 95, 95],
    targetRenstra: 98,
    targetRenstraAkhir: 100,
    standarNasional: 95,
    program: PROGRAM_PELAYANAN,
    kegiatan: 'Pelayanan administrasi kependudukan di kecamatan',
    pagu: 240_000_000,
  },
  {
    kode: 'IK-03',
    sasaran: SS_PELAYANAN,
    indikator: 'Rata-rata waktu penyelesaian pengaduan masyarakat',
    formula: 'Jumlah hari penyelesaian ÷ jumlah pengaduan; sumber: kanal pengaduan daring.',
    satuan: 'hari',
    polaritas: 'turun',
    sifat: 'rata-rata',
    targetTahunan: 5,
    targetTriwulan: [5, 5, 5, 5],
    targetRenstra: 3,
    targetRenstraAkhir: 3,
    program: PROGRAM_PELAYANAN,
  },
  {
    kode: 'IK-04',
    sasaran: SS_AKUNTABILITAS,
    indikator: 'Persentase rekomendasi hasil pengawasan yang ditindaklanjuti',
    formula: 'Rekomendasi ditindaklanjuti ÷ seluruh rekomendasi × 100 %; sumber: LHP Inspektorat.',
    satuan: '%',
    polaritas: 'naik',
    sifat: 'non-kumulatif',
    targetTahunan: 90,
    targetTriwulan: [80, 90, 90, 90],
    targetRenstra: 95,
    targetRenstraAkhir: 100,
    program: PROGRAM_PENUNJANG,
    kegiatan: 'Perencanaan, penganggaran dan evaluasi kinerja perangkat daerah',
    pagu: 150_000_000,
  },
  {
    kode: 'IK-05',
    sasaran: SS_TRANTIB,
    indikator: 'Jumlah kasus gangguan ketertiban umum',
    formula: 'Jumlah kasus yang tercatat; sumber: laporan Trantib kecamatan.',
    satuan: 'kasus',
    polaritas: 'turun',
    sifat: 'kumulatif',
    targetTahunan: 24,
    targetTriwulan: [6, 12, 18, 24],
    targetRenstraAkhir: 16,
    program: PROGRAM_TRANTIB,
  },
  {
    kode: 'IK-06',
    sasaran: SS_TRANTIB,
    indikator: 'Jumlah bangunan liar di sempadan sungai',
    formula: 'Jumlah bangunan liar pada akhir triwulan; sumber: pendataan Satpol PP.',
    satuan: 'bangunan',
    polaritas: 'turun',
    sifat: 'non-kumulatif',
    targetTahunan: 0,
    targetTriwulan: [0, 0, 0, 0],
    targetRenstraAkhir: 0,
    program: PROGRAM_TRANTIB,
  },
];

/** The uploaded figures of the example data: realisasi and narrative of each indicator, the rest is the PK's. */
const FIGURES: (ExampleRow & { kode_indikator: string })[] = [
  {
    kode_indikator: 'IK-01',
    realisasi: 83.45,
    realisasi_tahun_lalu: 81.2,
    realisasi_anggaran: 41_250_000,
    faktor_pendorong: 'Penerapan antrean daring dan penambahan petugas loket pada jam sibuk.',
    keterangan: 'Survei IKM triwulan I, 400 responden.',
  },
  {
    kode_indikator: 'IK-02',
    realisasi: 96.8,
    realisasi_tahun_lalu: 93.5,
    realisasi_anggaran: 58_400_000,
    faktor_pendorong: 'Jemput bola perekaman KTP-el di kelurahan.',
  },
  {
    kode_indikator: 'IK-03',
    realisasi: 4.2,
    realisasi_tahun_lalu: 5.6,
    faktor_pendorong: 'Pengaduan diteruskan langsung ke seksi terkait melalui kanal pengaduan daring.',
  },
  {
    kode_indikator: 'IK-04',
    realisasi: 77.78,
    realisasi_tahun_lalu: 70,
    realisasi_anggaran: 27_800_000,
    faktor_penghambat: 'Delapan rekomendasi memerlukan dokumen dari pihak ketiga yang belum diterima.',
    tindak_lanjut: 'Menyurati pihak ketiga dan rapat pemantauan dua mingguan sampai selesai pada triwulan II.',
    keterangan: '28 dari 36 rekomendasi.',
  },
  {
    kode_indikator: 'IK-05',
    realisasi: 15,
    realisasi_tahun_lalu: 18,
    faktor_penghambat: 'Peningkatan pedagang kaki lima di sekitar pasar menjelang Ramadan.',
    tindak_lanjut: 'Penataan lokasi berjualan sementara dan patroli malam dua kali seminggu.',
  },
  {
    kode_indikator: 'IK-06',
    realisasi: 2,
    tindak_lanjut: 'Sosialisasi dan penertiban bersama Satpol PP pada triwulan II.',
    keterangan: 'Target 0 sesuai Renstra (sempadan bebas bangunan); dua bangunan baru ditemukan pada bulan Maret.',
  },
];

/** The example PK as rows of the PK sheet. */
export function templatePkExample(tahun: number): ExamplePkRow[] {
  return PK.map((p) => ({
    kode_indikator: p.kode,
    sasaran_strategis: p.sasaran,
    indikator: p.indikator,
    definisi_operasional: p.definisiOperasional,
    formula: p.formula,
    satuan: p.satuan,
    polaritas: p.polaritas,
    sifat: p.sifat,
    target_tahunan: p.targetTahunan,
    target_tw1: p.targetTriwulan[0],
    target_tw2: p.targetTriwulan[1],
    target_tw3: p.targetTriwulan[2],
    target_tw4: p.targetTriwulan[3],
    target_renstra: p.targetRenstra,
    target_renstra_akhir: p.targetRenstraAkhir,
    standar_nasional: p.standarNasional,
    program: p.program,
    kegiatan: p.kegiatan,
    pagu: p.pagu,
    tahun,
  }));
}

/**
 * The example data rows in the full-row format, for the given period: the PK's texts, sifat and target of that
 * period (the Rencana Aksi target to date), the figures above. Checked against the example PK they agree with it.
 */
export function templateExampleRows(tahun: number, periode: Period): ExampleRow[] {
  return FIGURES.map((f) => {
    const pk = PK.find((p) => p.kode === f.kode_indikator) as ExamplePk;
    return {
      tahun,
      periode,
      sasaran_strategis: pk.sasaran,
      indikator: pk.indikator,
      satuan: pk.satuan,
      polaritas: pk.polaritas,
      target: pkTargetFor({ ...pk, row: 0 }, periode),
      target_renstra: pk.targetRenstra,
      pagu: pk.pagu,
      sifat: pk.sifat,
      ...f,
    };
  });
}

/** The example narrative of an annual report: one text per section, each clearly an example to replace. */
export const NARASI_EXAMPLE: Record<NarasiKey, string> = {
  kata_pengantar:
    'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Karawaci. Laporan ini merupakan wujud pertanggungjawaban atas pelaksanaan Perjanjian Kinerja tahun berjalan.',
  ikhtisar_eksekutif:
    'Kecamatan Karawaci menetapkan tiga sasaran strategis dengan enam indikator kinerja. Sebagian besar indikator mencapai target; indikator yang belum tercapai beserta tindak lanjutnya diuraikan pada Bab III.',
  latar_belakang:
    'LKjIP disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.',
  tugas_fungsi:
    'Kecamatan Karawaci melaksanakan urusan pemerintahan umum yang dilimpahkan oleh Wali Kota, meliputi pelayanan publik, pemberdayaan masyarakat, serta ketenteraman dan ketertiban umum.',
  struktur_organisasi:
    'Camat dibantu oleh Sekretaris Kecamatan, lima Kepala Seksi, dan para Lurah di wilayah Kecamatan Karawaci.',
  sdm: 'Pegawai Kecamatan Karawaci berjumlah 42 orang, terdiri atas 30 PNS dan 12 PPPK.',
  isu_strategis:
    'Kepadatan penduduk, tuntutan percepatan pelayanan administrasi, dan penataan pedagang kaki lima di sekitar pasar.',
  renstra:
    'Rencana Strategis Kecamatan Karawaci menetapkan sasaran peningkatan kualitas pelayanan publik, akuntabilitas kinerja, serta ketenteraman dan ketertiban umum.',
  analisis_capaian:
    'Capaian IKM melampaui target berkat antrean daring; persentase tindak lanjut rekomendasi pengawasan belum mencapai target karena dokumen pihak ketiga belum diterima.',
  realisasi_anggaran:
    'Realisasi anggaran sampai akhir tahun sesuai rencana penarikan dana; efisiensi dicapai pada kegiatan pelayanan administrasi terpadu.',
  penutup:
    'Demikian LKjIP Kecamatan Karawaci ini disusun sebagai bahan evaluasi dan perbaikan kinerja pada tahun berikutnya.',
};

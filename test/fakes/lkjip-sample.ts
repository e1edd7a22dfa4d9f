import {
  type CapaianRules,
  DEFAULT_CAPAIAN_RULES,
  figureToDate,
  type Sifat,
} from '../../functions/core/capaian-rules.ts';
import { DEFAULT_ROLE_TITLES, type Role } from '../../functions/core/config.ts';
import type { Narasi } from '../../functions/core/narasi.ts';
import type { AssembledReport, IndicatorRow, QuarterFigures } from '../../functions/core/performance-data.ts';
import type { PerjanjianKinerja, PkIndicator } from '../../functions/core/perjanjian-kinerja.ts';
import { computeCapaian, computeIndicators, DEFAULT_RATING_SCALE } from '../../functions/documents/capaian.ts';
import { summarize } from '../../functions/documents/report-summary.ts';
import { organization, people } from './deps.ts';

/**
 * A realistic annual report (periode TAHUNAN) of Kecamatan Karawaci, for the LKjIP: three sasaran, nine indicators
 * of every sifat and both polaritas (one turun indicator with target 0), the PK with its Rencana Aksi, the four
 * quarters as documented, the staff's Narasi and the unit's officials. Every capaian is computed by the real
 * computeIndicators / summarize from the quarters' figures, never typed in.
 */

const TAHUN = 2026;
const Q = ['TW1', 'TW2', 'TW3', 'TW4'] as const;

/** One indicator as the PK and the four quarterly uploads give it. */
export interface SampleIndicator {
  kode: string;
  sasaran: string;
  indikator: string;
  definisiOperasional?: string;
  formula?: string;
  satuan: string;
  polaritas: IndicatorRow['polaritas'];
  sifat: Sifat;
  targetTahunan: number;
  /** Rencana Aksi targets to date, TW1–TW4. */
  targetTriwulan: [number, number, number, number];
  /** Each quarter's own figure as uploaded (the figure to date follows by sifat). */
  quarters: [number, number, number, number];
  realisasiTahunLalu?: number;
  targetRenstra?: number;
  targetRenstraAkhir?: number;
  standarNasional?: number;
  program: string;
  kegiatan: string;
  pagu: number;
  realisasiAnggaran: number;
  faktorPendorong?: string;
  faktorPenghambat?: string;
  tindakLanjut?: string;
}

const S1 = 'Meningkatnya kualitas pelayanan publik kecamatan';
const S2 = 'Meningkatnya akuntabilitas kinerja dan tata kelola pemerintahan kecamatan';
const S3 = 'Meningkatnya ketenteraman, ketertiban umum, dan partisipasi masyarakat';
const P_PELAYANAN = 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik';
const P_PEMERINTAHAN = 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota';
const P_TRANTIB = 'Program Koordinasi Ketentraman dan Ketertiban Umum';
const P_PEMBERDAYAAN = 'Program Pemberdayaan Masyarakat Desa dan Kelurahan';

export const KARAWACI_INDICATORS: SampleIndicator[] = [
  {
    kode: 'IK-01',
    sasaran: S1,
    indikator: 'Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan',
    definisiOperasional: 'Nilai survei kepuasan masyarakat atas sembilan unsur pelayanan di kantor kecamatan.',
    formula: 'Rata-rata tertimbang nilai unsur pelayanan × 25; sumber: survei IKM triwulanan',
    satuan: 'indeks',
    polaritas: 'naik',
    sifat: 'rata-rata',
    targetTahunan: 82,
    targetTriwulan: [82, 82, 82, 82],
    quarters: [81.9, 82.6, 83.1, 83.8],
    realisasiTahunLalu: 81.2,
    targetRenstra: 83,
    targetRenstraAkhir: 86,
    standarNasional: 76.61,
    program: P_PELAYANAN,
    kegiatan: 'Penyelenggaraan Pelayanan Administrasi Terpadu Kecamatan (PATEN)',
    pagu: 185_000_000,
    realisasiAnggaran: 176_420_000,
    faktorPendorong:
      'Penataan ruang tunggu dan penambahan loket pelayanan PATEN; publikasi standar pelayanan di kantor kecamatan dan media sosial.',
  },
  {
    kode: 'IK-02',
    sasaran: S1,
    indikator: 'Persentase pelayanan administrasi terpadu yang diselesaikan sesuai standar pelayanan',
    definisiOperasional:
      'Pelayanan PATEN yang selesai dalam waktu dan persyaratan menurut standar pelayanan kecamatan, posisi akhir triwulan.',
    formula: 'Layanan selesai sesuai standar ÷ seluruh layanan × 100 %; sumber: aplikasi PATEN',
    satuan: '%',
    polaritas: 'naik',
    sifat: 'non-kumulatif',
    targetTahunan: 95,
    targetTriwulan: [92, 93, 94, 95],
    quarters: [93.4, 94.8, 95.6, 96.2],
    realisasiTahunLalu: 93.5,
    targetRenstra: 95,
    targetRenstraAkhir: 98,
    program: P_PELAYANAN,
    kegiatan: 'Penyelenggaraan Pelayanan Administrasi Terpadu Kecamatan (PATEN)',
    pagu: 240_000_000,
    realisasiAnggaran: 231_150_000,
  },
  {
    kode: 'IK-03',
    sasaran: S1,
    indikator: 'Rata-rata waktu penyelesaian pengaduan masyarakat',
    definisiOperasional: 'Rata-rata hari kerja sejak pengaduan diterima sampai jawaban disampaikan kepada pelapor.',
    formula: 'Jumlah hari penyelesaian ÷ jumlah pengaduan; sumber: register pengaduan',
    satuan: 'hari',
    polaritas: 'turun',
    sifat: 'rata-rata',
    targetTahunan: 5,
    targetTriwulan: [5, 5, 5, 5],
    quarters: [5.4, 4.8, 4.4, 4.2],
    realisasiTahunLalu: 5.6,
    targetRenstra: 4.5,
    targetRenstraAkhir: 3,
    program: P_PELAYANAN,
    kegiatan: 'Pengelolaan Pengaduan Masyarakat Tingkat Kecamatan',
    pagu: 95_000_000,
    realisasiAnggaran: 88_900_000,
    faktorPendorong:
      'Pengaduan diterima melalui kanal daring Kota Tangerang dan diteruskan ke seksi terkait pada hari yang sama.',
    faktorPenghambat:
      'Pada Triwulan I sebagian pengaduan menyangkut kewenangan perangkat daerah lain sehingga memerlukan koordinasi lintas instansi.',
    tindakLanjut: 'Menyusun daftar narahubung perangkat daerah untuk pengaduan lintas kewenangan.',
  },
  {
    kode: 'IK-04',
    sasaran: S2,
    indikator: 'Persentase rekomendasi hasil pengawasan yang ditindaklanjuti',
    definisiOperasional:
      'Rekomendasi hasil pemeriksaan Inspektorat dan BPK yang telah ditindaklanjuti tuntas, posisi akhir triwulan.',
    formula: 'Rekomendasi tuntas ÷ seluruh rekomendasi × 100 %; sumber: SIPTL Inspektorat',
    satuan: '%',
    polaritas: 'naik',
    sifat: 'non-kumulatif',
    targetTahunan: 90,
    targetTriwulan: [30, 50, 70, 90],
    quarters: [35, 48, 60, 70],
    realisasiTahunLalu: 70,
    targetRenstra: 92,
    targetRenstraAkhir: 100,
    program: P_PEMERINTAHAN,
    kegiatan: 'Koordinasi Tindak Lanjut Hasil Pengawasan',
    pagu: 150_000_000,
    realisasiAnggaran: 140_000_000,
    faktorPenghambat:
      'Sebagian rekomendasi menyangkut pengembalian aset dan dokumen pertanggungjawaban tahun-tahun sebelumnya yang memerlukan penelusuran arsip.',
    tindakLanjut:
      'Membentuk tim percepatan tindak lanjut yang dipimpin Sekretaris Camat dan melaporkan kemajuannya setiap bulan kepada Inspektorat.',
  },
  {
    kode: 'IK-05',
    sasaran: S2,
    indikator: 'Jumlah temuan berulang hasil pemeriksaan Inspektorat',
    definisiOperasional: 'Temuan pemeriksaan yang sama jenisnya dengan temuan tahun sebelumnya pada kecamatan.',
    formula: 'Jumlah temuan berulang; sumber: laporan hasil pemeriksaan Inspektorat',
    satuan: 'temuan',
    polaritas: 'turun',
    sifat: 'kumulatif',
    targetTahunan: 0,
    targetTriwulan: [0, 0, 0, 0],
    quarters: [0, 0, 0, 0],
    realisasiTahunLalu: 2,
    targetRenstra: 0,
    targetRenstraAkhir: 0,
    program: P_PEMERINTAHAN,
    kegiatan: 'Penyusunan Dokumen Perencanaan dan Pelaporan Kinerja',
    pagu: 60_000_000,
    realisasiAnggaran: 57_300_000,
  },
  {
    kode: 'IK-06',
    sasaran: S2,
    indikator: 'Persentase kelurahan yang menyampaikan laporan penyelenggaraan pemerintahan tepat waktu',
    definisiOperasional:
      'Kelurahan yang menyampaikan laporan penyelenggaraan pemerintahan kelurahan paling lambat tanggal 10 bulan berikutnya.',
    formula: 'Kelurahan tepat waktu ÷ 16 kelurahan × 100 %; sumber: agenda surat masuk',
    satuan: '%',
    polaritas: 'naik',
    sifat: 'rata-rata',
    targetTahunan: 100,
    targetTriwulan: [100, 100, 100, 100],
    quarters: [81.25, 87.5, 93.75, 100],
    realisasiTahunLalu: 81.25,
    targetRenstra: 100,
    targetRenstraAkhir: 100,
    program: P_PEMERINTAHAN,
    kegiatan: 'Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Kelurahan',
    pagu: 120_000_000,
    realisasiAnggaran: 112_400_000,
    faktorPenghambat:
      'Pada awal tahun tiga dari 16 kelurahan terlambat menyampaikan laporan karena pergantian operator pelaporan.',
    tindakLanjut: 'Bimbingan teknis operator kelurahan dan pengingat tenggat melalui grup koordinasi lurah.',
  },
  {
    kode: 'IK-07',
    sasaran: S3,
    indikator: 'Jumlah kejadian gangguan ketenteraman dan ketertiban umum',
    definisiOperasional:
      'Kejadian gangguan ketenteraman dan ketertiban umum yang dilaporkan dan ditangani di wilayah kecamatan.',
    formula: 'Jumlah kejadian; sumber: laporan Seksi Trantibum dan Satpol PP',
    satuan: 'kejadian',
    polaritas: 'turun',
    sifat: 'kumulatif',
    targetTahunan: 40,
    targetTriwulan: [10, 20, 30, 40],
    quarters: [12, 9, 11, 10],
    realisasiTahunLalu: 47,
    targetRenstra: 38,
    targetRenstraAkhir: 30,
    program: P_TRANTIB,
    kegiatan: 'Koordinasi Penyelenggaraan Ketenteraman dan Ketertiban Umum',
    pagu: 320_000_000,
    realisasiAnggaran: 301_750_000,
    faktorPenghambat:
      'Meningkatnya pedagang kaki lima di sekitar kawasan Pasar Lama dan Cimone pada Triwulan I dan Triwulan III.',
    tindakLanjut:
      'Patroli terpadu bersama Satpol PP, Polsek, dan Koramil serta penataan lokasi berjualan bersama pengelola pasar.',
  },
  {
    kode: 'IK-08',
    sasaran: S3,
    indikator: 'Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi',
    definisiOperasional:
      'Kegiatan pemberdayaan masyarakat dan lembaga kemasyarakatan kelurahan yang difasilitasi kecamatan.',
    formula: 'Jumlah kegiatan; sumber: laporan Seksi Pemberdayaan Masyarakat',
    satuan: 'kegiatan',
    polaritas: 'naik',
    sifat: 'kumulatif',
    targetTahunan: 96,
    targetTriwulan: [24, 48, 72, 96],
    quarters: [22, 26, 25, 27],
    realisasiTahunLalu: 88,
    targetRenstra: 90,
    targetRenstraAkhir: 110,
    program: P_PEMBERDAYAAN,
    kegiatan: 'Fasilitasi Pemberdayaan Masyarakat dan Lembaga Kemasyarakatan Kelurahan',
    pagu: 275_000_000,
    realisasiAnggaran: 266_725_500,
  },
  {
    kode: 'IK-09',
    sasaran: S3,
    indikator: 'Jumlah pelaku usaha mikro yang difasilitasi memperoleh Nomor Induk Berusaha (NIB)',
    definisiOperasional: 'Pelaku usaha mikro yang memperoleh NIB melalui fasilitasi kecamatan dan kelurahan.',
    formula: 'Jumlah NIB terbit; sumber: rekap OSS dan register fasilitasi',
    satuan: 'unit usaha',
    polaritas: 'naik',
    sifat: 'kumulatif',
    targetTahunan: 200,
    targetTriwulan: [50, 100, 150, 200],
    quarters: [60, 75, 70, 55],
    realisasiTahunLalu: 174,
    targetRenstra: 180,
    targetRenstraAkhir: 250,
    program: P_PEMBERDAYAAN,
    kegiatan: 'Fasilitasi Perizinan Berusaha bagi Usaha Mikro',
    pagu: 90_000_000,
    realisasiAnggaran: 86_200_000,
    faktorPendorong:
      'Layanan jemput bola pendaftaran NIB di 16 kelurahan bekerja sama dengan Dinas Koperasi dan UKM serta DPMPTSP Kota Tangerang.',
  },
];

/** The staff's Narasi sheet of the sample, in the register of a kecamatan's LKjIP. */
export const KARAWACI_NARASI: Required<Narasi> = {
  kata_pengantar: [
    'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan karunia-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Karawaci Tahun 2026 dapat diselesaikan. Laporan ini disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.',
    'LKjIP ini merupakan wujud pertanggungjawaban Kecamatan Karawaci atas pelaksanaan tugas dan fungsi serta penggunaan anggaran dalam mencapai sasaran strategis yang ditetapkan dalam Perjanjian Kinerja Tahun 2026, yang merupakan tahun kedua pelaksanaan Rencana Strategis Kecamatan Karawaci Tahun 2025–2029.',
    'Kami menyadari bahwa laporan ini masih memiliki kekurangan. Oleh karena itu, saran dan masukan dari semua pihak sangat kami harapkan sebagai bahan perbaikan kinerja Kecamatan Karawaci pada tahun-tahun mendatang.',
  ].join('\n\n'),
  ikhtisar_eksekutif: [
    'Pada Tahun 2026 Kecamatan Karawaci menetapkan tiga sasaran strategis dengan sembilan indikator kinerja dalam Perjanjian Kinerja. Secara umum sasaran strategis tercapai dengan kategori sangat tinggi dan tinggi; rata-rata capaian seluruh indikator sebesar 99,54 %.',
    'Sasaran peningkatan kualitas pelayanan publik dan sasaran ketenteraman, ketertiban umum, serta partisipasi masyarakat melampaui target. Sasaran akuntabilitas kinerja dan tata kelola pemerintahan belum sepenuhnya tercapai, terutama karena tindak lanjut rekomendasi hasil pengawasan baru mencapai 70 % dari target 90 %.',
    'Realisasi anggaran Kecamatan Karawaci Tahun 2026 sebesar Rp1.460.845.500 dari pagu Rp1.535.000.000 atau 95,17 %.',
  ].join('\n\n'),
  latar_belakang: [
    'Kecamatan Karawaci merupakan perangkat daerah Pemerintah Kota Tangerang yang dipimpin oleh seorang Camat, berkedudukan di bawah dan bertanggung jawab kepada Wali Kota melalui Sekretaris Daerah. Wilayah Kecamatan Karawaci terdiri atas 16 (enam belas) kelurahan dengan kepadatan penduduk yang tinggi serta kawasan perdagangan, permukiman, dan pendidikan.',
    'Sesuai Peraturan Presiden Nomor 29 Tahun 2014, setiap perangkat daerah wajib menyusun laporan kinerja sebagai bentuk pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pengelolaan anggaran. Laporan ini menyajikan capaian kinerja Kecamatan Karawaci Tahun 2026 dibandingkan dengan Perjanjian Kinerja, realisasi tahun sebelumnya, dan target Rencana Strategis.',
  ].join('\n\n'),
  tugas_fungsi: [
    'Berdasarkan Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan, Camat mempunyai tugas menyelenggarakan urusan pemerintahan umum, mengoordinasikan kegiatan pemberdayaan masyarakat, mengoordinasikan upaya penyelenggaraan ketenteraman dan ketertiban umum, serta membina dan mengawasi penyelenggaraan kegiatan kelurahan.',
    'Dalam melaksanakan tugas tersebut, Kecamatan Karawaci menyelenggarakan fungsi:\n1. penyelenggaraan urusan pemerintahan umum;\n2. koordinasi kegiatan pemberdayaan masyarakat;\n3. koordinasi penyelenggaraan ketenteraman dan ketertiban umum;\n4. koordinasi penerapan dan penegakan peraturan daerah dan peraturan wali kota;\n5. pelaksanaan pelayanan administrasi terpadu kecamatan; dan\n6. pembinaan dan pengawasan penyelenggaraan kegiatan kelurahan.',
  ].join('\n\n'),
  struktur_organisasi:
    'Susunan organisasi Kecamatan Karawaci terdiri atas Camat, Sekretaris Kecamatan yang membawahkan Subbagian Umum dan Kepegawaian serta Subbagian Perencanaan dan Keuangan, Seksi Tata Pemerintahan, Seksi Pemberdayaan Masyarakat, Seksi Ketenteraman dan Ketertiban Umum, Seksi Pelayanan Umum, serta 16 (enam belas) kelurahan.',
  sdm: 'Pada akhir Tahun 2026 Kecamatan Karawaci didukung oleh 58 orang pegawai, terdiri atas 41 Pegawai Negeri Sipil dan 17 Pegawai Pemerintah dengan Perjanjian Kerja. Menurut tingkat pendidikan, 3 orang berpendidikan S2, 27 orang S1/D4, 6 orang D3, dan 22 orang SLTA.',
  isu_strategis: [
    'Isu strategis yang dihadapi Kecamatan Karawaci pada Tahun 2026 antara lain:\n1. tuntutan masyarakat atas pelayanan administrasi yang cepat, mudah, dan transparan;\n2. tindak lanjut rekomendasi hasil pengawasan yang belum tuntas;\n3. gangguan ketenteraman dan ketertiban umum di kawasan perdagangan; dan\n4. peningkatan partisipasi masyarakat dan pelaku usaha mikro dalam pembangunan kelurahan.',
  ].join('\n\n'),
  renstra: [
    'Rencana Strategis Kecamatan Karawaci Tahun 2025–2029 menjabarkan visi dan misi Wali Kota Tangerang ke dalam tujuan dan sasaran strategis kecamatan. Tujuan kecamatan adalah meningkatnya kualitas penyelenggaraan pemerintahan, pelayanan publik, dan pemberdayaan masyarakat di wilayah Kecamatan Karawaci.',
    'Tujuan tersebut dicapai melalui tiga sasaran strategis: meningkatnya kualitas pelayanan publik kecamatan; meningkatnya akuntabilitas kinerja dan tata kelola pemerintahan kecamatan; serta meningkatnya ketenteraman, ketertiban umum, dan partisipasi masyarakat.',
  ].join('\n\n'),
  analisis_capaian:
    'Capaian sasaran akuntabilitas kinerja dan tata kelola pemerintahan berada pada kategori tinggi dan menjadi prioritas perbaikan Tahun 2027, terutama percepatan tindak lanjut rekomendasi hasil pengawasan. Capaian jumlah pelaku usaha mikro yang memperoleh NIB jauh melampaui target karena layanan jemput bola; target pada Perjanjian Kinerja Tahun 2027 akan disesuaikan.',
  realisasi_anggaran:
    'Sisa anggaran terutama berasal dari efisiensi belanja kegiatan rapat koordinasi dan belanja cetak yang dialihkan ke media daring.',
  penutup: [
    'Laporan Kinerja Instansi Pemerintah Kecamatan Karawaci Tahun 2026 menunjukkan bahwa sebagian besar sasaran strategis telah tercapai. Kekurangan pada sasaran akuntabilitas kinerja menjadi bahan perbaikan pada perencanaan dan pelaksanaan kegiatan tahun berikutnya.',
    'Kecamatan Karawaci berkomitmen untuk terus meningkatkan kualitas pelayanan publik, akuntabilitas kinerja, serta ketenteraman dan ketertiban umum demi terwujudnya tata kelola pemerintahan yang baik di Kota Tangerang.',
  ].join('\n\n'),
};

const PK_KEY = `masuk/karawaci/${TAHUN}/PK/perjanjian-kinerja.xlsx`;

/**
 * An annual report from indicator specs: the PK, each indicator's annual figure by its sifat, the four quarters'
 * capaian to date against the Rencana Aksi, then computeIndicators and summarize as the assembly runs them.
 */
export function buildAnnualReport(
  specs: readonly SampleIndicator[],
  narasi: Narasi,
  rules: CapaianRules = DEFAULT_CAPAIAN_RULES,
): AssembledReport {
  const org = organization();
  const staff = people();
  const pkIndicators: PkIndicator[] = specs.map((s, i) => ({
    row: i + 2,
    kode: s.kode,
    sasaran: s.sasaran,
    indikator: s.indikator,
    ...(s.definisiOperasional ? { definisiOperasional: s.definisiOperasional } : {}),
    ...(s.formula ? { formula: s.formula } : {}),
    satuan: s.satuan,
    polaritas: s.polaritas,
    sifat: s.sifat,
    targetTahunan: s.targetTahunan,
    targetTriwulan: s.targetTriwulan,
    ...(s.targetRenstra !== undefined ? { targetRenstra: s.targetRenstra } : {}),
    ...(s.targetRenstraAkhir !== undefined ? { targetRenstraAkhir: s.targetRenstraAkhir } : {}),
    ...(s.standarNasional !== undefined ? { standarNasional: s.standarNasional } : {}),
    program: s.program,
    kegiatan: s.kegiatan,
    pagu: s.pagu,
  }));
  const pk: PerjanjianKinerja = {
    unit: org.unitCode,
    tahun: TAHUN,
    source: { key: PK_KEY, versionId: 'pk-v1' },
    receivedAt: `${TAHUN}-01-30T02:00:00.000Z`,
    indicators: pkIndicators,
  };
  const rows: IndicatorRow[] = specs.map((s, i) => {
    const realisasi = figureToDate(s.sifat, s.quarters) as number;
    return {
      row: i + 2,
      tahun: TAHUN,
      periode: 'TAHUNAN',
      kode: s.kode,
      sasaran: s.sasaran,
      indikator: s.indikator,
      satuan: s.satuan,
      polaritas: s.polaritas,
      sifat: s.sifat,
      target: s.targetTahunan,
      realisasi,
      ...(realisasi !== s.quarters[3] ? { realisasiPeriode: s.quarters[3] } : {}),
      quartersToDate: [...Q],
      ...(s.realisasiTahunLalu !== undefined ? { realisasiTahunLalu: s.realisasiTahunLalu } : {}),
      ...(s.targetRenstra !== undefined ? { targetRenstra: s.targetRenstra } : {}),
      ...(s.targetRenstraAkhir !== undefined ? { targetRenstraAkhir: s.targetRenstraAkhir } : {}),
      ...(s.standarNasional !== undefined ? { standarNasional: s.standarNasional } : {}),
      targetTahunan: s.targetTahunan,
      program: s.program,
      pagu: s.pagu,
      realisasiAnggaran: s.realisasiAnggaran,
      ...(s.faktorPendorong ? { faktorPendorong: s.faktorPendorong } : {}),
      ...(s.faktorPenghambat ? { faktorPenghambat: s.faktorPenghambat } : {}),
      ...(s.tindakLanjut ? { tindakLanjut: s.tindakLanjut } : {}),
    };
  });
  const quarterly: QuarterFigures[] = Q.map((periode, q) => ({
    periode,
    revision: 1,
    indicators: specs.map((s) => {
      const target = s.targetTriwulan[q] as number;
      const realisasi = figureToDate(s.sifat, s.quarters.slice(0, q + 1)) as number;
      return { kode: s.kode, target, realisasi, capaian: computeCapaian(s.polaritas, target, realisasi, rules) };
    }),
  }));
  const indicators = computeIndicators(rows, DEFAULT_RATING_SCALE, rules);
  const roles: Role[] = ['CAMAT', 'SEKRETARIS_CAMAT', 'KASI', 'TIMSAKIP'];
  const generatedAt = `${TAHUN + 1}-01-20T03:00:00.000Z`;
  const team = staff.TIMSAKIP;
  return {
    organization: org,
    tahun: TAHUN,
    periode: 'TAHUNAN',
    revision: 1,
    generatedAt,
    source: { key: `masuk/karawaci/${TAHUN}/TAHUNAN/data.xlsx`, versionId: 'tahunan-v1' },
    indicators,
    summary: summarize(indicators, DEFAULT_RATING_SCALE, rules),
    ratingScale: DEFAULT_RATING_SCALE,
    rules,
    pk,
    narasi,
    quarterly,
    officials: roles.map((role) => ({ role, title: staff[role].title, name: staff[role].name, nip: staff[role].nip })),
    preparedBy: { role: 'TIMSAKIP', title: team.title, name: team.name, nip: team.nip, at: generatedAt },
    kind: 'KECAMATAN',
    roleTitles: DEFAULT_ROLE_TITLES.KECAMATAN,
  };
}

/** The sample: Kecamatan Karawaci's LKjIP data for 2026. */
export function lkjipSample(rules: CapaianRules = DEFAULT_CAPAIAN_RULES): AssembledReport {
  return buildAnnualReport(KARAWACI_INDICATORS, KARAWACI_NARASI, rules);
}

/**
 * A large annual report for the bench: `indicators` indicators over `sasaran` sasaran, the sample's nine
 * indicators repeated with unique codes and numbered sasaran, the sample's Narasi.
 */
export function largeLkjipSample(indicators: number, sasaran: number): AssembledReport {
  const width = String(indicators).length;
  const perSasaran = Math.ceil(indicators / sasaran);
  const specs = Array.from({ length: indicators }, (_, i) => {
    const base = KARAWACI_INDICATORS[i % KARAWACI_INDICATORS.length] as SampleIndicator;
    const goal = Math.floor(i / perSasaran);
    return {
      ...base,
      kode: `IK-${String(i + 1).padStart(width, '0')}`,
      sasaran: `Sasaran strategis ${goal + 1}: ${[S1, S2, S3][goal % 3]}`,
    };
  });
  return buildAnnualReport(specs, KARAWACI_NARASI);
}

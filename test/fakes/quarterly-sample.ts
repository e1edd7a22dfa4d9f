import {
  type CapaianRules,
  DEFAULT_CAPAIAN_RULES,
  figureToDate,
  type Sifat,
} from '../../functions/core/capaian-rules.ts';
import type { AssembledReport, IndicatorRow } from '../../functions/core/performance-data.ts';
import { computeIndicators } from '../../functions/documents/capaian.ts';
import { summarize } from '../../functions/documents/report-summary.ts';

/**
 * A TW II report of seven indicators in three sasaran — every sifat, both polaritas, a turun indicator with
 * target 0, a quarter without documented figures, one indicator far above target — its figures to date taken
 * by sifat from the quarters (figureToDate) and its capaian computed by computeIndicators/summarize.
 */
interface Quarterly {
  kode: string;
  sasaran: string;
  indikator: string;
  satuan: string;
  polaritas: 'naik' | 'turun';
  sifat: Sifat;
  /** The Rencana Aksi target to date of TW II. */
  target: number;
  /** TW I and TW II; null where a quarter has no documented figure. */
  quarters: [number | null, number];
  extra?: Partial<IndicatorRow>;
}

const S1 = 'Meningkatnya kualitas pelayanan publik kecamatan';
const S2 = 'Terwujudnya ketenteraman dan ketertiban umum';
const S3 = 'Meningkatnya pemberdayaan masyarakat kelurahan';

export const QUARTERLY_INDICATORS: Quarterly[] = [
  {
    kode: 'IK-01',
    sasaran: S1,
    indikator: 'Jumlah dokumen kependudukan yang diterbitkan',
    satuan: 'dokumen',
    polaritas: 'naik',
    sifat: 'kumulatif',
    target: 2400,
    quarters: [1200, 1350],
    extra: { pagu: 120_000_000, realisasiAnggaran: 55_000_000, realisasiTahunLalu: 4620, targetRenstra: 4800 },
  },
  {
    kode: 'IK-02',
    sasaran: S1,
    indikator: 'Indeks Kepuasan Masyarakat terhadap pelayanan kecamatan',
    satuan: 'indeks',
    polaritas: 'naik',
    sifat: 'rata-rata',
    target: 82,
    quarters: [82, 84],
    extra: { pagu: 40_000_000, realisasiAnggaran: 12_000_000, targetRenstra: 82, targetRenstraAkhir: 85 },
  },
  {
    kode: 'IK-03',
    sasaran: S2,
    indikator: 'Jumlah kasus gangguan ketertiban umum',
    satuan: 'kasus',
    polaritas: 'turun',
    sifat: 'kumulatif',
    target: 10,
    quarters: [null, 9],
    extra: {
      realisasiTahunLalu: 44,
      targetRenstra: 30,
      targetRenstraAkhir: 20,
      pagu: 90_000_000,
      realisasiAnggaran: 30_000_000,
    },
  },
  {
    kode: 'IK-04',
    sasaran: S2,
    indikator: 'Jumlah lokasi rawan banjir yang belum tertangani',
    satuan: 'lokasi',
    polaritas: 'turun',
    sifat: 'non-kumulatif',
    target: 0,
    quarters: [2, 0],
  },
  {
    kode: 'IK-05',
    sasaran: S2,
    indikator: 'Persentase anggota linmas yang terlatih',
    satuan: '%',
    polaritas: 'naik',
    sifat: 'non-kumulatif',
    target: 60,
    quarters: [40, 55],
  },
  {
    kode: 'IK-06',
    sasaran: S3,
    indikator: 'Jumlah kegiatan pemberdayaan masyarakat yang terlaksana',
    satuan: 'kegiatan',
    polaritas: 'naik',
    sifat: 'kumulatif',
    target: 10,
    quarters: [3, 1],
    extra: {
      pagu: 200_000_000,
      realisasiAnggaran: 110_000_000,
      faktorPenghambat: 'Jadwal kegiatan bergeser karena cuaca.',
      tindakLanjut: 'Kegiatan dipadatkan pada TW III.',
    },
  },
  {
    kode: 'IK-07',
    sasaran: S3,
    indikator: 'Jumlah UMKM yang difasilitasi perizinannya',
    satuan: 'unit',
    polaritas: 'naik',
    sifat: 'kumulatif',
    target: 10,
    quarters: [10, 30],
  },
];

export function quarterlyRows(list: Quarterly[] = QUARTERLY_INDICATORS): IndicatorRow[] {
  return list.map((q, i) => {
    const documented = q.quarters.flatMap((v, j) => (v === null ? [] : [{ v, tw: `TW${j + 1}` }]));
    const realisasi = figureToDate(
      q.sifat,
      documented.map((d) => d.v),
    ) as number;
    const own = q.quarters[1];
    const missing = q.quarters.flatMap((v, j) => (v === null ? [`TW${j + 1}`] : []));
    return {
      row: i + 2,
      tahun: 2026,
      periode: 'TW2',
      kode: q.kode,
      sasaran: q.sasaran,
      indikator: q.indikator,
      satuan: q.satuan,
      polaritas: q.polaritas,
      sifat: q.sifat,
      target: q.target,
      realisasi,
      ...(realisasi !== own ? { realisasiPeriode: own } : {}),
      quartersToDate: documented.map((d) => d.tw),
      ...(missing.length > 0 ? { quartersMissing: missing } : {}),
      tindakLanjut: 'Pendampingan operator kelurahan.',
      ...q.extra,
    };
  });
}

export function quarterlyReport(rules: CapaianRules = DEFAULT_CAPAIAN_RULES): AssembledReport {
  const indicators = computeIndicators(quarterlyRows(), undefined, rules);
  return {
    organization: {
      name: 'Kecamatan Karawaci',
      parent: 'Pemerintah Kota Tangerang',
      unitCode: 'karawaci',
      address: 'Jl. Contoh Fiktif No. 1',
    },
    tahun: 2026,
    periode: 'TW2',
    revision: 1,
    generatedAt: '2026-07-08T02:15:00.000Z',
    source: { key: 'masuk/karawaci/2026/TW2/data.csv', versionId: 'v-1' },
    indicators,
    summary: summarize(indicators, undefined, rules),
    rules,
  };
}

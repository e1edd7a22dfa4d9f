import type { Period } from './report.ts';

/** One row of uploaded performance data: one indicator in one period. */
export interface IndicatorRow {
  /** Row number in the uploaded sheet (the header is row 1). */
  row: number;
  tahun: number;
  periode: Period;
  kode: string;
  sasaran: string;
  indikator: string;
  satuan: string;
  polaritas: 'naik' | 'turun';
  target: number;
  realisasi: number;
  realisasiTahunLalu?: number;
  targetRenstra?: number;
  pagu?: number;
  realisasiAnggaran?: number;
  faktorPendorong?: string;
  faktorPenghambat?: string;
  tindakLanjut?: string;
  keterangan?: string;
}

export type Kategori = 'Sangat Tinggi' | 'Tinggi' | 'Sedang' | 'Rendah' | 'Sangat Rendah';

export interface ComputedIndicator extends IndicatorRow {
  /** Capaian in percent, or null when it cannot be computed (target 0). */
  capaian: number | null;
  kategori: Kategori | null;
  /** Realisasi anggaran as a percent of pagu, when both are given. */
  serapanAnggaran: number | null;
}

/** One problem in an upload, reported to the uploader with its place and reason. */
export interface DataProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ReportSummary {
  indicatorCount: number;
  averageCapaian: number | null;
  byKategori: Record<Kategori, number>;
  belowTarget: number;
  totalPagu: number | null;
  totalRealisasiAnggaran: number | null;
}

/** The assembled report, everything the PDF and XLSX renderers need. */
export interface AssembledReport {
  organization: { name: string; parent: string; unitCode: string; address: string };
  tahun: number;
  periode: Period;
  revision: number;
  generatedAt: string;
  source: { key: string; versionId: string };
  indicators: ComputedIndicator[];
  summary: ReportSummary;
}

/** A decision entry of the disposition sheet (lembar disposisi): paraf or tanda tangan. */
export interface DispositionEntry {
  no: number;
  step: string;
  role: string;
  title: string;
  name: string;
  nip: string;
  decision: string;
  note: string;
  at: string;
  mark: 'paraf' | 'tanda tangan';
  document: { key: string; versionId: string; sha256?: string };
}

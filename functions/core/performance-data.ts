import type { CapaianRules, Sifat } from './capaian-rules.ts';
import type { Role, UnitKind } from './config.ts';
import type { Narasi } from './narasi.ts';
import type { PerjanjianKinerja } from './perjanjian-kinerja.ts';
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
  /**
   * How the figures add up over the year. Absent in the full-row format without a sifat column: then target and
   * realisasi are the period's own, as written.
   */
  sifat?: Sifat;
  /** The target capaian is computed against: the Rencana Aksi target to date of a quarter, or the annual target. */
  target: number;
  /** The realisasi capaian is computed from: to date by sifat when the indicator has one. */
  realisasi: number;
  /** The period's own realisasi as uploaded, when `realisasi` is a figure to date that differs from it. */
  realisasiPeriode?: number;
  /** The quarters `realisasi` was taken from (`TW1`…`TW4`), when it is a figure to date. */
  quartersToDate?: string[];
  /** Quarters to date that had no documented figure: the figure to date is without them, and the PDF says so. */
  quartersMissing?: string[];
  realisasiTahunLalu?: number;
  /** The Renstra target of this report's year. */
  targetRenstra?: number;
  /** The Renstra target at its end (the last year of the Renstra). */
  targetRenstraAkhir?: number;
  /** A national standard (SPM or a ministry's), where one is given. */
  standarNasional?: number;
  /** The annual PK target, when `target` is a quarter's target to date. */
  targetTahunan?: number;
  program?: string;
  pagu?: number;
  realisasiAnggaran?: number;
  faktorPendorong?: string;
  faktorPenghambat?: string;
  tindakLanjut?: string;
  keterangan?: string;
}

/**
 * A rating name from the configured rating scale (`ratingScale` in cdk.json). The default scale uses the five
 * names below; a unit may configure its own, so the type stays a string.
 */
export type Kategori = string;

/** How capaian becomes a kategori: the same shape as `ratingScale` in the configuration. */
export interface RatingScale {
  /** Checked from the highest `above` down; `above` is exclusive. */
  bands: readonly { above: number; kategori: Kategori }[];
  otherwise: Kategori;
}

export interface ComputedIndicator extends IndicatorRow {
  /** Capaian in percent, uncapped, or null when it cannot be computed (target 0 without a rule for it). */
  capaian: number | null;
  /** Set when a rule rather than the ratio gave the capaian: target 0 (turun), or realisasi 0 under T/R. */
  capaianBy?: 'TARGET_NOL' | 'REALISASI_NOL';
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

/** Capaian of one sasaran strategis (the unit of LKjIP Bab III), with its use of the budget. */
export interface SasaranCapaian {
  sasaran: string;
  indicatorCount: number;
  /** The mean of its indicators' capaian, each capped at the rules' cap; null when none has a capaian. */
  capaian: number | null;
  kategori: Kategori | null;
  pagu: number | null;
  realisasiAnggaran: number | null;
  /** Realisasi anggaran as a percent of pagu. */
  serapan: number | null;
  /**
   * Capaian over serapan (both in percent): 1 or more means the sasaran achieved at least the share of its budget
   * it spent (efisien). Null without a capaian or a serapan above 0.
   */
  efisiensi: number | null;
}

export interface ReportSummary {
  indicatorCount: number;
  /** The mean capaian of the indicators, each capped at the rules' cap (uncapped values are never averaged). */
  averageCapaian: number | null;
  /** Per sasaran, in the order the sasaran first appear; absent in data assembled before it was computed. */
  sasaran?: SasaranCapaian[];
  /** Count per kategori, in the order of the rating scale (highest first). */
  byKategori: Record<Kategori, number>;
  belowTarget: number;
  totalPagu: number | null;
  totalRealisasiAnggaran: number | null;
}

/**
 * Who compiled the report (SOP step 2, TIMSAKIP). The system assembles it from the uploaded data on TIMSAKIP's
 * behalf; no person initialled it, which the PDF says in so many words.
 */
export interface PreparedBy {
  role: string;
  title: string;
  name: string;
  nip: string;
  /** The assembly time. */
  at: string;
  /** Who uploaded the data, when known. */
  uploaderEmail?: string;
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
  /** The scale the kategori were rated on; absent in data assembled before it was recorded (default scale). */
  ratingScale?: RatingScale;
  /** The rules capaian was computed by; absent in data assembled before they were configurable (the defaults of
   *  that time: (2T-R)/T, target 0 without capaian, no cap). */
  rules?: CapaianRules;
  /** The unit's Perjanjian Kinerja the data was checked against, when there was one. */
  pk?: PerjanjianKinerja;
  /** The narrative of an annual report (LKjIP), from the upload's Narasi sheet. */
  narasi?: Narasi;
  /** An annual report's quarters as documented (the LKjIP's Lampiran): each quarter's capaian to date. */
  quarterly?: QuarterFigures[];
  /** The unit's officials from the directory at assembly (the LKjIP's Bab I profile). */
  officials?: { role: Role; title: string; name: string; nip: string }[];
  preparedBy?: PreparedBy;
  /** The unit's kind and role titles (the signature line reads "KEPALA DINAS …" or "CAMAT …"); absent in data
   *  assembled before units had titles, which renders with the kecamatan's. */
  kind?: UnitKind;
  roleTitles?: Record<Role, string>;
}

/** One quarter's documented figures of an annual report's indicators (the LKjIP's Lampiran). */
export interface QuarterFigures {
  periode: Period;
  /** The quarterly report's revision the figures are from (its last valid assembly). */
  revision: number;
  indicators: { kode: string; target: number; realisasi: number; capaian: number | null }[];
}

/** A decision entry of the disposition sheet (lembar disposisi): paraf or tanda tangan. */
export interface DispositionEntry {
  no: number;
  /** The step as the trail records it ('paraf', 'verify', 'ratify', …): the disposition sheet's level. */
  stepKey: string;
  /** The step's label in the document's language. */
  step: string;
  /** The revision decided: the sheet's paraf rows take the decisions of the archived revision. */
  revision: number;
  approved: boolean;
  role: string;
  title: string;
  name: string;
  nip: string;
  /** The decision in words ("Disetujui"). */
  decision: string;
  /** The official's note: the reason of a send-back, or the arahan given with an approval. */
  note: string;
  at: string;
  mark: 'paraf' | 'tanda tangan';
  document: { key: string; versionId: string; sha256?: string };
}

/** The indicator fields a revision diff compares, in the order a reader expects them. */
export const DIFF_FIELDS = [
  'sasaran',
  'indikator',
  'satuan',
  'polaritas',
  'target',
  'realisasi',
  'capaian',
  'kategori',
  'realisasiTahunLalu',
  'targetRenstra',
  'pagu',
  'realisasiAnggaran',
  'faktorPendorong',
  'faktorPenghambat',
  'tindakLanjut',
  'keterangan',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];
export type DiffValue = string | number | null;

/** What changed for one indicator between two revisions. */
export interface IndicatorChange {
  kode: string;
  indikator: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: each field that differs. Empty for added and removed indicators. */
  fields: { field: DiffField; before: DiffValue; after: DiffValue }[];
}

/** Revision diff: the data of one revision against the previous one, stored as JSON under laporan/. */
export interface RevisionDiff {
  fromRevision: number;
  toRevision: number;
  from: { source: { key: string; versionId: string }; generatedAt: string };
  to: { source: { key: string; versionId: string }; generatedAt: string };
  counts: { added: number; removed: number; changed: number; unchanged: number };
  indicators: IndicatorChange[];
  /** The send-back that asked for this revision, when there was one (an invalid upload is not one). */
  request?: SendBack;
}

export interface SendBack {
  by: string;
  role: string;
  note: string;
  at: string;
}

/** One line of a compact diff: a changed field, or a whole indicator added or removed. */
export interface DiffLine {
  kode: string;
  change: IndicatorChange['change'];
  /** Null for an added or removed indicator. */
  field: DiffField | null;
  /** Texts are shortened; numbers are as stored. */
  before: DiffValue;
  after: DiffValue;
}

/** What the decision mail and page show of a revision diff; the whole diff is the JSON document. */
export interface DiffSummary {
  fromRevision: number;
  toRevision: number;
  counts: RevisionDiff['counts'];
  lines: DiffLine[];
  /** Lines not shown here (they are in the JSON). */
  more: number;
  request?: SendBack;
}

import type { Sifat } from '../../core/capaian-rules.ts';
import type { IndicatorRow } from '../../core/performance-data.ts';
import type { Period } from '../../core/report.ts';

export type FieldKey =
  | 'tahun'
  | 'periode'
  | 'kode_indikator'
  | 'sasaran_strategis'
  | 'indikator'
  | 'satuan'
  | 'polaritas'
  | 'target'
  | 'realisasi'
  | 'realisasi_tahun_lalu'
  | 'target_renstra'
  | 'pagu'
  | 'realisasi_anggaran'
  | 'faktor_pendorong'
  | 'faktor_penghambat'
  | 'tindak_lanjut'
  | 'keterangan'
  | 'sifat'
  | 'target_renstra_akhir'
  | 'standar_nasional';

/** How a column's cells are read and checked (see cells.ts). */
export type ColumnKind = 'year' | 'period' | 'text' | 'polarity' | 'sifat' | 'number';

/** The IndicatorRow properties a column fills (everything but the row number). */
export type RowField = Exclude<keyof IndicatorRow, 'row'>;

/** One column of an upload format: its key and names, whether it is required, how it is read, where it goes. */
export interface ColumnSpec<K extends string = FieldKey, F extends string = RowField> {
  key: K;
  en: string;
  required: boolean;
  aliases: string[];
  kind: ColumnKind;
  field: F;
}

/**
 * The columns the data format and the PK sheet share (same key, names, kind and property): one definition, so
 * a header the one accepts the other accepts too. `sifat` is optional in data and required in the PK.
 */
type SharedKey = Extract<FieldKey, import('./pk-columns.ts').PkFieldKey>;
type SharedField = Extract<RowField, import('./pk-columns.ts').PkField>;
type SharedSpec = ColumnSpec<SharedKey, SharedField>;
export const SHARED_COLUMNS = {
  tahun: { key: 'tahun', en: 'year', required: true, aliases: [], kind: 'year', field: 'tahun' },
  kode_indikator: {
    key: 'kode_indikator',
    en: 'indicator_code',
    required: true,
    aliases: ['kode', 'code'],
    kind: 'text',
    field: 'kode',
  },
  sasaran_strategis: {
    key: 'sasaran_strategis',
    en: 'strategic_goal',
    required: true,
    aliases: ['sasaran', 'strategic_objective'],
    kind: 'text',
    field: 'sasaran',
  },
  indikator: {
    key: 'indikator',
    en: 'indicator',
    required: true,
    aliases: ['indikator_kinerja', 'performance_indicator'],
    kind: 'text',
    field: 'indikator',
  },
  satuan: { key: 'satuan', en: 'unit', required: true, aliases: [], kind: 'text', field: 'satuan' },
  polaritas: { key: 'polaritas', en: 'polarity', required: true, aliases: [], kind: 'polarity', field: 'polaritas' },
  sifat: {
    key: 'sifat',
    en: 'aggregation',
    required: false,
    aliases: ['sifat_indikator'],
    kind: 'sifat',
    field: 'sifat',
  },
  target_renstra: {
    key: 'target_renstra',
    en: 'strategic_plan_target',
    required: false,
    aliases: [],
    kind: 'number',
    field: 'targetRenstra',
  },
  target_renstra_akhir: {
    key: 'target_renstra_akhir',
    en: 'strategic_plan_end_target',
    required: false,
    aliases: [],
    kind: 'number',
    field: 'targetRenstraAkhir',
  },
  standar_nasional: {
    key: 'standar_nasional',
    en: 'national_standard',
    required: false,
    aliases: ['spm'],
    kind: 'number',
    field: 'standarNasional',
  },
  pagu: { key: 'pagu', en: 'budget', required: false, aliases: ['pagu_anggaran'], kind: 'number', field: 'pagu' },
} as const satisfies Record<SharedKey, SharedSpec>;
const S = SHARED_COLUMNS as Record<SharedKey, SharedSpec>;

/**
 * The columns of the data format, in template order: the one specification behind the template, the header
 * match and the validation of every cell (kind, required, and where the value goes). Problems of a row come in
 * this order.
 */
export const COLUMNS: readonly ColumnSpec[] = [
  S.tahun,
  { key: 'periode', en: 'period', required: true, aliases: [], kind: 'period', field: 'periode' },
  S.kode_indikator,
  S.sasaran_strategis,
  S.indikator,
  S.satuan,
  S.polaritas,
  { key: 'target', en: 'target', required: true, aliases: [], kind: 'number', field: 'target' },
  { key: 'realisasi', en: 'actual', required: true, aliases: [], kind: 'number', field: 'realisasi' },
  {
    key: 'realisasi_tahun_lalu',
    en: 'last_year_actual',
    required: false,
    aliases: [],
    kind: 'number',
    field: 'realisasiTahunLalu',
  },
  S.target_renstra,
  S.pagu,
  {
    key: 'realisasi_anggaran',
    en: 'budget_spent',
    required: false,
    aliases: [],
    kind: 'number',
    field: 'realisasiAnggaran',
  },
  {
    key: 'faktor_pendorong',
    en: 'supporting_factors',
    required: false,
    aliases: ['driving_factors'],
    kind: 'text',
    field: 'faktorPendorong',
  },
  {
    key: 'faktor_penghambat',
    en: 'inhibiting_factors',
    required: false,
    aliases: ['obstacles'],
    kind: 'text',
    field: 'faktorPenghambat',
  },
  {
    key: 'tindak_lanjut',
    en: 'follow_up',
    required: false,
    aliases: ['follow_up_actions'],
    kind: 'text',
    field: 'tindakLanjut',
  },
  { key: 'keterangan', en: 'notes', required: false, aliases: ['remarks'], kind: 'text', field: 'keterangan' },
  // Added with the Perjanjian Kinerja: last, so the columns of templates filled before keep their places.
  S.sifat,
  S.target_renstra_akhir,
  S.standar_nasional,
];

export const NUMERIC_FIELDS: readonly FieldKey[] = COLUMNS.filter((c) => c.kind === 'number').map((c) => c.key);

/** Any accepted header spelling (normalised) → its column, for a column specification. */
export function headerLookup<K extends string>(columns: readonly ColumnSpec<K, string>[]): ReadonlyMap<string, K> {
  return new Map(
    columns.flatMap((c) => [c.key, c.en, ...c.aliases].map((name) => [normalizeHeader(name), c.key] as const)),
  );
}

/** Any accepted header spelling (normalised) → its column. */
export const HEADER_LOOKUP: ReadonlyMap<string, FieldKey> = headerLookup(COLUMNS);

/** Case, spacing, punctuation and text in parentheses do not matter: `Pagu Anggaran (Rp)` = `pagu_anggaran`. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const PERIOD_LOOKUP: Record<string, Period> = {
  TW1: 'TW1',
  TW2: 'TW2',
  TW3: 'TW3',
  TW4: 'TW4',
  TWI: 'TW1',
  TWII: 'TW2',
  TWIII: 'TW3',
  TWIV: 'TW4',
  TRIWULAN1: 'TW1',
  TRIWULAN2: 'TW2',
  TRIWULAN3: 'TW3',
  TRIWULAN4: 'TW4',
  TRIWULANI: 'TW1',
  TRIWULANII: 'TW2',
  TRIWULANIII: 'TW3',
  TRIWULANIV: 'TW4',
  Q1: 'TW1',
  Q2: 'TW2',
  Q3: 'TW3',
  Q4: 'TW4',
  TAHUNAN: 'TAHUNAN',
  ANNUAL: 'TAHUNAN',
};

const POLARITY_LOOKUP: Record<string, IndicatorRow['polaritas']> = {
  naik: 'naik',
  turun: 'turun',
  up: 'naik',
  down: 'turun',
};

export function periodOf(text: string): Period | undefined {
  return lookup(PERIOD_LOOKUP, text.toUpperCase().replace(/[\s_.-]/g, ''));
}

export function polarityOf(text: string): IndicatorRow['polaritas'] | undefined {
  return lookup(POLARITY_LOOKUP, text.toLowerCase());
}

/** The spellings of a sifat a PK or data sheet uses, normalised (case, spaces and dashes do not matter). */
const SIFAT_LOOKUP: Record<string, Sifat> = {
  kumulatif: 'kumulatif',
  cumulative: 'kumulatif',
  nonkumulatif: 'non-kumulatif',
  noncumulative: 'non-kumulatif',
  posisiakhir: 'non-kumulatif',
  nonkumulatifposisiakhir: 'non-kumulatif',
  endposition: 'non-kumulatif',
  ratarata: 'rata-rata',
  rata2: 'rata-rata',
  average: 'rata-rata',
  mean: 'rata-rata',
};

export function sifatOf(text: string): Sifat | undefined {
  return lookup(
    SIFAT_LOOKUP,
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ''),
  );
}

/** Own keys only: "constructor" typed as a polaritas must not find Object's constructor. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

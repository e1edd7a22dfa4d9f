import { type ColumnSpec, headerLookup, SHARED_COLUMNS as S } from './columns.ts';

/** The columns of the Perjanjian Kinerja (PK + Rencana Aksi) sheet. */
export type PkFieldKey =
  | 'tahun'
  | 'kode_indikator'
  | 'sasaran_strategis'
  | 'indikator'
  | 'definisi_operasional'
  | 'formula'
  | 'satuan'
  | 'polaritas'
  | 'sifat'
  | 'target_tahunan'
  | 'target_tw1'
  | 'target_tw2'
  | 'target_tw3'
  | 'target_tw4'
  | 'target_renstra'
  | 'target_renstra_akhir'
  | 'standar_nasional'
  | 'program'
  | 'kegiatan'
  | 'pagu';

/** Where a PK cell goes: a PkIndicator property, or one of the four Rencana Aksi targets. */
export type PkField =
  | 'tahun'
  | 'kode'
  | 'sasaran'
  | 'indikator'
  | 'definisiOperasional'
  | 'formula'
  | 'satuan'
  | 'polaritas'
  | 'sifat'
  | 'targetTahunan'
  | 'tw1'
  | 'tw2'
  | 'tw3'
  | 'tw4'
  | 'targetRenstra'
  | 'targetRenstraAkhir'
  | 'standarNasional'
  | 'program'
  | 'kegiatan'
  | 'pagu';

export type PkColumnSpec = ColumnSpec<PkFieldKey, PkField>;

const tw = (n: 1 | 2 | 3 | 4): PkColumnSpec => ({
  key: `target_tw${n}`,
  en: `target_q${n}`,
  required: true,
  aliases: [
    `target_triwulan_${n}`,
    `target_sd_tw${n}`,
    `target_s_d_tw${n}`,
    `target_${['i', 'ii', 'iii', 'iv'][n - 1]}`,
    `target_tw_${n}`,
    `tw${n}`,
  ],
  kind: 'number',
  field: `tw${n}`,
});

/**
 * The PK sheet in template order: the one specification behind the template's PK sheet, the header match and the
 * check of every cell. The Rencana Aksi targets are each the target to date (s.d. triwulan).
 */
export const PK_COLUMNS: readonly PkColumnSpec[] = [
  S.kode_indikator,
  S.sasaran_strategis,
  S.indikator,
  {
    key: 'definisi_operasional',
    en: 'operational_definition',
    required: false,
    aliases: ['definisi'],
    kind: 'text',
    field: 'definisiOperasional',
  },
  {
    key: 'formula',
    en: 'formula_data_source',
    required: false,
    aliases: ['formula_sumber_data', 'rumus', 'sumber_data', 'data_source'],
    kind: 'text',
    field: 'formula',
  },
  S.satuan,
  S.polaritas,
  { ...S.sifat, required: true },
  {
    key: 'target_tahunan',
    en: 'annual_target',
    required: true,
    aliases: ['target_pk', 'target'],
    kind: 'number',
    field: 'targetTahunan',
  },
  tw(1),
  tw(2),
  tw(3),
  tw(4),
  S.target_renstra,
  S.target_renstra_akhir,
  S.standar_nasional,
  { key: 'program', en: 'program', required: false, aliases: [], kind: 'text', field: 'program' },
  { key: 'kegiatan', en: 'activity', required: false, aliases: [], kind: 'text', field: 'kegiatan' },
  S.pagu,
  { ...S.tahun, required: false },
];

export const PK_HEADER_LOOKUP: ReadonlyMap<string, PkFieldKey> = headerLookup(PK_COLUMNS);

export const PK_NUMERIC_FIELDS: readonly PkFieldKey[] = PK_COLUMNS.filter((c) => c.kind === 'number').map((c) => c.key);

import { figureToDate } from '../../core/capaian-rules.ts';
import type { IndicatorRow } from '../../core/performance-data.ts';
import {
  type PerjanjianKinerja,
  type PkIndicator,
  pkTargetFor,
  quartersToDate,
} from '../../core/perjanjian-kinerja.ts';
import type { Period } from '../../core/report.ts';
import { sameText } from './cells.ts';
import type { FieldKey } from './columns.ts';
import type { DataContext } from './validate.ts';

/*
 * A data upload joined with the unit's Perjanjian Kinerja: each row takes what the PK fixes, its realisasi becomes
 * the figure to date by sifat, and the values it writes itself are compared with the PK. validate.ts calls this
 * for every row of an upload checked against a PK.
 */

/** The PK a data upload is joined with, and what the join has found so far. */
export interface PkJoin {
  pk: PerjanjianKinerja;
  /** Kode upper-case → its PK indicator. */
  byKode: ReadonlyMap<string, PkIndicator>;
  earlier: DataContext['earlier'];
  /** Kode upper-case of every PK indicator the upload has a row for. */
  seen: Set<string>;
  /** The missing quarters ("TW1, TW2") → the kode of every indicator without them: one warning per group. */
  missingQuarters: Map<string, string[]>;
}

/**
 * An uploaded row joined with its PK indicator: what the PK fixes (sasaran, indikator, satuan, polaritas, sifat,
 * the targets, program and pagu) comes from the PK; the realisasi of a quarter after TW1 becomes the figure to
 * date by sifat, from the documented figures of the quarters before it and the uploaded one. A quarter without a
 * documented figure is left out of it and named in one warning per group of indicators.
 */
export function joinPk(
  pk: PkIndicator,
  v: Partial<IndicatorRow>,
  at: { tahun: number; periode: Period },
  join: PkJoin,
): Partial<IndicatorRow> {
  const uploaded = v.realisasi as number;
  const joined: Partial<IndicatorRow> = {
    ...v,
    tahun: at.tahun,
    periode: at.periode,
    kode: pk.kode,
    sasaran: pk.sasaran,
    indikator: pk.indikator,
    satuan: pk.satuan,
    polaritas: pk.polaritas,
    sifat: pk.sifat,
    target: pkTargetFor(pk, at.periode),
    targetTahunan: pk.targetTahunan,
    targetRenstra: pk.targetRenstra ?? v.targetRenstra,
    targetRenstraAkhir: pk.targetRenstraAkhir ?? v.targetRenstraAkhir,
    standarNasional: pk.standarNasional ?? v.standarNasional,
    program: pk.program ?? v.program,
    pagu: pk.pagu ?? v.pagu,
    realisasi: uploaded,
  };
  const quarters = quartersToDate(at.periode);
  // The annual figure is the uploaded one; a non-kumulatif figure to date is the quarter's own position, so no
  // earlier quarter is part of it (nor missing from it).
  if (at.periode === 'TAHUNAN' || quarters.length < 2) return dropUndefined(joined);
  if (pk.sifat === 'non-kumulatif') {
    joined.realisasiPeriode = uploaded;
    joined.quartersToDate = [at.periode];
    return dropUndefined(joined);
  }
  const documented = join.earlier?.get(pk.kode.toUpperCase()) ?? [];
  const figures: number[] = [];
  const taken: string[] = [];
  const missing: string[] = [];
  for (const q of quarters.slice(0, -1)) {
    const figure = documented.find((f) => f.periode === q);
    if (figure) {
      figures.push(figure.realisasi);
      taken.push(q);
    } else missing.push(q);
  }
  joined.realisasiPeriode = uploaded;
  joined.realisasi = figureToDate(pk.sifat, [...figures, uploaded]) ?? uploaded;
  joined.quartersToDate = [...taken, at.periode];
  if (missing.length > 0) {
    joined.quartersMissing = missing;
    const group = missing.join(', ');
    join.missingQuarters.set(group, [...(join.missingQuarters.get(group) ?? []), pk.kode]);
  }
  return dropUndefined(joined);
}

/** The uploaded values that differ from the PK: each names its column and the PK's value. */
export function pkDifferences(
  v: Partial<IndicatorRow>,
  joined: Partial<IndicatorRow>,
): { key: FieldKey; pk: string | number }[] {
  const out: { key: FieldKey; pk: string | number }[] = [];
  const text = (key: FieldKey, field: 'sasaran' | 'indikator' | 'satuan') => {
    const up = v[field];
    const pk = joined[field] as string;
    if (up !== undefined && !sameText(up, pk)) out.push({ key, pk });
  };
  text('sasaran_strategis', 'sasaran');
  text('indikator', 'indikator');
  text('satuan', 'satuan');
  if (v.polaritas !== undefined && v.polaritas !== joined.polaritas) {
    out.push({ key: 'polaritas', pk: String(joined.polaritas) });
  }
  if (v.sifat !== undefined && v.sifat !== joined.sifat) out.push({ key: 'sifat', pk: String(joined.sifat) });
  const numbers: [FieldKey, 'target' | 'targetRenstra' | 'targetRenstraAkhir' | 'standarNasional' | 'pagu'][] = [
    ['target', 'target'],
    ['target_renstra', 'targetRenstra'],
    ['target_renstra_akhir', 'targetRenstraAkhir'],
    ['standar_nasional', 'standarNasional'],
    ['pagu', 'pagu'],
  ];
  for (const [key, field] of numbers) {
    const up = v[field];
    const pk = joined[field];
    if (up !== undefined && pk !== undefined && up !== pk) out.push({ key, pk });
  }
  return out;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

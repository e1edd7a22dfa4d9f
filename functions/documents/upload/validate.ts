import type { CapaianRules } from '../../core/capaian-rules.ts';
import type { DataProblem, IndicatorRow } from '../../core/performance-data.ts';
import type { PerjanjianKinerja } from '../../core/perjanjian-kinerja.ts';
import type { Period } from '../../core/report.ts';
import { computeCapaian } from '../capaian.ts';
import { isMeaningful, readCell, styleEvidence } from './cells.ts';
import {
  COLUMNS,
  type ColumnSpec,
  type FieldKey,
  HEADER_LOOKUP,
  NUMERIC_FIELDS,
  periodOf,
  type RowField,
} from './columns.ts';
import { findHeader, type Header, type HeaderFormat } from './header.ts';
import { fileProblem, formatPercent, type Lang, MESSAGES, type Messages } from './messages.ts';
import { decideStyle, type NumberStyle } from './number-style.ts';
import { joinPk, type PkJoin, pkDifferences } from './pk-join.ts';
import { type Cell, isBlankRow, preview, type SheetRow } from './sheet.ts';
import { breathe } from './yield.ts';

export interface ExpectedPeriod {
  tahun: number;
  periode: Period;
}

/**
 * What a data upload is checked against besides its own rows: the unit's Perjanjian Kinerja of the year, and the
 * documented figures of the quarters before this one (kode upper-case → figures), from which a figure to date is
 * computed. Both absent offline or without a PK: then the full-row format applies.
 */
export interface DataContext {
  pk?: PerjanjianKinerja;
  earlier?: ReadonlyMap<string, { periode: Period; realisasi: number }[]>;
}

/**
 * The tahun and periode the rows were checked against. `fromRows` when the caller gave none (the offline
 * checker): then the first valid value in the rows counts, and either may stay unknown.
 */
export interface CheckedPeriod {
  tahun: number | null;
  periode: Period | null;
  fromRows: boolean;
}

/**
 * `rows` are the rows without any problem, also when the file as a whole is invalid: the offline checker shows
 * their capaian next to the problems. A report is only ever assembled from a file that is `ok`. `warnings` are
 * about the file as a whole (quarters without a documented figure).
 */
export type Validation = (
  | { ok: true; rows: IndicatorRow[]; period: CheckedPeriod }
  | { ok: false; problems: DataProblem[]; rows: IndicatorRow[]; period: CheckedPeriod | null }
) & { warnings: DataProblem[] };

export interface Limits {
  maxRows: number;
  /** The capaian rules of the configuration: what a row with target 0 or below target needs. */
  rules: CapaianRules;
  /** The PK and earlier quarters the upload is checked against, when there are. */
  context?: DataContext;
}

/** What a reader hands over: the non-blank rows it kept, and whether it stopped at the row limit. */
export interface ReadRows {
  rows: SheetRow[];
  limitReached: boolean;
  /** A reader's hint for ambiguous numbers when no cell decides the style. */
  numberStyleHint: NumberStyle | null;
}

const failed = (problems: DataProblem[]): Validation => ({
  ok: false,
  problems,
  rows: [],
  period: null,
  warnings: [],
});

/** Against a PK only the kode and the realisasi are required; the rest comes from the PK. */
const PK_REQUIRED: ReadonlySet<FieldKey> = new Set<FieldKey>(['kode_indikator', 'realisasi']);

/**
 * Checks the rows against the column specification (COLUMNS) and the rules across rows (one tahun and periode,
 * no duplicate kode, narrative below 100 %, a note for target 0). With a PK in the context the rows are joined
 * with it first (see joinPk). Every problem is collected, none stops the check, so the uploader can fix them all
 * in one correction.
 */
export async function validate(
  read: ReadRows,
  expected: ExpectedPeriod | null,
  lang: Lang,
  limits: Limits,
): Promise<Validation> {
  const m = MESSAGES[lang];
  // The reader stopped at the limit: how many more rows there are is not known, only that they are too many.
  if (read.limitReached) return failed([fileProblem(m.tooManyRows(null, limits.maxRows))]);
  const nonBlank = read.rows.filter((r) => !isBlankRow(r));
  if (nonBlank.length === 0) return failed([fileProblem(m.empty)]);
  const pk = limits.context?.pk;
  const format: HeaderFormat<FieldKey> = {
    columns: COLUMNS,
    lookup: HEADER_LOOKUP,
    required: pk ? (c) => PK_REQUIRED.has(c.key) : (c) => c.required,
    // A short upload against a PK may have no more than kode and realisasi.
    minKnown: pk ? 2 : 3,
  };
  const header = findHeader(nonBlank, lang, format);
  const problems = [...header.problems];
  const dataRows = nonBlank.filter((r) => r.number > header.row.number);
  if (dataRows.length > limits.maxRows) {
    return failed([fileProblem(m.tooManyRows(dataRows.length, limits.maxRows))]);
  }
  if (dataRows.length === 0) return failed([...problems, fileProblem(m.noData)]);

  const get = (row: SheetRow, key: FieldKey): Cell => {
    const i = header.index.get(key);
    return i === undefined ? null : (row.cells[i] ?? null);
  };
  const period = checkedPeriod(dataRows, expected, get, pk);
  // Kode and realisasi without the full-row columns is the short format, which only a PK completes: say that
  // first, above the missing columns it causes (an upload for a year whose PK was not accepted yet).
  const short = header.index.has('kode_indikator') && header.index.has('realisasi') && !header.index.has('target');
  if (!pk && short) problems.unshift(fileProblem(m.shortWithoutPk(period.tahun)));
  const evidence = styleEvidence(dataRows, NUMERIC_FIELDS, get, header.name, m);
  const mixed = evidence.id !== undefined && evidence.en !== undefined;
  if (mixed) problems.push(fileProblem(m.mixedStyle(evidence.id as string, evidence.en as string)));
  let join: PkJoin | null = null;
  if (pk) {
    if (period.tahun !== null && pk.tahun !== period.tahun)
      problems.push(fileProblem(m.pkYearDiffers(pk.tahun, period.tahun)));
    if (period.periode === null) problems.push(fileProblem(m.periodUnknown));
    join = {
      pk,
      byKode: new Map(pk.indicators.map((i) => [i.kode.toUpperCase(), i])),
      earlier: limits.context?.earlier,
      seen: new Set(),
      missingQuarters: new Map(),
    };
  }
  const context: RowContext = {
    m,
    header,
    get,
    period,
    mixed,
    style: decideStyle(evidence, read.numberStyleHint),
    rules: limits.rules,
    seen: new Map(),
    join,
  };
  const rows: IndicatorRow[] = [];
  for (const [i, row] of dataRows.entries()) {
    await breathe(i + 1);
    const checked = checkRow(row, context);
    problems.push(...checked.problems);
    if (checked.row) rows.push(checked.row);
  }
  const warnings: DataProblem[] = [];
  // Without a kode column (reported once on the header) no row could name its indicator: listing every PK
  // indicator as missing would bury that one problem.
  if (join && header.index.has('kode_indikator')) {
    for (const indicator of join.pk.indicators) {
      if (join.seen.has(indicator.kode.toUpperCase())) continue;
      problems.push({
        row: null,
        column: header.name('kode_indikator'),
        value: indicator.kode,
        message: m.missingIndicator(indicator.kode, indicator.indikator),
      });
    }
  }
  for (const [quarters, kodes] of join?.missingQuarters ?? []) {
    const say = join?.earlier ? m.quartersMissing : m.quartersUnknown;
    warnings.push(fileProblem(say(quarters, period.periode ?? '', kodes.length, kodes.join(', '))));
  }
  if (problems.length > 0) return { ok: false, problems, rows, period, warnings };
  return { ok: true, rows, period, warnings };
}

type Get = (row: SheetRow, key: FieldKey) => Cell;

/**
 * Without a folder to compare with, the first readable tahun and periode stand for the whole file; against a PK
 * without a tahun column, the PK's year.
 */
function checkedPeriod(
  dataRows: SheetRow[],
  expected: ExpectedPeriod | null,
  get: Get,
  pk: PerjanjianKinerja | undefined,
): CheckedPeriod {
  if (expected) return { tahun: expected.tahun, periode: expected.periode, fromRows: false };
  const period: CheckedPeriod = { tahun: null, periode: null, fromRows: true };
  for (const row of dataRows) {
    const t = get(row, 'tahun');
    if (period.tahun === null && (typeof t === 'string' || typeof t === 'number') && /^\d{4}$/.test(String(t))) {
      period.tahun = Number(t);
    }
    const p = get(row, 'periode');
    if (period.periode === null && (typeof p === 'string' || typeof p === 'number')) {
      period.periode = periodOf(String(p)) ?? null;
    }
  }
  if (period.tahun === null && pk) period.tahun = pk.tahun;
  return period;
}

interface RowContext {
  m: Messages;
  header: Header<FieldKey>;
  get: Get;
  period: CheckedPeriod;
  mixed: boolean;
  style: NumberStyle | null;
  rules: CapaianRules;
  /** tahun|periode|KODE → the row it first appeared on. */
  seen: Map<string, number>;
  join: PkJoin | null;
}

function checkRow(row: SheetRow, cx: RowContext): { problems: DataProblem[]; row: IndicatorRow | null } {
  const { m, header, get, join } = cx;
  const problems: DataProblem[] = [];
  let rowOk = true;
  const add = (key: FieldKey | null, cell: Cell, message: string): void => {
    rowOk = false;
    problems.push({ row: row.number, column: key ? header.name(key) : null, value: preview(cell), message });
  };
  const lastFilled = row.cells.reduce<number>((w, c, i) => (c === null ? w : i + 1), 0);
  if (header.width > 0 && lastFilled > header.width) add(null, row.cells[lastFilled - 1] ?? null, m.extraCells);

  const required = (spec: ColumnSpec): boolean => (join ? PK_REQUIRED.has(spec.key) : spec.required);
  const values: Partial<Record<RowField, unknown>> = {};
  for (const spec of COLUMNS) {
    if (!header.index.has(spec.key)) {
      // Already reported once, on the header row.
      if (required(spec)) rowOk = false;
      continue;
    }
    const cell = get(row, spec.key);
    const read = readCell(spec.kind, cell, cx);
    if ('value' in read) values[spec.field] = read.value;
    else if ('problem' in read) add(spec.key, cell, read.problem);
    else if ('silent' in read) rowOk = false;
    else if (required(spec)) add(spec.key, cell, m.required);
    // A value that is there but contradicts the folder or the other rows: reported, and still used below
    // (the duplicate check needs tahun and periode).
    const conflict = conflictOf(spec, values[spec.field], cx);
    if (conflict) add(spec.key, cell, conflict);
  }

  let v = values as Partial<IndicatorRow>;
  const tahun = v.tahun ?? (join ? cx.period.tahun : undefined);
  const periode = v.periode ?? (join ? cx.period.periode : undefined);
  if (tahun != null && periode != null && v.kode !== undefined) {
    const key = `${tahun}|${periode}|${v.kode.toUpperCase()}`;
    const first = cx.seen.get(key);
    if (first !== undefined) add('kode_indikator', get(row, 'kode_indikator'), m.duplicate(first));
    else cx.seen.set(key, row.number);
  }
  if (join) {
    if (v.kode === undefined) return { problems, row: null };
    const indicator = join.byKode.get(v.kode.toUpperCase());
    if (!indicator) {
      add('kode_indikator', get(row, 'kode_indikator'), m.unknownKode(join.pk.tahun));
      return { problems, row: null };
    }
    // The indicator is in the upload even when its realisasi is wrong: that row's problems say what to fix.
    join.seen.add(indicator.kode.toUpperCase());
    if (tahun == null || periode == null) return { problems, row: null };
    // The values written are compared with the PK whatever the realisasi: every problem of the row at once.
    const joined = joinPk(indicator, { ...v, realisasi: v.realisasi ?? 0 }, { tahun, periode }, join);
    for (const d of pkDifferences(v, joined)) {
      const shown = typeof d.pk === 'number' ? String(d.pk).replace('.', m.decimal) : d.pk;
      add(d.key, get(row, d.key), m.differsFromPk(shown));
    }
    if (v.realisasi === undefined) return { problems, row: null };
    v = joined;
    // Checked without the documented quarters (offline): a sum or mean to date is not known here, so neither is
    // whether it falls below target. The assembly, which has them, applies the rules; the warning says so.
    if (join.earlier === undefined && v.quartersMissing && v.sifat !== 'non-kumulatif') {
      return { problems, row: rowOk ? ({ row: row.number, ...v } as IndicatorRow) : null };
    }
  }
  if (v.target !== undefined && v.realisasi !== undefined && v.polaritas !== undefined) {
    const capaian = computeCapaian(v.polaritas, v.target, v.realisasi, cx.rules);
    if (capaian === null) {
      // Target 0 without a rule for it: capaian stays empty, so the reader needs the reason.
      if (!isMeaningful(v.keterangan)) add('keterangan', get(row, 'keterangan'), m.targetZero);
    } else {
      if (capaian < 100 && !isMeaningful(v.tindakLanjut) && !isMeaningful(v.faktorPenghambat)) {
        add('tindak_lanjut', get(row, 'tindak_lanjut'), m.belowTarget(formatPercent(capaian, m)));
      }
    }
  }
  const complete = join !== null || COLUMNS.every((c) => !c.required || values[c.field] !== undefined);
  // The values were checked by kind above, and every required field is present: this is an IndicatorRow.
  return { problems, row: rowOk && complete ? ({ row: row.number, ...v } as IndicatorRow) : null };
}

/** A tahun or periode other than the folder's (or, without a folder, the file's first). */
function conflictOf(spec: ColumnSpec, value: unknown, cx: RowContext): string | null {
  const { m, period } = cx;
  if (spec.kind === 'year' && value !== undefined && period.tahun !== null && value !== period.tahun) {
    return period.fromRows ? m.yearDiffers(period.tahun) : m.yearMismatch(period.tahun);
  }
  if (spec.kind === 'period' && value !== undefined && period.periode !== null && value !== period.periode) {
    return period.fromRows ? m.periodDiffers(period.periode) : m.periodMismatch(period.periode);
  }
  return null;
}

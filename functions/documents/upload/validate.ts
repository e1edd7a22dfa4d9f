import type { CapaianRules } from '../../core/capaian-rules.ts';
import type { DataProblem, IndicatorRow } from '../../core/performance-data.ts';
import type { Period } from '../../core/report.ts';
import { computeCapaian } from '../capaian.ts';
import {
  COLUMNS,
  type ColumnSpec,
  type FieldKey,
  NUMERIC_FIELDS,
  periodOf,
  polarityOf,
  type RowField,
} from './columns.ts';
import { findHeader, type Header } from './header.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';
import { fileProblem, formatPercent, type Lang, MESSAGES, type Messages } from './messages.ts';
import { classifyNumber, decideStyle, type NumberStyle, parseNumberText, type StyleEvidence } from './number-style.ts';
import { type Cell, cellText, isBlankRow, preview, type SheetRow } from './sheet.ts';
import { breathe } from './yield.ts';

export interface ExpectedPeriod {
  tahun: number;
  periode: Period;
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
 * their capaian next to the problems. A report is only ever assembled from a file that is `ok`.
 */
export type Validation =
  | { ok: true; rows: IndicatorRow[]; period: CheckedPeriod }
  | { ok: false; problems: DataProblem[]; rows: IndicatorRow[]; period: CheckedPeriod | null };

export interface Limits {
  maxRows: number;
  /** The capaian rules of the configuration: what a row with target 0 or below target needs. */
  rules: CapaianRules;
}

/** What a reader hands over: the non-blank rows it kept, and whether it stopped at the row limit. */
export interface ReadRows {
  rows: SheetRow[];
  limitReached: boolean;
  /** A reader's hint for ambiguous numbers when no cell decides the style. */
  numberStyleHint: NumberStyle | null;
}

const failed = (problems: DataProblem[]): Validation => ({ ok: false, problems, rows: [], period: null });

/**
 * Checks the rows against the column specification (COLUMNS) and the rules across rows (one tahun and periode,
 * no duplicate kode, narrative below 100 %, a note for target 0). Every problem is collected, none stops the
 * check, so the uploader can fix them all in one correction.
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
  const header = findHeader(nonBlank, lang);
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
  const period = checkedPeriod(dataRows, expected, get);
  const evidence = styleEvidence(dataRows, get, header, m);
  const mixed = evidence.id !== undefined && evidence.en !== undefined;
  if (mixed) problems.push(fileProblem(m.mixedStyle(evidence.id as string, evidence.en as string)));
  const context: RowContext = {
    m,
    header,
    get,
    period,
    mixed,
    style: decideStyle(evidence, read.numberStyleHint),
    rules: limits.rules,
    seen: new Map(),
  };
  const rows: IndicatorRow[] = [];
  for (const [i, row] of dataRows.entries()) {
    await breathe(i + 1);
    const checked = checkRow(row, context);
    problems.push(...checked.problems);
    if (checked.row) rows.push(checked.row);
  }
  if (problems.length > 0) return { ok: false, problems, rows, period };
  return { ok: true, rows, period };
}

type Get = (row: SheetRow, key: FieldKey) => Cell;

/** Without a folder to compare with, the first readable tahun and periode stand for the whole file. */
function checkedPeriod(dataRows: SheetRow[], expected: ExpectedPeriod | null, get: Get): CheckedPeriod {
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
  return period;
}

/** Number style: decided once per file from the cells that can only be read one way. */
function styleEvidence(dataRows: SheetRow[], get: Get, header: Header, m: Messages): StyleEvidence {
  const evidence: StyleEvidence = { ambiguous: false };
  for (const row of dataRows) {
    for (const key of NUMERIC_FIELDS) {
      const cell = get(row, key);
      if (typeof cell !== 'string') continue;
      const cls = classifyNumber(cell);
      if (cls === 'id' || cls === 'en') evidence[cls] ??= m.cellRef(cell, row.number, header.name(key));
      else if (cls === 'ambiguous') evidence.ambiguous = true;
    }
  }
  return evidence;
}

interface RowContext {
  m: Messages;
  header: Header;
  get: Get;
  period: CheckedPeriod;
  mixed: boolean;
  style: NumberStyle | null;
  rules: CapaianRules;
  /** tahun|periode|KODE → the row it first appeared on. */
  seen: Map<string, number>;
}

/** A cell's value, or why it has none: a problem to report, or `silent` when it is reported elsewhere. */
type Read<T> = { value: T } | { problem: string } | { silent: true } | { absent: true };

function checkRow(row: SheetRow, cx: RowContext): { problems: DataProblem[]; row: IndicatorRow | null } {
  const { m, header, get } = cx;
  const problems: DataProblem[] = [];
  let rowOk = true;
  const add = (key: FieldKey | null, cell: Cell, message: string): void => {
    rowOk = false;
    problems.push({ row: row.number, column: key ? header.name(key) : null, value: preview(cell), message });
  };
  const lastFilled = row.cells.reduce<number>((w, c, i) => (c === null ? w : i + 1), 0);
  if (header.width > 0 && lastFilled > header.width) add(null, row.cells[lastFilled - 1] ?? null, m.extraCells);

  const values: Partial<Record<RowField, unknown>> = {};
  for (const spec of COLUMNS) {
    if (!header.index.has(spec.key)) {
      // Already reported once, on the header row.
      if (spec.required) rowOk = false;
      continue;
    }
    const cell = get(row, spec.key);
    const read = readCell(spec, cell, cx);
    if ('value' in read) values[spec.field] = read.value;
    else if ('problem' in read) add(spec.key, cell, read.problem);
    else if ('silent' in read) rowOk = false;
    else if (spec.required) add(spec.key, cell, m.required);
    // A value that is there but contradicts the folder or the other rows: reported, and still used below
    // (the duplicate check needs tahun and periode).
    const conflict = conflictOf(spec, values[spec.field], cx);
    if (conflict) add(spec.key, cell, conflict);
  }

  const v = values as Partial<IndicatorRow>;
  if (v.tahun !== undefined && v.periode !== undefined && v.kode !== undefined) {
    const key = `${v.tahun}|${v.periode}|${v.kode.toUpperCase()}`;
    const first = cx.seen.get(key);
    if (first !== undefined) add('kode_indikator', get(row, 'kode_indikator'), m.duplicate(first));
    else cx.seen.set(key, row.number);
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
  const complete = COLUMNS.every((c) => !c.required || values[c.field] !== undefined);
  // The values were checked by kind above, and every required field is present: this is an IndicatorRow.
  return { problems, row: rowOk && complete ? ({ row: row.number, ...values } as IndicatorRow) : null };
}

/** Reads one cell by its column's kind. */
function readCell(spec: ColumnSpec, cell: Cell, cx: RowContext): Read<unknown> {
  const { m } = cx;
  if (cell === null) return { absent: true };
  if (typeof cell === 'object') return { problem: m[cell.issue] };
  switch (spec.kind) {
    case 'year': {
      const t = cellText(cell);
      return /^\d{4}$/.test(t) ? { value: Number(t) } : { problem: m.badYear };
    }
    case 'number':
      return readNumber(cell, cx);
    default: {
      const t = cellText(cell);
      if (t.length > MAX_TEXT_LENGTH) return { problem: m.tooLong };
      if (spec.kind === 'period') {
        const p = periodOf(t);
        return p ? { value: p } : { problem: m.badPeriod };
      }
      if (spec.kind === 'polarity') {
        const p = polarityOf(t);
        return p ? { value: p } : { problem: m.badPolarity };
      }
      return { value: t };
    }
  }
}

function readNumber(cell: string | number, cx: RowContext): Read<number> {
  const { m } = cx;
  let n: number | null;
  if (typeof cell === 'number') n = cell;
  else {
    const cls = classifyNumber(cell);
    // Already reported once for the whole file.
    if (cx.mixed && cls !== 'neutral' && cls !== 'invalid') return { silent: true };
    if (cls === 'ambiguous' && cx.style === null) return { problem: m.ambiguousNumber };
    n = parseNumberText(cell, cx.style);
  }
  if (n === null) return { problem: m.notNumber };
  if (n < 0) return { problem: m.negative };
  return { value: n };
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

/** Placeholder text such as "-" or "." does not count as an explanation. */
function isMeaningful(s: string | undefined): boolean {
  return s !== undefined && /[\p{L}\p{N}]/u.test(s);
}

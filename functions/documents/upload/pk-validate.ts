/**
 * The rules of the Perjanjian Kinerja sheet (PK + Rencana Aksi): every cell by its column's kind (the same
 * readers, number styles and messages as the data format), then the PK's own rules — one row per kode, the TW4
 * target equal to the annual target, the targets to date of a cumulative indicator never going down.
 */
import type { DataProblem } from '../../core/performance-data.ts';
import type { PkIndicator } from '../../core/perjanjian-kinerja.ts';
import { readCell, styleEvidence } from './cells.ts';
import { findHeader } from './header.ts';
import { fileProblem, type Lang, MESSAGES } from './messages.ts';
import { decideStyle } from './number-style.ts';
import { PK_COLUMNS, PK_HEADER_LOOKUP, PK_NUMERIC_FIELDS, type PkField, type PkFieldKey } from './pk-columns.ts';
import { type Cell, isBlankRow, preview, type SheetRow } from './sheet.ts';
import type { ReadRows } from './validate.ts';
import { breathe } from './yield.ts';

export interface PkValidation {
  problems: DataProblem[];
  /** The indicators of the rows without any problem (all of them when there is none). */
  indicators: PkIndicator[];
  /** The year: the expected one, else the first tahun written in the rows, else unknown. */
  tahun: number | null;
}

export async function validatePk(
  read: ReadRows,
  expected: { tahun: number } | null,
  lang: Lang,
  maxRows: number,
): Promise<PkValidation> {
  const m = MESSAGES[lang];
  const failed = (problems: DataProblem[]): PkValidation => ({
    problems,
    indicators: [],
    tahun: expected?.tahun ?? null,
  });
  if (read.limitReached) return failed([fileProblem(m.tooManyRows(null, maxRows))]);
  const nonBlank = read.rows.filter((r) => !isBlankRow(r));
  if (nonBlank.length === 0) return failed([fileProblem(m.empty)]);
  const header = findHeader(nonBlank, lang, {
    columns: PK_COLUMNS,
    lookup: PK_HEADER_LOOKUP,
    required: (c) => c.required,
    minKnown: 3,
  });
  const problems = [...header.problems];
  const dataRows = nonBlank.filter((r) => r.number > header.row.number);
  if (dataRows.length > maxRows) return failed([fileProblem(m.tooManyRows(dataRows.length, maxRows))]);
  if (dataRows.length === 0) return failed([...problems, fileProblem(m.noData)]);

  const get = (row: SheetRow, key: PkFieldKey): Cell => {
    const i = header.index.get(key);
    return i === undefined ? null : (row.cells[i] ?? null);
  };
  const evidence = styleEvidence(dataRows, PK_NUMERIC_FIELDS, get, header.name, m);
  const mixed = evidence.id !== undefined && evidence.en !== undefined;
  if (mixed) problems.push(fileProblem(m.mixedStyle(evidence.id as string, evidence.en as string)));
  const cx = { m, mixed, style: decideStyle(evidence, read.numberStyleHint) };
  const decimal = (n: number) => String(n).replace('.', m.decimal);

  let tahun = expected?.tahun ?? null;
  const fromRows = expected === null;
  const seen = new Map<string, number>();
  const indicators: PkIndicator[] = [];
  for (const [i, row] of dataRows.entries()) {
    await breathe(i + 1);
    let rowOk = true;
    const add = (key: PkFieldKey | null, message: string): void => {
      rowOk = false;
      const cell = key ? get(row, key) : null;
      problems.push({ row: row.number, column: key ? header.name(key) : null, value: preview(cell), message });
    };
    const lastFilled = row.cells.reduce<number>((w, c, j) => (c === null ? w : j + 1), 0);
    if (header.width > 0 && lastFilled > header.width) {
      rowOk = false;
      problems.push({
        row: row.number,
        column: null,
        value: preview(row.cells[lastFilled - 1] ?? null),
        message: m.extraCells,
      });
    }
    const v: Partial<Record<PkField, unknown>> = {};
    for (const spec of PK_COLUMNS) {
      if (!header.index.has(spec.key)) {
        if (spec.required) rowOk = false;
        continue;
      }
      const read = readCell(spec.kind, get(row, spec.key), cx);
      if ('value' in read) v[spec.field] = read.value;
      else if ('problem' in read) add(spec.key, read.problem);
      else if ('silent' in read) rowOk = false;
      else if (spec.required) add(spec.key, m.required);
    }
    if (typeof v.tahun === 'number') {
      if (tahun === null) tahun = v.tahun;
      else if (v.tahun !== tahun) add('tahun', fromRows ? m.yearDiffers(tahun) : m.yearMismatch(tahun));
    }
    if (typeof v.kode === 'string') {
      const first = seen.get(v.kode.toUpperCase());
      if (first !== undefined) add('kode_indikator', m.pkDuplicate(first));
      else seen.set(v.kode.toUpperCase(), row.number);
    }
    const tw = [v.tw1, v.tw2, v.tw3, v.tw4];
    if (typeof v.tw4 === 'number' && typeof v.targetTahunan === 'number' && v.tw4 !== v.targetTahunan) {
      add('target_tw4', m.pkTw4NotAnnual(decimal(v.tw4), decimal(v.targetTahunan)));
    }
    if (v.sifat === 'kumulatif') {
      for (let q = 1; q < 4; q++) {
        const prev = tw[q - 1];
        const cur = tw[q];
        if (typeof prev === 'number' && typeof cur === 'number' && cur < prev) {
          add(`target_tw${q + 1}` as PkFieldKey, m.pkDecreasing(q + 1, decimal(prev)));
        }
      }
    }
    const complete = PK_COLUMNS.every((c) => !c.required || v[c.field] !== undefined);
    if (!rowOk || !complete) continue;
    const { tahun: _tahun, tw1, tw2, tw3, tw4, ...rest } = v;
    indicators.push({
      row: row.number,
      ...rest,
      targetTriwulan: [tw1, tw2, tw3, tw4] as PkIndicator['targetTriwulan'],
    } as PkIndicator);
  }
  return { problems, indicators, tahun };
}

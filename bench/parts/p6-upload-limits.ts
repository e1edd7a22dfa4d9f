/**
 * P6 — uploads at the size limit. Each file is checked in its own child process (checkPerformanceData, what the
 * assemble function and `lapkin check` run), so its peak RSS is its own:
 *   csv-rows    a header and 5.2 million one-character rows (10.4 MB): refused for too many rows
 *   csv-max     maxRows valid rows padded with long notes up to maxFileMB: read to the end, accepted
 *   xlsx-rows   an XLSX of maxFileMB with more rows than maxRows (hard-to-compress text): refused for too many rows
 *   xlsx-max    an XLSX of maxFileMB with exactly maxRows rows and long shared strings: read to the end, accepted
 * Targets: peak RSS ≤ 400 MB for every file within maxFileMB; a refusal for too many rows within 2 s.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { testConfig } from '../../test/fakes/deps.ts';
import { makeZip, stored } from '../../test/fixtures/zip.ts';
import type { ChildOutcome, Target } from '../harness.ts';

export const P6_CASES = ['csv-rows', 'csv-max', 'xlsx-rows', 'xlsx-max'] as const;
export type P6Case = (typeof P6_CASES)[number];

export interface P6Options {
  case: P6Case;
  file: string;
}

export interface P6Result {
  case: P6Case;
  bytes: number;
  /** From the bytes in memory to the answer. */
  ms: number;
  valid: boolean;
  problems: number;
  firstProblem?: string;
  indicators: number;
}

export const P6_WHAT: Record<P6Case, string> = {
  'csv-rows': 'CSV: header + 5.2 million one-character rows',
  'csv-max': 'CSV: maxRows valid rows with long notes, up to maxFileMB',
  'xlsx-rows': 'XLSX of maxFileMB, more rows than maxRows',
  'xlsx-max': 'XLSX of maxFileMB, exactly maxRows rows, long shared strings',
};

/** The cases that must be refused for too many rows, and fast. */
const REFUSALS: P6Case[] = ['csv-rows', 'xlsx-rows'];
const RSS_LIMIT_MB = 400;
const REFUSAL_LIMIT_MS = 2000;

const SS = 'Meningkatnya kualitas pelayanan publik kecamatan';
const CSV_HEADER =
  'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi;keterangan';
const XLSX_HEADER = CSV_HEADER.split(';');

/** Text that compresses about as badly as real prose in a ZIP does not: the worst case for the size limit. */
function noise(chars: number): string {
  return randomBytes(Math.ceil((chars * 3) / 4) + 3)
    .toString('base64')
    .replace(/[+/=]/g, 'x')
    .slice(0, chars)
    .replace(/(.{12})/g, '$1 ');
}

function csvRows(maxBytes: number): Buffer {
  const size = Math.min(maxBytes, 10_400_000);
  const data = Buffer.alloc(size, 'x\n');
  data.write(`${CSV_HEADER}\n`);
  if (size % 2 === 1) data[size - 1] = 0x0a;
  return data;
}

function csvMax(maxBytes: number, rows: number): Buffer {
  const row = (i: number, note: string) =>
    `2026;TW1;IK-${i};${SS};Indeks Kepuasan Masyarakat;indeks;naik;82;83;${note}`;
  const base = Buffer.byteLength(`${CSV_HEADER}\n`) + rows * (Buffer.byteLength(row(rows, '')) + 1);
  const pad = Math.min(4000, Math.floor((maxBytes - base) / rows) - 2);
  const lines = [CSV_HEADER];
  for (let i = 1; i <= rows; i++) lines.push(row(i, noise(pad).slice(0, pad)));
  return Buffer.from(`${lines.join('\n')}\n`);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const col = (i: number) => String.fromCharCode(65 + i);

function workbookZip(sheet: string, sharedStrings?: string): Buffer {
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
    sharedStrings
      ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
      : '',
  ].join('');
  const deflated = (name: string, text: string) => {
    const data = Buffer.from(text);
    return { name, data: deflateRawSync(data), method: 8, declaredSize: data.length };
  };
  return makeZip([
    stored('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types/>'),
    stored(
      'xl/workbook.xml',
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    stored('xl/_rels/workbook.xml.rels', `<Relationships>${rels}</Relationships>`),
    deflated('xl/worksheets/sheet1.xml', sheet),
    ...(sharedStrings ? [deflated('xl/sharedStrings.xml', sharedStrings)] : []),
  ]);
}

const inlineRow = (r: number, values: (string | number)[]) =>
  `<row r="${r}">${values
    .map((v, i) =>
      typeof v === 'number'
        ? `<c r="${col(i)}${r}"><v>${v}</v></c>`
        : `<c r="${col(i)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`,
    )
    .join('')}</row>`;

/** Rows of hard-to-compress notes until the ZIP is within 3 % under the size limit (far more rows than maxRows). */
function xlsxRows(maxBytes: number): Buffer {
  const note = 300;
  const build = (rows: number) => {
    const parts = [`<worksheet><sheetData>${inlineRow(1, XLSX_HEADER)}`];
    for (let r = 2; r <= rows + 1; r++) {
      parts.push(inlineRow(r, [2026, 'TW1', `IK-${r}`, SS, 'IKM', 'indeks', 'naik', 82, 83, noise(note)]));
    }
    parts.push('</sheetData></worksheet>');
    return workbookZip(parts.join(''));
  };
  let rows = 10_000;
  for (;;) {
    const zip = build(rows);
    if (zip.length <= maxBytes && zip.length >= maxBytes * 0.97) return zip;
    rows = Math.floor(rows * ((maxBytes * 0.985) / zip.length));
  }
}

/** Exactly maxRows valid rows; each note a shared string, long enough to bring the ZIP to the size limit. */
function xlsxMax(maxBytes: number, rows: number): Buffer {
  let note = Math.min(4000, Math.floor(((maxBytes * 0.95) / rows) * 1.25));
  for (;;) {
    const sheet = [`<worksheet><sheetData>${inlineRow(1, XLSX_HEADER)}`];
    const strings: string[] = [];
    for (let r = 2; r <= rows + 1; r++) {
      const cells = [2026, 'TW1', `IK-${r}`, SS, 'IKM', 'indeks', 'naik', 82, 83]
        .map((v, i) =>
          typeof v === 'number'
            ? `<c r="${col(i)}${r}"><v>${v}</v></c>`
            : `<c r="${col(i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`,
        )
        .join('');
      sheet.push(`<row r="${r}">${cells}<c r="J${r}" t="s"><v>${strings.length}</v></c></row>`);
      strings.push(`<si><t>${noise(note).slice(0, note)}</t></si>`);
    }
    sheet.push('</sheetData></worksheet>');
    const zip = workbookZip(sheet.join(''), `<sst count="${rows}" uniqueCount="${rows}">${strings.join('')}</sst>`);
    if (zip.length <= maxBytes || note < 10) return zip;
    note = Math.floor(note * (maxBytes / zip.length) * 0.98);
  }
}

/** Writes the four files for the configured limits; returns their paths. */
export function prepareP6Inputs(dir: string): Record<P6Case, string> {
  const { maxFileMB, maxRows } = testConfig().dataLimits;
  const maxBytes = maxFileMB * 1024 * 1024;
  const files: Record<P6Case, [string, Buffer]> = {
    'csv-rows': ['rows.csv', csvRows(maxBytes)],
    'csv-max': ['max.csv', csvMax(maxBytes, maxRows)],
    'xlsx-rows': ['rows.xlsx', xlsxRows(maxBytes)],
    'xlsx-max': ['max.xlsx', xlsxMax(maxBytes, maxRows)],
  };
  const out = {} as Record<P6Case, string>;
  for (const c of P6_CASES) {
    const [name, data] = files[c];
    out[c] = join(dir, name);
    writeFileSync(out[c], data);
  }
  return out;
}

/** In the child: one file, checked as the assemble function checks it, with the configured limits. */
export async function runP6(o: P6Options): Promise<P6Result> {
  const { checkPerformanceData } = await import('../../functions/documents/check-data.ts');
  const bytes = readFileSync(o.file);
  const t0 = performance.now();
  const check = await checkPerformanceData(bytes, o.file, { tahun: 2026, periode: 'TW1' }, testConfig());
  const ms = Math.round(performance.now() - t0);
  return {
    case: o.case,
    bytes: bytes.length,
    ms,
    valid: check.valid,
    problems: check.problems.length,
    ...(check.problems[0] ? { firstProblem: check.problems[0].message } : {}),
    indicators: check.indicators.length,
  };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

export function p6Targets(outcomes: ChildOutcome<P6Result>[]): Target[] {
  if (outcomes.length === 0) return [];
  const label = (o: ChildOutcome<P6Result>) => o.result?.case ?? '?';
  const peak = Math.max(...outcomes.map((o) => o.peakRssMB));
  const failed = outcomes.filter((o) => !o.ok);
  const refusals = outcomes.filter((o) => o.result && REFUSALS.includes(o.result.case));
  const refusedForRows = (o: ChildOutcome<P6Result>) => /Terlalu banyak baris data/.test(o.result?.firstProblem ?? '');
  const slow = refusals.filter((o) => !refusedForRows(o) || (o.result?.ms ?? Infinity) > REFUSAL_LIMIT_MS);
  return [
    {
      id: 'P6',
      what: 'peak RSS checking an upload of maxFileMB (child process, whole)',
      result: outcomes.map((o) => `${label(o)} ${o.peakRssMB} MB`).join(', '),
      target: `≤ ${RSS_LIMIT_MB} MB for every file`,
      met: failed.length === 0 && peak <= RSS_LIMIT_MB,
      reason:
        failed.length > 0
          ? `${failed.length} file(s) did not finish: ${failed.map((o) => o.error).join('; ')}`
          : peak <= RSS_LIMIT_MB
            ? 'holds: both readers stop at maxRows + 11 rows, and an XLSX inflates only the parts it reads, each capped at its declared size (100 MB in all)'
            : `${peak} MB at the largest`,
    },
    {
      id: 'P6',
      what: 'refusal of too many rows at maxFileMB',
      result: refusals.map((o) => `${label(o)} ${o.result?.ms ?? '–'} ms`).join(', '),
      target: `≤ ${REFUSAL_LIMIT_MS / 1000} s, refused for too many rows`,
      met: refusals.length === REFUSALS.length && slow.length === 0,
      reason:
        slow.length === 0
          ? 'holds: reading stops at the limit, so the time does not grow with the rows behind it'
          : slow.map((o) => `${label(o)}: ${o.result?.firstProblem ?? o.error}`).join('; '),
    },
  ];
}

/** The P6 section of RESULTS.md. */
export function renderP6(outcomes: ChildOutcome<P6Result>[], table: (h: string[], rows: string[][]) => string): string {
  if (outcomes.length === 0) return 'Did not run: not selected.';
  return [
    'Each file checked by `checkPerformanceData` with the configured limits (cdk.json `dataLimits`), in its own child process; time from the bytes in memory to the answer, peak RSS of the whole process (Node and tsx included).',
    '',
    table(
      ['file', 'size', 'answer', 'time', 'peak RSS'],
      outcomes.map((o) => {
        const r = o.result;
        return [
          r ? P6_WHAT[r.case] : '?',
          r ? mb(r.bytes) : '–',
          !r ? (o.error ?? 'failed') : r.valid ? `accepted, ${r.indicators} indicators` : `refused: ${r.firstProblem}`,
          r ? `${r.ms} ms` : '–',
          `${o.peakRssMB} MB`,
        ];
      }),
    ),
  ].join('\n');
}

/**
 * P3 — the assembly size curve. One child process per (size, step), so each step's peak RSS is its own:
 *   raw       csv-parse of the file (the floor: the least any CSV reader must do)
 *   raw-xlsx  exceljs reading the same data as XLSX (the floor for XLSX uploads)
 *   check     validate + compute (checkPerformanceData, what assemble and `lapkin check` run)
 *   check-xlsx  the same from the XLSX
 *   pdf       the report PDF (renderReportPdf), after an untimed check
 *   xlsx      the report XLSX (renderReportXlsx), after an untimed check
 *   total     check, then PDF and XLSX together, exactly as assembleReport does
 *   lkjip     the annual report (TAHUNAN) as an LKjIP (renderLkjipPdf): `rows` indicators over 20 sasaran with PK,
 *             four quarters and Narasi (test/fakes/lkjip-sample.ts), built untimed
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LapkinConfig } from '../../functions/core/config.ts';
import type { AssembledReport } from '../../functions/core/performance-data.ts';
import type { DataCheck, DataSettings } from '../../functions/documents/check-data.ts';
import { NUMERIC_FIELDS } from '../../functions/documents/upload/index.ts';
import { testConfig } from '../../test/fakes/deps.ts';
import { generatedCsv } from '../lib/data.ts';
import { type Summary, summarize } from '../lib/stats.ts';

export const P3_STEPS = ['raw', 'check', 'pdf', 'xlsx', 'total', 'raw-xlsx', 'check-xlsx', 'lkjip'] as const;
export type P3Step = (typeof P3_STEPS)[number];

export interface P3StepOptions {
  step: P3Step;
  rows: number;
  dir: string;
  warmup: number;
  reps: number;
}

export interface P3StepResult {
  step: P3Step;
  rows: number;
  ms: Summary;
  /** RSS when the timed work started (after imports and, for pdf/xlsx, the untimed check). */
  rssBeforeMB: number;
  /** Peak RSS of the whole child process. */
  peakRssMB: number;
  /** Records read (raw steps), indicators (check) or bytes written (pdf, xlsx, total). */
  output: number;
  valid?: boolean;
}

const TAHUN = 2026;
const PERIODE = 'TW1' as const;

/**
 * The configured limits (maxRows 20 000, maxFileMB 10) would refuse the 100 000-row file at the door; the curve
 * measures what the code does with it, so the bench raises them. Everything else is the configuration as is.
 */
export function benchSettings(config: LapkinConfig = testConfig()): DataSettings {
  return { ...config, dataLimits: { ...config.dataLimits, maxFileMB: 1024, maxRows: 1_000_000 } };
}

export const csvFile = (dir: string, rows: number) => join(dir, `data-${rows}.csv`);
export const xlsxFile = (dir: string, rows: number) => join(dir, `data-${rows}.xlsx`);

/** Writes the CSV of `rows` indicators (and its XLSX twin when asked) for the step children. */
export async function prepareP3Input(
  dir: string,
  rows: number,
  withXlsx: boolean,
): Promise<{ csvBytes: number; xlsxBytes?: number }> {
  const csv = generatedCsv(rows, TAHUN, PERIODE);
  writeFileSync(csvFile(dir, rows), csv);
  if (!withXlsx) return { csvBytes: csv.byteLength };
  const { parse: parseCsv } = await import('csv-parse/sync');
  const { default: ExcelJS } = await import('exceljs');
  const records = parseCsv(new TextDecoder().decode(csv), { delimiter: ';' }) as string[][];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  const numeric = new Set<string>(['tahun', ...NUMERIC_FIELDS]);
  const header = records[0] ?? [];
  ws.addRow(header);
  for (const r of records.slice(1)) {
    ws.addRow(
      r.map((cell, i) => {
        if (cell === '') return null;
        // The XLSX twin carries real numbers, as a spreadsheet user's file would.
        return numeric.has(header[i] ?? '') ? Number(cell.replace(/\./g, '').replace(',', '.')) : cell;
      }),
    );
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(xlsxFile(dir, rows), bytes);
  return { csvBytes: csv.byteLength, xlsxBytes: bytes.byteLength };
}

function assembled(config: LapkinConfig, check: DataCheck): AssembledReport {
  const now = new Date().toISOString();
  const unit = config.units[0] as LapkinConfig['units'][number];
  const team = unit.people.TIMSAKIP as NonNullable<typeof unit.people.TIMSAKIP>;
  return {
    organization: unit.organization,
    tahun: TAHUN,
    periode: PERIODE,
    revision: 1,
    generatedAt: now,
    source: { key: `masuk/karawaci/${TAHUN}/${PERIODE}/data.csv`, versionId: 'bench' },
    indicators: check.indicators,
    summary: check.summary,
    ratingScale: check.ratingScale,
    preparedBy: { role: 'TIMSAKIP', title: team.title, name: team.name, nip: team.nip, at: now },
  };
}

/** Sasaran of the LKjIP step: a kecamatan's or an OPD's Renstra has a handful; 20 is a large one. */
export const LKJIP_SASARAN = 20;

/** Child side: one step at one size, `warmup` untimed + `reps` timed runs. */
export async function runP3Step(opts: P3StepOptions): Promise<P3StepResult> {
  if (opts.step === 'lkjip') return runLkjipStep(opts);
  // Each step loads only the modules it needs, so a step's RSS is its own.
  const raw = opts.step === 'raw' || opts.step === 'raw-xlsx';
  const parseCsv = opts.step === 'raw' ? (await import('csv-parse/sync')).parse : undefined;
  const ExcelJS = opts.step === 'raw-xlsx' ? (await import('exceljs')).default : undefined;
  const { checkPerformanceData } = raw
    ? { checkPerformanceData: undefined }
    : await import('../../functions/documents/check-data.ts');
  const renders = ['pdf', 'xlsx', 'total'].includes(opts.step);
  const { renderReportPdf } = renders
    ? await import('../../functions/documents/report-pdf.ts')
    : { renderReportPdf: undefined };
  const { renderReportXlsx } = renders
    ? await import('../../functions/documents/report-xlsx.ts')
    : { renderReportXlsx: undefined };
  const config = testConfig();
  const settings = benchSettings(config);
  const isXlsx = opts.step === 'raw-xlsx' || opts.step === 'check-xlsx';
  const bytes = new Uint8Array(readFileSync(isXlsx ? xlsxFile(opts.dir, opts.rows) : csvFile(opts.dir, opts.rows)));
  const fileName = isXlsx ? 'data.xlsx' : 'data.csv';
  const expected = { tahun: TAHUN, periode: PERIODE };
  const check = () => {
    if (!checkPerformanceData) throw new Error('bench: no validation in a raw step');
    return checkPerformanceData(bytes, fileName, expected, settings, config.language);
  };
  const pdfOf = (r: AssembledReport) => {
    if (!renderReportPdf) throw new Error('bench: no PDF renderer loaded');
    return renderReportPdf(r, [], config.language);
  };
  const xlsxOf = (r: AssembledReport) => {
    if (!renderReportXlsx) throw new Error('bench: no XLSX renderer loaded');
    return renderReportXlsx(r, config.language);
  };

  let report: AssembledReport | undefined;
  let valid: boolean | undefined;
  if (opts.step === 'pdf' || opts.step === 'xlsx') {
    const c = await check();
    if (!c.valid) throw new Error(`bench: generated data is invalid: ${c.problems[0]?.message}`);
    report = assembled(config, c);
  }
  const once = async (): Promise<number> => {
    switch (opts.step) {
      case 'raw': {
        const text = new TextDecoder('utf-8').decode(bytes);
        if (!parseCsv) throw new Error('bench: csv-parse not loaded');
        const records = parseCsv(text, { delimiter: ';', relax_column_count: true, relax_quotes: true }) as string[][];
        return records.length;
      }
      case 'raw-xlsx': {
        if (!ExcelJS) throw new Error('bench: exceljs not loaded');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(bytes) as never);
        return wb.worksheets[0]?.rowCount ?? 0;
      }
      case 'check':
      case 'check-xlsx': {
        const c = await check();
        valid = c.valid;
        return c.indicators.length;
      }
      case 'pdf':
        return (await pdfOf(report as AssembledReport)).byteLength;
      case 'xlsx':
        return (await xlsxOf(report as AssembledReport)).byteLength;
      case 'total': {
        const c = await check();
        valid = c.valid;
        const r = assembled(config, c);
        const [pdf, xlsx] = await Promise.all([pdfOf(r), xlsxOf(r)]);
        return pdf.byteLength + xlsx.byteLength;
      }
      case 'lkjip':
        throw new Error('bench: the lkjip step runs in runLkjipStep');
    }
  };
  const timed = await timeSteps(opts, once);
  return { ...timed, ...(valid !== undefined ? { valid } : {}) };
}

/** Runs a step's warm-ups, then its timed repetitions, and measures memory around them: every P3 step alike. */
async function timeSteps(opts: P3StepOptions, once: () => Promise<number>): Promise<P3StepResult> {
  for (let i = 0; i < opts.warmup; i++) await once();
  const rssBefore = process.memoryUsage.rss();
  const times: number[] = [];
  let output = 0;
  for (let i = 0; i < opts.reps; i++) {
    const t0 = performance.now();
    output = await once();
    times.push(performance.now() - t0);
  }
  return {
    step: opts.step,
    rows: opts.rows,
    ms: summarize(times),
    rssBeforeMB: Math.round(rssBefore / 1024 / 1024),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    output,
  };
}

/** The LKjIP step: no upload file, the annual report is built from the sample's indicators (untimed). */
async function runLkjipStep(opts: P3StepOptions): Promise<P3StepResult> {
  const { renderLkjipPdf } = await import('../../functions/documents/lkjip/index.ts');
  const { largeLkjipSample } = await import('../../test/fakes/lkjip-sample.ts');
  const report = largeLkjipSample(opts.rows, LKJIP_SASARAN);
  const language = testConfig().language;
  return timeSteps(opts, async () => (await renderLkjipPdf(report, [], language)).byteLength);
}

import { readFile, stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { LapkinConfig } from '../../functions/core/config.ts';
import type { ComputedIndicator, DataProblem } from '../../functions/core/performance-data.ts';
import type { PerjanjianKinerja, PkIndicator } from '../../functions/core/perjanjian-kinerja.ts';
import { PERIODS, type Period } from '../../functions/core/report.ts';
import { round2 } from '../../functions/documents/capaian.ts';
import { checkFileSize, checkPerformanceData, type DataCheck } from '../../functions/documents/check-data.ts';
import { checkPerjanjianKinerja, type PkCheck } from '../../functions/documents/check-pk.ts';
import { uploadKind } from '../../functions/documents/upload/index.ts';
import { SIFAT_SHORT } from '../../functions/i18n/capaian-words.ts';
import { formatNumber, formatPercent } from '../../functions/i18n/format.ts';
import { kategoriLabel } from '../../functions/i18n/labels.ts';

type Lang = 'id' | 'en';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: 0 valid, 1 invalid data, 2 the command itself was wrong (usage, missing file). */
export const EXIT = { valid: 0, invalid: 1, usage: 2 } as const;

/** What `lapkin check --json` prints, exactly: scripts and CI depend on this shape. */
export interface CheckJson {
  valid: boolean;
  errors: { row: number | null; column: string | null; value: string | null; message: string }[];
  indicators: { kode: string; capaian: number | null; kategori: string | null }[];
  /** Capaian per sasaran strategis (each indicator capped at the configured cap), in the order they first appear. */
  sasaran: { sasaran: string; capaian: number | null; kategori: string | null }[];
  /** Not errors (the file was read as windows-1252, spending above the pagu); last, so older readers are unaffected. */
  warnings: { row: number | null; column: string | null; value: string | null; message: string }[];
}

/** What `lapkin check --json` prints for a Perjanjian Kinerja file. */
export interface PkCheckJson {
  valid: boolean;
  kind: 'pk';
  tahun: number | null;
  errors: CheckJson['errors'];
  indicators: {
    kode: string;
    sasaran: string;
    indikator: string;
    sifat: string;
    targetTahunan: number;
    targetTriwulan: [number, number, number, number];
  }[];
  warnings: CheckJson['warnings'];
}

const T = {
  id: {
    checking: (file: string) => `Memeriksa ${file}`,
    fromRows: (tahun: string, periode: string) =>
      `Tahun ${tahun} dan periode ${periode} diambil dari baris data (tanpa --tahun/--periode). Saat diunggah, keduanya harus sesuai folder masuk/<unit>/<tahun>/<periode>/.`,
    given: (tahun: number, periode: string) => `Dicocokkan dengan tahun ${tahun} dan periode ${periode}.`,
    unknown: 'Tahun dan periode tidak dapat dibaca dari baris data; beri --tahun dan --periode untuk mencocokkannya.',
    headers: ['Kode', 'Indikator', 'Target', 'Realisasi', 'Capaian', 'Kategori'],
    summary: (n: number, avg: string, below: number) =>
      `${n} indikator, rata-rata capaian ${avg}, ${below} di bawah target.`,
    noRows: 'Tidak ada baris yang dapat dihitung.',
    partial: 'Hanya baris tanpa masalah yang dihitung di atas.',
    warnings: (n: number) => `Peringatan (${n}):`,
    problems: (n: number) => `Masalah (${n}):`,
    row: (n: number | null) => (n === null ? 'seluruh berkas' : `baris ${n}`),
    column: 'kolom',
    value: 'nilai',
    valid: (n: number) => `VALID: ${n} indikator siap diunggah.`,
    invalid: (n: number) => `TIDAK VALID: ${n} masalah. Perbaiki semuanya lalu periksa lagi.`,
    usage:
      'Pemakaian: lapkin check <berkas> [--json] [--pk <berkas PK>] [--tahun YYYY --periode TW1|TW2|TW3|TW4|TAHUNAN] [--lang id|en]',
    noFile: (f: string) => `berkas tidak ditemukan: ${f}`,
    badYear: '--tahun harus empat digit, mis. 2026',
    badPeriod: `--periode harus salah satu dari ${PERIODS.join(', ')}`,
    together: '--tahun dan --periode diberikan bersama, atau tidak sama sekali',
    badLang: '--lang harus id atau en',
    oneFile: 'periksa satu berkas setiap kali',
    unreadable: (f: string, why: string) => `berkas tidak dapat dibaca: ${f} (${why})`,
    sasaranHeaders: ['Sasaran strategis', 'Indikator', 'Capaian', 'Kategori'],
    perSasaran: 'Capaian per sasaran strategis:',
    narasi: (n: number) => `Narasi: ${n} bagian terisi.`,
    againstPk: (f: string, tahun: number, n: number) =>
      `Dicocokkan dengan Perjanjian Kinerja ${f} (tahun ${tahun}, ${n} indikator).`,
    pkFile: (tahun: number | null, n: number) =>
      `Perjanjian Kinerja${tahun === null ? '' : ` tahun ${tahun}`}: ${n} indikator terbaca.`,
    pkHeaders: ['Kode', 'Sifat', 'Target tahunan', 'TW1', 'TW2', 'TW3', 'TW4'],
    pkValid: (n: number) =>
      `VALID: Perjanjian Kinerja dengan ${n} indikator siap diunggah ke masuk/<unit>/<tahun>/PK/.`,
    pkInvalid: (f: string) => `Perjanjian Kinerja ${f} tidak valid; perbaiki dulu berkas PK (lapkin check ${f}).`,
    pkNoYear: 'tahun Perjanjian Kinerja tidak diketahui (tanpa kolom tahun); beri --tahun dan --periode',
  },
  en: {
    checking: (file: string) => `Checking ${file}`,
    fromRows: (tahun: string, periode: string) =>
      `Year ${tahun} and period ${periode} were taken from the data rows (no --tahun/--periode). When uploaded, both must match the folder masuk/<unit>/<tahun>/<periode>/.`,
    given: (tahun: number, periode: string) => `Checked against year ${tahun} and period ${periode}.`,
    unknown: 'The year and period cannot be read from the data rows; give --tahun and --periode to check them.',
    headers: ['Code', 'Indicator', 'Target', 'Actual', 'Achieved', 'Rating'],
    summary: (n: number, avg: string, below: number) =>
      `${n} indicator${n === 1 ? '' : 's'}, average achievement ${avg}, ${below} below target.`,
    noRows: 'No row could be computed.',
    partial: 'Only rows without problems are computed above.',
    warnings: (n: number) => `Warnings (${n}):`,
    problems: (n: number) => `Problems (${n}):`,
    row: (n: number | null) => (n === null ? 'whole file' : `row ${n}`),
    column: 'column',
    value: 'value',
    valid: (n: number) => `VALID: ${n} indicator${n === 1 ? '' : 's'} ready to upload.`,
    invalid: (n: number) => `INVALID: ${n} problem${n === 1 ? '' : 's'}. Fix them all and check again.`,
    usage:
      'Usage: lapkin check <file> [--json] [--pk <PK file>] [--tahun YYYY --periode TW1|TW2|TW3|TW4|TAHUNAN] [--lang id|en]',
    noFile: (f: string) => `file not found: ${f}`,
    badYear: '--tahun must have four digits, e.g. 2026',
    badPeriod: `--periode must be one of ${PERIODS.join(', ')}`,
    together: '--tahun and --periode go together, or not at all',
    badLang: '--lang must be id or en',
    oneFile: 'check one file at a time',
    unreadable: (f: string, why: string) => `cannot read the file: ${f} (${why})`,
    sasaranHeaders: ['Strategic goal', 'Indicators', 'Achieved', 'Rating'],
    perSasaran: 'Achievement per strategic goal:',
    narasi: (n: number) => `Narrative: ${n} section${n === 1 ? '' : 's'} filled in.`,
    againstPk: (f: string, tahun: number, n: number) =>
      `Checked against the performance agreement ${f} (${tahun}, ${n} indicator${n === 1 ? '' : 's'}).`,
    pkFile: (tahun: number | null, n: number) =>
      `Performance agreement (Perjanjian Kinerja)${tahun === null ? '' : ` of ${tahun}`}: ${n} indicator${n === 1 ? '' : 's'} read.`,
    pkHeaders: ['Code', 'Aggregation', 'Annual target', 'Q1', 'Q2', 'Q3', 'Q4'],
    pkValid: (n: number) =>
      `VALID: the performance agreement with ${n} indicator${n === 1 ? '' : 's'} is ready to upload to masuk/<unit>/<tahun>/PK/.`,
    pkInvalid: (f: string) => `The performance agreement ${f} is invalid; fix the PK file first (lapkin check ${f}).`,
    pkNoYear: 'the year of the performance agreement is not known (no tahun column); give --tahun and --periode',
  },
};

/**
 * `lapkin check <file>`: the assemble Lambda's validation and computation, offline (no local stack, no AWS),
 * with the configured rating scale, limits and target-0 rule. A Perjanjian Kinerja file (its "PK" sheet or its
 * Rencana Aksi columns, or a file under a PK/ folder) is checked as one; `--pk <file>` checks data against a PK.
 * Returns the exit code.
 */
export async function runCheck(config: LapkinConfig, args: string[], io: CliIo): Promise<number> {
  let values: { json?: boolean; tahun?: string; periode?: string; lang?: string; pk?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        tahun: { type: 'string' },
        periode: { type: 'string' },
        lang: { type: 'string' },
        pk: { type: 'string' },
      },
    }));
  } catch (err) {
    io.err(`lapkin: ${(err as Error).message}\n${T[config.language].usage}\n`);
    return EXIT.usage;
  }
  const langArg = values.lang?.toLowerCase();
  if (langArg !== undefined && langArg !== 'id' && langArg !== 'en') {
    io.err(`lapkin: ${T[config.language].badLang}\n`);
    return EXIT.usage;
  }
  const lang: Lang = langArg ?? config.language;
  const t = T[lang];
  const usage = (message: string): number => {
    io.err(`lapkin: ${message}\n${t.usage}\n`);
    return EXIT.usage;
  };
  const file = positionals[0];
  if (!file) {
    io.err(`${t.usage}\n`);
    return EXIT.usage;
  }
  if (positionals.length > 1) return usage(t.oneFile);
  if ((values.tahun === undefined) !== (values.periode === undefined)) return usage(t.together);
  let expected: { tahun: number; periode: Period } | null = null;
  if (values.tahun !== undefined && values.periode !== undefined) {
    if (!/^\d{4}$/.test(values.tahun)) return usage(t.badYear);
    const periode = values.periode.toUpperCase();
    if (!(PERIODS as readonly string[]).includes(periode)) return usage(t.badPeriod);
    expected = { tahun: Number(values.tahun), periode: periode as Period };
  }
  const json = values.json === true;
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) return usage(t.noFile(file));

  // An oversized file is answered from its size: reading gigabytes only to refuse them would exhaust memory.
  const oversized = checkFileSize(stats.size, config, lang);
  if (oversized) return report(file, oversized, expected, lang, json, io);
  const read = async (path: string): Promise<Buffer | null> => {
    try {
      return await readFile(path);
    } catch (err) {
      // Exit 1 means "the data is invalid"; a file that cannot be read is not an answer about the data.
      io.err(`lapkin: ${t.unreadable(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message)}\n`);
      return null;
    }
  };
  const bytes = await read(file);
  if (!bytes) return EXIT.usage;

  let pk: PerjanjianKinerja | undefined;
  if (values.pk !== undefined) {
    const pkStats = await stat(values.pk).catch(() => null);
    if (!pkStats?.isFile()) return usage(t.noFile(values.pk));
    const pkBytes = await read(values.pk);
    if (!pkBytes) return EXIT.usage;
    const tahun = expected ? { tahun: expected.tahun, unit: '' } : null;
    const checked = await checkPerjanjianKinerja(pkBytes, basename(values.pk), tahun, config, lang);
    if (!checked.valid) {
      io.err(`lapkin: ${t.pkInvalid(values.pk)}\n`);
      io.out(`${json ? JSON.stringify(pkJson(checked), null, 2) : humanPkReport(values.pk, checked, lang)}\n`);
      return EXIT.invalid;
    }
    if (checked.tahun === null) return usage(t.pkNoYear);
    pk = {
      unit: '',
      tahun: checked.tahun,
      source: { key: values.pk, versionId: 'lokal' },
      receivedAt: new Date().toISOString(),
      indicators: checked.indicators,
    };
  } else if (underPkFolder(file) || (await uploadKind(bytes, basename(file))) === 'pk') {
    const tahun = expected ? { tahun: expected.tahun, unit: '' } : null;
    const checked = await checkPerjanjianKinerja(bytes, basename(file), tahun, config, lang);
    io.out(`${json ? JSON.stringify(pkJson(checked), null, 2) : humanPkReport(file, checked, lang)}\n`);
    return checked.valid ? EXIT.valid : EXIT.invalid;
  }
  // Offline there are no documented earlier quarters: a quarter's figure to date is its own, and the checker says so.
  const result = await checkPerformanceData(bytes, basename(file), expected, config, lang, pk ? { pk } : undefined);
  if (pk && !json && values.pk) io.out(`${t.againstPk(values.pk, pk.tahun, pk.indicators.length)}\n`);
  return report(file, result, expected, lang, json, io);
}

/** A file under a <tahun>/PK/ folder (a copy of masuk/<unit>/<tahun>/PK/…) is a Perjanjian Kinerja. */
function underPkFolder(file: string): boolean {
  const dirs = resolve(file).split(sep).slice(0, -1);
  return dirs.at(-1) === 'PK' && /^\d{4}$/.test(dirs.at(-2) ?? '');
}

export function pkJson(r: PkCheck): PkCheckJson {
  return {
    valid: r.valid,
    kind: 'pk',
    tahun: r.tahun,
    errors: r.problems.map((p) => ({ row: p.row, column: p.column, value: p.value, message: p.message })),
    indicators: r.indicators.map((i) => ({
      kode: i.kode,
      sasaran: i.sasaran,
      indikator: i.indikator,
      sifat: i.sifat,
      targetTahunan: i.targetTahunan,
      targetTriwulan: i.targetTriwulan,
    })),
    warnings: r.warnings.map((w) => ({ row: w.row, column: w.column, value: w.value, message: w.message })),
  };
}

function pkTable(indicators: PkIndicator[], lang: Lang): string {
  const rows = indicators.map((i) => [
    i.kode,
    SIFAT_SHORT[lang][i.sifat],
    numberText(i.targetTahunan, lang),
    ...i.targetTriwulan.map((n) => numberText(n, lang)),
  ]);
  return textTable(T[lang].pkHeaders, rows, [false, false, true, true, true, true, true]);
}

function humanPkReport(file: string, r: PkCheck, lang: Lang): string {
  const t = T[lang];
  const out = [t.checking(file), t.pkFile(r.tahun, r.indicators.length), ''];
  if (r.indicators.length > 0) out.push(pkTable(r.indicators, lang), '');
  if (r.warnings.length > 0)
    out.push(t.warnings(r.warnings.length), ...r.warnings.map((w) => problemLine(w, lang)), '');
  if (r.problems.length > 0)
    out.push(t.problems(r.problems.length), ...r.problems.map((p) => problemLine(p, lang)), '');
  out.push(r.valid ? t.pkValid(r.indicators.length) : t.invalid(r.problems.length));
  return out.join('\n');
}

/** Prints the check for people or as JSON; returns the exit code. */
function report(
  file: string,
  result: DataCheck,
  expected: { tahun: number; periode: Period } | null,
  lang: Lang,
  json: boolean,
  io: CliIo,
): number {
  if (json) {
    if (!expected) io.err(`${periodLine(result, expected, lang)}\n`);
    io.out(`${JSON.stringify(toJson(result), null, 2)}\n`);
  } else {
    io.out(`${humanReport(file, result, expected, lang)}\n`);
  }
  return result.valid ? EXIT.valid : EXIT.invalid;
}

export function toJson(r: DataCheck): CheckJson {
  return {
    valid: r.valid,
    errors: r.problems.map((p) => ({ row: p.row, column: p.column, value: p.value, message: p.message })),
    indicators: r.indicators.map((i) => ({
      kode: i.kode,
      capaian: i.capaian === null ? null : round2(i.capaian),
      kategori: i.kategori,
    })),
    sasaran: (r.summary.sasaran ?? []).map((s) => ({
      sasaran: s.sasaran,
      capaian: s.capaian === null ? null : round2(s.capaian),
      kategori: s.kategori,
    })),
    warnings: r.warnings.map((w) => ({ row: w.row, column: w.column, value: w.value, message: w.message })),
  };
}

function periodLine(r: DataCheck, expected: { tahun: number; periode: Period } | null, lang: Lang): string {
  const t = T[lang];
  if (expected) return t.given(expected.tahun, expected.periode);
  const tahun = r.period?.tahun ?? null;
  const periode = r.period?.periode ?? null;
  return tahun !== null && periode !== null ? t.fromRows(String(tahun), periode) : t.unknown;
}

/** Display width of a cell: one column per code point is close enough for the Latin text of the data. */
function truncate(s: string, width: number): string {
  const chars = [...s.replace(/\s+/g, ' ')];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : s.replace(/\s+/g, ' ');
}

function pad(s: string, width: number, right = false): string {
  const n = [...s].length;
  return n >= width ? s : right ? ' '.repeat(width - n) + s : s + ' '.repeat(width - n);
}

function numberText(n: number, lang: Lang): string {
  return Number.isInteger(n) ? formatNumber(n, {}, lang) : formatNumber(n, { maxDecimals: 4 }, lang);
}

function table(indicators: ComputedIndicator[], lang: Lang): string {
  const rows = indicators.map((i) => [
    i.kode,
    truncate(i.indikator, 44),
    numberText(i.target, lang),
    numberText(i.realisasi, lang),
    formatPercent(i.capaian, lang),
    kategoriLabel(i.kategori, lang),
  ]);
  return textTable(T[lang].headers, rows, [false, false, true, true, true, false]);
}

function sasaranTable(r: DataCheck, lang: Lang): string {
  const rows = (r.summary.sasaran ?? []).map((s) => [
    truncate(s.sasaran, 56),
    String(s.indicatorCount),
    formatPercent(s.capaian, lang),
    kategoriLabel(s.kategori, lang),
  ]);
  return textTable(T[lang].sasaranHeaders, rows, [false, true, true, false]);
}

function textTable(headers: string[], rows: string[][], right: boolean[]): string {
  const widths = headers.map((h, c) => Math.max([...h].length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0, right[c]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function problemLine(p: DataProblem, lang: Lang): string {
  const t = T[lang];
  const place = [
    t.row(p.row),
    p.column ? `${t.column} ${p.column}` : null,
    p.value !== null ? `${t.value} "${p.value}"` : null,
  ]
    .filter((x): x is string => x !== null)
    .join(', ');
  return `  - ${place}: ${p.message}`;
}

function humanReport(
  file: string,
  r: DataCheck,
  expected: { tahun: number; periode: Period } | null,
  lang: Lang,
): string {
  const t = T[lang];
  const out = [t.checking(file), periodLine(r, expected, lang), ''];
  if (r.indicators.length > 0) {
    out.push(table(r.indicators, lang), '');
    out.push(t.summary(r.summary.indicatorCount, formatPercent(r.summary.averageCapaian, lang), r.summary.belowTarget));
    if (!r.valid) out.push(t.partial);
    out.push('');
    if ((r.summary.sasaran ?? []).length > 0) out.push(t.perSasaran, sasaranTable(r, lang), '');
  } else {
    out.push(t.noRows, '');
  }
  if (r.narasi) out.push(t.narasi(Object.keys(r.narasi).length), '');
  if (r.warnings.length > 0)
    out.push(t.warnings(r.warnings.length), ...r.warnings.map((w) => problemLine(w, lang)), '');
  if (r.problems.length > 0)
    out.push(t.problems(r.problems.length), ...r.problems.map((p) => problemLine(p, lang)), '');
  out.push(r.valid ? t.valid(r.indicators.length) : t.invalid(r.problems.length));
  return out.join('\n');
}

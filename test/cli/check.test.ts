/**
 * `lapkin check` and `lapkin template` as a user runs them: its exit code, stdout and stderr. No local stack, no
 * network. `template` and the first check run as a child process (`node --import tsx infra/cli/main.ts …`), the
 * real command line; the other checks call the same `runCheck` the command line hands `check` to, in this
 * process, with the configuration it reads (cdk.json): a Node with tsx per case cost a second or more each.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../infra/cli/check.ts';
import { shippedConfig } from '../fakes/deps.ts';
import { FIXTURE_PROBLEMS } from '../fixtures/expected-problems.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/data');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * In the project directory: `node --import tsx infra/cli/main.ts …`. Elsewhere (a user's own folder) through the
 * `lapkin` bin, which registers tsx from the project: `--import tsx` only resolves inside it.
 */
function lapkin(args: string[], cwd = ROOT): Promise<Run> {
  if (cwd === ROOT && args[0] === 'check') return inProcess(args.slice(1));
  return spawned(args, cwd);
}

/** `lapkin check <args>` as main.ts runs it: runCheck with cdk.json's configuration and the process's streams. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(shippedConfig(), args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function spawned(args: string[], cwd = ROOT): Promise<Run> {
  const entry = cwd === ROOT ? ['--import', 'tsx', 'infra/cli/main.ts'] : [join(ROOT, 'infra/cli/lapkin.mjs')];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...entry, ...args],
      // The CLI reads the project's cdk.json wherever it is started; tsx resolves from the project.
      { cwd, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 30_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

interface CheckJson {
  valid: boolean;
  errors: { row: number | null; column: string | null; value: string | null; message: string }[];
  indicators: { kode: string; capaian: number | null; kategori: string | null }[];
  sasaran: { sasaran: string; capaian: number | null; kategori: string | null }[];
  warnings: { row: number | null; column: string | null; value: string | null; message: string }[];
}

const json = (r: Run): CheckJson => JSON.parse(r.stdout) as CheckJson;

/** A few processes at a time: each is a Node with tsx, and the other test files run alongside. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe('lapkin check', () => {
  it('computes every capaian and kategori of the demo sample, exit 0', async () => {
    // The real command line once: main.ts hands `check` its arguments; every other case calls runCheck directly.
    const r = await spawned(['check', 'infra/local/sample/kinerja-tw1-awal.csv', '--json']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out)).toEqual(['valid', 'errors', 'indicators', 'sasaran', 'warnings']);
    expect(out).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      sasaran: [
        // (101,77 + 101,89 + 116) / 3 = 106,553…
        { sasaran: 'Meningkatnya kualitas pelayanan publik kecamatan', capaian: 106.55, kategori: 'Sangat Tinggi' },
        // (80,56 + 87,5) / 2 = 84,03
        {
          sasaran: 'Meningkatnya akuntabilitas kinerja dan tata kelola pemerintahan kecamatan',
          capaian: 84.03,
          kategori: 'Tinggi',
        },
        { sasaran: 'Terwujudnya ketenteraman dan ketertiban umum', capaian: 75, kategori: 'Sedang' },
        // (107 + 108,33) / 2 = 107,665
        { sasaran: 'Meningkatnya partisipasi dan pemberdayaan masyarakat', capaian: 107.67, kategori: 'Sangat Tinggi' },
      ],
      indicators: [
        { kode: 'IK-01', capaian: 101.77, kategori: 'Sangat Tinggi' }, // 83,45 / 82
        { kode: 'IK-02', capaian: 101.89, kategori: 'Sangat Tinggi' }, // 96,80 / 95
        { kode: 'IK-03', capaian: 116, kategori: 'Sangat Tinggi' }, // turun: (2×5 − 4,2) / 5
        { kode: 'IK-04', capaian: 80.56, kategori: 'Tinggi' }, // 72,50 / 90
        { kode: 'IK-05', capaian: 87.5, kategori: 'Tinggi' }, // 87,5 / 100
        { kode: 'IK-06', capaian: 75, kategori: 'Sedang' }, // turun: (2×12 − 15) / 12, exactly 75 → Sedang
        { kode: 'IK-07', capaian: 107, kategori: 'Sangat Tinggi' }, // 64,2 / 60
        { kode: 'IK-08', capaian: 108.33, kategori: 'Sangat Tinggi' }, // 26 / 24
      ],
    });
    // Without --tahun/--periode the rows decide, and the checker says so (on stderr: stdout is the JSON).
    expect(r.stderr).toContain('Tahun 2026 dan periode TW1 diambil dari baris data');
  });

  it('prints a table, the summary and the verdict for people', async () => {
    const r = await lapkin([
      'check',
      'infra/local/sample/kinerja-tw1-perbaikan-2.csv',
      '--tahun',
      '2026',
      '--periode',
      'TW1',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Dicocokkan dengan tahun 2026 dan periode TW1.');
    expect(lines.find((l) => l.startsWith('Kode'))).toMatch(/^Kode +Indikator +Target +Realisasi +Capaian +Kategori$/);
    expect(lines.find((l) => l.startsWith('IK-04'))).toMatch(
      /^IK-04 +Persentase rekomendasi .*… +90 +77,78 +86,42 % +Tinggi$/,
    );
    expect(lines.find((l) => l.startsWith('IK-06'))).toMatch(/ 12 +15 +75,00 % +Sedang$/);
    expect(r.stdout).toContain('8 indikator, rata-rata capaian 97,99 %, 3 di bawah target.');
    expect(lines.at(-2)).toBe('VALID: 8 indikator siap diunggah.');
  });

  it('reads the committed XLSX fixture and the corrected samples', async () => {
    const runs = await Promise.all(
      ['test/fixtures/data/valid.xlsx', 'infra/local/sample/kinerja-tw1-perbaikan-1.csv'].map((f) =>
        lapkin(['check', f, '--json', '--tahun', '2026', '--periode', 'TW1']),
      ),
    );
    expect(runs.map((r) => [r.code, json(r).valid])).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(json(runs[0] as Run).indicators.map((i) => i.kode)).toEqual(['IK-01', 'IK-04', 'IK-06']);
  });

  // One fixture per layer of the parser (file type, zip guard, workbook cells, header, rows, cross-row rules);
  // fixtures.test.ts checks every fixture's messages in-process, where a run costs milliseconds, not a Node start.
  const invalid = [
    'legacy.xls',
    'zip-bomb.xlsx',
    'formula-no-value.xlsx',
    'missing-column.csv',
    'bad-numbers.csv',
    'duplicate.csv',
    'missing-narrative.csv',
    'broken-quotes.csv',
    'campuran-utf8-cp1252.csv',
  ];

  it('answers invalid fixtures with exit 1 and their exact errors', async () => {
    expect(invalid.every((f) => (FIXTURE_PROBLEMS[f]?.length ?? 0) > 0)).toBe(true);
    const runs = await inBatches(invalid, 4, async (f) => {
      const r = await lapkin(['check', join(FIXTURES, f), '--json', '--tahun', '2026', '--periode', 'TW1']);
      return [f, r] as const;
    });
    for (const [f, r] of runs) {
      expect({ f, code: r.code }).toEqual({ f, code: 1 });
      expect({ f, errors: json(r).errors }).toEqual({ f, errors: FIXTURE_PROBLEMS[f] });
      expect(json(r).valid).toBe(false);
    }
  });

  it('accepts a windows-1252 file and says how it was read, for people and in --json', async () => {
    const file = join(FIXTURES, 'windows-1252.csv');
    const [human, machine] = await Promise.all([
      lapkin(['check', file, '--tahun', '2026', '--periode', 'TW1']),
      lapkin(['check', file, '--json', '--tahun', '2026', '--periode', 'TW1']),
    ]);
    const warning =
      'Berkas dibaca sebagai windows-1252, bukan UTF-8 (contoh: "m²" pada baris 2); periksa huruf khusus pada laporan. Mohon simpan sebagai "CSV UTF-8 (Comma delimited)" untuk unggahan berikutnya.';
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Peringatan (1):\n  - seluruh berkas: ${warning}`);
    expect(machine.code).toBe(0);
    expect(json(machine).warnings).toEqual([{ row: null, column: null, value: null, message: warning }]);
  });

  it('lists the problems after the rows it could compute, in English with --lang en', async () => {
    const r = await lapkin(['check', join(FIXTURES, 'missing-narrative.csv'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Problems (2):');
    expect(r.stdout).toContain(
      '  - row 2, column tindak_lanjut: Achievement 80.56 % is below 100 %: fill in the follow-up or the inhibiting factors for this indicator.',
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('INVALID: 2 problems. Fix them all and check again.');
  });

  it('flags rows that differ from each other when the rows decide the period', async () => {
    const r = await lapkin(['check', join(FIXTURES, 'wrong-period.csv'), '--json']);
    expect(r.code).toBe(1);
    expect(json(r).errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        3,
        'tahun',
        'Tahun berbeda dengan baris data lain (2026); satu berkas hanya memuat satu tahun dan satu periode.',
      ],
      [
        3,
        'periode',
        'Periode berbeda dengan baris data lain (TW2); satu berkas hanya memuat satu tahun dan satu periode.',
      ],
      [4, 'periode', 'Periode tidak dikenal; gunakan TW1, TW2, TW3, TW4, atau TAHUNAN.'],
    ]);
    // The first readable period (TW2 on row 2) stands for the file, so row 2 itself is consistent.
    expect(r.stderr).toContain('Tahun 2026 dan periode TW2 diambil dari baris data');
  });

  it('refuses a file over maxFileMB by its size, without reading it', async () => {
    // 3 GB (sparse: no disk used): reading it whole would fail or exhaust memory before the size check.
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-big-'));
    const file = join(dir, 'besar.csv');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 ** 3);
    try {
      const r = await lapkin(['check', file, '--json', '--tahun', '2026', '--periode', 'TW1']);
      expect(r.code).toBe(1);
      expect(json(r).errors).toEqual([
        {
          row: null,
          column: null,
          value: null,
          message: 'Berkas terlalu besar (3072,0 MB); batas ukuran 10 MB.',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a wrong command line, without touching any data', async () => {
    const runs = await Promise.all([
      lapkin(['check']),
      lapkin(['check', 'tidak-ada.csv']),
      lapkin(['check', join(FIXTURES, 'valid.xlsx'), '--tahun', '2026']),
      lapkin(['check', join(FIXTURES, 'valid.xlsx'), '--tahun', '2026', '--periode', 'Q5']),
      lapkin(['check', join(FIXTURES, 'valid.xlsx'), '--lang', 'fr']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[1]?.stderr).toContain('berkas tidak ditemukan: tidak-ada.csv');
    expect(runs[2]?.stderr).toContain('--tahun dan --periode diberikan bersama');
    expect(runs.every((r) => r.stdout === '')).toBe(true);
  });
});

const PK_CSV = [
  'kode_indikator;sasaran_strategis;indikator;satuan;polaritas;sifat;target_tahunan;target_tw1;target_tw2;target_tw3;target_tw4;tahun',
  'IK-01;Meningkatnya kualitas pelayanan publik kecamatan;Jumlah layanan administrasi;layanan;naik;kumulatif;400;100;200;300;400;2026',
  'IK-02;Meningkatnya kualitas pelayanan publik kecamatan;Indeks Kepuasan Masyarakat;indeks;naik;rata-rata;82;80;80;81;82;2026',
  'IK-03;Terwujudnya ketenteraman dan ketertiban umum;Jumlah kasus gangguan;kasus;turun;non-kumulatif;4;6;5;5;4;2026',
].join('\n');

describe('lapkin check of a Perjanjian Kinerja', () => {
  it('recognises a PK file by its columns and prints its indicators with sifat and targets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-pk-'));
    const file = join(dir, 'pk-2026.csv');
    writeFileSync(file, `${PK_CSV}\n`);
    const [human, asJson] = await Promise.all([lapkin(['check', file]), lapkin(['check', file, '--json'])]);
    expect(human.code).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines).toContain('Perjanjian Kinerja tahun 2026: 3 indikator terbaca.');
    expect(lines.find((l) => l.startsWith('Kode'))).toMatch(/^Kode +Sifat +Target tahunan +TW1 +TW2 +TW3 +TW4$/);
    expect(lines.find((l) => l.startsWith('IK-01'))).toMatch(/^IK-01 +Kum\. +400 +100 +200 +300 +400$/);
    expect(lines.find((l) => l.startsWith('IK-03'))).toMatch(/^IK-03 +Non-kum\. +4 +6 +5 +5 +4$/);
    expect(lines.at(-2)).toBe(
      'VALID: Perjanjian Kinerja dengan 3 indikator siap diunggah ke masuk/<unit>/<tahun>/PK/.',
    );
    expect(asJson.code).toBe(0);
    const out = JSON.parse(asJson.stdout);
    expect(out).toMatchObject({ valid: true, kind: 'pk', tahun: 2026, errors: [], warnings: [] });
    expect(out.indicators[1]).toEqual({
      kode: 'IK-02',
      sasaran: 'Meningkatnya kualitas pelayanan publik kecamatan',
      indikator: 'Indeks Kepuasan Masyarakat',
      sifat: 'rata-rata',
      targetTahunan: 82,
      targetTriwulan: [80, 80, 81, 82],
    });
  });

  it('checks a file under a <tahun>/PK/ folder as a PK, with its own rules', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lapkin-pk-')), '2026', 'PK');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'perjanjian.csv');
    writeFileSync(file, `${PK_CSV.replace(';400;2026', ';390;2026')}\n`);
    const r = await lapkin(['check', file, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      {
        row: 2,
        column: 'target_tw4',
        value: '390',
        message:
          'Target TW4 (390) harus sama dengan target tahunan (400): target Rencana Aksi adalah target s.d. triwulan.',
      },
    ]);
  });

  it('checks a short quarterly upload against the PK given with --pk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-pk-'));
    writeFileSync(join(dir, 'pk.csv'), `${PK_CSV}\n`);
    writeFileSync(join(dir, 'tw1.csv'), 'kode_indikator;realisasi\nIK-01;110\nIK-02;81\nIK-03;5\n');
    const args = ['check', join(dir, 'tw1.csv'), '--pk', join(dir, 'pk.csv'), '--tahun', '2026', '--periode', 'TW1'];
    const [asJson, human] = await Promise.all([lapkin([...args, '--json']), lapkin(args)]);
    expect(asJson.code).toBe(0);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      valid: true,
      indicators: [
        { kode: 'IK-01', capaian: 110 }, // 110 / 100
        { kode: 'IK-02', capaian: 101.25 }, // 81 / 80
        { kode: 'IK-03', capaian: 116.67 }, // turun: (2 × 6 − 5) / 6 = 7 / 6
      ],
      sasaran: [
        // (110 + 101,25) / 2 = 105,625
        { sasaran: 'Meningkatnya kualitas pelayanan publik kecamatan', capaian: 105.63, kategori: 'Sangat Tinggi' },
        { sasaran: 'Terwujudnya ketenteraman dan ketertiban umum', capaian: 116.67, kategori: 'Sangat Tinggi' },
      ],
    });
    expect(human.stdout).toContain('Capaian per sasaran strategis:');
    expect(human.stdout.split('\n').find((l) => l.startsWith('Terwujudnya'))).toMatch(/ 1 +116,67 % +Sangat Tinggi$/);

    writeFileSync(join(dir, 'tw1.csv'), 'kode_indikator;realisasi\nIK-01;110\nIK-09;81\n');
    const wrong = await lapkin([...args, '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).errors.map((e: { message: string }) => e.message)).toEqual([
      'Kode indikator tidak terdapat pada Perjanjian Kinerja tahun 2026.',
      'Indikator IK-02 (Indeks Kepuasan Masyarakat) pada Perjanjian Kinerja tidak terdapat dalam unggahan ini.',
      'Indikator IK-03 (Jumlah kasus gangguan) pada Perjanjian Kinerja tidak terdapat dalam unggahan ini.',
    ]);
  });
});

describe('lapkin template', () => {
  it('writes the template, refuses to overwrite it, and check reads it as a file with no data yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-template-'));
    const first = await lapkin(['template', '--tahun', '2026'], dir);
    expect(first.code).toBe(0);
    const file = join(dir, 'templat-data-kinerja.xlsx');
    expect(existsSync(file)).toBe(true);
    expect(first.stdout).toContain('npx lapkin check templat-data-kinerja.xlsx --tahun 2026 --periode TW1');

    const again = await lapkin(['template'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('sudah ada');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Petunjuk',
      'PK',
      'Data',
      'Narasi',
      'Contoh PK',
      'Contoh',
      'Contoh Narasi',
    ]);

    const check = await lapkin(['check', file, '--json']);
    expect(check.code).toBe(1);
    expect(json(check).errors).toEqual([
      { row: null, column: null, value: null, message: 'Tidak ada baris data di bawah judul kolom.' },
    ]);
  });

  it('checks the template’s PK sheet once filled, then its Data sheet against it with --pk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-template-'));
    expect((await lapkin(['template', '--tahun', '2026'], dir)).code).toBe(0);
    const file = join(dir, 'templat-data-kinerja.xlsx');
    const copy = async (pairs: [string, string][]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      for (const [from, to] of pairs) {
        const target = wb.getWorksheet(to);
        wb.getWorksheet(from)?.eachRow((row, n) => {
          if (n > 1 && target) target.getRow(n).values = row.values as ExcelJS.CellValue[];
        });
      }
      await wb.xlsx.writeFile(file);
    };
    await copy([['Contoh PK', 'PK']]);
    // The Data sheet is still empty: the workbook is checked as its PK.
    const pk = await lapkin(['check', file, '--json']);
    expect(pk.code).toBe(0);
    expect(JSON.parse(pk.stdout)).toMatchObject({ valid: true, kind: 'pk', tahun: 2026 });
    expect(JSON.parse(pk.stdout).indicators).toHaveLength(6);
    await copy([['Contoh', 'Data']]);
    const data = await lapkin(['check', file, '--pk', file, '--tahun', '2026', '--periode', 'TW1', '--json']);
    expect(data.code).toBe(0);
    expect(json(data).sasaran.map((s) => s.sasaran)).toEqual([
      'Meningkatnya kualitas pelayanan publik kecamatan',
      'Meningkatnya akuntabilitas kinerja dan tata kelola pemerintahan kecamatan',
      'Terwujudnya ketenteraman dan ketertiban umum',
    ]);
  });

  it('writes where --out says, and overwrites with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-template-'));
    expect((await lapkin(['template', '--out', 'kinerja-2027.xlsx', '--tahun', '2027'], dir)).code).toBe(0);
    expect((await lapkin(['template', '--out', 'kinerja-2027.xlsx', '--force'], dir)).code).toBe(0);
    expect((await lapkin(['template', '--out', 'kinerja.csv'], dir)).code).toBe(2);
    expect(readdirSync(dir)).toEqual(['kinerja-2027.xlsx']);
  });
});

/**
 * The Perjanjian Kinerja upload (PK + Rencana Aksi) and its rules; a quarterly upload checked against the PK —
 * short rows of kode and realisasi, the figure to date by sifat from the earlier quarters, unknown and missing
 * indicators, values differing from the PK; the Narasi sheet of an annual upload. Every expectation is computed
 * by hand in the comment beside it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PerjanjianKinerja } from '../../functions/core/perjanjian-kinerja.ts';
import type { Period } from '../../functions/core/report.ts';
import { checkPerformanceData, type DataContext } from '../../functions/documents/check-data.ts';
import { checkPerjanjianKinerja } from '../../functions/documents/check-pk.ts';
import { parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { testConfig } from '../fakes/deps.ts';

const config = testConfig();
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

const S1 = 'Meningkatnya kualitas pelayanan publik kecamatan';
const S2 = 'Terwujudnya ketenteraman dan ketertiban umum';
const PK_HEADER =
  'kode_indikator;sasaran_strategis;indikator;satuan;polaritas;sifat;target_tahunan;target_tw1;target_tw2;target_tw3;target_tw4;target_renstra;pagu';
/** Four indicators, one of each sifat, and a kumulatif turun one; the TW targets are targets to date. */
const PK_ROWS = [
  `IK-01;${S1};Jumlah layanan administrasi yang diselesaikan;layanan;naik;kumulatif;400;100;200;300;400;420;100000000`,
  `IK-02;${S1};Persentase layanan tepat waktu;%;naik;posisi akhir;90;85;87;88;90;;`,
  `IK-03;${S2};Indeks Kepuasan Masyarakat;indeks;naik;rata-rata;82;80;80;81;82;;`,
  `IK-04;${S2};Jumlah kasus gangguan ketertiban umum;kasus;turun;kumulatif;12;3;6;9;12;;50000000`,
];

async function pkOf(rows = PK_ROWS): Promise<PerjanjianKinerja> {
  const checked = await checkPerjanjianKinerja(
    csv(PK_HEADER, ...rows),
    'pk.csv',
    { tahun: 2026, unit: 'karawaci' },
    config,
  );
  if (!checked.valid) throw new Error(JSON.stringify(checked.problems, null, 1));
  return {
    unit: 'karawaci',
    tahun: 2026,
    source: { key: 'masuk/karawaci/2026/PK/pk.csv', versionId: 'v1' },
    receivedAt: '2026-01-10T02:00:00.000Z',
    indicators: checked.indicators,
  };
}

const earlierOf = (figures: Record<string, [Period, number][]>): DataContext['earlier'] =>
  new Map(Object.entries(figures).map(([k, f]) => [k, f.map(([periode, realisasi]) => ({ periode, realisasi }))]));

async function pkProblems(rows: string[], lang: 'id' | 'en' = 'id', header = PK_HEADER) {
  const checked = await checkPerjanjianKinerja(
    csv(header, ...rows),
    'pk.csv',
    { tahun: 2026, unit: 'karawaci' },
    config,
    lang,
  );
  return checked.problems.map((p) => [p.row, p.column, p.message]);
}

describe('checkPerjanjianKinerja', () => {
  it('reads every indicator, its sifat (aliases too) and the Rencana Aksi targets to date', async () => {
    const checked = await checkPerjanjianKinerja(csv(PK_HEADER, ...PK_ROWS), 'pk.csv', null, config);
    expect(checked.problems).toEqual([]);
    expect(checked.valid).toBe(true);
    expect(checked.tahun).toBeNull();
    expect(checked.indicators.map((i) => [i.kode, i.sifat, i.polaritas, i.targetTahunan, i.targetTriwulan])).toEqual([
      ['IK-01', 'kumulatif', 'naik', 400, [100, 200, 300, 400]],
      ['IK-02', 'non-kumulatif', 'naik', 90, [85, 87, 88, 90]], // "posisi akhir"
      ['IK-03', 'rata-rata', 'naik', 82, [80, 80, 81, 82]],
      ['IK-04', 'kumulatif', 'turun', 12, [3, 6, 9, 12]],
    ]);
    expect(checked.indicators[0]).toMatchObject({
      row: 2,
      sasaran: S1,
      satuan: 'layanan',
      targetRenstra: 420,
      pagu: 100_000_000,
    });
    expect(checked.indicators[1]).not.toHaveProperty('pagu');
  });

  it('accepts the English column names and sifat words, and the "PK" sheet of a workbook before the first', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Petunjuk').addRow(['bukan PK']);
    const ws = wb.addWorksheet('PK');
    ws.addRow([
      'indicator_code',
      'strategic_goal',
      'indicator',
      'unit',
      'polarity',
      'aggregation',
      'annual_target',
      'target_q1',
      'target_q2',
      'target_q3',
      'target_q4',
      'year',
    ]);
    ws.addRow(['IK-01', S1, 'Layanan', 'layanan', 'up', 'cumulative', 40, 10, 20, 30, 40, 2026]);
    ws.addRow(['IK-02', S1, 'IKM', 'indeks', 'up', 'Average', 82, 80, 80, 81, 82, 2026]);
    ws.addRow(['IK-03', S1, 'Persen', '%', 'down', 'Non Kumulatif', 5, 5, 5, 5, 5, 2026]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const checked = await checkPerjanjianKinerja(bytes, 'pk.xlsx', null, config, 'en');
    expect(checked.problems).toEqual([]);
    expect(checked.tahun).toBe(2026);
    expect(checked.indicators.map((i) => i.sifat)).toEqual(['kumulatif', 'rata-rata', 'non-kumulatif']);
  });

  it('refuses a duplicate kode (case does not matter)', async () => {
    expect(await pkProblems([PK_ROWS[0] as string, (PK_ROWS[1] as string).replace('IK-02', 'ik-01')])).toEqual([
      [3, 'kode_indikator', 'Duplikat: kode indikator ini sudah ada pada baris 2 Perjanjian Kinerja.'],
    ]);
    expect((await pkProblems([PK_ROWS[0] as string, PK_ROWS[0] as string], 'en'))[0]?.[2]).toBe(
      'Duplicate: this indicator code already appears on row 2 of the performance agreement.',
    );
  });

  it('refuses a TW4 target other than the annual target', async () => {
    const row = `IK-01;${S1};Layanan;layanan;naik;kumulatif;400;100;200;300;390;;`;
    expect(await pkProblems([row])).toEqual([
      [
        2,
        'target_tw4',
        'Target TW4 (390) harus sama dengan target tahunan (400): target Rencana Aksi adalah target s.d. triwulan.',
      ],
    ]);
    expect((await pkProblems([row], 'en'))[0]?.[2]).toBe(
      'The Q4 target (390) must equal the annual target (400): action plan targets are targets to date.',
    );
  });

  it('refuses targets to date of a kumulatif indicator that go down, and allows them for the others', async () => {
    const kumulatif = `IK-01;${S1};Layanan;layanan;naik;kumulatif;400;100;90,5;300;400;;`;
    expect(await pkProblems([kumulatif])).toEqual([
      [
        2,
        'target_tw2',
        'Target s.d. TW2 lebih kecil daripada target s.d. TW1 (100); target indikator kumulatif tidak boleh turun antartriwulan.',
      ],
    ]);
    expect((await pkProblems([kumulatif], 'en'))[0]?.[2]).toBe(
      "The target to Q2 is lower than the target to Q1 (100); a cumulative indicator's targets must not decrease from quarter to quarter.",
    );
    // A kasus count of a non-kumulatif (position) indicator may well go down over the year.
    expect(await pkProblems([`IK-01;${S1};Kasus;kasus;turun;non-kumulatif;4;8;6;5;4;;`])).toEqual([]);
  });

  it('refuses negative numbers, empty required cells and an unknown sifat', async () => {
    expect(
      await pkProblems([
        `IK-01;${S1};Layanan;layanan;naik;kumulatif;400;-100;200;300;400;;`,
        `IK-02;${S1};Persen;%;naik;;90;85;87;88;90;;`,
        `IK-03;${S1};IKM;indeks;naik;bulanan;82;80;80;81;82;;`,
        `;${S1};IKM;indeks;naik;rata-rata;82;80;80;81;82;;`,
      ]),
    ).toEqual([
      [2, 'target_tw1', 'Nilai tidak boleh negatif.'],
      [3, 'sifat', 'Wajib diisi.'],
      [
        4,
        'sifat',
        'Sifat indikator tidak dikenal; gunakan "kumulatif", "non-kumulatif" (posisi akhir), atau "rata-rata".',
      ],
      [5, 'kode_indikator', 'Wajib diisi.'],
    ]);
    expect(await pkProblems([`IK-03;${S1};IKM;indeks;naik;bulanan;82;80;80;81;82;;`], 'en')).toEqual([
      [
        2,
        'sifat',
        'Unknown aggregation (sifat); use "kumulatif" (cumulative), "non-kumulatif" (end position) or "rata-rata" (average).',
      ],
    ]);
  });

  it('reports a missing required column once, and a tahun other than the folder’s', async () => {
    const header = PK_HEADER.replace(';sifat', '').concat(';tahun');
    const row = `IK-01;${S1};Layanan;layanan;naik;400;100;200;300;400;;;2025`;
    expect(await pkProblems([row], 'id', header)).toEqual([
      [1, 'sifat', 'Kolom wajib "sifat" tidak ditemukan pada baris judul.'],
      [2, 'tahun', 'Tahun tidak sesuai dengan tahun yang dipilih untuk unggahan ini (2026).'],
    ]);
  });
});

describe('checkPerformanceData against a PK', () => {
  it('takes a TW1 short upload of kode and realisasi, with everything else from the PK', async () => {
    const pk = await pkOf();
    const upload = csv(
      'kode_indikator;realisasi;realisasi_anggaran',
      'IK-01;110;20000000',
      'ik-02;86',
      'IK-03;81',
      'IK-04;2',
    );
    const checked = await checkPerformanceData(upload, 'tw1.csv', { tahun: 2026, periode: 'TW1' }, config, 'id', {
      pk,
    });
    expect(checked.problems).toEqual([]);
    expect(checked.pk).toBe(true);
    expect(checked.indicators[0]).toMatchObject({
      kode: 'IK-01',
      tahun: 2026,
      periode: 'TW1',
      sasaran: S1,
      sifat: 'kumulatif',
      target: 100,
      targetTahunan: 400,
      targetRenstra: 420,
      pagu: 100_000_000,
      realisasiAnggaran: 20_000_000,
      realisasi: 110,
      capaian: 110, // 110 / 100
    });
    // TW1 is its own figure to date: nothing else is set.
    expect(checked.indicators[0]).not.toHaveProperty('realisasiPeriode');
    expect(checked.indicators.map((i) => [i.kode, i.target, i.realisasi, i.capaian])).toEqual([
      ['IK-01', 100, 110, 110],
      ['IK-02', 85, 86, 101.18], // 86 / 85 = 1.011764…
      ['IK-03', 80, 81, 101.25], // 81 / 80
      ['IK-04', 3, 2, 133.33], // turun: (2 × 3 − 2) / 3 = 4 / 3
    ]);
  });

  it('computes a TW2 figure to date by sifat from the documented TW1 figures, against the TW2 target to date', async () => {
    const pk = await pkOf();
    const earlier = earlierOf({
      'IK-01': [['TW1', 90]],
      'IK-02': [['TW1', 80]],
      'IK-03': [['TW1', 79]],
      'IK-04': [['TW1', 4]],
    });
    const upload = csv(
      'kode_indikator;realisasi;faktor_penghambat',
      'IK-01;120;',
      'IK-02;88;',
      'IK-03;83;',
      'IK-04;3;Dua kasus baru di sekitar pasar.',
    );
    const checked = await checkPerformanceData(upload, 'tw2.csv', { tahun: 2026, periode: 'TW2' }, config, 'id', {
      pk,
      earlier,
    });
    expect(checked.problems).toEqual([]);
    expect(checked.warnings).toEqual([]);
    expect(
      checked.indicators.map((i) => [i.kode, i.target, i.realisasiPeriode, i.realisasi, i.quartersToDate, i.capaian]),
    ).toEqual([
      ['IK-01', 200, 120, 210, ['TW1', 'TW2'], 105], // kumulatif: 90 + 120 = 210; 210 / 200
      ['IK-02', 87, 88, 88, ['TW2'], 101.15], // non-kumulatif: the position at TW2, 88; 88 / 87 = 1.011494…
      ['IK-03', 80, 83, 81, ['TW1', 'TW2'], 101.25], // rata-rata: (79 + 83) / 2 = 81; 81 / 80
      ['IK-04', 6, 3, 7, ['TW1', 'TW2'], 83.33], // kumulatif turun: 4 + 3 = 7; (2 × 6 − 7) / 6 = 5 / 6
    ]);
    // Per sasaran: S1 (105 + 101.15) / 2 = 103.075 → 103.08; S2 (101.25 + 83.33) / 2 = 92.29.
    expect(checked.summary.sasaran?.map((s) => [s.sasaran, s.capaian])).toEqual([
      [S1, 103.08],
      [S2, 92.29],
    ]);
  });

  it('computes a TW3 figure to date without the quarters not documented, and warns once per group', async () => {
    const pk = await pkOf();
    const earlier = earlierOf({
      'IK-01': [['TW2', 120]],
      'IK-02': [['TW2', 88]],
      'IK-03': [['TW1', 79]],
      'IK-04': [['TW2', 3]],
    });
    const upload = csv(
      'kode_indikator;realisasi;tindak_lanjut',
      'IK-01;100;Percepatan layanan keliling.',
      'IK-02;89;',
      'IK-03;84;',
      'IK-04;2;',
    );
    const checked = await checkPerformanceData(upload, 'tw3.csv', { tahun: 2026, periode: 'TW3' }, config, 'id', {
      pk,
      earlier,
    });
    expect(checked.problems).toEqual([]);
    expect(
      checked.indicators.map((i) => [i.kode, i.target, i.realisasi, i.quartersToDate, i.quartersMissing, i.capaian]),
    ).toEqual([
      ['IK-01', 300, 220, ['TW2', 'TW3'], ['TW1'], 73.33], // 120 + 100 = 220 (TW1 missing); 220 / 300
      // The position at TW3 is the upload's alone: no earlier quarter is part of it, so none is missing.
      ['IK-02', 88, 89, ['TW3'], undefined, 101.14], // the last, 89; 89 / 88 = 1.011363…
      ['IK-03', 81, 81.5, ['TW1', 'TW3'], ['TW2'], 100.62], // (79 + 84) / 2 = 81.5; 81.5 / 81 = 1.006172…
      ['IK-04', 9, 5, ['TW2', 'TW3'], ['TW1'], 144.44], // 3 + 2 = 5; (2 × 9 − 5) / 9 = 13 / 9
    ]);
    const warnings = [
      'Realisasi TW1 belum terdokumentasi untuk 2 indikator (IK-01, IK-04); realisasi s.d. TW3 dihitung tanpa triwulan tersebut.',
      'Realisasi TW2 belum terdokumentasi untuk 1 indikator (IK-03); realisasi s.d. TW3 dihitung tanpa triwulan tersebut.',
    ];
    expect(checked.warnings.map((w) => w.message)).toEqual(warnings);
    // The report carries them to the verifier: they are the file's warnings.
    expect(checked.fileWarnings.map((w) => w.message)).toEqual(warnings);
    const en = await checkPerformanceData(upload, 'tw3.csv', { tahun: 2026, periode: 'TW3' }, config, 'en', {
      pk,
      earlier,
    });
    expect(en.warnings.map((w) => w.message)).toEqual([
      'No documented actual for TW1 for 2 indicators (IK-01, IK-04); the actual to TW3 is computed without that quarter.',
      'No documented actual for TW2 for 1 indicator (IK-03); the actual to TW3 is computed without that quarter.',
    ]);
  });

  it('applies the below-target rule to the joined figure to date', async () => {
    const pk = await pkOf();
    // IK-01 TW2: 90 + 100 = 190 against 200 → 95 %: below target, and the row says nothing about why.
    const earlier = earlierOf({
      'IK-01': [['TW1', 90]],
      'IK-02': [['TW1', 80]],
      'IK-03': [['TW1', 79]],
      'IK-04': [['TW1', 1]],
    });
    const upload = csv('kode_indikator;realisasi', 'IK-01;100', 'IK-02;88', 'IK-03;83', 'IK-04;1');
    const checked = await checkPerformanceData(upload, 'tw2.csv', { tahun: 2026, periode: 'TW2' }, config, 'id', {
      pk,
      earlier,
    });
    expect(checked.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        2,
        'tindak_lanjut',
        'Capaian 95,00 % di bawah 100 %: isi tindak lanjut atau faktor penghambat untuk indikator ini.',
      ],
    ]);
  });

  it('checked without the documented quarters (offline), leaves the below-target rule of a sum or mean to the assembly', async () => {
    const pk = await pkOf();
    const upload = csv('kode_indikator;realisasi', 'IK-01;110', 'IK-02;80', 'IK-03;83', 'IK-04;3');
    const checked = await checkPerformanceData(upload, 'tw2.csv', { tahun: 2026, periode: 'TW2' }, config, 'id', {
      pk,
    });
    // IK-01 kumulatif: 110 of the target to date 200 looks like 55 %, but TW1's figure is not known here; IK-02 is a
    // position, its own figure is its figure to date: 80 / 87 = 91,95 % is below target whatever TW1 was.
    expect(checked.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Capaian 91,95 % di bawah 100 %: isi tindak lanjut atau faktor penghambat untuk indikator ini.'],
    ]);
    expect(checked.indicators.map((i) => [i.kode, i.realisasi, i.quartersMissing, i.capaian])).toEqual([
      ['IK-01', 110, ['TW1'], 55],
      ['IK-03', 83, ['TW1'], 103.75], // 83 / 80
      ['IK-04', 3, ['TW1'], 150], // (2 × 6 − 3) / 6
    ]);
    expect(checked.warnings.map((w) => w.message)).toEqual([
      'Realisasi TW1 tidak tersedia dalam pemeriksaan ini untuk 3 indikator (IK-01, IK-03, IK-04): realisasi s.d. TW2 di atas hanya memuat triwulan ini. Saat laporan disusun, realisasi triwulan yang telah didokumentasikan ikut dihitung, dan capaian di bawah 100 % memerlukan tindak lanjut atau faktor penghambat.',
    ]);
    const en = await checkPerformanceData(upload, 'tw2.csv', { tahun: 2026, periode: 'TW2' }, config, 'en', { pk });
    expect(en.warnings[0]?.message).toBe(
      'No actual for TW1 is available to this check for 3 indicators (IK-01, IK-03, IK-04): the actual to TW2 above holds this quarter only. When the report is assembled the documented quarters are included, and an achievement below 100 % then needs follow-up or inhibiting factors.',
    );
  });

  it('reports an unknown kode and every PK indicator missing from the upload', async () => {
    const pk = await pkOf();
    const upload = csv('kode_indikator;realisasi', 'IK-01;110', 'IK-02;86', 'IK-99;5');
    const checked = await checkPerformanceData(upload, 'tw1.csv', { tahun: 2026, periode: 'TW1' }, config, 'id', {
      pk,
    });
    expect(checked.valid).toBe(false);
    expect(checked.problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [4, 'kode_indikator', 'IK-99', 'Kode indikator tidak terdapat pada Perjanjian Kinerja tahun 2026.'],
      [
        null,
        'kode_indikator',
        'IK-03',
        'Indikator IK-03 (Indeks Kepuasan Masyarakat) pada Perjanjian Kinerja tidak terdapat dalam unggahan ini.',
      ],
      [
        null,
        'kode_indikator',
        'IK-04',
        'Indikator IK-04 (Jumlah kasus gangguan ketertiban umum) pada Perjanjian Kinerja tidak terdapat dalam unggahan ini.',
      ],
    ]);
    // The rows that are right are still computed, for the checker to show.
    expect(checked.indicators.map((i) => i.kode)).toEqual(['IK-01', 'IK-02']);
    const en = await checkPerformanceData(upload, 'tw1.csv', { tahun: 2026, periode: 'TW1' }, config, 'en', { pk });
    expect(en.problems.map((p) => p.message).slice(0, 2)).toEqual([
      'The indicator code is not in the performance agreement (Perjanjian Kinerja) of 2026.',
      'Indicator IK-03 (Indeks Kepuasan Masyarakat) of the performance agreement is missing from this upload.',
    ]);
  });

  it('a row whose realisasi is wrong is not also reported missing, and its other differences are still named', async () => {
    const pk = await pkOf();
    const upload = csv(
      'kode_indikator;satuan;realisasi',
      'IK-01;layanan;110',
      'IK-02;persen;-3',
      'IK-03;indeks;81',
      'IK-04;kasus;2',
    );
    const checked = await checkPerformanceData(upload, 'tw1.csv', { tahun: 2026, periode: 'TW1' }, config, 'id', {
      pk,
    });
    expect(checked.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [3, 'realisasi', '-3'],
      [3, 'satuan', 'persen'],
    ]);
  });

  it('reports a missing kode column once, not every PK indicator as missing', async () => {
    const pk = await pkOf();
    const upload = csv('kode;realisasi_anggaran;realisasi', 'IK-01;1;110').toString().replace('kode;', 'nomor;');
    const checked = await checkPerformanceData(
      Buffer.from(upload),
      'x.csv',
      { tahun: 2026, periode: 'TW1' },
      config,
      'id',
      { pk },
    );
    expect(checked.problems.map((p) => p.message)).toEqual([
      'Kolom wajib "kode_indikator" tidak ditemukan pada baris judul.',
    ]);
  });

  it('checks the full-row columns against the PK: texts without regard to case and spacing, the target to date exactly', async () => {
    const pk = await pkOf();
    const header = 'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;sifat;target;realisasi';
    const upload = csv(
      header,
      `2026;TW2;IK-01;${S1.toUpperCase()};Jumlah  layanan administrasi yang diselesaikan;Layanan;naik;kumulatif;200;120`,
      `2026;TW2;IK-02;${S1};Persentase layanan tepat waktu;%;naik;non kumulatif;95;88`,
      `2026;TW2;IK-03;${S2};Indeks Kepuasan Masyarakat;skor;turun;kumulatif;80;83`,
      `2026;TW2;IK-04;${S2};Jumlah kasus gangguan ketertiban umum;kasus;turun;kumulatif;6;3`,
    );
    const earlier = earlierOf({
      'IK-01': [['TW1', 90]],
      'IK-02': [['TW1', 80]],
      'IK-03': [['TW1', 79]],
      'IK-04': [['TW1', 1]],
    });
    const checked = await checkPerformanceData(upload, 'tw2.csv', { tahun: 2026, periode: 'TW2' }, config, 'id', {
      pk,
      earlier,
    });
    expect(checked.problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [3, 'target', '95', 'Nilai berbeda dengan Perjanjian Kinerja (87).'],
      [4, 'satuan', 'skor', 'Nilai berbeda dengan Perjanjian Kinerja (indeks).'],
      [4, 'polaritas', 'turun', 'Nilai berbeda dengan Perjanjian Kinerja (naik).'],
      [4, 'sifat', 'kumulatif', 'Nilai berbeda dengan Perjanjian Kinerja (rata-rata).'],
    ]);
    expect(
      (await checkPerformanceData(upload, 'tw2.csv', { tahun: 2026, periode: 'TW2' }, config, 'en', { pk, earlier }))
        .problems[0]?.message,
    ).toBe('The value differs from the performance agreement (87).');
  });

  it('takes tahun and periode from the rows when no folder is given, the year of the PK otherwise', async () => {
    const pk = await pkOf();
    const rows = ['IK-01;110', 'IK-02;86', 'IK-03;81', 'IK-04;2'];
    const noPeriod = await checkPerformanceData(csv('kode_indikator;realisasi', ...rows), 'x.csv', null, config, 'id', {
      pk,
    });
    expect(noPeriod.problems.map((p) => p.message)).toEqual([
      'Periode unggahan tidak diketahui: isi kolom periode, atau tentukan periode unggahan (folder masuk/<unit>/<tahun>/<periode>/).',
    ]);
    const withPeriod = await checkPerformanceData(
      csv('periode;kode_indikator;realisasi', ...rows.map((r) => `TW1;${r}`)),
      'x.csv',
      null,
      config,
      'id',
      { pk },
    );
    expect(withPeriod.problems).toEqual([]);
    expect(withPeriod.period).toEqual({ tahun: 2026, periode: 'TW1', fromRows: true });
    const otherYear = await checkPerformanceData(
      csv('kode_indikator;realisasi', ...rows),
      'x.csv',
      { tahun: 2027, periode: 'TW1' },
      config,
      'id',
      { pk },
    );
    expect(otherYear.problems.map((p) => p.message)).toEqual([
      'Perjanjian Kinerja yang dipakai adalah untuk tahun 2026, sedangkan unggahan ini untuk tahun 2027.',
    ]);
  });

  it('without a PK, the short upload is the full-row format and misses its required columns', async () => {
    const parsed = await parsePerformanceData(csv('kode_indikator;realisasi', 'IK-01;110'), 'x.csv', {
      tahun: 2026,
      periode: 'TW1',
    });
    expect(parsed.ok).toBe(false);
    const checked = await checkPerformanceData(
      csv('kode_indikator;realisasi', 'IK-01;110'),
      'x.csv',
      { tahun: 2026, periode: 'TW1' },
      config,
    );
    expect(checked.pk).toBe(false);
    // The first problem says why: the short format needs the year's PK (the tester chose 2027, before its PK).
    expect(checked.problems[0]).toEqual({
      row: null,
      column: null,
      value: null,
      message:
        'Berkas ini berformat ringkas (kode indikator dan realisasi), yang memerlukan Perjanjian Kinerja tahun 2026, tetapi Perjanjian Kinerja tahun tersebut belum diterima. Mohon TIMSAKIP mengunggah Perjanjian Kinerja terlebih dahulu, atau lengkapi berkas dengan kolom format baris lengkap.',
    });
  });

  it('carries sifat, target_renstra_akhir and standar_nasional of a full-row file without a PK', async () => {
    const upload = csv(
      'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi;sifat;target_renstra_akhir;standar_nasional',
      `2026;TW1;IK-01;${S1};IKM;indeks;naik;80;81;Posisi Akhir;85;80`,
    );
    const parsed = await parsePerformanceData(upload, 'x.csv', { tahun: 2026, periode: 'TW1' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.rows[0]).toMatchObject({
      sifat: 'non-kumulatif',
      targetRenstraAkhir: 85,
      standarNasional: 80,
      target: 80,
      realisasi: 81,
    });
  });
});

const NARASI_FULL: [string, string][] = [
  ['Kata Pengantar', 'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa.'],
  ['Ikhtisar Eksekutif', 'Capaian kinerja Kecamatan Karawaci tahun 2026 rata-rata 101 %.'],
  ['latar_belakang', 'Laporan ini disusun sesuai Permenpan RB 53/2014.'],
  ['Duties and functions', 'Kecamatan menyelenggarakan urusan pemerintahan umum.'],
  ['Sumber Daya Manusia', 'Pegawai berjumlah 42 orang.\r\n\r\n\r\nTerdiri atas 30 PNS dan 12 PPPK.'],
  ['Isu Strategis', 'Kepadatan penduduk dan kualitas pelayanan.'],
  ['Rencana Strategis (renstra)', 'Renstra 2025–2029 menetapkan tiga sasaran strategis.'],
  ['Penutup', 'Demikian laporan ini disampaikan.'],
];

async function annualXlsx(
  narasi: [string | null, string | null][] | null,
  periode: Period = 'TAHUNAN',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Data');
  data.addRow(['tahun', 'periode', 'kode_indikator', 'realisasi']);
  // The annual figures, or TW1's.
  const figures = periode === 'TAHUNAN' ? [410, 91, 83, 10] : [110, 86, 81, 2];
  ['IK-01', 'IK-02', 'IK-03', 'IK-04'].forEach((kode, i) => {
    data.addRow([2026, periode, kode, figures[i]]);
  });
  if (narasi) {
    const ws = wb.addWorksheet('Narasi');
    ws.addRow(['Bagian', 'Isi', 'Keterangan']);
    for (const row of narasi) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the Narasi sheet of an annual upload', () => {
  it('reads every section by key or title, Indonesian or English; the annual figure is the uploaded one', async () => {
    const pk = await pkOf();
    const checked = await checkPerformanceData(
      await annualXlsx(NARASI_FULL),
      'lkjip.xlsx',
      { tahun: 2026, periode: 'TAHUNAN' },
      config,
      'id',
      { pk },
    );
    expect(checked.problems).toEqual([]);
    expect(checked.narasi).toEqual({
      kata_pengantar: 'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa.',
      ikhtisar_eksekutif: 'Capaian kinerja Kecamatan Karawaci tahun 2026 rata-rata 101 %.',
      latar_belakang: 'Laporan ini disusun sesuai Permenpan RB 53/2014.',
      tugas_fungsi: 'Kecamatan menyelenggarakan urusan pemerintahan umum.',
      sdm: 'Pegawai berjumlah 42 orang.\n\nTerdiri atas 30 PNS dan 12 PPPK.',
      isu_strategis: 'Kepadatan penduduk dan kualitas pelayanan.',
      renstra: 'Renstra 2025–2029 menetapkan tiga sasaran strategis.',
      penutup: 'Demikian laporan ini disampaikan.',
    });
    // TAHUNAN: the uploaded figure is the annual one, against the annual target.
    expect(checked.indicators.map((i) => [i.kode, i.target, i.realisasi, i.capaian])).toEqual([
      ['IK-01', 400, 410, 102.5], // 410 / 400
      ['IK-02', 90, 91, 101.11], // 91 / 90 = 1.0111…
      ['IK-03', 82, 83, 101.22], // 83 / 82 = 1.012195…
      ['IK-04', 12, 10, 116.67], // (24 − 10) / 12 = 14 / 12
    ]);
  });

  it('names every required section left empty, "-" included', async () => {
    const narasi = NARASI_FULL.filter(([b]) => b !== 'Kata Pengantar' && b !== 'Penutup').concat([['Penutup', '-']]);
    const checked = await checkPerformanceData(
      await annualXlsx(narasi),
      'lkjip.xlsx',
      { tahun: 2026, periode: 'TAHUNAN' },
      config,
      'id',
      {
        pk: await pkOf(),
      },
    );
    expect(checked.valid).toBe(false);
    expect(checked.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [null, 'Isi', "Bagian 'Kata Pengantar' pada lembar Narasi wajib diisi."],
      [8, 'Isi', "Bagian 'Penutup' pada lembar Narasi wajib diisi."],
    ]);
    const en = await checkPerformanceData(
      await annualXlsx(narasi),
      'lkjip.xlsx',
      { tahun: 2026, periode: 'TAHUNAN' },
      config,
      'en',
      {
        pk: await pkOf(),
      },
    );
    expect(en.problems[0]?.message).toBe("Section 'Foreword' of the Narasi sheet is required.");
  });

  it('refuses an unknown section, a section twice, text without a section and text over 20 000 characters', async () => {
    const narasi: [string | null, string | null][] = [
      ...NARASI_FULL,
      ['Lampiran Foto', 'Dokumentasi kegiatan.'],
      ['Kata Pengantar', 'Sekali lagi.'],
      [null, 'Teks tanpa bagian.'],
      ['Analisis Capaian Kinerja', 'x'.repeat(20_001)],
    ];
    const checked = await checkPerformanceData(
      await annualXlsx(narasi),
      'lkjip.xlsx',
      { tahun: 2026, periode: 'TAHUNAN' },
      config,
      'id',
      {
        pk: await pkOf(),
      },
    );
    expect(checked.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        10,
        'Bagian',
        'Bagian tidak dikenal pada lembar Narasi; gunakan salah satu: Kata Pengantar, Ikhtisar Eksekutif, Latar Belakang, Tugas dan Fungsi, Struktur Organisasi, Sumber Daya Manusia, Isu Strategis, Rencana Strategis, Analisis Capaian Kinerja, Realisasi Anggaran, Penutup.',
      ],
      [11, 'Bagian', 'Bagian ini sudah diisi pada baris 2 lembar Narasi.'],
      [12, 'Bagian', 'Kolom bagian pada lembar Narasi wajib diisi bila kolom isi diisi.'],
      [13, 'Isi', 'Teks pada lembar Narasi terlalu panjang; maksimal 20.000 karakter.'],
    ]);
  });

  it('refuses an annual upload without a Narasi sheet, and an annual CSV', async () => {
    const pk = await pkOf();
    const noSheet = await checkPerformanceData(
      await annualXlsx(null),
      'lkjip.xlsx',
      { tahun: 2026, periode: 'TAHUNAN' },
      config,
      'id',
      { pk },
    );
    expect(noSheet.problems.map((p) => p.message)).toEqual([
      'Lembar kerja "Narasi" tidak ditemukan; laporan tahunan (LKjIP) memerlukannya. Mohon salin lembar Narasi dari templat dan isi bagian yang wajib.',
    ]);
    const upload = csv('kode_indikator;realisasi', 'IK-01;410', 'IK-02;91', 'IK-03;83', 'IK-04;10');
    const asCsv = await checkPerformanceData(upload, 'lkjip.csv', { tahun: 2026, periode: 'TAHUNAN' }, config, 'id', {
      pk,
    });
    expect(asCsv.valid).toBe(false);
    expect(asCsv.problems.map((p) => [p.row, p.message])).toEqual([
      [
        null,
        'Laporan tahunan (LKjIP) memerlukan lembar Narasi, yang tidak dapat dimuat dalam berkas CSV. Mohon gunakan templat XLSX (lembar Data dan Narasi).',
      ],
    ]);
    const en = await checkPerformanceData(upload, 'lkjip.csv', { tahun: 2026, periode: 'TAHUNAN' }, config, 'en', {
      pk,
    });
    expect(en.problems[0]?.message).toBe(
      'The annual report (LKjIP) needs the Narasi sheet, which a CSV file cannot hold. Please use the XLSX template (sheets Data and Narasi).',
    );
  });

  it('ignores a Narasi sheet in a quarterly upload', async () => {
    const checked = await checkPerformanceData(
      await annualXlsx([['Bab Lain', 'x']], 'TW1'),
      'tw1.xlsx',
      { tahun: 2026, periode: 'TW1' },
      config,
      'id',
      {
        pk: await pkOf(),
      },
    );
    expect(checked.problems).toEqual([]);
    expect(checked).not.toHaveProperty('narasi');
  });
});

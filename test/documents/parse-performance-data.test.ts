import { readFileSync } from 'node:fs';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataProblem, IndicatorRow } from '../../functions/core/performance-data.ts';
import { MAX_DATA_ROWS, parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { makeZip, stored, WORKBOOK_PARTS } from '../fixtures/zip.ts';

const EXPECTED = { tahun: 2026, periode: 'TW1' as const };
const HEADER =
  'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi;pagu;realisasi_anggaran;faktor_penghambat;tindak_lanjut;keterangan';
const SS = 'Meningkatnya kualitas pelayanan publik kecamatan';

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function csv(...lines: string[]): Uint8Array {
  return bytes(`${lines.join('\n')}\n`);
}

async function parse(data: Uint8Array, name = 'data.csv', lang: 'id' | 'en' = 'id') {
  return parsePerformanceData(data, name, EXPECTED, { lang });
}

async function rowsOf(data: Uint8Array, name = 'data.csv'): Promise<IndicatorRow[]> {
  const r = await parse(data, name);
  if (!r.ok) throw new Error(`expected valid data, got ${JSON.stringify(r.problems, null, 1)}`);
  return r.rows;
}

async function problemsOf(data: Uint8Array, name = 'data.csv', lang: 'id' | 'en' = 'id'): Promise<DataProblem[]> {
  const r = await parse(data, name, lang);
  if (r.ok) throw new Error('expected problems, got valid data');
  return r.problems;
}

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url));
}

describe('CSV parsing', () => {
  it('reads a ;-separated file with Indonesian numbers', async () => {
    const rows = await rowsOf(
      csv(
        HEADER,
        `2026;TW1;IK-01;${SS};Indeks Kepuasan Masyarakat;indeks;naik;82;83,45;185.000.000;41.250.000;;;`,
        `2026;TW1;IK-02;${SS};Waktu penyelesaian pengaduan;hari;turun;5;4,2;1.250.000,50;;;;`,
      ),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      row: 2,
      tahun: 2026,
      periode: 'TW1',
      kode: 'IK-01',
      sasaran: SS,
      satuan: 'indeks',
      polaritas: 'naik',
      target: 82,
      realisasi: 83.45,
      pagu: 185_000_000,
      realisasiAnggaran: 41_250_000,
    });
    expect(rows[0]?.faktorPenghambat).toBeUndefined();
    expect(rows[1]).toMatchObject({ row: 3, polaritas: 'turun', realisasi: 4.2, pagu: 1_250_000.5 });
  });

  it('reads a ,-separated file with English numbers and quoted fields', async () => {
    const header = HEADER.replaceAll(';', ',');
    const rows = await rowsOf(
      csv(
        header,
        `2026,TW1,IK-01,"${SS}, khususnya loket","Indeks Kepuasan Masyarakat",indeks,naik,82,83.45,"1,240,000.50",,,,`,
      ),
    );
    expect(rows[0]).toMatchObject({ sasaran: `${SS}, khususnya loket`, realisasi: 83.45, pagu: 1_240_000.5 });
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends', async () => {
    const text = `\uFEFF${HEADER}\r\n2026;TW1;IK-01;${SS};IKM;indeks;naik;82;83,45;;;;;\r\n`;
    const rows = await rowsOf(bytes(text));
    expect(rows[0]?.tahun).toBe(2026);
    expect(rows[0]?.keterangan).toBeUndefined();
  });

  it('accepts English headers, case and spacing variants, up/down and period spellings', async () => {
    const rows = await rowsOf(
      csv(
        'Year;Period;Indicator Code;Strategic Goal;Indicator;Unit;Polarity;Target (%);Actual;Follow-up',
        `2026;tw 1;IK-01;${SS};IKM;indeks;Up;82;83,45;`,
        `2026;Triwulan I;IK-02;${SS};Pengaduan;hari;DOWN;5;4,5;`,
      ),
    );
    expect(rows.map((r) => [r.periode, r.polaritas])).toEqual([
      ['TW1', 'naik'],
      ['TW1', 'turun'],
    ]);
  });

  it('finds the header below a title block and keeps sheet row numbers', async () => {
    const problems = await problemsOf(
      csv('LAPORAN DATA KINERJA;;', 'Kecamatan Karawaci;;', HEADER, `2026;TW1;IK-01;${SS};IKM;indeks;naik;82;;;;;;`),
    );
    expect(problems).toEqual([{ row: 4, column: 'realisasi', value: null, message: 'Wajib diisi.' }]);
  });

  it('skips blank lines without renumbering', async () => {
    const rows = await rowsOf(csv(HEADER, '', `2026;TW1;IK-01;${SS};IKM;indeks;naik;82;83;;;;;`, ';;;;'));
    expect(rows.map((r) => r.row)).toEqual([3]);
  });

  it('decodes a windows-1252 file that is not UTF-8', async () => {
    const text = `${HEADER}\n2026;TW1;IK-01;${SS};Luas taman;m\u00B2;naik;82;83;;;;;\n`;
    const latin = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const rows = await rowsOf(latin);
    expect(rows[0]?.satuan).toBe('m²');
  });

  it('treats a trailing % and a leading Rp as decoration', async () => {
    const rows = await rowsOf(csv(HEADER, `2026;TW1;IK-01;${SS};IKM;%;naik;95 %;96,5%;Rp 1.000.000;Rp. 250.000;;;`));
    expect(rows[0]).toMatchObject({ target: 95, realisasi: 96.5, pagu: 1_000_000, realisasiAnggaran: 250_000 });
  });
});

describe('text encodings: never altered silently', () => {
  const mixedMessage = (found: string) =>
    `Baris ini memuat ${found} yang tidak valid dalam UTF-8, padahal bagian lain berkas ini UTF-8; teksnya akan rusak bila dibaca. Simpan berkas sebagai "CSV UTF-8 (Comma delimited)" lalu unggah kembali.`;

  it('refuses a file mixing UTF-8 and windows-1252, naming each line with invalid bytes and what they are', async () => {
    const problems = await problemsOf(fixture('campuran-utf8-cp1252.csv'));
    expect(problems).toEqual([
      { row: 3, column: null, value: 'm\uFFFD', message: mixedMessage('byte 0xB2 ("²" dalam windows-1252)') },
      {
        row: 5,
        column: null,
        value: 'Dihitung oleh Ibu M\uFFFDller',
        message: mixedMessage('byte 0xFC ("ü" dalam windows-1252)'),
      },
    ]);
    const en = await problemsOf(fixture('campuran-utf8-cp1252.csv'), 'data.csv', 'en');
    expect(en[0]?.message).toBe(
      'This row holds byte 0xB2 ("²" in windows-1252), which is not valid UTF-8, while the rest of the file is UTF-8; its text would be garbled. Save the file as "CSV UTF-8 (Comma delimited)" and upload it again.',
    );
  });

  it('names the first 20 such lines and counts the rest', async () => {
    const bad = `2026;TW1;IK-01;${SS};Luas;m\u00B2;naik;1;1;;;;;`;
    const text = Buffer.concat([
      Buffer.from(`${HEADER}\n2026;TW1;IK-00;${SS};Luas;m²;naik;1;1;;;;;\n`),
      Buffer.from(`${bad}\n`.repeat(25), 'latin1'),
    ]);
    const problems = await problemsOf(new Uint8Array(text));
    expect(problems.map((p) => p.row)).toEqual([...Array.from({ length: 20 }, (_, i) => i + 3), null]);
    expect(problems.at(-1)?.message).toBe(
      '… dan 5 baris lain dengan byte yang tidak valid dalam UTF-8. Simpan berkas sebagai "CSV UTF-8 (Comma delimited)" lalu unggah kembali.',
    );
  });

  it('reads a file that is windows-1252 throughout, and warns that it did', async () => {
    const r = await parse(fixture('windows-1252.csv'));
    expect(r.ok).toBe(true);
    expect(r.rows.map((x) => [x.satuan, x.indikator, x.keterangan])).toEqual([
      ['m²', 'Luas taman kota', 'Data dari Bp. Müller'],
      ['layanan', 'Pelayanan kafé warga', undefined],
    ]);
    expect(r.warnings).toEqual([
      {
        row: null,
        column: null,
        value: null,
        message:
          'Berkas dibaca sebagai windows-1252, bukan UTF-8 (contoh: "m²" pada baris 2); periksa huruf khusus pada laporan. Mohon simpan sebagai "CSV UTF-8 (Comma delimited)" untuk unggahan berikutnya.',
      },
    ]);
    const en = await parse(fixture('windows-1252.csv'), 'data.csv', 'en');
    expect(en.warnings.map((w) => w.message)).toEqual([
      'The file was read as windows-1252, not UTF-8 (e.g. "m²" on row 2); check special letters in the report. Please save it as "CSV UTF-8 (Comma delimited)" for the next upload.',
    ]);
  });

  it('reads UTF-8 exactly as written, without a warning', async () => {
    const r = await parse(fixture('utf8-khusus.csv'));
    expect(r.ok).toBe(true);
    expect(r.rows[0]).toMatchObject({ satuan: 'm²', keterangan: 'Data dari Bp. Müller — “final”' });
    expect(r.warnings).toEqual([]);
  });
});

describe('the row limit stops reading', () => {
  const line = `2026;TW1;K;${SS};IKM;indeks;naik;82;83;;;;;`;
  const tooMany = (limit: number) => `Terlalu banyak baris data (lebih dari ${limit}); batas ${limit} baris.`;

  it('refuses a 10 MB CSV of five million one-character rows without reading them all', async () => {
    const data = Buffer.alloc(10 * 1024 * 1024, 'x\n');
    data.write(`${HEADER}\n`);
    const problems = await problemsOf(new Uint8Array(data));
    expect(problems).toEqual([expect.objectContaining({ row: null, message: tooMany(MAX_DATA_ROWS) })]);
  });

  it('never reaches a CSV error that lies after the limit', async () => {
    // Reading every row would end in the unclosed quote of the last line and report that instead. The rows start
    // with a quoted cell, which the byte scan before csv-parse does not count: csv-parse's stream stops here.
    const rows = `"2026";${line.slice(5)}\n`.repeat(5_000);
    const data = bytes(`${HEADER}\n${rows}2026;TW1;"IK-X;${SS}\n`);
    const r = await parsePerformanceData(data, 'data.csv', EXPECTED, { maxRows: 2 });
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ message: tooMany(2) })]);
    // The same file within the limit reads to its end, and finds the quote.
    const all = await parsePerformanceData(data, 'data.csv', EXPECTED, { maxRows: 10_000 });
    expect(all.ok ? [] : all.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('tanda kutip (") yang dibuka tetapi tidak ditutup'),
    ]);
  });

  it('never inflates the part of an XLSX sheet that lies after the limit', async () => {
    // A sheet whose compressed data turns to garbage after 5 000 rows: inflating that far fails the file.
    const cell = (ref: string, v: string | number) =>
      typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const cols = 'ABCDEFGHI';
    const xmlRow = (r: number, values: (string | number)[]) =>
      `<row r="${r}">${values.map((v, i) => cell(`${cols[i]}${r}`, v)).join('')}</row>`;
    const header = ['tahun', 'periode', 'kode_indikator', 'sasaran_strategis', 'indikator', 'satuan', 'polaritas'];
    let xml = `<worksheet><sheetData>${xmlRow(1, [...header, 'target', 'realisasi'])}`;
    for (let r = 2; r <= 5_001; r++) xml += xmlRow(r, [2026, 'TW1', `K${r}`, SS, 'IKM', 'indeks', 'naik', 82, 83]);
    const prefix = Buffer.from(xml);
    const data = Buffer.concat([
      deflateRawSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH }),
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ]);
    const zip = makeZip([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: prefix.length + 1_000 },
    ]);
    const r = await parsePerformanceData(zip, 'data.xlsx', EXPECTED, { maxRows: 2 });
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ message: tooMany(2) })]);
    const all = await parsePerformanceData(zip, 'data.xlsx', EXPECTED, { maxRows: 10_000 });
    expect(all.ok ? [] : all.problems.map((p) => p.message)).toEqual(['Berkas XLSX rusak atau tidak dapat dibaca.']);
  });

  it('counts the rows exactly when the file ends soon after the limit', async () => {
    const r = await parsePerformanceData(bytes(`${HEADER}\n${`${line}\n`.repeat(5)}`), 'data.csv', EXPECTED, {
      maxRows: 2,
    });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['Terlalu banyak baris data (5); batas 2 baris.']);
  });
});

describe('number style', () => {
  it('rejects a file mixing Indonesian and English styles, naming an example of each', async () => {
    const problems = await problemsOf(fixture('ambiguous-numbers.csv'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: null, column: null });
    expect(problems[0]?.message).toContain('Format angka campuran');
    expect(problems[0]?.message).toContain('"83,45" (baris 2, kolom realisasi)');
    expect(problems[0]?.message).toContain('"96.80" (baris 3, kolom realisasi)');
  });

  it('reads "1.500" in a ;-separated file as fifteen hundred', async () => {
    const rows = await rowsOf(csv(HEADER, `2026;TW1;IK-01;${SS};Jumlah layanan;layanan;naik;1.500;1.650;;;;;`));
    expect(rows[0]).toMatchObject({ target: 1500, realisasi: 1650 });
  });

  it('follows the unambiguous cells of the file for the ambiguous ones', async () => {
    const header = HEADER.replaceAll(';', ',');
    const rows = await rowsOf(csv(header, `2026,TW1,IK-01,${SS},Jumlah,layanan,naik,"1,500",1520.5,,,,,`));
    expect(rows[0]).toMatchObject({ target: 1500, realisasi: 1520.5 });
  });

  it('does not guess an ambiguous number in a ,-separated file without evidence', async () => {
    const header = HEADER.replaceAll(';', ',');
    const problems = await problemsOf(csv(header, `2026,TW1,IK-01,${SS},Jumlah,layanan,naik,1.500,1600,,,,,`));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'target',
        value: '1.500',
        message: expect.stringContaining('Angka ambigu'),
      }),
    ]);
  });
});

describe('problems', () => {
  it('reports every missing required column on the header row', async () => {
    const problems = await problemsOf(fixture('missing-column.csv'));
    expect(problems).toEqual([
      {
        row: 1,
        column: 'polaritas',
        value: null,
        message: 'Kolom wajib "polaritas" tidak ditemukan pada baris judul.',
      },
      {
        row: 1,
        column: 'realisasi',
        value: null,
        message: 'Kolom wajib "realisasi" tidak ditemukan pada baris judul.',
      },
    ]);
  });

  it('names missing columns in English when asked', async () => {
    const problems = await problemsOf(fixture('missing-column.csv'), 'data.csv', 'en');
    expect(problems.map((p) => p.column)).toEqual(['polarity', 'actual']);
    expect(problems[0]?.message).toBe('Required column "polarity" is missing from the header row.');
  });

  it('reports non-numbers and negatives with row, column and value', async () => {
    const problems = await problemsOf(fixture('bad-numbers.csv'));
    expect(problems).toEqual([
      { row: 2, column: 'realisasi', value: 'delapan puluh', message: 'Bukan angka yang valid.' },
      { row: 3, column: 'target', value: '-5', message: 'Nilai tidak boleh negatif.' },
      { row: 4, column: 'realisasi', value: '4,2,1', message: 'Bukan angka yang valid.' },
    ]);
  });

  it('reports duplicates of tahun + periode + kode (case-insensitive) at the later row', async () => {
    const problems = await problemsOf(fixture('duplicate.csv'));
    expect(problems).toEqual([
      {
        row: 4,
        column: 'kode_indikator',
        value: 'ik-01',
        message: 'Duplikat: kombinasi tahun, periode, dan kode indikator sudah ada pada baris 2.',
      },
    ]);
  });

  it('reports tahun and periode that do not match the upload folder, and unknown periods', async () => {
    const problems = await problemsOf(fixture('wrong-period.csv'));
    expect(problems).toEqual([
      {
        row: 2,
        column: 'periode',
        value: 'TW2',
        message: 'Periode tidak sesuai dengan periode yang dipilih untuk unggahan ini (TW1).',
      },
      {
        row: 3,
        column: 'tahun',
        value: '2025',
        message: 'Tahun tidak sesuai dengan tahun yang dipilih untuk unggahan ini (2026).',
      },
      {
        row: 4,
        column: 'periode',
        value: 'Semester 1',
        message: 'Periode tidak dikenal; gunakan TW1, TW2, TW3, TW4, atau TAHUNAN.',
      },
    ]);
  });

  it('reports empty required cells, unknown polaritas and a bad year, all rows at once', async () => {
    const problems = await problemsOf(
      csv(
        HEADER,
        `2026;TW1;;${SS};;indeks;naik;82;83;;;;;`,
        `2026;TW1;IK-02;${SS};IKM;indeks;positif;82;83;;;;;`,
        `26;TW1;IK-03;${SS};IKM;indeks;naik;82;83;;;;;`,
      ),
    );
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'kode_indikator', 'Wajib diisi.'],
      [2, 'indikator', 'Wajib diisi.'],
      [3, 'polaritas', expect.stringContaining('Polaritas tidak dikenal')],
      [4, 'tahun', 'Tahun harus berupa angka empat digit.'],
    ]);
  });

  it('requires tindak lanjut or faktor penghambat below 100% (a lone "-" does not count)', async () => {
    const problems = await problemsOf(
      csv(
        HEADER,
        `2026;TW1;IK-01;${SS};IKM;indeks;naik;90;72,5;;;;;`,
        `2026;TW1;IK-02;${SS};Kasus;kasus;turun;12;15;;;;-;`,
        `2026;TW1;IK-03;${SS};Adminduk;%;naik;95;90;;;Dokumen pihak ketiga terlambat.;;`,
        `2026;TW1;IK-04;${SS};Laporan;%;naik;100;87,5;;;;Pendampingan operator.;`,
      ),
    );
    expect(problems).toEqual([
      {
        row: 2,
        column: 'tindak_lanjut',
        value: null,
        message: 'Capaian 80,56 % di bawah 100 %: isi tindak lanjut atau faktor penghambat untuk indikator ini.',
      },
      {
        row: 3,
        column: 'tindak_lanjut',
        value: '-',
        message: 'Capaian 75,00 % di bawah 100 %: isi tindak lanjut atau faktor penghambat untuk indikator ini.',
      },
    ]);
  });

  it('a turun row with target 0 is rated by the default rule and needs a narrative only when not achieved', async () => {
    expect(await rowsOf(csv(HEADER, `2026;TW1;IK-01;${SS};Kasus;kasus;turun;0;0;;;;;`))).toHaveLength(1);
    expect(await problemsOf(csv(HEADER, `2026;TW1;IK-01;${SS};Kasus;kasus;turun;0;2;;;;;`))).toEqual([
      expect.objectContaining({ row: 2, column: 'tindak_lanjut', message: expect.stringContaining('0,00 %') }),
    ]);
  });

  it('requires keterangan when the target is 0 and no rule gives a capaian, and accepts the row once explained', async () => {
    const problems = await problemsOf(csv(HEADER, `2026;TW1;IK-01;${SS};Kasus;kasus;naik;0;2;;;;;`));
    expect(problems).toEqual([
      {
        row: 2,
        column: 'keterangan',
        value: null,
        message: 'Target 0: capaian tidak dapat dihitung. Jelaskan di kolom keterangan.',
      },
    ]);
    const rows = await rowsOf(
      csv(HEADER, `2026;TW1;IK-01;${SS};Kasus;kasus;naik;0;2;;;;;"Target nol sesuai Renstra; dua kasus tertangani."`),
    );
    expect(rows[0]?.keterangan).toBe('Target nol sesuai Renstra; dua kasus tertangani.');
  });

  it('reports a row with more cells than the header', async () => {
    const problems = await problemsOf(csv(HEADER, `2026;TW1;IK-01;${SS};IKM;indeks;naik;82;83;;;;;;sisa`));
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: null, value: 'sisa' })]);
  });

  it('reports a duplicated header column', async () => {
    const problems = await problemsOf(csv(`${HEADER};Target`, `2026;TW1;IK-01;${SS};IKM;indeks;naik;82;83;;;;;;82`));
    expect(problems).toEqual([
      expect.objectContaining({ row: 1, column: 'Target', message: expect.stringContaining('lebih dari sekali') }),
    ]);
  });

  it('reports a header with no data below it', async () => {
    expect(await problemsOf(csv(HEADER))).toEqual([
      expect.objectContaining({ message: 'Tidak ada baris data di bawah judul kolom.' }),
    ]);
  });

  it('reports broken CSV quoting with its line', async () => {
    const problems = await problemsOf(csv(HEADER, `2026;TW1;IK-01;"${SS};IKM;indeks;naik;82;83;;;;;`));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('Struktur CSV rusak');
    expect(problems[0]?.row).toBe(2);
  });
});

describe('file-level checks', () => {
  it('rejects an empty or blank file', async () => {
    expect(await problemsOf(new Uint8Array())).toEqual([
      { row: null, column: null, value: null, message: 'Berkas kosong.' },
    ]);
    expect((await problemsOf(bytes(' \n\n ')))[0]?.message).toBe('Berkas kosong.');
  });

  it('rejects a file over 10 MB before reading it', async () => {
    const problems = await problemsOf(new Uint8Array(10 * 1024 * 1024 + 1));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('batas ukuran 10 MB');
  });

  it(`rejects more than ${MAX_DATA_ROWS} data rows`, async () => {
    const line = `2026;TW1;K;${SS};IKM;indeks;naik;82;83;;;;;`;
    const problems = await problemsOf(bytes(`${HEADER}\n${`${line}\n`.repeat(MAX_DATA_ROWS + 1)}`));
    expect(problems).toEqual([
      expect.objectContaining({ row: null, message: expect.stringContaining('Terlalu banyak baris data') }),
    ]);
  });

  it('recognises binary files by content, whatever their name', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await problemsOf(png, 'data.csv'))[0]?.message).toContain('(PNG)');
    const pdf = bytes('%PDF-1.7\n...');
    expect((await problemsOf(pdf, 'data.xlsx'))[0]?.message).toContain('(PDF)');
    const noise = Uint8Array.from([1, 2, 0, 4, 5, 0, 7]);
    expect((await problemsOf(noise, 'data.bin'))[0]?.message).toContain('Format berkas tidak didukung');
  });

  it('explains legacy .xls and UTF-16 files', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await problemsOf(ole, 'data.xls'))[0]?.message).toContain('.xls');
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x74, 0, 0x61, 0]);
    expect((await problemsOf(utf16))[0]?.message).toContain('UTF-16');
  });

  it('parses a CSV named .xlsx by its content', async () => {
    const rows = await rowsOf(csv(HEADER, `2026;TW1;IK-01;${SS};IKM;indeks;naik;82;83;;;;;`), 'data.xlsx');
    expect(rows).toHaveLength(1);
  });
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const XLSX_HEADER = [
  'Tahun',
  'Periode',
  'Kode Indikator',
  'Sasaran Strategis',
  'Indikator',
  'Satuan',
  'Polaritas',
  'Target',
  'Realisasi',
  'Tindak Lanjut',
];

describe('XLSX parsing', () => {
  it('reads the sheet named "Data", formula cells as their cached result', async () => {
    const data = await workbook((wb) => {
      wb.addWorksheet('Petunjuk').addRow(['Isi lembar Data.']);
      const ws = wb.addWorksheet('Data');
      ws.addRow(XLSX_HEADER);
      ws.addRow([2026, 'TW1', 'IK-01', SS, 'IKM', 'indeks', 'naik', 82, { formula: 'H2+1.45', result: 83.45 }, null]);
      ws.addRow([
        2026,
        'TW1',
        'IK-02',
        SS,
        { richText: [{ text: 'Adminduk ' }, { text: 'tepat waktu' }] },
        '%',
        'naik',
        95,
        '96,8',
        null,
      ]);
    });
    const rows = await rowsOf(data, 'data.xlsx');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: 2, tahun: 2026, kode: 'IK-01', realisasi: 83.45 });
    expect(rows[1]).toMatchObject({ row: 3, indikator: 'Adminduk tepat waktu', realisasi: 96.8 });
  });

  it('reads the first worksheet when none is named "Data"', async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet('Kinerja TW1');
      ws.addRow(XLSX_HEADER);
      ws.addRow([2026, 'TW1', 'IK-01', SS, 'IKM', 'indeks', 'naik', 82, 83, null]);
      wb.addWorksheet('Lain').addRow(['abaikan']);
    });
    expect(await rowsOf(data, 'data.xlsx')).toHaveLength(1);
  });

  it('reports a formula without a stored value, an Excel error, and a date in a number column', async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(XLSX_HEADER);
      ws.addRow([2026, 'TW1', 'IK-01', SS, 'IKM', 'indeks', 'naik', 82, { formula: 'H2*2' }, null]);
      ws.addRow([
        2026,
        'TW1',
        'IK-02',
        SS,
        'IKM',
        'indeks',
        'naik',
        { formula: '1/0', result: { error: '#DIV/0!' } },
        80,
        'x',
      ]);
      ws.addRow([2026, 'TW1', 'IK-03', SS, 'IKM', 'indeks', 'naik', 82, new Date('2026-03-01T00:00:00Z'), 'x']);
    });
    const problems = await problemsOf(data, 'data.xlsx');
    expect(problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [2, 'Realisasi', '=H2*2', expect.stringContaining('Rumus tanpa nilai tersimpan')],
      [3, 'Target', '#DIV/0!', 'Sel berisi galat Excel.'],
      [4, 'Realisasi', '2026-03-01', 'Bukan angka yang valid.'],
    ]);
  });

  it('reads the committed valid.xlsx fixture', async () => {
    const rows = await rowsOf(fixture('valid.xlsx'), 'valid.xlsx');
    expect(rows.map((r) => [r.kode, r.realisasi])).toEqual([
      ['IK-01', 83.45],
      ['IK-04', 77.78],
      ['IK-06', 15],
    ]);
    expect(rows[1]?.tindakLanjut).toContain('pihak ketiga');
  });
});

describe('zip-bomb guard', () => {
  it('rejects a zip whose central directory declares more than 100 MB', async () => {
    const bomb = deflateRawSync(Buffer.alloc(1024));
    const data = makeZip([
      stored('[Content_Types].xml', '<Types/>'),
      stored('xl/workbook.xml', '<workbook/>'),
      { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declaredSize: 0xfffffff0 },
    ]);
    const problems = await problemsOf(data, 'data.xlsx');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('batas 100 MB');
  });

  it('rejects a zip that inflates beyond its declared size', async () => {
    const bomb = deflateRawSync(Buffer.alloc(4 * 1024 * 1024));
    const data = makeZip([
      stored('[Content_Types].xml', '<Types/>'),
      stored('xl/workbook.xml', '<workbook/>'),
      { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declaredSize: 1000 },
    ]);
    const problems = await problemsOf(data, 'data.xlsx');
    expect(problems[0]?.message).toContain('tidak konsisten');
  });

  it('rejects a zip that is not a workbook, and a damaged one', async () => {
    const other = makeZip([stored('word/document.xml', '<w/>'), stored('[Content_Types].xml', '<Types/>')]);
    expect((await problemsOf(other, 'surat.docx'))[0]?.message).toContain('bukan buku kerja Excel');
    const damaged = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await problemsOf(damaged, 'data.xlsx'))[0]?.message).toContain('rusak');
  });
});

describe('sample data for the demo', () => {
  const samples = ['kinerja-tw1-awal.csv', 'kinerja-tw1-perbaikan-1.csv', 'kinerja-tw1-perbaikan-2.csv'];

  it.each(samples)('%s is valid for karawaci 2026 TW1', async (name) => {
    const data = readFileSync(new URL(`../../infra/local/sample/${name}`, import.meta.url));
    const rows = await rowsOf(data, name);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.tahun === 2026 && r.periode === 'TW1')).toBe(true);
    expect(rows.find((r) => r.kode === 'IK-06')?.polaritas).toBe('turun');
    expect(rows.every((r) => r.pagu !== undefined && r.realisasiAnggaran !== undefined)).toBe(true);
  });

  it('corrects one realisasi between the first upload and the first revision', async () => {
    const read = async (name: string) =>
      rowsOf(readFileSync(new URL(`../../infra/local/sample/${name}`, import.meta.url)), name);
    const [awal, rev1] = await Promise.all([read(samples[0]!), read(samples[1]!)]);
    const changed = awal.filter((r, i) => r.realisasi !== rev1[i]?.realisasi).map((r) => r.kode);
    expect(changed).toEqual(['IK-04']);
  });
});

describe('what the offline checker gets', () => {
  it('takes tahun and periode from the first readable row when none are expected', async () => {
    const r = await parsePerformanceData(
      csv(HEADER, `;TW2;IK-01;${SS};IKM;indeks;naik;82;83;;;;;`, `2027;tw 2;IK-02;${SS};IKM;indeks;naik;82;83;;;;;`),
      'data.csv',
      null,
    );
    expect(r.period).toEqual({ tahun: 2027, periode: 'TW2', fromRows: true });
    expect(r.ok ? [] : r.problems).toEqual([{ row: 2, column: 'tahun', value: null, message: 'Wajib diisi.' }]);
  });

  it('returns the rows without problems next to the problems', async () => {
    const r = await parse(
      csv(
        HEADER,
        `2026;TW1;IK-01;${SS};IKM;indeks;naik;82;83,45;;;;;`,
        `2026;TW1;IK-02;${SS};IKM;indeks;naik;82;x;;;;;`,
        `2026;TW1;IK-03;${SS};IKM;indeks;turun;5;4,2;;;;;`,
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.rows.map((x) => x.kode)).toEqual(['IK-01', 'IK-03']);
    expect(r.period).toEqual({ tahun: 2026, periode: 'TW1', fromRows: false });
  });
});

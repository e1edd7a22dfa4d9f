/**
 * One test per validation rule of the parser, each with its exact message in Bahasa Indonesia and in English
 * (`--lang en`), and only that problem: the input breaks exactly one rule.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../../functions/core/performance-data.ts';
import {
  type ExpectedPeriod,
  type ParseOptions,
  parsePerformanceData,
} from '../../functions/documents/upload/index.ts';
import { deflated, makeZip, stored, WORKBOOK_PARTS } from '../fixtures/zip.ts';

const SS = 'Meningkatnya kualitas pelayanan publik kecamatan';
const HEADER =
  'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi;tindak_lanjut;keterangan';
const row = (
  over: Partial<
    Record<'tahun' | 'periode' | 'kode' | 'polaritas' | 'target' | 'realisasi' | 'tl' | 'ket', string>
  > = {},
) =>
  [
    over.tahun ?? '2026',
    over.periode ?? 'TW1',
    over.kode ?? 'IK-01',
    SS,
    'Indeks Kepuasan Masyarakat',
    'indeks',
    over.polaritas ?? 'naik',
    over.target ?? '82',
    over.realisasi ?? '83,45',
    over.tl ?? '',
    over.ket ?? '',
  ].join(';');
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow([
    'Tahun',
    'Periode',
    'Kode Indikator',
    'Sasaran Strategis',
    'Indikator',
    'Satuan',
    'Polaritas',
    'Target',
    'Realisasi',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const xrow = (target: ExcelJS.CellValue, realisasi: ExcelJS.CellValue): ExcelJS.CellValue[] => [
  2026,
  'TW1',
  'IK-01',
  SS,
  'IKM',
  'indeks',
  'naik',
  target,
  realisasi,
];

interface Rule {
  rule: string;
  input: () => Buffer | Promise<Buffer>;
  fileName?: string;
  expected?: ExpectedPeriod | null;
  options?: ParseOptions;
  id: DataProblem[];
  en: string[];
}

const wholeFile = (message: string): DataProblem => ({ row: null, column: null, value: null, message });
const TW1: ExpectedPeriod = { tahun: 2026, periode: 'TW1' };

const RULES: Rule[] = [
  {
    rule: 'empty file',
    input: () => Buffer.alloc(0),
    id: [wholeFile('Berkas kosong.')],
    en: ['The file is empty.'],
  },
  {
    rule: 'file larger than the configured maxFileMB',
    input: () => Buffer.alloc(1024 * 1024 + 1, 0x41),
    options: { maxFileMB: 1 },
    id: [wholeFile('Berkas terlalu besar (1,0 MB); batas ukuran 1 MB.')],
    en: ['The file is too large (1.0 MB); the limit is 1 MB.'],
  },
  {
    rule: 'legacy .xls (OLE)',
    input: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    fileName: 'data.xls',
    id: [
      wholeFile(
        'Berkas Excel lama (.xls) atau berkas Excel yang dienkripsi tidak didukung. Simpan sebagai .xlsx tanpa kata sandi, atau sebagai CSV UTF-8.',
      ),
    ],
    en: [
      'Legacy Excel (.xls) or password-protected Excel files are not supported. Save as .xlsx without a password, or as CSV UTF-8.',
    ],
  },
  {
    rule: 'another binary format',
    input: () => Buffer.from('%PDF-1.7\n%âãÏÓ\n'),
    fileName: 'data.csv',
    id: [wholeFile('Format berkas tidak didukung (PDF). Unggah data kinerja sebagai XLSX atau CSV (UTF-8).')],
    en: ['Unsupported file format (PDF). Upload performance data as XLSX or CSV (UTF-8).'],
  },
  {
    rule: 'UTF-16 text',
    input: () => Buffer.from(`\uFEFF${HEADER}\n`, 'utf16le'),
    id: [wholeFile('Berkas CSV tersimpan dalam UTF-16. Simpan ulang sebagai "CSV UTF-8 (Comma delimited)".')],
    en: ['The CSV file is UTF-16 encoded. Save it again as "CSV UTF-8 (Comma delimited)".'],
  },
  {
    rule: 'unclosed CSV quote',
    input: () => csv(HEADER, `2026;TW1;IK-01;"${SS};IKM;indeks;naik;82;83;;`),
    id: [
      {
        row: 2,
        column: null,
        value: null,
        message:
          'Struktur CSV rusak: ada tanda kutip (") yang dibuka tetapi tidak ditutup. Periksa tanda kutip pada baris ini.',
      },
    ],
    en: ['Broken CSV structure: a quote (") is opened but never closed. Check the quotes on this row.'],
  },
  {
    rule: 'damaged ZIP',
    input: () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
    fileName: 'data.xlsx',
    id: [wholeFile('Berkas XLSX rusak atau tidak dapat dibaca.')],
    en: ['The XLSX file is damaged or cannot be read.'],
  },
  {
    rule: 'ZIP that is not a workbook',
    input: () => makeZip([stored('[Content_Types].xml', '<Types/>'), stored('word/document.xml', '<w/>')]),
    fileName: 'surat.docx',
    id: [wholeFile('Berkas ZIP ini bukan buku kerja Excel (.xlsx).')],
    en: ['This ZIP file is not an Excel workbook (.xlsx).'],
  },
  {
    rule: 'ZIP declaring more than 100 MB (zip bomb)',
    input: () => makeZip([...WORKBOOK_PARTS, deflated('xl/worksheets/sheet1.xml', 1024, 200 * 1024 * 1024)]),
    fileName: 'data.xlsx',
    id: [
      wholeFile(
        'Isi berkas XLSX terlalu besar setelah diekstrak (200,0 MB); batas 100 MB. Hapus lembar kerja atau gambar yang tidak diperlukan.',
      ),
    ],
    en: [
      'The XLSX content is too large once extracted (200.0 MB); the limit is 100 MB. Remove unneeded sheets or images.',
    ],
  },
  {
    rule: 'ZIP inflating beyond its declared size',
    input: () => makeZip([...WORKBOOK_PARTS, deflated('xl/worksheets/sheet1.xml', 1024 * 1024, 1000)]),
    fileName: 'data.xlsx',
    id: [
      wholeFile('Berkas XLSX tidak konsisten: ukuran isi yang tercatat tidak sesuai dengan isinya. Berkas ditolak.'),
    ],
    en: ['The XLSX file is inconsistent: its recorded sizes do not match its content. The file is rejected.'],
  },
  {
    rule: 'ZIP with an unsupported compression method',
    input: () =>
      makeZip([
        ...WORKBOOK_PARTS,
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('BZh9'), method: 12, declaredSize: 4 },
      ]),
    fileName: 'data.xlsx',
    id: [
      wholeFile(
        'Berkas XLSX memakai kompresi atau enkripsi yang tidak didukung. Simpan ulang dari Excel tanpa kata sandi.',
      ),
    ],
    en: ['The XLSX file uses unsupported compression or encryption. Save it again from Excel without a password.'],
  },
  {
    rule: 'ZIP with too many parts',
    input: () => makeZip(WORKBOOK_PARTS, 10_001),
    fileName: 'data.xlsx',
    id: [wholeFile('Berkas XLSX berisi terlalu banyak bagian. Berkas ditolak.')],
    en: ['The XLSX file has too many parts. The file is rejected.'],
  },
  {
    rule: 'workbook without a worksheet',
    input: async () => Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()),
    fileName: 'data.xlsx',
    id: [wholeFile('Buku kerja tidak memiliki lembar kerja.')],
    en: ['The workbook has no worksheet.'],
  },
  {
    rule: 'header without data rows',
    input: () => csv(HEADER),
    id: [wholeFile('Tidak ada baris data di bawah judul kolom.')],
    en: ['There are no data rows below the header row.'],
  },
  {
    rule: 'more data rows than the configured maxRows (CSV)',
    input: () => csv(HEADER, row({ kode: 'IK-01' }), row({ kode: 'IK-02' }), row({ kode: 'IK-03' })),
    options: { maxRows: 2 },
    id: [wholeFile('Terlalu banyak baris data (3); batas 2 baris.')],
    en: ['Too many data rows (3); the limit is 2.'],
  },
  {
    rule: 'more data rows than the configured maxRows (XLSX)',
    input: () => xlsx([xrow(82, 83), xrow(82, 83), xrow(82, 83)]),
    fileName: 'data.xlsx',
    options: { maxRows: 2 },
    id: [wholeFile('Terlalu banyak baris data (3); batas 2 baris.')],
    en: ['Too many data rows (3); the limit is 2.'],
  },
  {
    rule: 'missing required column',
    input: () => csv(HEADER.replace(';satuan', ''), row().replace(';indeks', '')),
    id: [{ row: 1, column: 'satuan', value: null, message: 'Kolom wajib "satuan" tidak ditemukan pada baris judul.' }],
    en: ['Required column "unit" is missing from the header row.'],
  },
  {
    rule: 'column named twice',
    input: () => csv(`${HEADER};Realisasi`, `${row()};83,45`),
    id: [
      {
        row: 1,
        column: 'Realisasi',
        value: 'Realisasi',
        message: 'Kolom "Realisasi" muncul lebih dari sekali pada baris judul.',
      },
    ],
    en: ['Column "Realisasi" appears more than once in the header row.'],
  },
  {
    rule: 'more cells than the header',
    input: () => csv(HEADER, `${row()};lebih`),
    id: [
      {
        row: 2,
        column: null,
        value: 'lebih',
        message:
          'Baris ini memiliki lebih banyak sel daripada judul kolom (mungkin ada pemisah ";" atau "," di dalam teks tanpa tanda kutip).',
      },
    ],
    en: ['This row has more cells than the header (perhaps an unquoted ";" or "," inside a text).'],
  },
  {
    rule: 'empty required cell',
    input: () => csv(HEADER, row({ target: '' })),
    id: [{ row: 2, column: 'target', value: null, message: 'Wajib diisi.' }],
    en: ['Required.'],
  },
  {
    rule: 'text longer than 4000 characters',
    input: () => csv(HEADER, row({ ket: 'x'.repeat(4001) })),
    id: [
      {
        row: 2,
        column: 'keterangan',
        value: `${'x'.repeat(120)}…`,
        message: 'Teks terlalu panjang; maksimal 4000 karakter.',
      },
    ],
    en: ['Text too long; at most 4000 characters.'],
  },
  {
    rule: 'not a number',
    input: () => csv(HEADER, row({ realisasi: 'delapan puluh' })),
    id: [{ row: 2, column: 'realisasi', value: 'delapan puluh', message: 'Bukan angka yang valid.' }],
    en: ['Not a valid number.'],
  },
  {
    rule: 'negative number',
    input: () => csv(HEADER, row({ target: '-5' })),
    id: [{ row: 2, column: 'target', value: '-5', message: 'Nilai tidak boleh negatif.' }],
    en: ['The value must not be negative.'],
  },
  {
    rule: 'formula without a stored value',
    input: () => xlsx([xrow(82, { formula: 'H2*2' } as ExcelJS.CellValue)]),
    fileName: 'data.xlsx',
    id: [
      {
        row: 2,
        column: 'Realisasi',
        value: '=H2*2',
        message: 'Rumus tanpa nilai tersimpan. Buka berkas di Excel, hitung ulang, lalu simpan kembali.',
      },
    ],
    en: ['Formula without a stored value. Open the file in Excel, recalculate and save it again.'],
  },
  {
    rule: 'Excel error value',
    input: () => xlsx([xrow({ error: '#N/A' } as ExcelJS.CellValue, 83)]),
    fileName: 'data.xlsx',
    id: [{ row: 2, column: 'Target', value: '#N/A', message: 'Sel berisi galat Excel.' }],
    en: ['The cell holds an Excel error.'],
  },
  {
    rule: 'year not four digits',
    input: () => csv(HEADER, row({ tahun: '2026/2027' })),
    id: [{ row: 2, column: 'tahun', value: '2026/2027', message: 'Tahun harus berupa angka empat digit.' }],
    en: ['The year must be a four-digit number.'],
  },
  {
    rule: 'year not that of the upload folder',
    input: () => csv(HEADER, row({ tahun: '2025' })),
    id: [
      {
        row: 2,
        column: 'tahun',
        value: '2025',
        message: 'Tahun tidak sesuai dengan tahun yang dipilih untuk unggahan ini (2026).',
      },
    ],
    en: ['The year does not match the year chosen for this upload (2026).'],
  },
  {
    rule: 'unknown period',
    input: () => csv(HEADER, row({ periode: 'Semester 1' })),
    id: [
      {
        row: 2,
        column: 'periode',
        value: 'Semester 1',
        message: 'Periode tidak dikenal; gunakan TW1, TW2, TW3, TW4, atau TAHUNAN.',
      },
    ],
    en: ['Unknown period; use TW1, TW2, TW3, TW4 or TAHUNAN.'],
  },
  {
    rule: 'period not that of the upload folder',
    input: () => csv(HEADER, row({ periode: 'TW3' })),
    id: [
      {
        row: 2,
        column: 'periode',
        value: 'TW3',
        message: 'Periode tidak sesuai dengan periode yang dipilih untuk unggahan ini (TW1).',
      },
    ],
    en: ['The period does not match the period chosen for this upload (TW1).'],
  },
  {
    rule: 'year differing from the other rows (no folder given)',
    input: () => csv(HEADER, row(), row({ kode: 'IK-02', tahun: '2025' })),
    expected: null,
    id: [
      {
        row: 3,
        column: 'tahun',
        value: '2025',
        message: 'Tahun berbeda dengan baris data lain (2026); satu berkas hanya memuat satu tahun dan satu periode.',
      },
    ],
    en: ['The year differs from the other data rows (2026); one file holds one year and one period only.'],
  },
  {
    rule: 'period differing from the other rows (no folder given)',
    input: () => csv(HEADER, row(), row({ kode: 'IK-02', periode: 'TW2' })),
    expected: null,
    id: [
      {
        row: 3,
        column: 'periode',
        value: 'TW2',
        message: 'Periode berbeda dengan baris data lain (TW1); satu berkas hanya memuat satu tahun dan satu periode.',
      },
    ],
    en: ['The period differs from the other data rows (TW1); one file holds one year and one period only.'],
  },
  {
    rule: 'unknown polaritas (including names of Object.prototype)',
    input: () => csv(HEADER, row({ polaritas: 'constructor' })),
    id: [
      {
        row: 2,
        column: 'polaritas',
        value: 'constructor',
        message:
          'Polaritas tidak dikenal; gunakan "naik" (makin tinggi makin baik) atau "turun" (makin rendah makin baik).',
      },
    ],
    en: ['Unknown polarity; use "naik"/"up" (higher is better) or "turun"/"down" (lower is better).'],
  },
  {
    rule: 'duplicate tahun + periode + kode',
    input: () => csv(HEADER, row(), row({ kode: ' ik-01 ' })),
    id: [
      {
        row: 3,
        column: 'kode_indikator',
        value: 'ik-01',
        message: 'Duplikat: kombinasi tahun, periode, dan kode indikator sudah ada pada baris 2.',
      },
    ],
    en: ['Duplicate: this year, period and indicator code already appear on row 2.'],
  },
  {
    rule: 'Indonesian and English number styles mixed',
    input: () => csv(HEADER, row({ realisasi: '83,45' }), row({ kode: 'IK-02', realisasi: '1,234.5', target: '1200' })),
    id: [
      wholeFile(
        'Format angka campuran: "83,45" (baris 2, kolom realisasi) bergaya Indonesia (1.234,56), sedangkan "1,234.5" (baris 3, kolom realisasi) bergaya Inggris (1,234.56). Gunakan satu gaya untuk seluruh berkas.',
      ),
    ],
    en: [
      'Mixed number styles: "83,45" (row 2, column realisasi) is Indonesian style (1.234,56) while "1,234.5" (row 3, column realisasi) is English style (1,234.56). Use one style for the whole file.',
    ],
  },
  {
    rule: 'ambiguous number without evidence of the style',
    input: () =>
      Buffer.from(
        `${HEADER.replaceAll(';', ',')}\n${row({ target: '1.500', realisasi: '1600' }).replaceAll(';', ',')}\n`,
      ),
    id: [
      {
        row: 2,
        column: 'target',
        value: '1.500',
        message:
          'Angka ambigu: bisa dibaca sebagai ribuan atau desimal. Tulis tanpa pemisah ribuan, atau gunakan koma desimal (contoh 1234,5).',
      },
    ],
    en: [
      'Ambiguous number: it reads as either thousands or decimals. Write it without thousands separators, or with a decimal point (e.g. 1234.5).',
    ],
  },
  {
    rule: 'capaian below 100% without tindak lanjut or faktor penghambat',
    input: () => csv(HEADER, row({ target: '90', realisasi: '72,5' })),
    id: [
      {
        row: 2,
        column: 'tindak_lanjut',
        value: null,
        message: 'Capaian 80,56 % di bawah 100 %: isi tindak lanjut atau faktor penghambat untuk indikator ini.',
      },
    ],
    en: ['Achievement 80.56 % is below 100 %: fill in the follow-up or the inhibiting factors for this indicator.'],
  },
  {
    rule: 'target 0 without keterangan',
    input: () => csv(HEADER, row({ target: '0', realisasi: '2', polaritas: 'naik', tl: 'Penertiban.' })),
    id: [
      {
        row: 2,
        column: 'keterangan',
        value: null,
        message: 'Target 0: capaian tidak dapat dihitung. Jelaskan di kolom keterangan.',
      },
    ],
    en: ['Target 0: achievement cannot be computed. Explain it in the notes column.'],
  },
];

describe('validation rules: one problem each, exact message', () => {
  it.each(RULES)('$rule', async (r) => {
    const bytes = await r.input();
    const expected = r.expected === undefined ? TW1 : r.expected;
    const id = await parsePerformanceData(bytes, r.fileName ?? 'data.csv', expected, { ...r.options, lang: 'id' });
    expect(id.ok).toBe(false);
    expect(id.ok ? [] : id.problems).toEqual(r.id);
    const en = await parsePerformanceData(bytes, r.fileName ?? 'data.csv', expected, { ...r.options, lang: 'en' });
    expect(en.ok ? [] : en.problems.map((p) => p.message)).toEqual(r.en);
  });

  it('the base row breaks no rule', async () => {
    const r = await parsePerformanceData(csv(HEADER, row()), 'data.csv', TW1);
    expect(r.ok).toBe(true);
  });

  it('accepts a file of exactly maxRows rows and exactly maxFileMB', async () => {
    const rows = await parsePerformanceData(csv(HEADER, row({ kode: 'A' }), row({ kode: 'B' })), 'd.csv', TW1, {
      maxRows: 2,
    });
    expect(rows.ok).toBe(true);
    const text = `${HEADER}\n${row()}\n`;
    const padded = Buffer.from(text + ' '.repeat(1024 * 1024 - Buffer.byteLength(text)));
    expect(padded.byteLength).toBe(1024 * 1024);
    expect((await parsePerformanceData(padded, 'd.csv', TW1, { maxFileMB: 1 })).ok).toBe(true);
  });
});

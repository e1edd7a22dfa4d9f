import ExcelJS from 'exceljs';
import type { LapkinConfig, Organization } from '../core/config.ts';
import { NARASI_SECTIONS } from '../core/narasi.ts';
import type { Period } from '../core/report.ts';
import { formatNumber } from '../i18n/format.ts';
import { scaleRanges } from './capaian.ts';
import { safeCellText } from './safe-cell.ts';
import { NARASI_EXAMPLE, templateExampleRows, templatePkExample } from './template-examples.ts';
import {
  COLUMNS,
  type ColumnSpec,
  type FieldKey,
  MAX_NARASI_LENGTH,
  MAX_TEXT_LENGTH,
  NARASI_SHEET,
  PK_COLUMNS,
  type PkFieldKey,
} from './upload/index.ts';

export { templateExampleRows, templatePkExample } from './template-examples.ts';

/**
 * Sheet names: a data upload is read from "Data", a Perjanjian Kinerja from "PK", an annual report's narrative
 * from "Narasi"; the example sheets are never read.
 */
export const TEMPLATE_SHEETS = {
  guide: 'Petunjuk',
  pk: 'PK',
  data: 'Data',
  narasi: NARASI_SHEET,
  examplePk: 'Contoh PK',
  example: 'Contoh',
  exampleNarasi: 'Contoh Narasi',
} as const;

/** Rows of the Data sheet that get dropdowns and checks; far more than a kecamatan has indicators. */
const VALIDATED_ROWS = 1000;

interface ColumnText {
  /** Header as written in the template; the parser maps it back to the key (it ignores case and "(Rp)"). */
  header: string;
  /** What to fill in, shown as the header cell's note and on the guide sheet. */
  note: string;
  example: string;
  width: number;
}

const TEXT: Record<FieldKey, ColumnText> = {
  tahun: { header: 'Tahun', note: 'Tahun laporan, empat digit.', example: '2026', width: 8 },
  periode: {
    header: 'Periode',
    note: 'TW1, TW2, TW3, TW4 atau TAHUNAN (pilih dari daftar). Sama untuk seluruh baris dan sesuai folder unggahan.',
    example: 'TW1',
    width: 10,
  },
  kode_indikator: {
    header: 'Kode Indikator',
    note: 'Kode indikator sesuai Perjanjian Kinerja, misalnya IK-01. Satu kode hanya sekali per tahun dan periode.',
    example: 'IK-01',
    width: 11,
  },
  sasaran_strategis: {
    header: 'Sasaran Strategis',
    note: 'Sasaran strategis dari Renstra / Perjanjian Kinerja.',
    example: 'Meningkatnya kualitas pelayanan publik kecamatan',
    width: 34,
  },
  indikator: {
    header: 'Indikator Kinerja',
    note: 'Nama indikator kinerja.',
    example: 'Indeks Kepuasan Masyarakat (IKM)',
    width: 42,
  },
  satuan: { header: 'Satuan', note: 'Satuan ukur: %, indeks, hari, dokumen, kasus, …', example: '%', width: 10 },
  polaritas: {
    header: 'Polaritas',
    note: 'naik = makin tinggi makin baik; turun = makin rendah makin baik (misalnya waktu penyelesaian, jumlah kasus).',
    example: 'naik',
    width: 10,
  },
  target: {
    header: 'Target',
    note: 'Target periode ini (target Rencana Aksi s.d. triwulan), angka 0 atau lebih. Dengan Perjanjian Kinerja boleh dikosongkan: diambil dari PK.',
    example: '95',
    width: 10,
  },
  realisasi: {
    header: 'Realisasi',
    note: 'Realisasi periode ini, angka 0 atau lebih. Dengan Perjanjian Kinerja: realisasi triwulan ini saja; realisasi s.d. triwulan dihitung menurut sifat indikator.',
    example: '96,8',
    width: 11,
  },
  realisasi_tahun_lalu: {
    header: 'Realisasi Tahun Lalu',
    note: 'Opsional: realisasi periode yang sama tahun lalu, untuk perbandingan.',
    example: '93,5',
    width: 12,
  },
  target_renstra: {
    header: 'Target Renstra',
    note: 'Opsional: target Renstra untuk tahun ini, untuk perbandingan.',
    example: '98',
    width: 11,
  },
  pagu: {
    header: 'Pagu Anggaran (Rp)',
    note: 'Opsional: pagu anggaran kegiatan pendukung, dalam Rupiah.',
    example: '240000000',
    width: 16,
  },
  realisasi_anggaran: {
    header: 'Realisasi Anggaran (Rp)',
    note: 'Opsional: realisasi anggaran sampai periode ini, dalam Rupiah. Bila melebihi pagu, laporan menandainya.',
    example: '58400000',
    width: 16,
  },
  faktor_pendorong: {
    header: 'Faktor Pendorong',
    note: 'Opsional: apa yang mendukung capaian.',
    example: 'Jemput bola perekaman KTP-el di kelurahan.',
    width: 36,
  },
  faktor_penghambat: {
    header: 'Faktor Penghambat',
    note: 'Wajib bila capaian di bawah 100 % (atau isi Tindak Lanjut).',
    example: 'Gangguan jaringan SIAK selama tiga hari.',
    width: 36,
  },
  tindak_lanjut: {
    header: 'Tindak Lanjut',
    note: 'Wajib bila capaian di bawah 100 % (atau isi Faktor Penghambat): langkah, waktu, penanggung jawab.',
    example: 'Menyiapkan jaringan cadangan bersama Disdukcapil.',
    width: 36,
  },
  keterangan: {
    header: 'Keterangan',
    note: 'Wajib bila target 0 (capaian tidak dapat dihitung). Juga untuk sumber data atau catatan koreksi.',
    example: 'Sumber: rekap layanan Januari–Maret.',
    width: 30,
  },
  sifat: {
    header: 'Sifat',
    note: 'Opsional (tanpa Perjanjian Kinerja): kumulatif, non-kumulatif (posisi akhir) atau rata-rata (pilih dari daftar). Dengan Perjanjian Kinerja, sifat diambil dari PK.',
    example: 'non-kumulatif',
    width: 14,
  },
  target_renstra_akhir: {
    header: 'Target Renstra Akhir',
    note: 'Opsional: target pada akhir periode Renstra, untuk perbandingan.',
    example: '98',
    width: 12,
  },
  standar_nasional: {
    header: 'Standar Nasional',
    note: 'Opsional: standar nasional (SPM atau standar kementerian), bila ada.',
    example: '90',
    width: 12,
  },
};

const PK_TEXT: Record<PkFieldKey, ColumnText> = {
  kode_indikator: {
    ...TEXT.kode_indikator,
    note: 'Kode indikator; satu kode hanya sekali dalam PK. Unggahan triwulan memakai kode ini.',
  },
  sasaran_strategis: TEXT.sasaran_strategis,
  indikator: TEXT.indikator,
  definisi_operasional: {
    header: 'Definisi Operasional',
    note: 'Opsional: apa yang diukur oleh indikator.',
    example: 'Permohonan adminduk yang selesai dalam waktu standar pelayanan.',
    width: 34,
  },
  formula: {
    header: 'Formula / Sumber Data',
    note: 'Opsional: cara menghitung dan sumber datanya.',
    example: 'Permohonan selesai tepat waktu ÷ seluruh permohonan × 100 %',
    width: 34,
  },
  satuan: TEXT.satuan,
  polaritas: TEXT.polaritas,
  sifat: {
    header: 'Sifat',
    note: 'kumulatif (realisasi triwulan dijumlahkan), non-kumulatif (posisi akhir: realisasi triwulan terakhir) atau rata-rata (rerata triwulan). Pilih dari daftar.',
    example: 'kumulatif',
    width: 14,
  },
  target_tahunan: {
    header: 'Target Tahunan',
    note: 'Target tahun ini sesuai Perjanjian Kinerja.',
    example: '24',
    width: 11,
  },
  target_tw1: {
    header: 'Target s.d. TW1',
    note: 'Target Rencana Aksi sampai dengan triwulan I.',
    example: '6',
    width: 10,
  },
  target_tw2: {
    header: 'Target s.d. TW2',
    note: 'Target Rencana Aksi sampai dengan triwulan II.',
    example: '12',
    width: 10,
  },
  target_tw3: {
    header: 'Target s.d. TW3',
    note: 'Target Rencana Aksi sampai dengan triwulan III.',
    example: '18',
    width: 10,
  },
  target_tw4: {
    header: 'Target s.d. TW4',
    note: 'Target Rencana Aksi sampai dengan triwulan IV: sama dengan target tahunan. Untuk indikator kumulatif target tidak boleh turun antartriwulan.',
    example: '24',
    width: 10,
  },
  target_renstra: TEXT.target_renstra,
  target_renstra_akhir: TEXT.target_renstra_akhir,
  standar_nasional: TEXT.standar_nasional,
  program: {
    header: 'Program',
    note: 'Opsional: program pendukung indikator.',
    example: 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik',
    width: 30,
  },
  kegiatan: {
    header: 'Kegiatan',
    note: 'Opsional: kegiatan pendukung indikator.',
    example: 'Pelayanan administrasi kependudukan',
    width: 30,
  },
  pagu: { ...TEXT.pagu, note: 'Opsional: pagu anggaran setahun untuk indikator ini, dalam Rupiah.' },
  tahun: {
    ...TEXT.tahun,
    note: 'Opsional: tahun Perjanjian Kinerja; bila diisi harus sama dengan tahun folder unggahan.',
  },
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF5B7FA6' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

export interface TemplateOptions {
  organization: Organization;
  /** Tahun and periode written in the example rows (the CLI uses the current year). */
  tahun: number;
  periode: Period;
  settings: Pick<LapkinConfig, 'ratingScale' | 'dataLimits'>;
}

/** One sheet format of the template: its columns and what the template says about each. */
interface SheetFormat<K extends string> {
  columns: readonly ColumnSpec<K, string>[];
  text: Record<K, ColumnText>;
}

const DATA_FORMAT: SheetFormat<FieldKey> = { columns: COLUMNS, text: TEXT };
const PK_FORMAT: SheetFormat<PkFieldKey> = { columns: PK_COLUMNS, text: PK_TEXT };

/**
 * The blank template (`lapkin template`): a guide sheet; the PK sheet (Perjanjian Kinerja with its Rencana Aksi,
 * once a year), the Data sheet (every quarter) and the Narasi sheet (the annual report), each with a note on
 * every header, dropdowns and checks on numbers; and an example sheet for each whose rows, copied into their
 * sheet, pass `lapkin check` as they are.
 */
export async function renderTemplateXlsx(opts: TemplateOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lapkin';
  wb.title = safeCellText(`Templat data kinerja ${opts.organization.name}`);
  // Fixed dates: the same template renders to the same content.
  wb.created = new Date(Date.UTC(opts.tahun, 0, 1));
  wb.modified = wb.created;

  writeGuide(wb.addWorksheet(TEMPLATE_SHEETS.guide), opts);
  const pk = wb.addWorksheet(TEMPLATE_SHEETS.pk);
  writeHeader(pk, PK_FORMAT);
  addValidations(pk, PK_FORMAT);
  const data = wb.addWorksheet(TEMPLATE_SHEETS.data);
  writeHeader(data, DATA_FORMAT);
  addValidations(data, DATA_FORMAT);
  writeNarasi(wb.addWorksheet(TEMPLATE_SHEETS.narasi), false);

  const examplePk = wb.addWorksheet(TEMPLATE_SHEETS.examplePk);
  writeHeader(examplePk, PK_FORMAT);
  writeRows(examplePk, PK_FORMAT, templatePkExample(opts.tahun));
  examplePk.getCell('A1').note =
    'Contoh Perjanjian Kinerja Kecamatan Karawaci. Salin baris 2 dan seterusnya ke lembar PK, lalu ubah isinya.';
  const example = wb.addWorksheet(TEMPLATE_SHEETS.example);
  writeHeader(example, DATA_FORMAT);
  writeRows(example, DATA_FORMAT, templateExampleRows(opts.tahun, opts.periode));
  example.getCell('A1').note = 'Contoh pengisian. Salin baris 2 dan seterusnya ke lembar Data, lalu ubah isinya.';
  writeNarasi(wb.addWorksheet(TEMPLATE_SHEETS.exampleNarasi), true);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(v: string | number | undefined): ExcelJS.CellValue {
  if (v === undefined) return null;
  return typeof v === 'string' ? safeCellText(v) : v;
}

function writeRows<K extends string>(
  ws: ExcelJS.Worksheet,
  format: SheetFormat<K>,
  rows: Partial<Record<K, string | number>>[],
): void {
  for (const row of rows) {
    const r = ws.addRow(format.columns.map((c) => cellValue(row[c.key])));
    r.alignment = { vertical: 'top', wrapText: true };
  }
}

function writeHeader<K extends string>(ws: ExcelJS.Worksheet, format: SheetFormat<K>): void {
  ws.columns = format.columns.map((c) => ({ width: format.text[c.key].width }));
  const header = ws.addRow(format.columns.map((c) => format.text[c.key].header));
  header.height = 32;
  format.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? HEADER_FILL : OPTIONAL_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${c.required ? 'Wajib' : 'Opsional'} — ${format.text[c.key].note}\nNama kolom: ${c.key} (atau ${c.en})`;
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 3 }];
  format.columns.forEach((c, i) => {
    if (c.key === 'pagu' || c.key === 'realisasi_anggaran') ws.getColumn(i + 1).numFmt = '#,##0';
  });
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type Validation = ExcelJS.DataValidation;

function addValidations<K extends string>(ws: ExcelJS.Worksheet, format: SheetFormat<K>): void {
  // exceljs implements worksheet.dataValidations but does not declare it in its types.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } })
    .dataValidations;
  const stop = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' } as const;
  format.columns.forEach((c, i) => {
    const rule = ruleOf(c.kind);
    if (rule) validations.add(`${columnLetter(i)}2:${columnLetter(i)}${VALIDATED_ROWS + 1}`, { ...stop, ...rule });
  });
}

/** The check a spreadsheet program applies to a column's cells, by the column's kind. */
function ruleOf(kind: ColumnSpec['kind']): Omit<Validation, 'allowBlank' | 'showErrorMessage' | 'errorStyle'> {
  switch (kind) {
    case 'period':
      return {
        type: 'list',
        formulae: ['"TW1,TW2,TW3,TW4,TAHUNAN"'],
        errorTitle: 'Periode tidak dikenal',
        error: 'Pilih TW1, TW2, TW3, TW4 atau TAHUNAN.',
      };
    case 'polarity':
      return {
        type: 'list',
        formulae: ['"naik,turun"'],
        errorTitle: 'Polaritas tidak dikenal',
        error: 'Pilih naik (makin tinggi makin baik) atau turun (makin rendah makin baik).',
      };
    case 'sifat':
      return {
        type: 'list',
        formulae: ['"kumulatif,non-kumulatif,rata-rata"'],
        errorTitle: 'Sifat tidak dikenal',
        error: 'Pilih kumulatif, non-kumulatif (posisi akhir) atau rata-rata.',
      };
    case 'year':
      return {
        type: 'whole',
        operator: 'between',
        formulae: [2000, 2100],
        errorTitle: 'Tahun tidak valid',
        error: 'Isi tahun empat digit, misalnya 2026.',
      };
    case 'number':
      return {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        errorTitle: 'Bukan angka',
        error: 'Isi angka 0 atau lebih, tanpa satuan.',
      };
    case 'text':
      return {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [MAX_TEXT_LENGTH],
        errorTitle: 'Teks terlalu panjang',
        error: `Paling banyak ${MAX_TEXT_LENGTH} karakter.`,
      };
  }
}

/**
 * The Narasi sheet: column A names every section ("Kata Pengantar (kata_pengantar)": the checker reads the title
 * or the key), column B is for the text, column C says whether the section is required. The example sheet has
 * the example texts in B, each marked as an example in C.
 */
function writeNarasi(ws: ExcelJS.Worksheet, example: boolean): void {
  ws.columns = [{ width: 38 }, { width: 100 }, { width: 24 }];
  const header = ws.addRow(['Bagian', 'Isi', 'Keterangan']);
  header.height = 24;
  header.eachCell((cell, i) => {
    cell.fill = i < 3 ? HEADER_FILL : OPTIONAL_FILL;
    cell.font = HEADER_FONT;
  });
  header.getCell(1).note =
    'Wajib — bagian LKjIP. Jangan diubah: lapkin mengenali judul bagian atau kodenya dalam kurung.\nNama kolom: bagian';
  header.getCell(2).note =
    `Wajib untuk bagian bertanda "wajib" — teks bagian ini, paling banyak ${formatNumber(MAX_NARASI_LENGTH)} karakter. Paragraf dipisahkan baris kosong (Alt+Enter dua kali).\nNama kolom: isi`;
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  for (const s of NARASI_SECTIONS) {
    const r = ws.addRow([
      `${s.id} (${s.key})`,
      example ? safeCellText(NARASI_EXAMPLE[s.key]) : null,
      example ? 'Contoh — ganti dengan narasi unit Anda' : s.required ? 'wajib' : 'opsional',
    ]);
    r.alignment = { vertical: 'top', wrapText: true };
    r.getCell(1).font = { bold: s.required };
  }
  if (example) {
    ws.getCell('A1').note =
      'Contoh narasi LKjIP Kecamatan Karawaci. Salin teks yang sesuai ke kolom Isi lembar Narasi, lalu tulis ulang untuk unit Anda.';
    return;
  }
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } })
    .dataValidations;
  validations.add(`B2:B${NARASI_SECTIONS.length + 1}`, {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [MAX_NARASI_LENGTH],
    errorTitle: 'Teks terlalu panjang',
    error: `Paling banyak ${formatNumber(MAX_NARASI_LENGTH)} karakter.`,
  });
}

function writeGuide(ws: ExcelJS.Worksheet, opts: TemplateOptions): void {
  ws.columns = [{ width: 26 }, { width: 12 }, { width: 70 }, { width: 40 }];
  const title = ws.addRow(['TEMPLAT DATA KINERJA']);
  title.font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  // A city-wide template (no unit chosen) is headed by the city alone.
  const { name, parent } = opts.organization;
  ws.addRow([safeCellText(name === parent ? name : `${name} — ${parent}`)]).font = { bold: true };
  ws.addRow([
    'Perjanjian Kinerja sekali setahun, lalu satu unggahan data per periode; lapkin menyusunnya menjadi Laporan Kinerja triwulan dan LKjIP tahunan.',
  ]);
  ws.addRow([]);

  const section = (text: string) => {
    const r = ws.addRow([text]);
    r.font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
  };
  const numbered = (steps: string[]) => {
    steps.forEach((text, i) => {
      const r = ws.addRow([`${i + 1}.`, null, text]);
      ws.mergeCells(r.number, 3, r.number, 4);
      r.getCell(1).alignment = { horizontal: 'right', vertical: 'top' };
      r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
      r.height = 30;
    });
    ws.addRow([]);
  };
  const limits = opts.settings.dataLimits;
  section('1. Perjanjian Kinerja (sekali setahun)');
  numbered([
    'Isi lembar "PK": satu baris per indikator Perjanjian Kinerja beserta Rencana Aksi (target s.d. TW1–TW4), sifat, polaritas, program dan pagu. Contohnya di lembar "Contoh PK".',
    'Target s.d. TW4 sama dengan target tahunan. Untuk indikator kumulatif target s.d. triwulan tidak boleh turun.',
    `Unggah sekali setahun ke folder masuk/<unit>/${opts.tahun}/PK/. Periksa dahulu: npx lapkin check <berkas PK>`,
  ]);
  section('2. Data kinerja (setiap triwulan)');
  numbered([
    'Isi lembar "Data", mulai baris 2. Jangan mengubah atau memindahkan judul kolom di baris 1. Kolom biru tua wajib, biru muda opsional; arahkan kursor ke judul kolom untuk penjelasannya.',
    'Bila Perjanjian Kinerja tahun ini sudah diunggah, cukup isi Kode Indikator dan Realisasi triwulan ini (ditambah Realisasi Anggaran s.d. triwulan ini dan kolom narasi); sasaran, indikator, satuan, polaritas, sifat dan target diambil dari PK. Tanpa PK, isi semua kolom wajib.',
    'Realisasi diisi untuk triwulan ini saja: realisasi s.d. triwulan dihitung menurut sifat indikator (kumulatif dijumlahkan, non-kumulatif posisi akhir, rata-rata dirata-ratakan) dari data triwulan sebelumnya yang telah disahkan, lalu dibandingkan dengan target s.d. triwulan.',
    'Satu berkas untuk satu tahun dan satu periode, sesuai folder unggahan masuk/<unit>/<tahun>/<periode>/.',
    'Isi angka sebagai angka, tanpa satuan. Pada CSV gunakan satu gaya angka untuk seluruh berkas: Indonesia (1.234,56) atau Inggris (1,234.56).',
    'Capaian dan kategori dihitung oleh lapkin; jangan ditulis. Polaritas naik: realisasi / target × 100 %. Polaritas turun: (2 × target − realisasi) / target × 100 %, paling rendah 0 %.',
    'Bila capaian di bawah 100 %, isi Faktor Penghambat atau Tindak Lanjut. Bila target 0, capaian tidak dihitung: jelaskan di Keterangan.',
    'Lembar "Contoh" berisi contoh pengisian yang sah: salin barisnya ke lembar Data untuk mencoba.',
    `Batas: berkas paling besar ${formatNumber(limits.maxFileMB)} MB dan paling banyak ${formatNumber(limits.maxRows)} baris data.`,
    `Periksa sebelum mengunggah: npx lapkin check <berkas> --tahun ${opts.tahun} --periode ${opts.periode} (dengan PK: tambahkan --pk <berkas PK>)`,
  ]);
  section('3. Laporan tahunan / LKjIP (periode TAHUNAN)');
  numbered([
    'Unggahan periode TAHUNAN wajib berupa XLSX dengan lembar "Narasi" (CSV tidak dapat memuatnya): realisasi tahunan di lembar Data, narasi LKjIP di lembar Narasi.',
    'Lembar Narasi: kolom Bagian sudah terisi semua bagian LKjIP; tulis teksnya di kolom Isi. Bagian bertanda "wajib" harus diisi. lapkin tidak pernah menulis narasi sendiri.',
    'Lembar "Contoh Narasi" berisi contoh teks setiap bagian; tulis ulang untuk unit Anda.',
  ]);

  section('Skala kategori capaian');
  for (const { range, kategori } of scaleRanges(opts.settings.ratingScale)) {
    const r = ws.addRow([kategori, null, `Capaian ${range}`]);
    r.getCell(1).font = { bold: true };
  }
  ws.addRow([]);

  const columnTable = <K extends string>(title: string, format: SheetFormat<K>) => {
    section(title);
    const head = ws.addRow(['Judul kolom', 'Wajib', 'Isi', 'Contoh']);
    head.eachCell((c) => {
      c.fill = HEADER_FILL;
      c.font = HEADER_FONT;
    });
    for (const c of format.columns) {
      const t = format.text[c.key];
      const r = ws.addRow([
        t.header,
        c.required ? 'wajib' : 'opsional',
        `${t.note} (nama kolom: ${c.key})`,
        safeCellText(t.example),
      ]);
      r.alignment = { wrapText: true, vertical: 'top' };
    }
    ws.addRow([]);
  };
  columnTable('Kolom lembar Data', DATA_FORMAT);
  columnTable('Kolom lembar PK', PK_FORMAT);
}

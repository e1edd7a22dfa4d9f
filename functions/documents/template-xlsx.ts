import ExcelJS from 'exceljs';
import type { LapkinConfig, Organization } from '../core/config.ts';
import type { Period } from '../core/report.ts';
import { formatNumber } from '../i18n/format.ts';
import { scaleRanges } from './capaian.ts';
import { safeCellText } from './safe-cell.ts';
import { COLUMNS, type FieldKey, MAX_TEXT_LENGTH, NUMERIC_FIELDS } from './upload/index.ts';

/** Sheet names: the parser reads the sheet named "Data" first. */
export const TEMPLATE_SHEETS = { guide: 'Petunjuk', data: 'Data', example: 'Contoh' } as const;

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
  target: { header: 'Target', note: 'Target periode ini, angka 0 atau lebih.', example: '95', width: 10 },
  realisasi: { header: 'Realisasi', note: 'Realisasi periode ini, angka 0 atau lebih.', example: '96,8', width: 11 },
  realisasi_tahun_lalu: {
    header: 'Realisasi Tahun Lalu',
    note: 'Opsional: realisasi periode yang sama tahun lalu, untuk perbandingan.',
    example: '93,5',
    width: 12,
  },
  target_renstra: {
    header: 'Target Renstra',
    note: 'Opsional: target akhir Renstra, untuk perbandingan.',
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

type ExampleRow = Partial<Record<FieldKey, string | number>>;

const SS_PELAYANAN = 'Meningkatnya kualitas pelayanan publik kecamatan';
const SS_AKUNTABILITAS = 'Meningkatnya akuntabilitas kinerja dan tata kelola pemerintahan kecamatan';
const SS_TRANTIB = 'Terwujudnya ketenteraman dan ketertiban umum';

/** Fictional but typical kecamatan indicators: one of each situation the format has rules for. */
const EXAMPLES: ExampleRow[] = [
  {
    kode_indikator: 'IK-01',
    sasaran_strategis: SS_PELAYANAN,
    indikator: 'Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan',
    satuan: 'indeks',
    polaritas: 'naik',
    target: 82,
    realisasi: 83.45,
    realisasi_tahun_lalu: 81.2,
    target_renstra: 85,
    pagu: 185_000_000,
    realisasi_anggaran: 41_250_000,
    faktor_pendorong: 'Penerapan antrean daring dan penambahan petugas loket pada jam sibuk.',
    keterangan: 'Survei IKM triwulan I, 400 responden.',
  },
  {
    kode_indikator: 'IK-02',
    sasaran_strategis: SS_PELAYANAN,
    indikator: 'Persentase penyelesaian pelayanan administrasi kependudukan tepat waktu',
    satuan: '%',
    polaritas: 'naik',
    target: 95,
    realisasi: 96.8,
    realisasi_tahun_lalu: 93.5,
    target_renstra: 98,
    pagu: 240_000_000,
    realisasi_anggaran: 58_400_000,
    faktor_pendorong: 'Jemput bola perekaman KTP-el di kelurahan.',
  },
  {
    kode_indikator: 'IK-03',
    sasaran_strategis: SS_PELAYANAN,
    indikator: 'Rata-rata waktu penyelesaian pengaduan masyarakat',
    satuan: 'hari',
    polaritas: 'turun',
    target: 5,
    realisasi: 4.2,
    realisasi_tahun_lalu: 5.6,
    target_renstra: 3,
    faktor_pendorong: 'Pengaduan diteruskan langsung ke seksi terkait melalui kanal pengaduan daring.',
  },
  {
    kode_indikator: 'IK-04',
    sasaran_strategis: SS_AKUNTABILITAS,
    indikator: 'Persentase rekomendasi hasil pengawasan yang ditindaklanjuti',
    satuan: '%',
    polaritas: 'naik',
    target: 90,
    realisasi: 77.78,
    realisasi_tahun_lalu: 70,
    target_renstra: 95,
    pagu: 150_000_000,
    realisasi_anggaran: 27_800_000,
    faktor_penghambat: 'Delapan rekomendasi memerlukan dokumen dari pihak ketiga yang belum diterima.',
    tindak_lanjut: 'Menyurati pihak ketiga dan rapat pemantauan dua mingguan sampai selesai pada triwulan II.',
    keterangan: '28 dari 36 rekomendasi.',
  },
  {
    kode_indikator: 'IK-05',
    sasaran_strategis: SS_TRANTIB,
    indikator: 'Jumlah kasus gangguan ketertiban umum',
    satuan: 'kasus',
    polaritas: 'turun',
    target: 12,
    realisasi: 15,
    realisasi_tahun_lalu: 18,
    faktor_penghambat: 'Peningkatan pedagang kaki lima di sekitar pasar menjelang Ramadan.',
    tindak_lanjut: 'Penataan lokasi berjualan sementara dan patroli malam dua kali seminggu.',
  },
  {
    kode_indikator: 'IK-06',
    sasaran_strategis: SS_TRANTIB,
    indikator: 'Jumlah bangunan liar di sempadan sungai',
    satuan: 'bangunan',
    polaritas: 'turun',
    target: 0,
    realisasi: 2,
    tindak_lanjut: 'Sosialisasi dan penertiban bersama Satpol PP pada triwulan II.',
    keterangan: 'Target 0 sesuai Renstra (sempadan bebas bangunan); dua bangunan baru ditemukan pada bulan Maret.',
  },
];

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

/** The example rows as the template writes them, for tests and for the example sheet. */
export function templateExampleRows(tahun: number, periode: Period): ExampleRow[] {
  return EXAMPLES.map((r) => ({ tahun, periode, ...r }));
}

/**
 * The blank data template (`lapkin template`): a guide sheet, the Data sheet with a note on every header,
 * dropdowns for periode and polaritas and checks on numbers, and an example sheet whose rows, copied into Data,
 * pass `lapkin check` as they are.
 */
export async function renderTemplateXlsx(opts: TemplateOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lapkin';
  wb.title = safeCellText(`Templat data kinerja ${opts.organization.name}`);
  // Fixed dates: the same template renders to the same content.
  wb.created = new Date(Date.UTC(opts.tahun, 0, 1));
  wb.modified = wb.created;

  writeGuide(wb.addWorksheet(TEMPLATE_SHEETS.guide), opts);
  const data = wb.addWorksheet(TEMPLATE_SHEETS.data);
  writeHeader(data);
  addValidations(data);
  const example = wb.addWorksheet(TEMPLATE_SHEETS.example);
  writeHeader(example);
  for (const row of templateExampleRows(opts.tahun, opts.periode)) {
    const r = example.addRow(COLUMNS.map((c) => cellValue(row[c.key])));
    r.alignment = { vertical: 'top', wrapText: true };
  }
  example.getCell('A1').note = 'Contoh pengisian. Salin baris 2 dan seterusnya ke lembar Data, lalu ubah isinya.';
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(v: string | number | undefined): ExcelJS.CellValue {
  if (v === undefined) return null;
  return typeof v === 'string' ? safeCellText(v) : v;
}

function writeHeader(ws: ExcelJS.Worksheet): void {
  ws.columns = COLUMNS.map((c) => ({ width: TEXT[c.key].width }));
  const header = ws.addRow(COLUMNS.map((c) => TEXT[c.key].header));
  header.height = 32;
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? HEADER_FILL : OPTIONAL_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${c.required ? 'Wajib' : 'Opsional'} — ${TEXT[c.key].note}\nNama kolom: ${c.key} (atau ${c.en})`;
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 3 }];
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.key === 'pagu' || c.key === 'realisasi_anggaran') col.numFmt = '#,##0';
  });
}

function columnLetter(key: FieldKey): string {
  const i = COLUMNS.findIndex((c) => c.key === key);
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type Validation = ExcelJS.DataValidation;

function addValidations(ws: ExcelJS.Worksheet): void {
  // exceljs implements worksheet.dataValidations but does not declare it in its types.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } })
    .dataValidations;
  const range = (key: FieldKey) => `${columnLetter(key)}2:${columnLetter(key)}${VALIDATED_ROWS + 1}`;
  const stop = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' } as const;
  validations.add(range('periode'), {
    ...stop,
    type: 'list',
    formulae: ['"TW1,TW2,TW3,TW4,TAHUNAN"'],
    errorTitle: 'Periode tidak dikenal',
    error: 'Pilih TW1, TW2, TW3, TW4 atau TAHUNAN.',
  });
  validations.add(range('polaritas'), {
    ...stop,
    type: 'list',
    formulae: ['"naik,turun"'],
    errorTitle: 'Polaritas tidak dikenal',
    error: 'Pilih naik (makin tinggi makin baik) atau turun (makin rendah makin baik).',
  });
  validations.add(range('tahun'), {
    ...stop,
    type: 'whole',
    operator: 'between',
    formulae: [2000, 2100],
    errorTitle: 'Tahun tidak valid',
    error: 'Isi tahun empat digit, misalnya 2026.',
  });
  for (const key of NUMERIC_FIELDS) {
    validations.add(range(key), {
      ...stop,
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      errorTitle: 'Bukan angka',
      error: 'Isi angka 0 atau lebih, tanpa satuan.',
    });
  }
  for (const c of COLUMNS) {
    if (NUMERIC_FIELDS.includes(c.key) || c.key === 'tahun' || c.key === 'periode' || c.key === 'polaritas') continue;
    validations.add(range(c.key), {
      ...stop,
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [MAX_TEXT_LENGTH],
      errorTitle: 'Teks terlalu panjang',
      error: `Paling banyak ${MAX_TEXT_LENGTH} karakter.`,
    });
  }
}

function writeGuide(ws: ExcelJS.Worksheet, opts: TemplateOptions): void {
  ws.columns = [{ width: 26 }, { width: 12 }, { width: 70 }, { width: 40 }];
  const title = ws.addRow(['TEMPLAT DATA KINERJA']);
  title.font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  // A city-wide template (no unit chosen) is headed by the city alone.
  const { name, parent } = opts.organization;
  ws.addRow([safeCellText(name === parent ? name : `${name} — ${parent}`)]).font = { bold: true };
  ws.addRow([
    'Satu baris per indikator kinerja untuk satu tahun dan satu periode; diunggah ke lapkin untuk disusun menjadi Laporan Kinerja.',
  ]);
  ws.addRow([]);

  const section = (text: string) => {
    const r = ws.addRow([text]);
    r.font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
  };
  section('Cara mengisi');
  const limits = opts.settings.dataLimits;
  const steps = [
    'Isi lembar "Data", mulai baris 2. Jangan mengubah atau memindahkan judul kolom di baris 1. Kolom biru tua wajib, biru muda opsional; arahkan kursor ke judul kolom untuk penjelasannya.',
    'Satu berkas untuk satu tahun dan satu periode, sesuai folder unggahan masuk/<unit>/<tahun>/<periode>/.',
    'Isi angka sebagai angka, tanpa satuan. Pada CSV gunakan satu gaya angka untuk seluruh berkas: Indonesia (1.234,56) atau Inggris (1,234.56).',
    'Capaian dan kategori dihitung oleh lapkin; jangan ditulis. Polaritas naik: realisasi / target × 100 %. Polaritas turun: (2 × target − realisasi) / target × 100 %, paling rendah 0 %.',
    'Bila capaian di bawah 100 %, isi Faktor Penghambat atau Tindak Lanjut. Bila target 0, capaian tidak dihitung: jelaskan di Keterangan.',
    'Lembar "Contoh" berisi contoh pengisian yang sah: salin barisnya ke lembar Data untuk mencoba.',
    `Batas: berkas paling besar ${formatNumber(limits.maxFileMB)} MB dan paling banyak ${formatNumber(limits.maxRows)} baris data.`,
    `Periksa sebelum mengunggah: npx lapkin check <berkas> --tahun ${opts.tahun} --periode ${opts.periode}`,
  ];
  steps.forEach((text, i) => {
    const r = ws.addRow([`${i + 1}.`, null, text]);
    ws.mergeCells(r.number, 3, r.number, 4);
    r.getCell(1).alignment = { horizontal: 'right', vertical: 'top' };
    r.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    r.height = 30;
  });
  ws.addRow([]);

  section('Skala kategori capaian');
  for (const { range, kategori } of scaleRanges(opts.settings.ratingScale)) {
    const r = ws.addRow([kategori, null, `Capaian ${range}`]);
    r.getCell(1).font = { bold: true };
  }
  ws.addRow([]);

  section('Kolom');
  const head = ws.addRow(['Judul kolom', 'Wajib', 'Isi', 'Contoh']);
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
  });
  for (const c of COLUMNS) {
    const t = TEXT[c.key];
    const r = ws.addRow([
      t.header,
      c.required ? 'wajib' : 'opsional',
      `${t.note} (nama kolom: ${c.key})`,
      safeCellText(t.example),
    ]);
    r.alignment = { wrapText: true, vertical: 'top' };
  }
}

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AssembledReport } from '../core/performance-data.ts';
import type { Period } from '../core/report.ts';
import { POLARITAS_SHORT, SIFAT_LABEL } from '../i18n/capaian-words.ts';
import { formatDateTime } from '../i18n/format.ts';
import { kategoriLabel, periodLabel } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { kategoriOrder, ratingScaleOf, round2 } from './capaian.ts';
import { capText, isToDate, methodNote, reportRules, sasaranCapText } from './report-method.ts';
import { allSasaran, ratesEfisiensi } from './report-summary.ts';
import { safeCellText } from './safe-cell.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFB0B7C3' } },
  left: { style: 'thin', color: { argb: 'FFB0B7C3' } },
  bottom: { style: 'thin', color: { argb: 'FFB0B7C3' } },
  right: { style: 'thin', color: { argb: 'FFB0B7C3' } },
};
const FMT_PERCENT = '#,##0.00';
const FMT_MONEY = '#,##0';

const LABELS = {
  id: {
    title: 'LAPORAN KINERJA',
    periode: 'Periode',
    tahun: 'Tahun',
    revision: 'Revisi',
    generatedAt: 'Disusun pada',
    item: 'Uraian',
    value: 'Nilai',
    indicatorCount: 'Jumlah indikator',
    averageCapaian: 'Rata-rata capaian (%)',
    averageCapped: (cap: string) => `Rata-rata capaian (%), capaian setiap indikator paling tinggi ${cap}`,
    averageUncapped: 'Rata-rata capaian (%), tanpa batas atas per indikator',
    turunFormula: 'Rumus indikator turun',
    targetZero: 'Aturan target 0',
    targetZeroRule: {
      TURUN_NOL_TERCAPAI: 'Indikator turun: realisasi 0 = 100 %, lebih dari 0 = 0 %',
      EMPTY_WITH_NOTE: 'Capaian tidak dihitung',
    },
    cap: 'Batas capaian per indikator dalam rata-rata (%)',
    noCap: 'Tanpa batas',
    method: 'Metode perhitungan',
    belowTarget: 'Indikator di bawah target',
    kategori: (k: string) => `Kategori ${k}`,
    notComputable: 'Capaian tidak dapat dihitung (target 0)',
    totalPagu: 'Total pagu anggaran (Rp)',
    totalRealisasi: 'Total realisasi anggaran (Rp)',
    serapan: 'Serapan anggaran (%)',
    columns: {
      no: 'No',
      kode: 'Kode',
      sasaran: 'Sasaran Strategis',
      indikator: 'Indikator Kinerja',
      satuan: 'Satuan',
      polaritas: 'Polaritas',
      sifat: 'Sifat',
      target: (periode: Period) => (periode === 'TAHUNAN' ? 'Target Tahunan' : 'Target s.d. Triwulan'),
      realisasiPeriode: (periode: Period) => (periode === 'TAHUNAN' ? 'Realisasi TW IV' : 'Realisasi Triwulan'),
      realisasiToDate: (periode: Period) => (periode === 'TAHUNAN' ? 'Realisasi Tahunan' : 'Realisasi s.d. Triwulan'),
      quartersMissing: 'Triwulan Tanpa Data',
      capaian: 'Capaian (%)',
      capaianBy: 'Dasar Capaian',
      kategori: 'Kategori',
      realisasiTahunLalu: 'Realisasi Tahun Lalu',
      targetRenstra: (tahun: number) => `Target Renstra Tahun ${tahun}`,
      targetRenstraAkhir: 'Target Akhir Renstra',
      pagu: 'Pagu (Rp)',
      realisasiAnggaran: 'Realisasi Anggaran (Rp)',
      serapanAnggaran: 'Serapan Anggaran (%)',
      faktorPendorong: 'Faktor Pendorong',
      faktorPenghambat: 'Faktor Penghambat',
      tindakLanjut: 'Tindak Lanjut',
      keterangan: 'Keterangan',
    },
    capaianBy: { TARGET_NOL: 'Aturan target 0', REALISASI_NOL: 'Realisasi 0 (batas atas)' },
    sasaran: {
      sasaran: 'Sasaran Strategis',
      count: 'Jumlah Indikator',
      capaian: (cap: string) => `Capaian (%, setiap indikator paling tinggi ${cap})`,
      kategori: 'Kategori',
      pagu: 'Pagu (Rp)',
      realisasiAnggaran: 'Realisasi Anggaran (Rp)',
      serapan: 'Serapan Anggaran (%)',
      efisiensi: 'Efisiensi (capaian ÷ serapan)',
      efisiensiWord: 'Keterangan Efisiensi',
      efisien: 'efisien',
      kurangEfisien: 'kurang efisien',
      overall: 'Seluruh sasaran',
    },
    sheets: { summary: 'Ringkasan', sasaran: 'Sasaran', detail: 'Capaian' },
  },
  en: {
    title: 'PERFORMANCE REPORT',
    periode: 'Period',
    tahun: 'Year',
    revision: 'Revision',
    generatedAt: 'Compiled at',
    item: 'Item',
    value: 'Value',
    indicatorCount: 'Number of indicators',
    averageCapaian: 'Average achievement (%)',
    averageCapped: (cap: string) => `Average achievement (%), each indicator at most ${cap}`,
    averageUncapped: 'Average achievement (%), no upper limit per indicator',
    turunFormula: 'Formula of down indicators',
    targetZero: 'Target-0 rule',
    targetZeroRule: {
      TURUN_NOL_TERCAPAI: 'Down indicators: actual 0 = 100 %, above 0 = 0 %',
      EMPTY_WITH_NOTE: 'No achievement computed',
    },
    cap: 'Upper limit per indicator in averages (%)',
    noCap: 'None',
    method: 'Method of calculation',
    belowTarget: 'Indicators below target',
    kategori: (k: string) => `Rating ${k}`,
    notComputable: 'Achievement not computable (target 0)',
    totalPagu: 'Total budget (Rp)',
    totalRealisasi: 'Total budget spent (Rp)',
    serapan: 'Budget absorption (%)',
    columns: {
      no: 'No',
      kode: 'Code',
      sasaran: 'Strategic Goal',
      indikator: 'Performance Indicator',
      satuan: 'Unit',
      polaritas: 'Polarity',
      sifat: 'Type',
      target: (periode: Period) => (periode === 'TAHUNAN' ? 'Annual Target' : 'Target to Date'),
      realisasiPeriode: (periode: Period) => (periode === 'TAHUNAN' ? 'Actual Q4' : 'Actual of the Quarter'),
      realisasiToDate: (periode: Period) => (periode === 'TAHUNAN' ? 'Annual Actual' : 'Actual to Date'),
      quartersMissing: 'Quarters Without Data',
      capaian: 'Achievement (%)',
      capaianBy: 'Achievement Basis',
      kategori: 'Rating',
      realisasiTahunLalu: 'Last Year Actual',
      targetRenstra: (tahun: number) => `Strategic Plan Target ${tahun}`,
      targetRenstraAkhir: 'Strategic Plan End Target',
      pagu: 'Budget (Rp)',
      realisasiAnggaran: 'Budget Spent (Rp)',
      serapanAnggaran: 'Budget Absorption (%)',
      faktorPendorong: 'Supporting Factors',
      faktorPenghambat: 'Inhibiting Factors',
      tindakLanjut: 'Follow-up',
      keterangan: 'Notes',
    },
    capaianBy: { TARGET_NOL: 'Target-0 rule', REALISASI_NOL: 'Actual 0 (upper limit)' },
    sasaran: {
      sasaran: 'Strategic Goal',
      count: 'Indicators',
      capaian: (cap: string) => `Achievement (%, each indicator at most ${cap})`,
      kategori: 'Rating',
      pagu: 'Budget (Rp)',
      realisasiAnggaran: 'Budget Spent (Rp)',
      serapan: 'Budget Absorption (%)',
      efisiensi: 'Efficiency (achievement ÷ absorption)',
      efisiensiWord: 'Efficiency Note',
      efisien: 'efficient',
      kurangEfisien: 'less efficient',
      overall: 'All goals',
    },
    // Sheet names stay Indonesian so downstream tooling finds them whatever the language.
    sheets: { summary: 'Ringkasan', sasaran: 'Sasaran', detail: 'Capaian' },
  },
};

type CellInput = string | number | null | undefined;

/** Every text goes through safeCellText: indicator names and narratives are uploader-controlled. */
function cellValue(v: CellInput): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? safeCellText(v) : v;
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 32;
}

function plainNumberFormat(n: number | undefined | null): string {
  return n !== undefined && n !== null && !Number.isInteger(n) ? '#,##0.00' : '#,##0';
}

/**
 * Written with ExcelJS's streaming writer: each detail row is serialised and let go as soon as it is committed,
 * so a maximum-size upload (dataLimits.maxRows) fits the assemble function's memory — the in-memory workbook
 * held ~2.4 GB at 100 000 rows, the stream ~0.1 GB over the data (bench P3). Inline strings instead of a
 * shared-string table keep that bound (the file is somewhat larger).
 */
export async function renderReportXlsx(report: AssembledReport, lang: Lang = 'id'): Promise<Buffer> {
  const l = LABELS[lang];
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'lapkin';
  wb.lastModifiedBy = 'lapkin';
  const generated = new Date(report.generatedAt);
  if (!Number.isNaN(generated.getTime())) {
    wb.created = generated;
    wb.modified = generated;
  }
  wb.title = safeCellText(`${l.title} ${report.organization.name} ${report.periode} ${report.tahun}`);

  writeSummary(wb.addWorksheet(l.sheets.summary), report, lang);
  if (report.summary.sasaran?.length) writeSasaran(wb.addWorksheet(l.sheets.sasaran), report, lang);
  // A streamed sheet's views cannot change once rows are written: the frozen header goes in at creation.
  writeDetail(wb.addWorksheet(l.sheets.detail, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] }), report, lang);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

function writeSummary(ws: ExcelJS.Worksheet, report: AssembledReport, lang: Lang): void {
  const l = LABELS[lang];
  const s = report.summary;
  const cap = capText(report, lang);
  ws.columns = [{ width: 44 }, { width: 60 }];
  ws.addRow([cellValue(l.title)]).font = { bold: true, size: 14 };
  ws.addRow([cellValue(report.organization.name.toUpperCase())]).font = { bold: true, size: 12 };
  ws.addRow([cellValue(report.organization.parent)]);
  ws.addRow([]);
  const meta: [string, CellInput][] = [
    [l.periode, periodLabel(report.periode, lang)],
    [l.tahun, report.tahun],
    [l.revision, report.revision],
    [l.generatedAt, formatDateTime(report.generatedAt, lang)],
  ];
  for (const [k, v] of meta) {
    const row = ws.addRow([cellValue(k), cellValue(v)]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
  }
  ws.addRow([]);
  styleHeader(ws.addRow([l.item, l.value]));

  const notComputable = report.indicators.filter((i) => i.capaian === null).length;
  const serapan =
    s.totalPagu !== null && s.totalPagu > 0 && s.totalRealisasiAnggaran !== null
      ? round2((s.totalRealisasiAnggaran / s.totalPagu) * 100)
      : null;
  const lines: [string, CellInput, string][] = [
    [l.indicatorCount, s.indicatorCount, '#,##0'],
    [cap === null ? l.averageUncapped : l.averageCapped(cap), s.averageCapaian, FMT_PERCENT],
    [l.belowTarget, s.belowTarget, '#,##0'],
    ...kategoriOrder(ratingScaleOf(report.ratingScale)).map((k): [string, CellInput, string] => [
      l.kategori(kategoriLabel(k, lang)),
      s.byKategori[k] ?? 0,
      '#,##0',
    ]),
    [l.notComputable, notComputable, '#,##0'],
    [l.totalPagu, s.totalPagu, FMT_MONEY],
    [l.totalRealisasi, s.totalRealisasiAnggaran, FMT_MONEY],
    [l.serapan, serapan, FMT_PERCENT],
  ];
  for (const [label, value, fmt] of lines) {
    const row = ws.addRow([cellValue(label), cellValue(value)]);
    row.getCell(1).border = THIN;
    const v = row.getCell(2);
    v.border = THIN;
    v.alignment = { horizontal: 'right' };
    if (typeof value === 'number') v.numFmt = fmt;
  }

  // The rules the numbers were computed by, as values and in sentences (the PDF's method note).
  const { rules, capped } = reportRules(report);
  ws.addRow([]);
  styleHeader(ws.addRow([l.method, l.value]));
  const ruleLines: [string, CellInput][] = [
    [l.turunFormula, rules.turunFormula],
    [l.targetZero, l.targetZeroRule[rules.targetZero]],
    [l.cap, capped ? rules.cap : l.noCap],
  ];
  for (const [label, value] of ruleLines) {
    const row = ws.addRow([cellValue(label), cellValue(value)]);
    row.getCell(1).border = THIN;
    row.getCell(2).border = THIN;
    row.getCell(2).alignment = { horizontal: typeof value === 'number' ? 'right' : 'left', wrapText: true };
  }
  methodNote(report, lang).forEach((line, i) => {
    const row = ws.addRow([cellValue(`${i + 1}.`), cellValue(line)]);
    row.getCell(1).alignment = { horizontal: 'right', vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.commit();
}

/** Capaian per sasaran strategis (capped mean), its kategori, budget, serapan and efisiensi, and all together. */
function writeSasaran(ws: ExcelJS.Worksheet, report: AssembledReport, lang: Lang): void {
  const l = LABELS[lang].sasaran;
  const s = report.summary;
  const cap = sasaranCapText(report, lang);
  const columns: { header: string; width: number; fmt?: string }[] = [
    { header: LABELS[lang].columns.no, width: 5, fmt: '#,##0' },
    { header: l.sasaran, width: 44 },
    { header: l.count, width: 12, fmt: '#,##0' },
    { header: l.capaian(cap), width: 18, fmt: FMT_PERCENT },
    { header: l.kategori, width: 16 },
    { header: l.pagu, width: 18, fmt: FMT_MONEY },
    { header: l.realisasiAnggaran, width: 18, fmt: FMT_MONEY },
    { header: l.serapan, width: 14, fmt: FMT_PERCENT },
    { header: l.efisiensi, width: 16, fmt: '#,##0.00' },
    { header: l.efisiensiWord, width: 16 },
  ];
  ws.columns = columns.map((c) => ({ width: c.width }));
  styleHeader(ws.addRow(columns.map((c) => c.header)));
  const overall = allSasaran(s, ratingScaleOf(report.ratingScale), l.overall);
  // Efisiensi only where capaian and serapan both cover the year (see ratesEfisiensi).
  const rated = ratesEfisiensi(report.periode);
  const all = [...(s.sasaran ?? []), overall];
  all.forEach((x, i) => {
    const last = i === all.length - 1;
    const values: CellInput[] = [
      last ? null : i + 1,
      x.sasaran,
      x.indicatorCount,
      x.capaian,
      kategoriLabel(x.kategori, lang),
      x.pagu,
      x.realisasiAnggaran,
      x.serapan,
      rated ? x.efisiensi : null,
      x.efisiensi === null || !rated ? null : x.efisiensi >= 1 ? l.efisien : l.kurangEfisien,
    ];
    const row = ws.addRow(values.map(cellValue));
    columns.forEach((col, j) => {
      const cell = row.getCell(j + 1);
      cell.border = THIN;
      cell.alignment = col.fmt ? { vertical: 'top', horizontal: 'right' } : { vertical: 'top', wrapText: true };
      if (col.fmt && typeof values[j] === 'number') cell.numFmt = col.fmt;
    });
    if (last) row.font = { bold: true };
    row.commit();
  });
  ws.commit();
}

function writeDetail(ws: ExcelJS.Worksheet, report: AssembledReport, lang: Lang): void {
  const indicators = report.indicators;
  const c = LABELS[lang].columns;
  const l = LABELS[lang];
  const columns: { header: string; width: number; kind: 'text' | 'number' | 'percent' | 'money' }[] = [
    { header: c.no, width: 5, kind: 'number' },
    { header: c.kode, width: 10, kind: 'text' },
    { header: c.sasaran, width: 32, kind: 'text' },
    { header: c.indikator, width: 40, kind: 'text' },
    { header: c.satuan, width: 10, kind: 'text' },
    { header: c.polaritas, width: 10, kind: 'text' },
    { header: c.sifat, width: 16, kind: 'text' },
    { header: c.target(report.periode), width: 12, kind: 'number' },
    { header: c.realisasiPeriode(report.periode), width: 12, kind: 'number' },
    { header: c.realisasiToDate(report.periode), width: 12, kind: 'number' },
    { header: c.quartersMissing, width: 12, kind: 'text' },
    { header: c.capaian, width: 12, kind: 'percent' },
    { header: c.capaianBy, width: 16, kind: 'text' },
    { header: c.kategori, width: 16, kind: 'text' },
    { header: c.realisasiTahunLalu, width: 14, kind: 'number' },
    { header: c.targetRenstra(report.tahun), width: 14, kind: 'number' },
    { header: c.targetRenstraAkhir, width: 14, kind: 'number' },
    { header: c.pagu, width: 18, kind: 'money' },
    { header: c.realisasiAnggaran, width: 18, kind: 'money' },
    { header: c.serapanAnggaran, width: 14, kind: 'percent' },
    { header: c.faktorPendorong, width: 40, kind: 'text' },
    { header: c.faktorPenghambat, width: 40, kind: 'text' },
    { header: c.tindakLanjut, width: 40, kind: 'text' },
    { header: c.keterangan, width: 30, kind: 'text' },
  ];
  ws.columns = columns.map((col) => ({ width: col.width }));
  styleHeader(ws.addRow(columns.map((col) => col.header)));

  indicators.forEach((ind, i) => {
    const values: CellInput[] = [
      i + 1,
      ind.kode,
      ind.sasaran,
      ind.indikator,
      ind.satuan,
      POLARITAS_SHORT[lang][ind.polaritas],
      ind.sifat ? SIFAT_LABEL[lang][ind.sifat] : null,
      ind.target,
      ind.realisasiPeriode ?? ind.realisasi,
      // A row without sifat has the quarter's own figure only (full-row format without a sifat column).
      ind.sifat !== undefined || isToDate(ind) ? ind.realisasi : null,
      ind.quartersMissing?.join(', '),
      ind.capaian,
      ind.capaianBy ? l.capaianBy[ind.capaianBy] : null,
      kategoriLabel(ind.kategori, lang),
      ind.realisasiTahunLalu,
      ind.targetRenstra,
      ind.targetRenstraAkhir,
      ind.pagu,
      ind.realisasiAnggaran,
      ind.serapanAnggaran,
      ind.faktorPendorong,
      ind.faktorPenghambat,
      ind.tindakLanjut,
      ind.keterangan,
    ];
    const row = ws.addRow(values.map(cellValue));
    columns.forEach((col, j) => {
      const cell = row.getCell(j + 1);
      cell.border = THIN;
      const v = values[j];
      if (col.kind === 'text') cell.alignment = { vertical: 'top', wrapText: true };
      else {
        cell.alignment = { vertical: 'top', horizontal: 'right' };
        if (typeof v === 'number') {
          cell.numFmt = col.kind === 'percent' ? FMT_PERCENT : col.kind === 'money' ? FMT_MONEY : plainNumberFormat(v);
        }
      }
    });
    row.commit();
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, indicators.length + 1), column: columns.length },
  };
  ws.commit();
}

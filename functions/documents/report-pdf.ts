import type { AssembledReport, ComputedIndicator, DispositionEntry, Kategori } from '../core/performance-data.ts';
import { formatDateTime, formatNumber, formatPercent } from '../i18n/format.ts';
import { kategoriLabel, periodLabel } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { computeCapaian, kategoriOrder, overspent, ratingScaleOf, round2, scaleRanges } from './capaian.ts';
import {
  addFooters,
  bottomLimit,
  COLOR,
  centered,
  contentWidth,
  createDoc,
  DANGER_TINT,
  type Doc,
  drawTable,
  ensureSpace,
  FONT,
  HEADING_ROOM,
  heading,
  keepTogether,
  letterhead,
  type PdfRenderOptions,
  paragraph,
  pdfText,
  type TableColumn,
  type TableRow,
  tableHeight,
} from './pdf-layout.ts';
import { drawApprovals } from './report-pdf-approvals.ts';
import { REPORT_PDF_LABELS as L } from './report-pdf-labels.ts';
import { type VerificationMark, verificationFooter } from './verification-pdf.ts';
import { watermarkEveryPage } from './watermark.ts';

// Green (best) to red (worst); a scale of another length takes evenly spaced steps.
const RATING_COLORS = ['#1E7B4F', '#62A55A', '#E3B23C', '#E07B39', '#B03A2E'];
const RATING_TINTS = ['#D7EEDF', '#E4F2DF', '#FBF0D2', '#FBE3D3', '#F4D6D3'];

/** Colours per kategori by its rank in the configured scale, so any scale reads green-to-red. */
function kategoriPalette(order: Kategori[]): { color: (k: Kategori) => string; tint: (k: Kategori) => string } {
  const step = (k: Kategori): number => {
    const i = order.indexOf(k);
    if (i < 0) return -1;
    return order.length === 1 ? 0 : Math.round((i * (RATING_COLORS.length - 1)) / (order.length - 1));
  };
  return {
    color: (k) => RATING_COLORS[step(k)] ?? COLOR.rule,
    tint: (k) => RATING_TINTS[step(k)] ?? COLOR.zebra,
  };
}

export interface ReportPdfOptions extends PdfRenderOptions {
  /**
   * The archived copy: its verification code and QR code beside the signature, and the code in every footer.
   * Only the archived (ratified) copy has one: every rendering without it is a draft and says so on every page.
   */
  verification?: VerificationMark;
}

export async function renderReportPdf(
  report: AssembledReport,
  approvals: DispositionEntry[] = [],
  lang: Lang = 'id',
  options: ReportPdfOptions = {},
): Promise<Buffer> {
  const l = L[lang];
  const per = periodLabel(report.periode, lang);
  const { doc, done } = createDoc(
    {
      title: `${l.title} ${report.organization.name} ${per} ${report.tahun}`,
      subject: l.sakip,
      author: report.organization.name,
      createdAt: report.generatedAt,
    },
    options,
  );

  const footer = l.footer(report.organization.name, per, report.tahun, report.revision);
  const mark = options.verification;
  const footers = addFooters(doc, mark ? `${footer} - ${verificationFooter(mark.code, lang)}` : footer, lang, 1);
  if (!mark) watermarkEveryPage(doc, l.draft);
  drawCover(doc, report, lang);
  doc.addPage();
  drawSummary(doc, report, lang);
  drawMainTable(doc, report, lang);
  drawComparison(doc, report.indicators, lang);
  drawChart(doc, report, lang);
  drawBudget(doc, report.indicators, lang);
  drawNarrative(doc, report.indicators, lang);
  drawApprovals(doc, report, approvals, lang, mark);

  footers.end();
  doc.end();
  return done;
}

function drawCover(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  letterhead(doc, report.organization, 80);

  let y = centered(doc, l.title, 250, FONT.bold, 30, COLOR.accent);
  y = centered(doc, l.sakip, y + 6, FONT.regular, 10, COLOR.muted);
  y = centered(doc, periodLabel(report.periode, lang).toUpperCase(), y + 36, FONT.bold, 18);
  y = centered(doc, `${l.tahun} ${report.tahun}`, y + 4, FONT.bold, 18);

  const rows: [string, string][] = [
    [l.coverRows.periode, `${report.periode} (${periodLabel(report.periode, lang)})`],
    [l.coverRows.tahun, String(report.tahun)],
    [l.coverRows.revision, String(report.revision)],
    [l.coverRows.generatedAt, formatDateTime(report.generatedAt, lang)],
    // The source file's storage key and versionId are not for a cover: the archived copy's disposition sheet
    // lists them, with its SHA-256, in its verification record.
  ];
  const boxX = x + 50;
  const boxW = w - 100;
  const labelW = 100;
  let by = y + 50;
  const top = by;
  by += 10;
  for (const [k, v] of rows) {
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(COLOR.text)
      .text(pdfText(k), boxX + 12, by, { width: labelW });
    doc.font(FONT.regular).fontSize(9);
    const h = doc.heightOfString(pdfText(v), { width: boxW - labelW - 30 });
    doc.text(pdfText(v), boxX + 18 + labelW, by, { width: boxW - labelW - 30 });
    by += Math.max(h, 11) + 5;
  }
  doc
    .rect(boxX, top, boxW, by - top + 5)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();

  centered(doc, report.organization.name.toUpperCase(), doc.page.height - 130, FONT.bold, 12);
  centered(doc, String(report.tahun), doc.y + 2, FONT.bold, 12);
}

function drawSummary(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  const s = report.summary;
  const per = periodLabel(report.periode, lang);
  heading(doc, l.s1);
  paragraph(doc, l.intro(s.indicatorCount, report.organization.name, per, report.tahun));
  doc.y += 4;
  paragraph(doc, l.introAvg(formatPercent(s.averageCapaian, lang), s.belowTarget));
  doc.y += 12;

  const serapan =
    s.totalPagu !== null && s.totalPagu > 0 && s.totalRealisasiAnggaran !== null
      ? round2((s.totalRealisasiAnggaran / s.totalPagu) * 100)
      : null;
  const figures: [string, string][] = [
    [l.keyFigures.count, formatNumber(s.indicatorCount, {}, lang)],
    [l.keyFigures.avg, formatPercent(s.averageCapaian, lang)],
    [l.keyFigures.below, formatNumber(s.belowTarget, {}, lang)],
    [l.keyFigures.serapan, formatPercent(serapan, lang)],
  ];
  ensureSpace(doc, 70);
  const gap = 10;
  const boxW = (contentWidth(doc) - gap * (figures.length - 1)) / figures.length;
  const y = doc.y;
  figures.forEach(([label, value], i) => {
    const bx = doc.page.margins.left + i * (boxW + gap);
    doc.rect(bx, y, boxW, 56).fill(COLOR.zebra);
    doc.rect(bx, y, boxW, 56).lineWidth(0.6).strokeColor(COLOR.grid).stroke();
    doc
      .font(FONT.bold)
      .fontSize(16)
      .fillColor(COLOR.accent)
      .text(value, bx, y + 10, { width: boxW, align: 'center' });
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(pdfText(label), bx + 4, y + 34, { width: boxW - 8, align: 'center' });
  });
  doc.y = y + 56 + 16;
  doc.fillColor(COLOR.text);

  const notComputable = report.indicators.filter((i) => i.capaian === null).length;
  const scale = ratingScaleOf(report.ratingScale);
  const order = kategoriOrder(scale);
  const palette = kategoriPalette(order);
  const ranges = scaleRanges(scale, lang);
  // The scale is configuration: printing its ranges keeps the report readable on its own.
  const rows: TableRow[] = order.map((k) => ({
    cells: [
      kategoriLabel(k, lang),
      ranges
        .filter((r) => r.kategori === k)
        .map((r) => r.range)
        .join('; '),
      formatNumber(s.byKategori[k] ?? 0, {}, lang),
    ],
    cellFills: [palette.tint(k), undefined, undefined],
  }));
  if (notComputable > 0) rows.push({ cells: [l.notComputable, '', formatNumber(notComputable, {}, lang)] });
  drawTable(
    doc,
    [
      { header: l.distHeaders[0] ?? '', width: 150 },
      { header: l.distHeaders[1] ?? '', width: 170 },
      { header: l.distHeaders[2] ?? '', width: 100, align: 'right' },
    ],
    rows,
    { fontSize: 9 },
  );
}

/** Integers as they are; fractions with at least 2 decimals (96,80 next to 83,45), at most 4. */
function num(n: number | undefined, lang: Lang): string {
  if (n === undefined) return '-';
  if (Number.isInteger(n)) return formatNumber(n, {}, lang);
  const decimals = Math.min(4, Math.max(2, (String(n).split('.')[1] ?? '').length));
  return formatNumber(n, { decimals }, lang);
}

function drawMainTable(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  const indicators = report.indicators;
  const palette = kategoriPalette(kategoriOrder(ratingScaleOf(report.ratingScale)));
  heading(doc, l.s2);
  const h = l.mainHeaders;
  const columns: TableColumn[] = [
    { header: h[0] ?? '', width: 40 },
    { header: h[1] ?? '', width: 96 },
    { header: h[2] ?? '', width: 130 },
    { header: h[3] ?? '', width: 42 },
    { header: h[4] ?? '', width: 44, align: 'right' },
    { header: h[5] ?? '', width: 44, align: 'right' },
    { header: h[6] ?? '', width: 46, align: 'right' },
    { header: h[7] ?? '', width: 47.28, align: 'center' },
  ];
  const rows: TableRow[] = indicators.map((ind, i) => {
    const sameGoal = i > 0 && indicators[i - 1]?.sasaran === ind.sasaran;
    const cells = [
      ind.kode,
      sameGoal ? '' : ind.sasaran,
      ind.indikator,
      ind.satuan,
      num(ind.target, lang),
      num(ind.realisasi, lang),
      formatPercent(ind.capaian, lang),
      kategoriLabel(ind.kategori, lang),
    ];
    const row: TableRow = {
      cells,
      cellFills: [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        ind.kategori ? palette.tint(ind.kategori) : undefined,
      ],
    };
    if (sameGoal) row.firstOnPage = cells.map((c, j) => (j === 1 ? ind.sasaran : c));
    return row;
  });
  drawTable(doc, columns, rows, { fontSize: 7.5 });
}

function drawComparison(doc: Doc, indicators: ComputedIndicator[], lang: Lang): void {
  if (!indicators.some((i) => i.realisasiTahunLalu !== undefined || i.targetRenstra !== undefined)) return;
  const l = L[lang];
  const h = l.compareHeaders;
  const columns: TableColumn[] = [
    { header: h[0] ?? '', width: 40 },
    { header: h[1] ?? '', width: 170 },
    { header: h[2] ?? '', width: 45 },
    { header: h[3] ?? '', width: 58, align: 'right' },
    { header: h[4] ?? '', width: 56, align: 'right' },
    { header: h[5] ?? '', width: 58, align: 'right' },
    { header: h[6] ?? '', width: 62.28, align: 'right' },
  ];
  const rows: TableRow[] = indicators.map((ind) => ({
    cells: [
      ind.kode,
      ind.indikator,
      ind.satuan,
      num(ind.realisasiTahunLalu, lang),
      num(ind.realisasi, lang),
      num(ind.targetRenstra, lang),
      ind.targetRenstra === undefined
        ? '-'
        : formatPercent(computeCapaian(ind.polaritas, ind.targetRenstra, ind.realisasi), lang),
    ],
  }));
  doc.y += 14;
  ensureSpace(doc, 120);
  keepTogether(doc, 20 + tableHeight(doc, columns, rows, { fontSize: 7.5 }));
  paragraph(doc, l.compareTitle, { font: FONT.bold, size: 10 });
  doc.y += 4;
  drawTable(doc, columns, rows, { fontSize: 7.5, zebra: true });
}

function drawChart(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  const indicators = report.indicators;
  const order = kategoriOrder(ratingScaleOf(report.ratingScale));
  const palette = kategoriPalette(order);
  heading(doc, l.s3);
  paragraph(doc, l.chartNote, { size: 8, color: COLOR.muted });
  doc.y += 6;

  const values = indicators.map((i) => i.capaian).filter((c): c is number => c !== null);
  const maxValue = Math.max(100, ...values);
  // Up to 200% the scale follows the data; beyond, bars are clipped so ordinary values stay readable.
  const scaleMax = Math.min(200, Math.max(120, Math.ceil(maxValue / 20) * 20));
  const x0 = doc.page.margins.left;
  const labelW = 52;
  const valueW = 62;
  const plotX = x0 + labelW;
  const plotW = contentWidth(doc) - labelW - valueW;
  const barH = 11;
  const rowH = 18;
  const xFor = (v: number): number => plotX + (Math.min(v, scaleMax) / scaleMax) * plotW;

  const drawAxis = (top: number, bottom: number): void => {
    doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
    for (let v = 0; v <= scaleMax; v += 20) {
      const gx = xFor(v);
      doc.moveTo(gx, top).lineTo(gx, bottom).lineWidth(0.3).strokeColor(COLOR.grid).stroke();
      doc.text(`${v} %`, gx - 15, top - 10, { width: 30, align: 'center', lineBreak: false });
    }
    doc.save();
    doc
      .moveTo(xFor(100), top - 2)
      .lineTo(xFor(100), bottom)
      .lineWidth(1)
      .dash(3, { space: 2 })
      .strokeColor(COLOR.danger)
      .stroke();
    doc.undash().restore();
    doc.moveTo(plotX, top).lineTo(plotX, bottom).lineWidth(0.8).strokeColor(COLOR.rule).stroke();
  };

  let i = 0;
  while (i < indicators.length) {
    ensureSpace(doc, 14 + rowH * Math.min(3, indicators.length - i) + 4);
    const top = doc.y + 12;
    const fits = Math.max(1, Math.floor((bottomLimit(doc) - top - 4) / rowH));
    const chunk = indicators.slice(i, i + fits);
    const bottom = top + chunk.length * rowH + 4;
    chunk.forEach((ind, j) => {
      const y = top + 4 + j * rowH;
      doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.text);
      doc.text(pdfText(ind.kode), x0, y + 2, { width: labelW - 6, align: 'right', lineBreak: false, ellipsis: true });
      if (ind.capaian === null) {
        doc
          .font(FONT.italic)
          .fontSize(7.5)
          .fillColor(COLOR.muted)
          .text(l.chartNa, plotX + 4, y + 2, { width: plotW, lineBreak: false });
        return;
      }
      const color = ind.kategori ? palette.color(ind.kategori) : COLOR.rule;
      const w = Math.max(0.5, xFor(ind.capaian) - plotX);
      doc.rect(plotX, y, w, barH).fill(color);
      const clipped = ind.capaian > scaleMax;
      doc
        .font(FONT.regular)
        .fontSize(7.5)
        .fillColor(COLOR.text)
        .text(`${clipped ? '> ' : ''}${formatPercent(ind.capaian, lang)}`, plotX + plotW + 4, y + 2, {
          width: valueW - 4,
          lineBreak: false,
        });
    });
    drawAxis(top, bottom);
    doc.y = bottom + 6;
    i += chunk.length;
  }

  ensureSpace(doc, 20);
  let lx = plotX;
  let ly = doc.y + 2;
  doc.font(FONT.regular).fontSize(7.5);
  for (const k of order) {
    const label = pdfText(kategoriLabel(k, lang));
    // A configured scale may have more or longer names than fit on one line.
    if (lx + 12 + doc.widthOfString(label) > x0 + contentWidth(doc) && lx > plotX) {
      lx = plotX;
      ly += 13;
    }
    doc.rect(lx, ly, 9, 9).fill(palette.color(k));
    doc.fillColor(COLOR.text).text(label, lx + 12, ly + 1, { lineBreak: false });
    lx += 12 + doc.widthOfString(label) + 14;
  }
  doc.x = x0;
  doc.y = ly + 16;
  doc.fillColor(COLOR.text);
}

function drawBudget(doc: Doc, indicators: ComputedIndicator[], lang: Lang): void {
  const withBudget = indicators.filter((i) => i.pagu !== undefined || i.realisasiAnggaran !== undefined);
  if (withBudget.length === 0) return;
  const l = L[lang];
  const h = l.budgetHeaders;
  const columns: TableColumn[] = [
    { header: h[0] ?? '', width: 42 },
    { header: h[1] ?? '', width: 190 },
    { header: h[2] ?? '', width: 95, align: 'right' },
    { header: h[3] ?? '', width: 95, align: 'right' },
    { header: h[4] ?? '', width: 67.28, align: 'right' },
  ];
  const over = new Set(overspent(withBudget));
  const rows: TableRow[] = withBudget.map((ind) => ({
    cells: [
      ind.kode,
      ind.indikator,
      ind.pagu === undefined ? '-' : formatNumber(ind.pagu, { maxDecimals: 2 }, lang),
      ind.realisasiAnggaran === undefined ? '-' : formatNumber(ind.realisasiAnggaran, { maxDecimals: 2 }, lang),
      `${over.has(ind) ? '(!) ' : ''}${formatPercent(ind.serapanAnggaran, lang)}`,
    ],
    ...(over.has(ind) ? { cellFills: [undefined, undefined, undefined, DANGER_TINT, DANGER_TINT] } : {}),
  }));
  const totalPagu = withBudget.reduce((a, i) => a + (i.pagu ?? 0), 0);
  const totalSpent = withBudget.reduce((a, i) => a + (i.realisasiAnggaran ?? 0), 0);
  rows.push({
    cells: [
      '',
      l.total,
      formatNumber(totalPagu, { maxDecimals: 2 }, lang),
      formatNumber(totalSpent, { maxDecimals: 2 }, lang),
      formatPercent(totalPagu > 0 ? round2((totalSpent / totalPagu) * 100) : null, lang),
    ],
    bold: true,
    fill: COLOR.headerFill,
  });
  keepTogether(doc, HEADING_ROOM + tableHeight(doc, columns, rows, { fontSize: 8 }) + (over.size > 0 ? 30 : 0));
  heading(doc, l.s4);
  drawTable(doc, columns, rows, { fontSize: 8, zebra: true });
  if (over.size > 0) {
    doc.y += 6;
    ensureSpace(doc, 30);
    paragraph(doc, l.overspent([...over].map((i) => i.kode).join(', ')), { size: 8.5, color: COLOR.danger });
  }
}

function drawNarrative(doc: Doc, indicators: ComputedIndicator[], lang: Lang): void {
  const l = L[lang];
  heading(doc, l.s5);
  const below = indicators.filter((i) => i.capaian === null || i.capaian < 100);
  if (below.length === 0) {
    paragraph(doc, l.allMet);
    return;
  }
  for (const ind of below) {
    ensureSpace(doc, 70);
    paragraph(
      doc,
      l.narrativeHead(
        ind.kode,
        ind.indikator,
        ind.capaian === null ? null : formatPercent(ind.capaian, lang),
        kategoriLabel(ind.kategori, lang),
      ),
      {
        font: FONT.bold,
        size: 9.5,
      },
    );
    doc.y += 3;
    const parts: [string, string | undefined][] = [
      [l.pendorong, ind.faktorPendorong],
      [l.penghambat, ind.faktorPenghambat],
      [l.tindakLanjut, ind.tindakLanjut],
    ];
    if (ind.keterangan) parts.push([l.keterangan, ind.keterangan]);
    for (const [label, text] of parts) {
      ensureSpace(doc, 24);
      paragraph(doc, label, { font: FONT.bold, size: 8.5, color: COLOR.muted, indent: 12 });
      paragraph(doc, text?.trim() ? text : l.none, { size: 9, indent: 12 });
      doc.y += 3;
    }
    doc.y += 8;
  }
}

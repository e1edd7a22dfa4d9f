import type { AssembledReport } from '../../core/performance-data.ts';
import { formatPercent } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { kategoriOrder, ratingScaleOf } from '../capaian.ts';
import {
  bottomLimit,
  COLOR,
  contentWidth,
  type Doc,
  ensureSpace,
  FONT,
  heading,
  paragraph,
  pdfText,
} from '../pdf-layout.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { kategoriPalette } from './palette.ts';

/** Section III: a bar per indicator's capaian, coloured by kategori, with the 100 % line and a legend. */
export function drawChart(doc: Doc, report: AssembledReport, lang: Lang): void {
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
    // No bar or two alone on the next page: this page leaves them a third one (an orphan reads as another chart).
    const rest = indicators.length - i - fits;
    const take = rest > 0 && rest < 3 && fits - (3 - rest) >= 3 ? fits - (3 - rest) : fits;
    const chunk = indicators.slice(i, i + take);
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

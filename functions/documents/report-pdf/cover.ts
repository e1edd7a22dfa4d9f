import type { AssembledReport } from '../../core/performance-data.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { periodLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { COLOR, centered, contentWidth, type Doc, FONT, letterhead, pdfText } from '../pdf-layout.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';

/** The cover page: letterhead, title, period, the revision and when it was put together. */
export function drawCover(doc: Doc, report: AssembledReport, lang: Lang): void {
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

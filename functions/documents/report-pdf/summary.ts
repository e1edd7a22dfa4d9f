import type { AssembledReport } from '../../core/performance-data.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { kategoriLabel, periodLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { kategoriOrder, ratingScaleOf, round2, scaleRanges } from '../capaian.ts';
import {
  type Doc,
  drawTable,
  ensureSpace,
  FONT,
  heading,
  keyFigureBoxes,
  paragraph,
  type TableRow,
} from '../pdf-layout.ts';
import { capText, methodNote } from '../report-method.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { kategoriPalette } from './palette.ts';

/** Section I: the summary in words, four key figures, and how many indicators fall in each kategori of the scale. */
export function drawSummary(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  const s = report.summary;
  const per = periodLabel(report.periode, lang);
  heading(doc, l.s1);
  paragraph(doc, l.intro(s.indicatorCount, report.organization.name, per, report.tahun));
  doc.y += 4;
  // The average counts each indicator at most the cap (summarize); the words say so wherever it is printed.
  const cap = capText(report, lang);
  paragraph(doc, l.introAvg(formatPercent(s.averageCapaian, lang), s.belowTarget, cap));
  doc.y += 12;

  const serapan =
    s.totalPagu !== null && s.totalPagu > 0 && s.totalRealisasiAnggaran !== null
      ? round2((s.totalRealisasiAnggaran / s.totalPagu) * 100)
      : null;
  const figures: [string, string][] = [
    [l.keyFigures.count, formatNumber(s.indicatorCount, {}, lang)],
    [cap === null ? l.keyFigures.avg : l.keyFigures.avgCapped(cap), formatPercent(s.averageCapaian, lang)],
    [l.keyFigures.below, formatNumber(s.belowTarget, {}, lang)],
    [l.keyFigures.serapan, formatPercent(serapan, lang)],
  ];
  ensureSpace(doc, 70);
  keyFigureBoxes(doc, figures);
  doc.y += 16;

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
  drawMethodNote(doc, report, lang);
}

/** "Metode perhitungan": the rules the report's capaian were computed by, once, at the end of the summary. */
function drawMethodNote(doc: Doc, report: AssembledReport, lang: Lang): void {
  const lines = methodNote(report, lang);
  doc.y += 10;
  // The title with at least its first two sentences: never a title alone at the foot of a page.
  ensureSpace(doc, 60);
  paragraph(doc, L[lang].methodTitle, { font: FONT.bold, size: 9 });
  doc.y += 2;
  lines.forEach((line, i) => {
    ensureSpace(doc, 22);
    paragraph(doc, `${i + 1}. ${line}`, { size: 8, indent: 10 });
    doc.y += 1;
  });
}

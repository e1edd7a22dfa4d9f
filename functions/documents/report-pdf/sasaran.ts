import type { AssembledReport, SasaranCapaian } from '../../core/performance-data.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { kategoriOrder, ratingScaleOf } from '../capaian.ts';
import {
  COLOR,
  type Doc,
  drawTable,
  ensureSpace,
  FONT,
  keepTogether,
  paragraph,
  type TableColumn,
  type TableRow,
  tableHeight,
} from '../pdf-layout.ts';
import { sasaranCapText } from '../report-method.ts';
import { allSasaran, ratesEfisiensi } from '../report-summary.ts';
import { notesHeight } from './figures.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { kategoriPalette } from './palette.ts';

/**
 * Section II, after the indicator table: capaian per sasaran strategis (the unit of the LKjIP's Bab III) — the
 * capped mean of its indicators, its kategori, its use of the budget and the efficiency of that use — and a row
 * for all sasaran together, whose capaian is the report's overall (capped) average.
 * Data assembled before capaian per sasaran was computed has none: the section is left out.
 */
export function drawSasaran(doc: Doc, report: AssembledReport, lang: Lang): void {
  const sasaran = report.summary.sasaran;
  if (!sasaran || sasaran.length === 0) return;
  const l = L[lang];
  const s = report.summary;
  const scale = ratingScaleOf(report.ratingScale);
  const palette = kategoriPalette(kategoriOrder(scale));
  const cap = sasaranCapText(report, lang);
  const h = l.sasaranHeaders;
  const columns: TableColumn[] = [
    { header: h[0] ?? '', width: 104 },
    { header: h[1] ?? '', width: 48, align: 'center' },
    { header: h[2] ?? '', width: 48, align: 'right' },
    { header: h[3] ?? '', width: 50, align: 'center' },
    { header: h[4] ?? '', width: 64, align: 'right' },
    { header: h[5] ?? '', width: 64, align: 'right' },
    { header: h[6] ?? '', width: 52, align: 'right' },
    { header: h[7] ?? '', width: 59.28, align: 'center' },
  ];
  const money = (n: number | null) => (n === null ? '-' : formatNumber(n, { maxDecimals: 2 }, lang));
  // Before TW4 a quarter's capaian is against the target to date while its serapan is of the year's pagu: the two
  // are not comparable, so efisiensi is rated only when both cover the year (TW4, the annual report).
  const yearEnd = ratesEfisiensi(report.periode);
  const efisiensi = (e: number | null) =>
    e === null || !yearEnd ? '-' : `${formatNumber(e, { decimals: 2 }, lang)}\n${e >= 1 ? l.efisien : l.kurangEfisien}`;
  const row = (x: SasaranCapaian, extra: Partial<TableRow> = {}): TableRow => ({
    cells: [
      x.sasaran,
      formatNumber(x.indicatorCount, {}, lang),
      formatPercent(x.capaian, lang),
      kategoriLabel(x.kategori, lang),
      money(x.pagu),
      money(x.realisasiAnggaran),
      formatPercent(x.serapan, lang),
      efisiensi(x.efisiensi),
    ],
    cellFills: [undefined, undefined, undefined, x.kategori ? palette.tint(x.kategori) : undefined],
    ...extra,
  });
  const overall = allSasaran(s, scale, l.overall);
  const rows = [...sasaran.map((x) => row(x)), row(overall, { bold: true, fill: COLOR.headerFill })];
  const note = yearEnd ? l.sasaranNote(cap) : `${l.sasaranNote(cap)} ${l.efisiensiYearEnd}`;
  doc.y += 14;
  ensureSpace(doc, 120);
  keepTogether(doc, 20 + tableHeight(doc, columns, rows, { fontSize: 7.5 }) + notesHeight(doc, [note]));
  paragraph(doc, l.sasaranTitle, { font: FONT.bold, size: 10 });
  doc.y += 4;
  drawTable(doc, columns, rows, { fontSize: 7.5, reserveAfter: notesHeight(doc, [note]) });
  doc.y += 4;
  paragraph(doc, note, { size: 7, color: COLOR.muted });
}

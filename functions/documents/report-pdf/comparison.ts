import type { AssembledReport } from '../../core/performance-data.ts';
import { formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { computeCapaian } from '../capaian.ts';
import {
  COLOR,
  contentWidth,
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
import { isToDate, reportRules } from '../report-method.ts';
import { notesHeight, quarterShort, showsToDate } from './figures.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { indicatorNumber } from './numbers.ts';

/**
 * Section II, continued: realisasi against last year's and the Renstra targets, when the data has them.
 *
 * A quarter's realisasi measured against a Renstra target (annual, or the end of the Renstra) is no capaian: 15
 * cases in TW I against an end target of 8 gave "12,50 %". A quarterly report shows the figures side by side —
 * realisasi s.d. triwulan, the Renstra target of the report's year, the end target — and says the capaian
 * against the Renstra is the annual report's. An annual report computes it against the target of its year.
 */
export function drawComparison(doc: Doc, report: AssembledReport, lang: Lang): void {
  const indicators = report.indicators;
  const hasEnd = indicators.some((i) => i.targetRenstraAkhir !== undefined);
  if (!indicators.some((i) => i.realisasiTahunLalu !== undefined || i.targetRenstra !== undefined || hasEnd)) return;
  const l = L[lang];
  const annual = report.periode === 'TAHUNAN';
  // The realisasi is to date when the report has figures to date (or is TW I, whose own figure is to date); the
  // full-row format without sifat has the quarter's own figure, labelled as such, and in a report with figures to
  // date a row without sifat has none to date ("-", as in the main table).
  const toDate = showsToDate(report);
  const tw = quarterShort(report, lang);
  const realisasiHeader = annual
    ? l.compareRealisasiTahun(report.tahun)
    : toDate || report.periode === 'TW1'
      ? l.compareRealisasi(tw)
      : l.realisasiOf(tw);
  const h = l.compareHeaders;
  const figure = { width: 0, align: 'right' as const };
  const figures: TableColumn[] = [
    { ...figure, header: h[3] ?? '' },
    { ...figure, header: realisasiHeader },
    { ...figure, header: l.renstraOfYear(report.tahun) },
    ...(hasEnd ? [{ ...figure, header: l.renstraEnd }] : []),
    ...(annual ? [{ ...figure, header: l.renstraCapaian(report.tahun) }] : []),
  ];
  // The indicator's name takes what code, unit and the figures (60 pt each) leave of the page's width.
  const figureWidth = 60;
  const textWidth = contentWidth(doc) - 40 - 45 - figureWidth * figures.length;
  const columns: TableColumn[] = [
    { header: h[0] ?? '', width: 40 },
    { header: h[1] ?? '', width: textWidth },
    { header: h[2] ?? '', width: 45 },
    ...figures.map((c) => ({ ...c, width: figureWidth })),
  ];
  const { rules } = reportRules(report);
  const rows: TableRow[] = indicators.map((ind) => ({
    cells: [
      ind.kode,
      ind.indikator,
      ind.satuan,
      indicatorNumber(ind.realisasiTahunLalu, lang),
      toDate && !isToDate(ind) && ind.sifat === undefined ? '-' : indicatorNumber(ind.realisasi, lang),
      indicatorNumber(ind.targetRenstra, lang),
      ...(hasEnd ? [indicatorNumber(ind.targetRenstraAkhir, lang)] : []),
      ...(annual
        ? [
            ind.targetRenstra === undefined
              ? '-'
              : formatPercent(computeCapaian(ind.polaritas, ind.targetRenstra, ind.realisasi, rules), lang),
          ]
        : []),
    ],
  }));
  doc.y += 14;
  ensureSpace(doc, 120);
  const notes = annual ? [] : [l.compareNote];
  keepTogether(doc, 20 + tableHeight(doc, columns, rows, { fontSize: 7.5 }) + notesHeight(doc, notes));
  paragraph(doc, l.compareTitle, { font: FONT.bold, size: 10 });
  doc.y += 4;
  drawTable(doc, columns, rows, { fontSize: 7.5, zebra: true, reserveAfter: notesHeight(doc, notes) });
  doc.y += 4;
  for (const note of notes) paragraph(doc, note, { size: 7, color: COLOR.muted });
}

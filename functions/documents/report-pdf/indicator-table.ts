import type { AssembledReport } from '../../core/performance-data.ts';
import { formatPercent } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { kategoriOrder, ratingScaleOf } from '../capaian.ts';
import { type Doc, drawTable, heading, type TableColumn, type TableRow } from '../pdf-layout.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { indicatorNumber } from './numbers.ts';
import { kategoriPalette } from './palette.ts';

/** Section II: every indicator with target, realisasi, capaian and kategori; the sasaran repeats after a page break. */
export function drawIndicatorTable(doc: Doc, report: AssembledReport, lang: Lang): void {
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
      indicatorNumber(ind.target, lang),
      indicatorNumber(ind.realisasi, lang),
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

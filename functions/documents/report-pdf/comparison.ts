import type { AssembledReport } from '../../core/performance-data.ts';
import { formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { computeCapaian } from '../capaian.ts';
import {
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
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { indicatorNumber } from './numbers.ts';

/** Section II, continued: realisasi against last year and capaian against the Renstra target, when the data has them. */
export function drawComparison(doc: Doc, report: AssembledReport, lang: Lang): void {
  const indicators = report.indicators;
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
      indicatorNumber(ind.realisasiTahunLalu, lang),
      indicatorNumber(ind.realisasi, lang),
      indicatorNumber(ind.targetRenstra, lang),
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

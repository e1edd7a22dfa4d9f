import type { AssembledReport } from '../../core/performance-data.ts';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { overspent, round2 } from '../capaian.ts';
import {
  COLOR,
  DANGER_TINT,
  type Doc,
  drawTable,
  ensureSpace,
  HEADING_ROOM,
  heading,
  keepTogether,
  paragraph,
  type TableColumn,
  type TableRow,
  tableHeight,
} from '../pdf-layout.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';

/** Section IV: pagu, realisasi anggaran and serapan of the indicators that have a budget, overspending marked. */
export function drawBudget(doc: Doc, report: AssembledReport, lang: Lang): void {
  const withBudget = report.indicators.filter((i) => i.pagu !== undefined || i.realisasiAnggaran !== undefined);
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

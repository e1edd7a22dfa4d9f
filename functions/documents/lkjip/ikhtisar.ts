import { formatNumber } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import { round2 } from '../capaian.ts';
import { COLOR, drawTable, ensureSpace, keepTogether, keyFigureBoxes, tableHeight } from '../pdf-layout.ts';
import type { Lkjip } from './context.ts';
import { sasaranGroups } from './data.ts';
import { chapterPage, fitWidths, minorHeading, narrative, note, percent } from './layout.ts';

/**
 * Ikhtisar Eksekutif: the staff's summary, then the figures a reader looks for first — how many sasaran and
 * indicators, the average capaian (with its cap), capaian per sasaran and the use of the budget.
 */
export function drawIkhtisar(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  chapterPage(ctx, 'ikhtisar', [l.ikhtisar], l.ikhtisar);
  narrative(ctx, report.narasi?.ikhtisar_eksekutif);

  const s = report.summary;
  const groups = sasaranGroups(ctx);
  const serapan =
    s.totalPagu !== null && s.totalPagu > 0 && s.totalRealisasiAnggaran !== null
      ? round2((s.totalRealisasiAnggaran / s.totalPagu) * 100)
      : null;
  const cap = `${formatNumber(ctx.rules.cap, { maxDecimals: 2 }, lang)} %`;
  const figures: [string, string][] = [
    [l.keyFigures.sasaran, formatNumber(groups.length, {}, lang)],
    [l.keyFigures.indikator, formatNumber(s.indicatorCount, {}, lang)],
    [l.keyFigures.average, percent(s.averageCapaian, lang)],
    [l.keyFigures.serapan, percent(serapan, lang)],
  ];
  const columns = fitWidths(doc, [24, 215, 70, 75, 105]);
  const rows = groups.map((g) => ({
    cells: [
      String(g.no),
      g.capaian.sasaran,
      formatNumber(g.capaian.indicatorCount, {}, lang),
      percent(g.capaian.capaian, lang),
      kategoriLabel(g.capaian.kategori, lang),
    ],
  }));
  const tableColumns = l.sasaranHeaders.map((header, i) => ({
    header,
    width: columns[i] ?? 0,
    ...(i === 2 || i === 3 ? { align: 'right' as const } : {}),
  }));
  // Box, its note, the table's title and the table together when they fit on a page.
  keepTogether(doc, 24 + 60 + 40 + 30 + tableHeight(doc, tableColumns, rows, { fontSize: 8.5 }));
  ensureSpace(doc, 110);
  doc.y += 12;
  keyFigureBoxes(doc, figures, 58);
  doc.y += 6;
  note(doc, l.averageNote(cap), { size: 8, color: COLOR.muted, gap: 10 });

  minorHeading(doc, l.sasaranTableTitle, 60, { size: 10 });
  drawTable(doc, tableColumns, rows, { fontSize: 8.5 });
}

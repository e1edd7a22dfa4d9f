import { formatNumber } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import { ratingScaleOf, scaleRanges } from '../capaian.ts';
import { COLOR, drawTable, FONT, keepTogether, type TableColumn, type TableRow, tableHeight } from '../pdf-layout.ts';
import { methodNote } from '../report-method.ts';
import { narasiTitle } from './bab1-pendahuluan.ts';
import { drawAnggaran } from './bab3-anggaran.ts';
import { drawSasaran } from './bab3-sasaran.ts';
import type { Lkjip } from './context.ts';
import { sasaranGroups } from './data.ts';
import { letter, ROMAN } from './labels.ts';
import {
  chapterPage,
  fitWidths,
  minorHeading,
  narrative,
  note,
  numberedList,
  percent,
  sectionHeading,
} from './layout.ts';

/**
 * Bab III Akuntabilitas Kinerja: how capaian was measured (the rules the numbers were computed by, once), then
 * A. capaian per sasaran with its comparisons, causes and efficiency, and B. realisasi anggaran.
 */
export function drawAkuntabilitas(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  chapterPage(ctx, 'bab3', [l.bab(ROMAN[2]), l.bab3], `${l.bab(ROMAN[2])} ${l.bab3}`);
  drawMethod(ctx);

  sectionHeading(ctx, letter(0), l.capaianTitle, 'bab3.capaian');
  const groups = sasaranGroups(ctx);
  const withStandard = report.indicators.some((i) => i.standarNasional !== undefined);
  for (const g of groups) drawSasaran(ctx, g, withStandard);
  if (report.narasi?.analisis_capaian?.trim()) {
    minorHeading(doc, narasiTitle('analisis_capaian', lang), 80, { size: 11 });
    narrative(ctx, report.narasi.analisis_capaian);
  }
  drawEfficiency(ctx);

  sectionHeading(ctx, letter(1), narasiTitle('realisasi_anggaran', lang), 'bab3.anggaran');
  drawAnggaran(ctx);
}

/** The method note (capaian-words.ts: the same sentences as every other document) and the rating scale. */
function drawMethod(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  minorHeading(doc, l.methodTitle, 140, { size: 11 });
  note(doc, l.methodIntro, { gap: 4 });
  numberedList(doc, methodNote(report, lang), { size: 9.5, indent: 10 });
  const ranges = scaleRanges(ratingScaleOf(report.ratingScale), lang);
  const w = fitWidths(doc, [150, 339]);
  const columns: TableColumn[] = [
    { header: lang === 'id' ? 'Kategori' : 'Rating', width: w[0] ?? 0 },
    { header: lang === 'id' ? 'Rentang capaian' : 'Achievement range', width: w[1] ?? 0 },
  ];
  const rows: TableRow[] = ranges.map((r) => ({ cells: [kategoriLabel(r.kategori, lang), r.range] }));
  keepTogether(doc, 30 + tableHeight(doc, columns, rows, { fontSize: 8.5 }));
  doc.y += 6;
  note(doc, l.scaleTitle, { size: 9.5, font: FONT.bold, gap: 3 });
  drawTable(doc, columns, rows, { fontSize: 8.5 });
  doc.y += 6;
}

/** Capaian against serapan anggaran per sasaran: efisiensi = capaian ÷ serapan, efisien at 1 or more. */
function drawEfficiency(ctx: Lkjip): void {
  const { doc, l, lang } = ctx;
  const groups = sasaranGroups(ctx);
  const w = fitWidths(doc, [24, 200, 62, 70, 55, 78]);
  const columns: TableColumn[] = l.efficiencyHeaders.map((header, i) => ({
    header,
    width: w[i] ?? 0,
    ...(i >= 2 && i <= 4 ? { align: 'right' as const } : {}),
  }));
  const rows: TableRow[] = groups.map((g) => {
    const e = g.capaian.efisiensi;
    return {
      cells: [
        String(g.no),
        g.capaian.sasaran,
        percent(g.capaian.capaian, lang),
        percent(g.capaian.serapan, lang),
        e === null ? l.missing : formatNumber(e, { decimals: 2 }, lang),
        e === null ? l.missing : e >= 1 ? l.efisien : l.kurangEfisien,
      ],
    };
  });
  keepTogether(doc, 90 + tableHeight(doc, columns, rows, { fontSize: 8.5 }));
  minorHeading(doc, l.efficiencyTitle, 110, { size: 11 });
  note(doc, l.efficiencyIntro, { size: 9.5, gap: 6 });
  drawTable(doc, columns, rows, { fontSize: 8.5 });
  doc.y += 4;
  doc.fillColor(COLOR.text);
}

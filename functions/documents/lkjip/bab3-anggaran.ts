import type { ComputedIndicator } from '../../core/performance-data.ts';
import { round2 } from '../capaian.ts';
import { COLOR, drawTable, keepTogether, type TableColumn, type TableRow, tableHeight } from '../pdf-layout.ts';
import type { Lkjip } from './context.ts';
import { sasaranGroups } from './data.ts';
import { fitWidths, minorHeading, narrative, note, percent, rupiah } from './layout.ts';

const serapanOf = (pagu: number | null, spent: number | null): number | null =>
  pagu !== null && pagu > 0 && spent !== null ? round2((spent / pagu) * 100) : null;

/** Bab III B: pagu, realisasi and serapan per sasaran and in total, per program when the data names them. */
export function drawAnggaran(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  const s = report.summary;
  const groups = sasaranGroups(ctx);
  const budgeted = report.indicators.some((i) => i.pagu !== undefined || i.realisasiAnggaran !== undefined);
  if (!budgeted) {
    note(doc, l.noBudget, { gap: 8 });
  } else {
    note(doc, l.budgetIntro(report.tahun), { gap: 6 });
    const w = fitWidths(doc, [24, 215, 95, 95, 60]);
    const columns: TableColumn[] = l.budgetHeaders.map((header, i) => ({
      header,
      width: w[i] ?? 0,
      ...(i >= 2 ? { align: 'right' as const } : {}),
    }));
    const rows: TableRow[] = groups.map((g) => ({
      cells: [
        String(g.no),
        g.capaian.sasaran,
        rupiah(g.capaian.pagu, lang),
        rupiah(g.capaian.realisasiAnggaran, lang),
        percent(g.capaian.serapan, lang),
      ],
    }));
    rows.push(totalRow(ctx, s.totalPagu, s.totalRealisasiAnggaran));
    drawTable(doc, columns, rows, { fontSize: 8.5, zebra: true });
    drawPrograms(ctx);
  }
  if (report.narasi?.realisasi_anggaran?.trim()) {
    doc.y += 8;
    narrative(ctx, report.narasi.realisasi_anggaran);
  }
}

function totalRow(ctx: Lkjip, pagu: number | null, spent: number | null): TableRow {
  return {
    cells: [
      '',
      ctx.l.total,
      rupiah(pagu, ctx.lang),
      rupiah(spent, ctx.lang),
      percent(serapanOf(pagu, spent), ctx.lang),
    ],
    bold: true,
    fill: COLOR.headerFill,
  };
}

function drawPrograms(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  if (!report.indicators.some((i) => i.program?.trim())) return;
  const programs = new Map<string, ComputedIndicator[]>();
  for (const ind of report.indicators) {
    const name = ind.program?.trim() || l.noProgram;
    const list = programs.get(name);
    if (list) list.push(ind);
    else programs.set(name, [ind]);
  }
  const sum = (list: ComputedIndicator[], f: (i: ComputedIndicator) => number | undefined): number | null => {
    const values = list.map(f).filter((v): v is number => v !== undefined);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
  };
  const w = fitWidths(doc, [24, 215, 95, 95, 60]);
  const columns: TableColumn[] = l.programHeaders.map((header, i) => ({
    header,
    width: w[i] ?? 0,
    ...(i >= 2 ? { align: 'right' as const } : {}),
  }));
  const rows: TableRow[] = [...programs].map(([name, list], i) => {
    const pagu = sum(list, (x) => x.pagu);
    const spent = sum(list, (x) => x.realisasiAnggaran);
    return {
      cells: [String(i + 1), name, rupiah(pagu, lang), rupiah(spent, lang), percent(serapanOf(pagu, spent), lang)],
    };
  });
  rows.push(totalRow(ctx, report.summary.totalPagu, report.summary.totalRealisasiAnggaran));
  keepTogether(doc, 40 + tableHeight(doc, columns, rows, { fontSize: 8.5 }));
  minorHeading(doc, l.programTitle, 80, { size: 10 });
  drawTable(doc, columns, rows, { fontSize: 8.5, zebra: true });
}

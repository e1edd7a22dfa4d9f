import type { Period } from '../../core/report.ts';
import { POLARITAS_SHORT, SIFAT_SHORT } from '../../i18n/capaian-words.ts';
import { COLOR, drawTable, ensureSpace, type TableColumn, type TableRow } from '../pdf-layout.ts';
import { type PkLine, pkLines } from './bab2-perencanaan.ts';
import type { Lkjip } from './context.ts';
import { chapterPage, figure, fitWidths, minorHeading, note, percent, rupiah, sectionHeading } from './layout.ts';

const QUARTERS: Period[] = ['TW1', 'TW2', 'TW3', 'TW4'];
const TABLE_FONT = 7;

/** Lampiran: (1) the PK with its Rencana Aksi, (2) the quarters' capaian as documented. */
export function drawLampiran(ctx: Lkjip): void {
  const { l, report } = ctx;
  chapterPage(ctx, 'lampiran', [l.lampiran], l.lampiran);
  sectionHeading(ctx, '', l.lampiran1(report.tahun).trim(), 'lampiran.pk');
  drawPkFull(ctx);
  ctx.doc.addPage();
  sectionHeading(ctx, '', l.lampiran2(report.tahun).trim(), 'lampiran.triwulan');
  drawQuarterly(ctx);
}

/** Lines grouped by sasaran, in the order the sasaran first appear. */
function bySasaran<T extends { sasaran: string }>(lines: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const line of lines) {
    const g = groups.get(line.sasaran);
    if (g) g.push(line);
    else groups.set(line.sasaran, [line]);
  }
  return [...groups];
}

function drawPkFull(ctx: Lkjip): void {
  const { doc, l, lang, report } = ctx;
  const { fromPk, lines } = pkLines(ctx);
  note(doc, fromPk ? l.pkFullNote : l.pkFromData, { size: 8.5, color: COLOR.muted, gap: 6 });
  const w = fitWidths(doc, [34, 120, 36, 44, 38, 34, 34, 34, 34, 40, 41]);
  const columns: TableColumn[] = l.pkFullHeaders(report.tahun).map((header, i) => ({
    header,
    width: w[i] ?? 0,
    ...(i >= 4 ? { align: 'right' as const } : {}),
  }));
  const tw = (p: PkLine, q: number) => (p.targetTriwulan ? figure(p.targetTriwulan[q], lang) : l.missing);
  bySasaran(lines).forEach(([sasaran, group], i) => {
    minorHeading(doc, l.lampiranSasaran(i + 1, sasaran), 80, { size: 9.5 });
    const rows: TableRow[] = group.map((p) => ({
      cells: [
        p.kode,
        p.indikator,
        p.satuan,
        `${POLARITAS_SHORT[lang][p.polaritas]} / ${p.sifat ? SIFAT_SHORT[lang][p.sifat] : l.missing}`,
        figure(p.targetTahunan, lang),
        tw(p, 0),
        tw(p, 1),
        tw(p, 2),
        tw(p, 3),
        figure(p.targetRenstra, lang),
        figure(p.targetRenstraAkhir, lang),
      ],
    }));
    drawTable(doc, columns, rows, { fontSize: TABLE_FONT });
  });

  // What the PK says of each indicator beyond its targets, when it says any: one row per indicator (one table, not
  // one per kind of detail: a 1 000-indicator PK is long enough).
  const detailed = lines.filter(
    (p) =>
      p.definisiOperasional?.trim() ||
      p.formula?.trim() ||
      p.program?.trim() ||
      p.kegiatan?.trim() ||
      p.pagu !== undefined,
  );
  if (detailed.length === 0) return;
  const dw = fitWidths(doc, [34, 140, 115, 140, 60]);
  minorHeading(doc, l.pkDetails, 80, { size: 9.5 });
  drawTable(
    doc,
    l.pkDetailHeaders.map((header, i) => ({
      header,
      width: dw[i] ?? 0,
      ...(i === 4 ? { align: 'right' as const } : {}),
    })),
    detailed.map((p) => ({
      cells: [
        p.kode,
        p.definisiOperasional?.trim() || l.missing,
        p.formula?.trim() || l.missing,
        [p.program?.trim(), p.kegiatan?.trim() ? `${l.kegiatan}: ${p.kegiatan.trim()}` : undefined]
          .filter(Boolean)
          .join('\n') || l.missing,
        rupiah(p.pagu, lang),
      ],
    })),
    { fontSize: TABLE_FONT },
  );
}

/** Each indicator's TW1–TW4 target, realisasi and capaian to date, a dash for a quarter without documented data. */
function drawQuarterly(ctx: Lkjip): void {
  const { doc, l, lang, report } = ctx;
  const quarters = report.quarterly ?? [];
  if (quarters.length === 0) {
    note(doc, l.noQuarterly, { gap: 8 });
    return;
  }
  note(doc, l.quarterNote, { size: 8.5, color: COLOR.muted, gap: 6 });
  const figures = new Map<string, { target: number; realisasi: number; capaian: number | null }>();
  for (const q of quarters) for (const f of q.indicators) figures.set(`${q.periode}|${f.kode}`, f);
  const w = fitWidths(doc, [30, 95, ...QUARTERS.flatMap(() => [29, 30, 32])]);
  const columns: TableColumn[] = l.quarterHeaders.map((header, i) => ({
    header,
    width: w[i] ?? 0,
    ...(i >= 2 ? { align: 'right' as const } : {}),
  }));
  bySasaran(report.indicators).forEach(([sasaran, group], i) => {
    minorHeading(doc, l.lampiranSasaran(i + 1, sasaran), 80, { size: 9.5 });
    const rows: TableRow[] = group.map((ind) => ({
      cells: [
        ind.kode,
        ind.indikator,
        ...QUARTERS.flatMap((q) => {
          const f = figures.get(`${q}|${ind.kode}`);
          if (!f) return [l.missing, l.missing, l.missing];
          // A mean to date (82,5333…) in a narrow column: two decimals, as the capaian beside it.
          return [
            figure(f.target, lang, l.missing),
            figure(f.realisasi, lang, l.missing),
            percent(f.capaian, lang).replace(' %', ''),
          ];
        }),
      ],
    }));
    drawTable(doc, columns, rows, { fontSize: 6.5 });
  });
  ensureSpace(doc, 10);
}

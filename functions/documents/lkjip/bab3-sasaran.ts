import type { ComputedIndicator } from '../../core/performance-data.ts';
import { POLARITAS_SHORT, SIFAT_SHORT } from '../../i18n/capaian-words.ts';
import { formatNumber } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import { capaianOf } from '../capaian.ts';
import {
  COLOR,
  drawTable,
  ensureSpace,
  FONT,
  keepTogether,
  type TableColumn,
  type TableRow,
  tableHeight,
} from '../pdf-layout.ts';
import type { Lkjip } from './context.ts';
import type { SasaranGroup } from './data.ts';
import { figure, fitWidths, minorHeading, note, percent } from './layout.ts';

const TABLE_FONT = 7.5;

/**
 * One sasaran of Bab III A, as Permenpan RB 53/2014 asks for each: its capaian; target against realisasi; the
 * comparisons with last year, the Renstra target of the year and at its end, and the national standard; the causes
 * of success and failure as staff wrote them; the efficiency of its budget.
 */
export function drawSasaran(ctx: Lkjip, g: SasaranGroup, withStandard: boolean): void {
  const { doc, l, lang } = ctx;
  const marks = new Set<NonNullable<ComputedIndicator['capaianBy']>>();
  const targets = targetTable(ctx, g.indicators, marks);
  // The sasaran's title and capaian stay with its first table when that fits on a page: never a title alone at the
  // foot of a page because the table that follows moved on.
  keepTogether(doc, 70 + 22 + tableHeight(doc, targets.columns, targets.rows, { fontSize: TABLE_FONT }));
  minorHeading(doc, l.sasaranHeading(g.no, g.capaian.sasaran), 170, { size: 11 });
  note(
    doc,
    g.capaian.capaian === null
      ? l.sasaranNoCapaian(g.capaian.indicatorCount)
      : l.sasaranCapaian(
          percent(g.capaian.capaian, lang),
          kategoriLabel(g.capaian.kategori, lang),
          g.capaian.indicatorCount,
        ),
    { gap: 6 },
  );

  caption(ctx, l.targetTableTitle, targets.columns, targets.rows);
  drawTable(doc, targets.columns, targets.rows, { fontSize: TABLE_FONT });
  drawComparison(ctx, g.indicators, withStandard, marks);
  for (const by of marks) note(doc, l.ruleMarkNote[by], { size: 7.5, color: COLOR.muted, gap: 1 });
  doc.y += 4;
  drawCauses(ctx, g.indicators);

  const c = g.capaian;
  doc.y += 2;
  ensureSpace(doc, 30);
  note(
    doc,
    c.efisiensi === null
      ? l.efficiencyNone
      : l.efficiencyLine(
          percent(c.capaian, lang),
          percent(c.serapan, lang),
          formatNumber(c.efisiensi, { decimals: 2 }, lang),
          c.efisiensi >= 1 ? l.efisien : l.kurangEfisien,
        ),
    { gap: 10 },
  );
}

/** A capaian with a mark when a rule rather than the ratio gave it (target 0; realisasi 0 under T/R). */
function markedPercent(
  ctx: Lkjip,
  value: number | null,
  by: ComputedIndicator['capaianBy'],
  marks: Set<NonNullable<ComputedIndicator['capaianBy']>>,
): string {
  if (by) marks.add(by);
  return `${percent(value, ctx.lang)}${by ? ` ${ctx.l.ruleMark}` : ''}`;
}

function caption(ctx: Lkjip, text: string, columns: TableColumn[], rows: TableRow[]): void {
  const { doc } = ctx;
  // The caption, the header and the table stay together when the table is short; a long one starts on a page
  // with at least its caption, header and a row.
  keepTogether(doc, 22 + tableHeight(doc, columns, rows, { fontSize: TABLE_FONT }));
  ensureSpace(doc, 70);
  doc.y += 2;
  note(doc, text, { size: 9, font: FONT.bold, gap: 3 });
}

function targetTable(
  ctx: Lkjip,
  indicators: ComputedIndicator[],
  marks: Set<NonNullable<ComputedIndicator['capaianBy']>>,
): { columns: TableColumn[]; rows: TableRow[] } {
  const { doc, l, lang } = ctx;
  const w = fitWidths(doc, [36, 150, 40, 58, 46, 46, 50, 63]);
  const columns: TableColumn[] = l.targetHeaders.map((header, i) => ({
    header,
    width: w[i] ?? 0,
    ...(i >= 4 && i <= 6 ? { align: 'right' as const } : {}),
  }));
  const rows: TableRow[] = indicators.map((ind) => ({
    cells: [
      ind.kode,
      ind.indikator,
      ind.satuan,
      `${POLARITAS_SHORT[lang][ind.polaritas]} / ${ind.sifat ? SIFAT_SHORT[lang][ind.sifat] : l.missing}`,
      figure(ind.target, lang),
      figure(ind.realisasi, lang),
      markedPercent(ctx, ind.capaian, ind.capaianBy, marks),
      kategoriLabel(ind.kategori, lang),
    ],
  }));
  return { columns, rows };
}

function drawComparison(
  ctx: Lkjip,
  indicators: ComputedIndicator[],
  withStandard: boolean,
  marks: Set<NonNullable<ComputedIndicator['capaianBy']>>,
): void {
  const { doc, l, lang, report, rules } = ctx;
  const h = l.compareHeaders(report.tahun);
  // Each comparison is the annual realisasi (by sifat: the sum, the last or the mean of the quarters) against that
  // target, by the same formula and rules as the capaian itself.
  const against = (ind: ComputedIndicator, target: number | undefined): string => {
    if (target === undefined) return l.missing;
    const r = capaianOf(ind.polaritas, target, ind.realisasi, rules);
    return markedPercent(ctx, r.capaian, r.by, marks);
  };
  const headers = [h.kode, h.lastYear, h.realisasi, h.renstra, h.vsRenstra, h.renstraEnd, h.vsRenstraEnd];
  if (withStandard) headers.push(h.standar, h.vsStandar);
  const w = fitWidths(doc, withStandard ? [36, 50, 50, 50, 56, 50, 56, 50, 56] : [36, 60, 60, 60, 68, 60, 68]);
  const columns: TableColumn[] = headers.map((header, i) => ({
    header,
    width: w[i] ?? 0,
    ...(i > 0 ? { align: 'right' as const } : {}),
  }));
  const rows: TableRow[] = indicators.map((ind) => {
    const cells = [
      ind.kode,
      figure(ind.realisasiTahunLalu, lang),
      figure(ind.realisasi, lang),
      figure(ind.targetRenstra, lang),
      against(ind, ind.targetRenstra),
      figure(ind.targetRenstraAkhir, lang),
      against(ind, ind.targetRenstraAkhir),
    ];
    if (withStandard) cells.push(figure(ind.standarNasional, lang), against(ind, ind.standarNasional));
    return { cells };
  });
  doc.y += 6;
  caption(ctx, l.compareTableTitle(report.tahun), columns, rows);
  drawTable(doc, columns, rows, { fontSize: TABLE_FONT, zebra: true });
}

/** Faktor pendorong, penghambat and tindak lanjut of each indicator that has any, as written in the data. */
function drawCauses(ctx: Lkjip, indicators: ComputedIndicator[]): void {
  const { doc, l } = ctx;
  const described = indicators.filter(
    (i) => i.faktorPendorong?.trim() || i.faktorPenghambat?.trim() || i.tindakLanjut?.trim(),
  );
  // The title with the first indicator's name, label and a couple of lines: never a title alone at a page's foot.
  ensureSpace(doc, 100);
  note(doc, l.causesTitle, { size: 9.5, font: FONT.bold, gap: 3 });
  if (described.length === 0) {
    note(doc, l.noCauses, { size: 9.5, color: COLOR.muted, gap: 6 });
    return;
  }
  for (const ind of described) {
    ensureSpace(doc, 50);
    note(doc, `${ind.kode} \u2013 ${ind.indikator}`, { size: 9.5, font: FONT.bold, indent: 10, gap: 2 });
    const parts: [string, string | undefined][] = [
      [l.pendorong, ind.faktorPendorong],
      [l.penghambat, ind.faktorPenghambat],
      [l.tindakLanjut, ind.tindakLanjut],
    ];
    for (const [label, text] of parts) {
      if (!text?.trim()) continue;
      ensureSpace(doc, 30);
      note(doc, label, { size: 8.5, font: FONT.bold, color: COLOR.muted, indent: 20, gap: 1 });
      note(doc, text.trim(), { size: 9.5, indent: 20, gap: 4 });
    }
    doc.y += 3;
  }
}

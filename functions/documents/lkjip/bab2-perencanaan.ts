import type { IndicatorRow } from '../../core/performance-data.ts';
import type { PkIndicator } from '../../core/perjanjian-kinerja.ts';
import { POLARITAS_SHORT, SIFAT_SHORT } from '../../i18n/capaian-words.ts';
import { drawTable, type TableRow } from '../pdf-layout.ts';
import { narasiTitle } from './bab1-pendahuluan.ts';
import type { Lkjip } from './context.ts';
import { letter, ROMAN } from './labels.ts';
import { chapterPage, figure, fitWidths, narrative, note, sectionHeading } from './layout.ts';

/** One PK line as Bab II and Lampiran 1 print it: from the stored PK, or else from the annual data. */
export type PkLine = Pick<PkIndicator, 'kode' | 'sasaran' | 'indikator' | 'satuan' | 'polaritas' | 'targetTahunan'> &
  Partial<Omit<PkIndicator, 'kode' | 'sasaran' | 'indikator' | 'satuan' | 'polaritas' | 'targetTahunan'>> & {
    sifat?: IndicatorRow['sifat'];
  };

/** The PK's indicators: the stored PK when the data was checked against one, else the annual data's targets. */
export function pkLines(ctx: Lkjip): { fromPk: boolean; lines: PkLine[] } {
  const pk = ctx.report.pk;
  if (pk) return { fromPk: true, lines: pk.indicators };
  return {
    fromPk: false,
    lines: ctx.report.indicators.map((i) => ({
      kode: i.kode,
      sasaran: i.sasaran,
      indikator: i.indikator,
      satuan: i.satuan,
      polaritas: i.polaritas,
      targetTahunan: i.targetTahunan ?? i.target,
      ...(i.sifat ? { sifat: i.sifat } : {}),
      ...(i.targetRenstra !== undefined ? { targetRenstra: i.targetRenstra } : {}),
      ...(i.targetRenstraAkhir !== undefined ? { targetRenstraAkhir: i.targetRenstraAkhir } : {}),
      ...(i.program ? { program: i.program } : {}),
      ...(i.pagu !== undefined ? { pagu: i.pagu } : {}),
    })),
  };
}

/** Bab II Perencanaan Kinerja: the staff's text on the Renstra, then the PK table. */
export function drawPerencanaan(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  chapterPage(ctx, 'bab2', [l.bab(ROMAN[1]), l.bab2], `${l.bab(ROMAN[1])} ${l.bab2}`);
  sectionHeading(ctx, letter(0), narasiTitle('renstra', lang), 'bab2.renstra');
  narrative(ctx, report.narasi?.renstra);

  sectionHeading(ctx, letter(1), l.pkTitle, 'bab2.pk');
  const { fromPk, lines } = pkLines(ctx);
  note(doc, l.pkIntro(report.organization.name, report.tahun, fromPk), { gap: 8 });
  const w = fitWidths(doc, [22, 105, 38, 132, 44, 48, 50, 50]);
  const rows: TableRow[] = lines.map((p, i) => {
    const sameGoal = i > 0 && lines[i - 1]?.sasaran === p.sasaran;
    const cells = [
      String(i + 1),
      sameGoal ? '' : p.sasaran,
      p.kode,
      p.indikator,
      p.satuan,
      POLARITAS_SHORT[lang][p.polaritas],
      p.sifat ? SIFAT_SHORT[lang][p.sifat] : l.missing,
      figure(p.targetTahunan, lang),
    ];
    // A sasaran continued on a new page is named again there.
    return sameGoal ? { cells, firstOnPage: cells.map((c, j) => (j === 1 ? p.sasaran : c)) } : { cells };
  });
  drawTable(
    doc,
    l.pkHeaders.map((header, i) => ({
      header,
      width: w[i] ?? 0,
      ...(i === 7 ? { align: 'right' as const } : {}),
    })),
    rows,
    { fontSize: 8 },
  );
}

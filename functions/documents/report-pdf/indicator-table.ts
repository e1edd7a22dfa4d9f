import type { AssembledReport, ComputedIndicator } from '../../core/performance-data.ts';
import { POLARITAS_LABEL, POLARITAS_SHORT, SIFAT_LABEL, SIFAT_SHORT } from '../../i18n/capaian-words.ts';
import { formatPercent } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { kategoriOrder, ratingScaleOf } from '../capaian.ts';
import { COLOR, type Doc, drawTable, heading, paragraph, type TableColumn, type TableRow } from '../pdf-layout.ts';
import { isToDate, reportRules } from '../report-method.ts';
import { MARKS, notesHeight, quarterShort, realisasiOfPeriod, showsToDate } from './figures.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';
import { indicatorNumber } from './numbers.ts';
import { kategoriPalette } from './palette.ts';

/** Why a figure carries a footnote mark; each kind gets the next mark the first time a row needs it. */
type NoteKind = 'TARGET_NOL' | 'REALISASI_NOL' | 'missing' | 'noSifat';
const NOTE_ORDER: NoteKind[] = ['TARGET_NOL', 'REALISASI_NOL', 'missing', 'noSifat'];
const MAX_CODES = 30;

/**
 * Section II: every indicator with its polaritas and sifat, target, realisasi, capaian and kategori; the sasaran
 * repeats after a page break. When figures are to date (s.d. triwulan), the quarter's own realisasi stands beside
 * the realisasi to date and the target reads as the target to date. Marks explain a capaian a rule gave, a figure
 * to date without a quarter, and a row without sifat; a legend spells out the short forms.
 */
export function drawIndicatorTable(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  const indicators = report.indicators;
  const palette = kategoriPalette(kategoriOrder(ratingScaleOf(report.ratingScale)));
  const toDate = showsToDate(report);
  const hasSifat = indicators.some((i) => i.sifat !== undefined);
  const tw = quarterShort(report, lang);
  heading(doc, l.s2);
  const h = l.mainHeaders;

  const kinds = (ind: ComputedIndicator): NoteKind[] => [
    ...(ind.capaianBy ? [ind.capaianBy] : []),
    ...((ind.quartersMissing?.length ?? 0) > 0 ? (['missing'] as const) : []),
    ...(toDate && !isToDate(ind) && ind.sifat === undefined ? (['noSifat'] as const) : []),
  ];
  const used = new Set(indicators.flatMap(kinds));
  const markOf = new Map(NOTE_ORDER.filter((k) => used.has(k)).map((k, i) => [k, MARKS[i] ?? '*']));
  const mark = (ind: ComputedIndicator, kind: NoteKind): string =>
    kinds(ind).includes(kind) ? (markOf.get(kind) ?? '') : '';

  const polSifat = (ind: ComputedIndicator): string =>
    hasSifat
      ? `${POLARITAS_SHORT[lang][ind.polaritas]}\n${ind.sifat ? SIFAT_SHORT[lang][ind.sifat] : '-'}`
      : POLARITAS_SHORT[lang][ind.polaritas];
  const capaianCell = (ind: ComputedIndicator): string =>
    `${formatPercent(ind.capaian, lang)}${mark(ind, 'TARGET_NOL')}${mark(ind, 'REALISASI_NOL')}`;

  const head = (i: number) => h[i] ?? '';
  const columns: TableColumn[] = toDate
    ? [
        { header: head(0), width: 34 },
        { header: head(1), width: 66 },
        { header: head(2), width: 92 },
        { header: head(3), width: 36 },
        { header: hasSifat ? l.polSifat : l.polaritas, width: 38, align: 'center' },
        { header: l.targetToDate(tw), width: 42, align: 'right' },
        { header: l.realisasiOf(tw), width: 42, align: 'right' },
        { header: l.realisasiToDate(tw), width: 44, align: 'right' },
        { header: head(6), width: 48, align: 'right' },
        { header: head(7), width: 47.28, align: 'center' },
      ]
    : [
        { header: head(0), width: 38 },
        { header: head(1), width: 80 },
        { header: head(2), width: 110 },
        { header: head(3), width: 40 },
        { header: hasSifat ? l.polSifat : l.polaritas, width: 42, align: 'center' },
        { header: head(4), width: 42, align: 'right' },
        { header: head(5), width: 42, align: 'right' },
        { header: head(6), width: 48, align: 'right' },
        { header: head(7), width: 47.28, align: 'center' },
      ];
  const figures = (ind: ComputedIndicator): string[] =>
    toDate
      ? [
          indicatorNumber(ind.target, lang),
          `${indicatorNumber(realisasiOfPeriod(ind), lang)}${mark(ind, 'noSifat')}`,
          isToDate(ind) || ind.sifat !== undefined
            ? `${indicatorNumber(ind.realisasi, lang)}${mark(ind, 'missing')}`
            : '-',
        ]
      : [indicatorNumber(ind.target, lang), `${indicatorNumber(ind.realisasi, lang)}${mark(ind, 'missing')}`];

  const rows: TableRow[] = indicators.map((ind, i) => {
    const sameGoal = i > 0 && indicators[i - 1]?.sasaran === ind.sasaran;
    const cells = [
      ind.kode,
      sameGoal ? '' : ind.sasaran,
      ind.indikator,
      ind.satuan,
      polSifat(ind),
      ...figures(ind),
      capaianCell(ind),
      kategoriLabel(ind.kategori, lang),
    ];
    const fills: (string | undefined)[] = cells.map(() => undefined);
    fills[cells.length - 1] = ind.kategori ? palette.tint(ind.kategori) : undefined;
    const row: TableRow = { cells, cellFills: fills };
    if (sameGoal) row.firstOnPage = cells.map((c, j) => (j === 1 ? ind.sasaran : c));
    return row;
  });
  const notes = [legend(report, lang, hasSifat), ...footnotes(report, lang, markOf, tw)];
  drawTable(doc, columns, rows, { fontSize: toDate ? 7 : 7.5, reserveAfter: notesHeight(doc, notes) });
  doc.y += 4;
  for (const note of notes) paragraph(doc, note, { size: 7, color: COLOR.muted });
}

/** The short forms in words: the polaritas of the report's indicators, and every sifat when any has one. */
function legend(report: AssembledReport, lang: Lang, hasSifat: boolean): string {
  const pols = (['naik', 'turun'] as const).filter((p) => report.indicators.some((i) => i.polaritas === p));
  // The long forms begin with the short ones ("Naik (semakin tinggi semakin baik)"): no "Naik = Naik …".
  const pol = pols.map((p) => POLARITAS_LABEL[lang][p]).join('; ');
  const sifat = hasSifat
    ? (['kumulatif', 'non-kumulatif', 'rata-rata'] as const)
        .map((s) => `${SIFAT_SHORT[lang][s]} = ${SIFAT_LABEL[lang][s]}`)
        .join('; ')
    : null;
  return L[lang].legend(pol, sifat);
}

function footnotes(report: AssembledReport, lang: Lang, markOf: Map<NoteKind, string>, tw: string): string[] {
  const l = L[lang];
  // A long report names the first codes only: the notes stay a few lines under the table, not pages.
  const list = (codes: string[]) =>
    codes.length > MAX_CODES
      ? `${codes.slice(0, MAX_CODES).join(', ')} ${l.andMore(codes.length - MAX_CODES)}`
      : codes.join(', ');
  const kodes = (pick: (i: ComputedIndicator) => boolean) => list(report.indicators.filter(pick).map((i) => i.kode));
  const out: string[] = [];
  const targetNol = markOf.get('TARGET_NOL');
  if (targetNol) out.push(l.footTargetNol(targetNol));
  const realisasiNol = markOf.get('REALISASI_NOL');
  if (realisasiNol) {
    const { rules } = reportRules(report);
    out.push(l.footRealisasiNol(realisasiNol, formatPercent(rules.cap, lang)));
  }
  const missing = markOf.get('missing');
  if (missing) {
    // One line per set of missing quarters: "tanpa data TW I dan TW II: IK-03, IK-07".
    const and = lang === 'id' ? ' dan ' : ' and ';
    const sets = new Map<string, string[]>();
    for (const ind of report.indicators) {
      if (!ind.quartersMissing?.length) continue;
      const key = ind.quartersMissing.map((q) => l.quarter[q as keyof typeof l.quarter] ?? q).join(and);
      sets.set(key, [...(sets.get(key) ?? []), ind.kode]);
    }
    for (const [quarters, codes] of sets) out.push(l.footMissing(missing, quarters, list(codes)));
  }
  const noSifat = markOf.get('noSifat');
  if (noSifat)
    out.push(
      l.footNoSifat(
        noSifat,
        tw,
        kodes((i) => !isToDate(i) && i.sifat === undefined),
      ),
    );
  return out;
}

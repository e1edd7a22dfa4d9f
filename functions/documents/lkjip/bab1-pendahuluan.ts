import { NARASI_SECTIONS, type NarasiKey } from '../../core/narasi.ts';
import { drawTable, keepTogether, tableHeight } from '../pdf-layout.ts';
import type { Lkjip } from './context.ts';
import { letter, ROMAN } from './labels.ts';
import { chapterPage, fitWidths, labelledRows, minorHeading, narrative, sectionHeading } from './layout.ts';

/** A Narasi section's title in the document's language. */
export function narasiTitle(key: NarasiKey, lang: Lkjip['lang']): string {
  const s = NARASI_SECTIONS.find((x) => x.key === key);
  return s ? s[lang] : key;
}

/**
 * Bab I Pendahuluan: latar belakang, tugas dan fungsi, the organisation (its profile from the directory and its
 * officials, with the staff's text on the structure when given), SDM, isu strategis. Required sections always
 * appear (validation requires their text; a gap prints a dash); the optional text is left out when absent.
 */
export function drawPendahuluan(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  chapterPage(ctx, 'bab1', [l.bab(ROMAN[0]), l.bab1], `${l.bab(ROMAN[0])} ${l.bab1}`);
  const narasi = report.narasi ?? {};
  let n = 0;
  const section = (key: NarasiKey, draw: () => void) => {
    sectionHeading(ctx, letter(n++), narasiTitle(key, lang), `bab1.${key}`);
    draw();
  };
  section('latar_belakang', () => narrative(ctx, narasi.latar_belakang));
  section('tugas_fungsi', () => narrative(ctx, narasi.tugas_fungsi));
  section('struktur_organisasi', () => {
    if (narasi.struktur_organisasi?.trim()) narrative(ctx, narasi.struktur_organisasi);
    minorHeading(doc, l.profileTitle, 70, { size: 10 });
    const org = report.organization;
    labelledRows(doc, [
      [l.profileRows.name, org.name],
      [l.profileRows.parent, org.parent],
      ...(org.address ? ([[l.profileRows.address, org.address]] as [string, string][]) : []),
    ]);
    const officials = report.officials ?? [];
    if (officials.length > 0) {
      const w = fitWidths(doc, [24, 190, 160, 115]);
      const columns = l.officialsHeaders.map((header, i) => ({ header, width: w[i] ?? 0 }));
      const rows = officials.map((o, i) => ({ cells: [String(i + 1), o.title, o.name, o.nip] }));
      // A short table stays on one page with its title.
      keepTogether(doc, 30 + tableHeight(doc, columns, rows, { fontSize: 9 }));
      minorHeading(doc, l.officialsTitle, 80, { size: 10 });
      drawTable(doc, columns, rows, { fontSize: 9 });
    }
  });
  section('sdm', () => narrative(ctx, narasi.sdm));
  section('isu_strategis', () => narrative(ctx, narasi.isu_strategis));
}

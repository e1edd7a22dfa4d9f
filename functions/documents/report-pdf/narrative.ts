import type { AssembledReport } from '../../core/performance-data.ts';
import { formatPercent } from '../../i18n/format.ts';
import { kategoriLabel } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/lang.ts';
import { COLOR, type Doc, ensureSpace, FONT, heading, paragraph } from '../pdf-layout.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';

/** Section V: for every indicator below target (or without a capaian), its driving and hindering factors and follow-up. */
export function drawNarrative(doc: Doc, report: AssembledReport, lang: Lang): void {
  const l = L[lang];
  heading(doc, l.s5);
  const below = report.indicators.filter((i) => i.capaian === null || i.capaian < 100);
  if (below.length === 0) {
    paragraph(doc, l.allMet);
    return;
  }
  for (const ind of below) {
    ensureSpace(doc, 70);
    paragraph(
      doc,
      l.narrativeHead(
        ind.kode,
        ind.indikator,
        ind.capaian === null ? null : formatPercent(ind.capaian, lang),
        kategoriLabel(ind.kategori, lang),
      ),
      {
        font: FONT.bold,
        size: 9.5,
      },
    );
    doc.y += 3;
    const parts: [string, string | undefined][] = [
      [l.pendorong, ind.faktorPendorong],
      [l.penghambat, ind.faktorPenghambat],
      [l.tindakLanjut, ind.tindakLanjut],
    ];
    if (ind.keterangan) parts.push([l.keterangan, ind.keterangan]);
    for (const [label, text] of parts) {
      ensureSpace(doc, 24);
      paragraph(doc, label, { font: FONT.bold, size: 8.5, color: COLOR.muted, indent: 12 });
      paragraph(doc, text?.trim() ? text : l.none, { size: 9, indent: 12 });
      doc.y += 3;
    }
    doc.y += 8;
  }
}

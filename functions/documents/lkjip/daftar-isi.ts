import { COLOR, contentWidth, ensureSpace, FONT, pdfText } from '../pdf-layout.ts';
import type { Lkjip } from './context.ts';
import { chapterPage } from './layout.ts';
import type { TocEntry } from './toc.ts';

const NUMBER_WIDTH = 36;

/**
 * Daftar Isi: every chapter and numbered section with its page (the footer's page number, cover = 1), a dotted
 * leader between. `entries` are the pages of the previous layout pass; on the first pass there are none yet.
 */
export function drawDaftarIsi(ctx: Lkjip, entries: readonly TocEntry[]): void {
  const { doc, l } = ctx;
  chapterPage(ctx, 'daftar_isi', [l.daftarIsi], l.daftarIsi);
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const numberX = x + width - NUMBER_WIDTH;
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(pdfText(l.tocPage), numberX - 20, doc.y, { width: NUMBER_WIDTH + 20, align: 'right' });
  doc.y += 6;
  for (const e of entries) {
    const indent = e.level === 0 ? 0 : 20;
    const font = e.level === 0 ? FONT.bold : FONT.regular;
    const titleW = width - NUMBER_WIDTH - indent - 14;
    const title = pdfText(e.title);
    doc.font(font).fontSize(10.5);
    const h = doc.heightOfString(title, { width: titleW });
    ensureSpace(doc, h + 6);
    if (e.level === 0 && doc.y > doc.page.margins.top + 1) doc.y += 5;
    const y = doc.y;
    doc.fillColor(COLOR.text).text(title, x + indent, y, { width: titleW });
    const below = doc.y;
    // The leader runs along the title's line when it is one line; a wrapped title takes the number on its last.
    const single = doc.widthOfString(title) <= titleW;
    const lineY = below - doc.currentLineHeight(true) + doc.currentLineHeight(false) * 0.78;
    const from = single ? x + indent + doc.widthOfString(title) + 4 : x + indent + titleW - 40;
    doc
      .save()
      .moveTo(from, lineY)
      .lineTo(numberX + 4, lineY)
      .lineWidth(0.8)
      .dash(0.8, { space: 2.4 })
      .strokeColor(COLOR.muted)
      .stroke()
      .undash()
      .restore();
    doc
      .font(font)
      .fillColor(COLOR.text)
      .text(String(e.page), numberX + 6, below - doc.currentLineHeight(true), {
        width: NUMBER_WIDTH - 6,
        align: 'right',
        lineBreak: false,
      });
    doc.y = below + 3;
  }
  doc.x = x;
}

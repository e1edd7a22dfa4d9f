import { type Doc, FONT, pdfText } from './pdf-layout.ts';
import { restoreTextState, textState } from './pdfkit-internals.ts';

/** Light enough that table text and numbers drawn over it stay fully readable, in print and on screen. */
const WATERMARK_GREY = '#DDE1E7';

/**
 * A diagonal watermark (e.g. "DRAF — belum disahkan") on every page of `doc`: the current page now and every page
 * added later. Drawn first on each page, so everything else — tables, numbers, fills — lies on top of it. Real
 * text (a reader's text search and pdftotext find it), never wrapped, so drawing it can never start a page.
 */
export function watermarkEveryPage(doc: Doc, text: string): void {
  const draw = () => {
    const saved = { x: doc.x, y: doc.y, text: textState(doc) };
    const { width, height } = doc.page;
    const label = pdfText(text);
    doc.font(FONT.bold);
    // As large as fits along 80 % of the diagonal.
    const angle = (Math.atan2(height, width) * 180) / Math.PI;
    const size = Math.min(72, (0.8 * Math.hypot(width, height) * 12) / doc.fontSize(12).widthOfString(label));
    doc.fontSize(size);
    const w = doc.widthOfString(label);
    doc.save();
    doc.rotate(-angle, { origin: [width / 2, height / 2] });
    doc.fillColor(WATERMARK_GREY).text(label, width / 2 - w / 2, height / 2 - size / 2, { lineBreak: false });
    doc.restore();
    restoreTextState(doc, saved.text);
    doc.x = saved.x;
    doc.y = saved.y;
  };
  draw();
  doc.on('pageAdded', draw);
}

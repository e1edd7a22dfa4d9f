import type { Lang } from '../i18n/lang.ts';
import type { Doc } from './pdf-layout.ts';
import { currentFont, restoreTextState, swapPageContent, textState } from './pdfkit-internals.ts';

/** A PDF object as pdfkit's `doc.ref()` makes it: its dictionary and its stream, closed by `end()`. */
interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

export interface FooterStyle {
  font: string;
  fontSize: number;
  color: string;
  rule: string;
}

/**
 * "left text · Halaman i dari N" at the foot of every page but the first `skip`, without keeping pages in memory.
 *
 * pdfkit can revisit pages only with `bufferPages`, which holds every page's content until the end (1.3 GB at
 * 10 000 table rows, bench P3). Instead each footer is drawn as its page is left (pdfkit writes the page out right
 * after), and the page number — whose "dari N" is unknown until the last page — goes into a small Form XObject per
 * page that is filled in at `end()`. Same text, same place, still real (extractable) text in the embedded font.
 */
export function startPageFooters(doc: Doc, left: string, lang: Lang, style: FooterStyle, skip = 0): { end(): void } {
  const ref = (data: object): PdfRef => doc.ref(data) as unknown as PdfRef;
  const numbers: { ref: PdfRef; page: number; x: number; y: number }[] = [];
  let pageIndex = 0;
  let stamping = false;
  const place = (page: PDFKit.PDFPage) => {
    const x = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;
    return { x, width, y: page.height - 40 };
  };

  const stamp = (): void => {
    const index = pageIndex++;
    if (index < skip || stamping) return;
    stamping = true;
    const page = doc.page;
    const saved = { x: doc.x, y: doc.y, text: textState(doc), bottom: page.margins.bottom };
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    page.margins.bottom = 0;
    const { x, width, y } = place(page);
    doc.save();
    doc
      .moveTo(x, y - 6)
      .lineTo(x + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(style.rule)
      .stroke();
    doc.font(style.font).fontSize(style.fontSize).fillColor(style.color);
    doc.text(left, x, y, { width: width - 90, lineBreak: false, ellipsis: true });
    // The page number is drawn later into this page's own Form XObject, in the page's coordinate system.
    const form = ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, page.width, page.height] });
    const name = `Pg${index + 1}`;
    page.xobjects[name] = form;
    doc.addContent(`/${name} Do`);
    doc.restore();
    numbers.push({ ref: form, page: index + 1, x: x + width - 90, y });
    page.margins.bottom = saved.bottom;
    restoreTextState(doc, saved.text);
    doc.x = saved.x;
    doc.y = saved.y;
    stamping = false;
  };

  // Every page break goes through addPage (explicit ones, and pdfkit's own when text flows on): stamp the page
  // being left first.
  const addPage = doc.addPage.bind(doc);
  doc.addPage = ((options?: PDFKit.PDFDocumentOptions) => {
    stamp();
    return addPage(options);
  }) as typeof doc.addPage;

  return {
    end() {
      stamp();
      doc.addPage = addPage;
      const total = pageIndex;
      const page = doc.page;
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      for (const n of numbers) {
        // pdfkit writes text into the current page's content stream: point it at the XObject for a moment, and
        // give the XObject the font resource the text selects.
        const content = swapPageContent(doc, n.ref);
        doc.font(style.font).fontSize(style.fontSize).fillColor(style.color);
        const label = lang === 'id' ? `Halaman ${n.page} dari ${total}` : `Page ${n.page} of ${total}`;
        doc.text(label, n.x, n.y, { width: 90, align: 'right', lineBreak: false });
        const font = currentFont(doc);
        n.ref.data.Resources = { Font: { [font.id]: font.ref() } };
        n.ref.end();
        swapPageContent(doc, content);
      }
      page.margins.bottom = bottom;
    },
  };
}

/**
 * Every use lapkin makes of pdfkit's private fields, in one place.
 *
 * pdfkit keeps the current font, font size and fill colour, its font objects and each page's content stream in
 * underscore fields its public API and typings do not offer. A few things lapkin needs cannot be done without them
 * (each function says which and why). They are written against exactly PDFKIT_VERSION, which package.json pins;
 * test/documents/pdfkit-internals.test.ts fails when another version is installed or a field below is gone, so a
 * pdfkit upgrade starts by re-checking this file against pdfkit's source (js/pdfkit.js).
 */

type Doc = PDFKit.PDFDocument;

/** The pdfkit version these accessors were checked against (package.json pins it exactly). */
export const PDFKIT_VERSION = '0.20.2';

/** pdfkit's object for one embedded font face (PDFFont): its resource name (`F1` …) and its PDF object. */
export interface PdfkitFont {
  id: string;
  ref(): unknown;
}

/** The text state pdfkit keeps in JavaScript, outside the PDF graphics state that `save()`/`restore()` cover. */
export interface TextState {
  font: PdfkitFont;
  fontSize: number;
  /** `[color, opacity]` as last given to `fillColor`. */
  fillColor: unknown;
}

interface Internals {
  _font: PdfkitFont | null;
  _fontSize: number;
  _fillColor: unknown;
  _fontFamilies: Record<string, { layoutCache?: object }>;
}

const internals = (doc: Doc): Internals => doc as unknown as Internals;

/**
 * The font pdfkit writes text in now. The page footers need its resource name and object to list it in the
 * resources of the Form XObject they draw the page number into (page-footers.ts); pdfkit has no getter for it.
 */
export function currentFont(doc: Doc): PdfkitFont {
  const font = internals(doc)._font;
  if (!font) throw new Error('pdfkit has no current font: set one (createDoc does) before drawing text');
  return font;
}

/**
 * The current font, size and fill colour. The watermark and the page footers are drawn in the middle of another
 * drawing — on `pageAdded`, possibly while pdfkit's line wrapper is still flowing a caller's text onto the new
 * page — and must leave that text's font, size and colour as they were. `doc.save()`/`restore()` restores them in
 * the PDF but not in pdfkit's own state, and pdfkit has no getters for them.
 */
export function textState(doc: Doc): TextState {
  const d = internals(doc);
  return { font: currentFont(doc), fontSize: d._fontSize, fillColor: d._fillColor };
}

/**
 * Puts back a `textState` without writing anything to the page: after `doc.restore()` the PDF already draws in
 * those again, so calling `font()`/`fillColor()` would only add operators (and change the document's bytes).
 */
export function restoreTextState(doc: Doc, state: TextState): void {
  Object.assign(internals(doc), { _font: state.font, _fontSize: state.fontSize, _fillColor: state.fillColor });
}

/**
 * Points the current page's content stream at `content` (pdfkit writes every drawing operator into
 * `page.content`) and returns the one it replaced, to put back afterwards. The page footers draw each
 * "Halaman i dari N" into a Form XObject this way, once N is known, after the page itself has been written out.
 */
export function swapPageContent(doc: Doc, content: object): object {
  const page = doc.page as unknown as { content: object };
  const previous = page.content;
  page.content = content;
  return previous;
}

/**
 * Empties the glyph-layout cache of every font that holds more than `maxWords` words. pdfkit caches the layout of
 * every distinct word per font and never lets go, nor offers a way to: with codes and numbers unique per table row
 * that grows by ~4–5 KB per indicator (≈ 90 MB at 20 000 rows, measured). Layouts are deterministic, so a cleared
 * cache changes no byte of the document. Returns how many cached words it dropped.
 */
export function clearLayoutCaches(doc: Doc, maxWords: number): number {
  let cleared = 0;
  for (const font of Object.values(internals(doc)._fontFamilies)) {
    const words = font.layoutCache ? Object.keys(font.layoutCache).length : 0;
    if (words > maxWords) {
      font.layoutCache = Object.create(null);
      cleared += words;
    }
  }
  return cleared;
}

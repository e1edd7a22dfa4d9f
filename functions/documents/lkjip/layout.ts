import { formatNumber, formatPercent } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { bottomLimit, COLOR, centered, contentWidth, type Doc, ensureSpace, FONT, pdfText } from '../pdf-layout.ts';
import { indicatorNumber } from '../report-pdf/numbers.ts';
import type { Lkjip } from './context.ts';

/**
 * The LKjIP's own layout on top of the shared toolkit (pdf-layout.ts): the look of an Indonesian government
 * report — chapters on a new page with centred uppercase titles, numbered sections (A., B., …), justified text
 * with indented paragraphs. Generic enough for another formal document; kept here until one needs it.
 */

const BODY_SIZE = 10.5;
const LINE_GAP = 2.5;

/** A chapter (Kata Pengantar, BAB I …, Lampiran) on a new page: its title centred, each line in capitals. */
export function chapterPage(ctx: Lkjip, key: string, lines: string[], tocTitle: string): void {
  const { doc } = ctx;
  doc.addPage();
  let y = doc.page.margins.top + 6;
  for (const line of lines) y = centered(doc, line.toUpperCase(), y, FONT.bold, 14) + 2;
  ctx.toc.mark(key, 0, tocTitle);
  doc.x = doc.page.margins.left;
  doc.y = y + 18;
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(COLOR.text);
}

/**
 * A numbered section ("A. Latar Belakang") with room for a few lines of what follows, so a heading never ends a
 * page. In the Daftar Isi when it has a key.
 */
export function sectionHeading(ctx: Lkjip, number: string, title: string, key?: string): void {
  const { doc } = ctx;
  ensureSpace(doc, 100);
  if (doc.y > doc.page.margins.top + 1) doc.y += 8;
  const x = doc.page.margins.left;
  const text = number ? `${number} ${title}` : title;
  if (key) ctx.toc.mark(key, 1, text);
  doc
    .font(FONT.bold)
    .fontSize(11.5)
    .fillColor(COLOR.text)
    .text(pdfText(text), x, doc.y, { width: contentWidth(doc) });
  doc.y += 5;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

/** A heading inside a section (a sasaran, a table's title), kept with at least `need` points of what follows. */
export function minorHeading(doc: Doc, text: string, need = 90, opts: { size?: number; indent?: number } = {}): void {
  ensureSpace(doc, need);
  if (doc.y > doc.page.margins.top + 1) doc.y += 6;
  const indent = opts.indent ?? 0;
  doc
    .font(FONT.bold)
    .fontSize(opts.size ?? 10.5)
    .fillColor(COLOR.text)
    .text(pdfText(text), doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent });
  doc.y += 3;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

/**
 * Staff-written text as written: paragraphs (separated by a blank line) justified, their first line indented, a
 * line break inside a paragraph kept. A missing text prints a dash rather than nothing, so a gap is visible.
 */
export function narrative(ctx: Lkjip, text: string | undefined, opts: { indent?: number } = {}): void {
  const { doc } = ctx;
  const indent = opts.indent ?? 0;
  const x = doc.page.margins.left + indent;
  const width = contentWidth(doc) - indent;
  const paragraphs = (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(COLOR.text);
  if (paragraphs.length === 0) {
    doc.text(ctx.l.missing, x, doc.y, { width });
    doc.y += 4;
    return;
  }
  for (const p of paragraphs) {
    // Two lines at least before the page ends, else the paragraph starts on the next page (no lone first line).
    ensureSpace(doc, 2 * (doc.currentLineHeight(true) + LINE_GAP));
    doc.text(pdfText(p), x, doc.y, {
      width,
      align: 'justify',
      indent: 28,
      lineGap: LINE_GAP,
      paragraphGap: 6,
    });
  }
  doc.x = doc.page.margins.left;
}

/** A plain justified sentence or two of the document's own (an intro to a table), not staff narrative. */
export function note(
  doc: Doc,
  text: string,
  opts: { size?: number; color?: string; font?: string; indent?: number; gap?: number } = {},
): void {
  const indent = opts.indent ?? 0;
  doc
    .font(opts.font ?? FONT.regular)
    .fontSize(opts.size ?? BODY_SIZE)
    .fillColor(opts.color ?? COLOR.text)
    .text(pdfText(text), doc.page.margins.left + indent, doc.y, {
      width: contentWidth(doc) - indent,
      align: 'justify',
      lineGap: 1.5,
    });
  doc.y += opts.gap ?? 4;
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(COLOR.text);
}

/** A numbered list ("1. …") with a hanging indent. */
export function numberedList(doc: Doc, items: string[], opts: { size?: number; indent?: number } = {}): void {
  const size = opts.size ?? 9.5;
  const x = doc.page.margins.left + (opts.indent ?? 0);
  const hang = 16;
  const width = contentWidth(doc) - (opts.indent ?? 0) - hang;
  items.forEach((item, i) => {
    doc.font(FONT.regular).fontSize(size);
    const h = doc.heightOfString(pdfText(item), { width, lineGap: 1.5 });
    ensureSpace(doc, h);
    const y = doc.y;
    doc.fillColor(COLOR.text).text(`${i + 1}.`, x, y, { width: hang, lineBreak: false });
    doc.text(pdfText(item), x + hang, y, { width, align: 'justify', lineGap: 1.5 });
    doc.y += 2;
  });
  doc.x = doc.page.margins.left;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

/** Label–value lines ("Nama unit kerja : Kecamatan Karawaci"), kept on one page. */
export function labelledRows(doc: Doc, rows: [string, string][], labelWidth = 130): void {
  const x = doc.page.margins.left;
  const valueX = x + labelWidth + 12;
  const valueW = contentWidth(doc) - labelWidth - 12;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const height = rows.reduce((h, [, v]) => h + doc.heightOfString(pdfText(v), { width: valueW }) + 3, 0);
  if (height <= bottomLimit(doc) - doc.page.margins.top) ensureSpace(doc, height);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font(FONT.regular).fillColor(COLOR.text).text(pdfText(label), x, y, { width: labelWidth });
    doc.text(':', x + labelWidth, y, { width: 8, lineBreak: false });
    doc.text(pdfText(value), valueX, y, { width: valueW });
    doc.y = Math.max(doc.y, y + doc.currentLineHeight(true)) + 3;
  }
  doc.x = x;
}

/** A figure as the tables print it (the quarterly report's rule, indicatorNumber); a dash when none. */
export function figure(n: number | null | undefined, lang: Lang, missing = '\u2014'): string {
  return indicatorNumber(n, lang, missing);
}

/** A percentage (2 decimals, "101,04 %"), a dash when there is none. */
export function percent(n: number | null | undefined, lang: Lang, missing = '\u2014'): string {
  return n === null || n === undefined ? missing : formatPercent(n, lang);
}

/** Rupiah without the symbol (the column header says "(Rp)"). */
export function rupiah(n: number | null | undefined, lang: Lang, missing = '\u2014'): string {
  return n === null || n === undefined ? missing : formatNumber(n, { maxDecimals: 2 }, lang);
}

/** A table's widths scaled to fill the content width exactly (the toolkit's tables are as wide as given). */
export function fitWidths(doc: Doc, widths: number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = contentWidth(doc) / total;
  const out = widths.map((w) => Math.floor(w * scale * 100) / 100);
  const rest = contentWidth(doc) - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out.at(-1) ?? 0) + rest;
  return out;
}

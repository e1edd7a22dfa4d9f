import PDFDocument from 'pdfkit';
import type { AssembledReport } from '../core/performance-data.ts';
import { fontData, hasGlyph } from './fonts.ts';
import { startPageFooters } from './page-footers.ts';
import { clearLayoutCaches } from './pdfkit-internals.ts';

/**
 * The layout toolkit of lapkin's PDFs — document setup, fonts, headings, paragraphs, tables that break across
 * pages, ticks, footers, letterhead — shared by the report and the disposition sheet so both look alike.
 */

import type { Lang } from '../i18n/lang.ts';
export type Doc = PDFKit.PDFDocument;

export interface PdfRenderOptions {
  /** Tests turn compression off to read the text straight from the content streams. */
  compress?: boolean;
}

/** Names of the embedded DejaVu faces, registered on every document by createDoc (see fonts.ts). */
export const FONT = {
  regular: 'DejaVuSansCondensed',
  bold: 'DejaVuSansCondensed-Bold',
  italic: 'DejaVuSansCondensed-Oblique',
  mono: 'DejaVuSansMono',
};
export const COLOR = {
  text: '#1A1A1A',
  muted: '#5A6270',
  rule: '#8A94A6',
  grid: '#B0B7C3',
  headerFill: '#DCE4EE',
  zebra: '#F4F6F9',
  accent: '#1F4E79',
  danger: '#B03A2E',
};
const MARGINS = { top: 56, bottom: 64, left: 56, right: 50 };
const LAYOUT_CACHE_WORDS = 200_000;
export const DANGER_TINT = '#F4D6D3';

export function createDoc(
  meta: { title: string; subject: string; author: string; createdAt: string },
  options: PdfRenderOptions,
): { doc: Doc; done: Promise<Buffer> } {
  const created = new Date(meta.createdAt);
  const creationDate = Number.isNaN(created.getTime()) ? new Date(0) : created;
  const faces = fontData();
  const doc = new PDFDocument({
    size: 'A4',
    // The embedded regular face from the start, so pdfkit never loads (or writes) the non-embedded Helvetica.
    font: faces.regular as unknown as string,
    margins: MARGINS,
    // Pages are written out as they are finished (see page-footers.ts): a long table stays within memory.
    compress: options.compress ?? true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: pdfText(meta.title),
      Subject: pdfText(meta.subject),
      Author: pdfText(meta.author),
      Creator: 'lapkin',
      Producer: 'lapkin (PDFKit)',
      // Also seeds the PDF file ID: the same report renders to the same bytes.
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const face of ['regular', 'bold', 'italic', 'mono'] as const) doc.registerFont(FONT[face], faces[face]);
  // pdfkit's per-font cache of word layouts grows without bound (see clearLayoutCaches). Emptied when it passes
  // LAYOUT_CACHE_WORDS — beyond the configured maximum upload, so it never costs the normal case a re-layout (a
  // 20 000-word bound made 10 000 rows 50 % slower) — it bounds the memory of an outsized document.
  doc.on('pageAdded', () => {
    clearLayoutCaches(doc, LAYOUT_CACHE_WORDS);
  });
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  return { doc, done };
}

/**
 * Text as the embedded fonts can print it: line breaks normalised, control characters as spaces, combining
 * marks folded into their letters (NFC), and anything DejaVu has no glyph for shown as "?" instead of a box.
 */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = ch.codePointAt(0) ?? 63;
    if (code === 10) out += ch;
    else if (code < 32 || (code >= 127 && code < 160)) out += ' ';
    else if (code >= 0x300 && code <= 0x36f) {
      // A combining mark that NFC could not fold into its letter: dropping it keeps the base letter readable.
    } else out += hasGlyph(code) ? ch : '?';
  }
  return out;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

export function heading(doc: Doc, title: string): void {
  ensureSpace(doc, 90);
  if (doc.y > doc.page.margins.top + 1) doc.y += 10;
  const x = doc.page.margins.left;
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.accent)
    .text(pdfText(title), x, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 2;
  doc
    .moveTo(x, y)
    .lineTo(x + contentWidth(doc), y)
    .lineWidth(0.8)
    .strokeColor(COLOR.accent)
    .stroke();
  doc.y = y + 8;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}

export function paragraph(
  doc: Doc,
  text: string,
  opts: { font?: string; size?: number; color?: string; indent?: number } = {},
): void {
  const x = doc.page.margins.left + (opts.indent ?? 0);
  doc
    .font(opts.font ?? FONT.regular)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.color ?? COLOR.text)
    .text(pdfText(text), x, doc.y, { width: contentWidth(doc) - (opts.indent ?? 0), align: 'left', lineGap: 1.5 });
  doc.fillColor(COLOR.text);
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  font?: string;
}

export interface TableRow {
  cells: string[];
  /** Replaces `cells` when the row is the first on a page, e.g. to repeat a grouped value after a break. */
  firstOnPage?: string[];
  bold?: boolean;
  fill?: string;
  cellFills?: (string | undefined)[];
  /** Extra vertical room, e.g. for a wet-ink paraf. */
  minHeight?: number;
  /** Called after the row is drawn, with the row's box, to draw marks inside it. */
  decorate?: (box: { x: number; y: number; widths: number[]; height: number }) => void;
}

export const CELL_PAD = 3;

/**
 * `doc.heightOfString` for a cell, skipping pdfkit's line-wrapping pass when the text is a single line that
 * clearly fits — most cells (codes, numbers, units, percentages) are. The result is the same number either way:
 * one line is `currentLineHeight(true) + lineGap` in heightOfString too. The 2 % margin covers the wrapper
 * measuring word by word.
 */
export function textHeight(doc: Doc, text: string, width: number, lineGap = 0): number {
  if (!text.includes('\n') && doc.widthOfString(text) <= width * 0.98) return doc.currentLineHeight(true) + lineGap;
  return doc.heightOfString(text, { width, lineGap });
}

/** The height a table takes drawn whole, header once: for keeping a short table on one page. */
export function tableHeight(
  doc: Doc,
  columns: TableColumn[],
  rows: TableRow[],
  opts: { fontSize?: number } = {},
): number {
  const size = opts.fontSize ?? 8;
  const measure = (texts: string[], bold: boolean): number => {
    let h = 0;
    texts.forEach((t, i) => {
      doc.font(bold ? FONT.bold : (columns[i]?.font ?? FONT.regular)).fontSize(size);
      const w = (columns[i]?.width ?? 0) - 2 * CELL_PAD;
      h = Math.max(h, t === '' ? size : textHeight(doc, pdfText(t), w, 1));
    });
    return h + 2 * CELL_PAD;
  };
  const header = measure(
    columns.map((c) => c.header),
    true,
  );
  const body = rows.reduce((sum, r) => sum + Math.max(measure(r.cells, !!r.bold), r.minHeight ?? 0), 0);
  doc.font(FONT.regular).fontSize(10);
  return header + body;
}

/**
 * Starts a new page when `height` does not fit on this one but does on an empty one: a short table and its
 * title stay together instead of leaving its last rows alone on the next page. Taller content just flows.
 */
export function keepTogether(doc: Doc, height: number): void {
  if (height <= bottomLimit(doc) - doc.page.margins.top) ensureSpace(doc, height);
}

/** Room a section heading takes above its content (see `heading`). */
export const HEADING_ROOM = 40;

/**
 * A ruled table whose rows never split across pages; the header row repeats on every page. A row taller than a
 * whole page has its longest texts shortened so the layout always terminates.
 */
export function drawTable(
  doc: Doc,
  columns: TableColumn[],
  rows: TableRow[],
  opts: {
    fontSize?: number;
    zebra?: boolean;
    /** Room kept below the last row on its page, for the notes under the table: they never start a page alone. */
    reserveAfter?: number;
  } = {},
): void {
  const size = opts.fontSize ?? 8;
  const x0 = doc.page.margins.left;
  const widths = columns.map((c) => c.width);
  const lineGap = 1;

  const measure = (texts: string[], bold: boolean, fonts?: (string | undefined)[]): number => {
    let h = 0;
    texts.forEach((t, i) => {
      doc.font(bold ? FONT.bold : (fonts?.[i] ?? FONT.regular)).fontSize(size);
      const w = (widths[i] ?? 0) - 2 * CELL_PAD;
      h = Math.max(h, t === '' ? size : textHeight(doc, t, w, lineGap));
    });
    return h + 2 * CELL_PAD;
  };

  const headerTexts = columns.map((c) => pdfText(c.header));
  const headerHeight = measure(headerTexts, true);

  const drawRow = (
    texts: string[],
    height: number,
    style: { bold: boolean; fill?: string; cellFills?: (string | undefined)[]; header?: boolean },
  ): void => {
    const y = doc.y;
    let x = x0;
    texts.forEach((t, i) => {
      const w = widths[i] ?? 0;
      const fill = style.header ? COLOR.headerFill : (style.cellFills?.[i] ?? style.fill);
      if (fill) doc.rect(x, y, w, height).fill(fill);
      doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOR.grid).stroke();
      const col = columns[i];
      const align = style.header ? 'center' : (col?.align ?? 'left');
      const inner = w - 2 * CELL_PAD;
      doc
        .font(style.bold ? FONT.bold : (col?.font ?? FONT.regular))
        .fontSize(size)
        .fillColor(COLOR.text);
      const width = align !== 'center' && !/\n|^\s|\s$/.test(t) ? doc.widthOfString(t) : Number.POSITIVE_INFINITY;
      if (width <= inner * 0.98) {
        // One short line needs no line wrapper: placed exactly where the wrapper would put it (right alignment
        // as pdfkit computes it), so the output is the same bytes, several times faster for a long table.
        const dx = align === 'right' ? inner - width : 0;
        doc.text(t, x + CELL_PAD + dx, y + CELL_PAD, { lineBreak: false, lineGap });
      } else doc.text(t, x + CELL_PAD, y + CELL_PAD, { width: inner, align, lineGap });
      x += w;
    });
    doc.y = y + height;
  };

  const maxRowHeight = bottomLimit(doc) - doc.page.margins.top - headerHeight - 4;
  const fitRow = (texts: string[], bold: boolean): { texts: string[]; height: number } => {
    const out = [...texts];
    let height = measure(
      out,
      bold,
      columns.map((c) => c.font),
    );
    while (height > maxRowHeight) {
      let longest = 0;
      out.forEach((t, i) => {
        if (t.length > (out[longest] ?? '').length) longest = i;
      });
      const t = out[longest] ?? '';
      out[longest] = `${t.slice(0, Math.floor(t.length * 0.8))}…`;
      height = measure(
        out,
        bold,
        columns.map((c) => c.font),
      );
    }
    return { texts: out, height };
  };

  let firstOnPage = true;
  const startPage = (): void => {
    drawRow(headerTexts, headerHeight, { bold: true, header: true });
    firstOnPage = true;
  };
  const firstRow = rows[0];
  const firstHeight = firstRow ? fitRow(firstRow.cells.map(pdfText), !!firstRow.bold).height : 0;
  ensureSpace(doc, headerHeight + Math.min(firstHeight, maxRowHeight));
  startPage();
  rows.forEach((row, index) => {
    const pick = (onNewPage: boolean): { texts: string[]; height: number } => {
      const cells = onNewPage && row.firstOnPage ? row.firstOnPage : row.cells;
      const f = fitRow(cells.map(pdfText), !!row.bold);
      return { texts: f.texts, height: Math.max(f.height, row.minHeight ?? 0) };
    };
    let r = pick(firstOnPage);
    // The last row goes to the next page with the notes when they would not fit below it (unless it is the only
    // row on this page: the notes then just follow).
    const reserve = index === rows.length - 1 && !firstOnPage ? (opts.reserveAfter ?? 0) : 0;
    if (doc.y + r.height + reserve > bottomLimit(doc)) {
      doc.addPage();
      startPage();
      r = pick(true);
    }
    const y = doc.y;
    const fill = row.fill ?? (opts.zebra && index % 2 === 1 ? COLOR.zebra : undefined);
    drawRow(r.texts, r.height, {
      bold: !!row.bold,
      ...(fill ? { fill } : {}),
      ...(row.cellFills ? { cellFills: row.cellFills } : {}),
    });
    row.decorate?.({ x: x0, y, widths, height: r.height });
    firstOnPage = false;
  });
  doc.x = x0;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}

/** A small vector tick: the standard fonts have no check-mark glyph. */
export function drawTick(doc: Doc, x: number, y: number, size = 8): void {
  doc
    .save()
    .moveTo(x, y + size * 0.55)
    .lineTo(x + size * 0.38, y + size)
    .lineTo(x + size, y)
    .lineWidth(1.4)
    .strokeColor(COLOR.accent)
    .stroke()
    .restore();
}

/** Footer on every page but the first `skip` ones, drawn as pages are finished; call `end()` before `doc.end()`. */
export function addFooters(doc: Doc, left: string, lang: Lang, skip = 0): { end(): void } {
  return startPageFooters(
    doc,
    pdfText(left),
    lang,
    { font: FONT.regular, fontSize: 7.5, color: COLOR.muted, rule: COLOR.grid },
    skip,
  );
}

export function centered(doc: Doc, text: string, y: number, font: string, size: number, color = COLOR.text): number {
  const x = doc.page.margins.left;
  doc
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(pdfText(text), x, y, { width: contentWidth(doc), align: 'center' });
  return doc.y;
}

/** Kop surat: the organisation's letterhead with the customary double rule; returns the y below it. */
export function letterhead(doc: Doc, org: AssembledReport['organization'], top: number): number {
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  let y = centered(doc, org.parent.toUpperCase(), top, FONT.bold, 13);
  y = centered(doc, org.name.toUpperCase(), y + 2, FONT.bold, 16);
  if (org.address) y = centered(doc, org.address, y + 4, FONT.regular, 9, COLOR.muted);
  y += 8;
  doc
    .moveTo(x, y)
    .lineTo(x + w, y)
    .lineWidth(2)
    .strokeColor(COLOR.text)
    .stroke();
  doc
    .moveTo(x, y + 3)
    .lineTo(x + w, y + 3)
    .lineWidth(0.6)
    .stroke();
  doc.fillColor(COLOR.text);
  return y + 3;
}

/**
 * A row of key-figure boxes (the big number, its label under it): the report's summary and the LKjIP's
 * Ikhtisar Eksekutif show their key figures alike. Leaves the cursor under the boxes.
 */
export function keyFigureBoxes(doc: Doc, figures: readonly [label: string, value: string][], height = 56): void {
  const gap = 10;
  const boxW = (contentWidth(doc) - gap * (figures.length - 1)) / figures.length;
  const y = doc.y;
  figures.forEach(([label, value], i) => {
    const bx = doc.page.margins.left + i * (boxW + gap);
    doc.rect(bx, y, boxW, height).fill(COLOR.zebra);
    doc.rect(bx, y, boxW, height).lineWidth(0.6).strokeColor(COLOR.grid).stroke();
    doc
      .font(FONT.bold)
      .fontSize(16)
      .fillColor(COLOR.accent)
      .text(pdfText(value), bx, y + 10, { width: boxW, align: 'center', lineBreak: false });
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(pdfText(label), bx + 4, y + 34, { width: boxW - 8, align: 'center' });
  });
  doc.y = y + height;
  doc.x = doc.page.margins.left;
  doc.fillColor(COLOR.text);
}

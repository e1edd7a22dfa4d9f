/**
 * The pdfkit private fields lapkin relies on (functions/documents/pdfkit-internals.ts) are still there and mean
 * what that file assumes. A pdfkit upgrade fails here first: re-check each accessor against the new pdfkit's
 * source (js/pdfkit.js), then move PDFKIT_VERSION and the pin in package.json together.
 * Real: pdfkit, the embedded fonts (createDoc).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc, FONT } from '../../functions/documents/pdf-layout.ts';
import {
  clearLayoutCaches,
  currentFont,
  PDFKIT_VERSION,
  restoreTextState,
  swapPageContent,
  textState,
} from '../../functions/documents/pdfkit-internals.ts';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

function newDoc() {
  const { doc, done } = createDoc(
    { title: 't', subject: 's', author: 'a', createdAt: '2026-04-08T02:15:00.000Z' },
    { compress: false },
  );
  const finish = (): Promise<Buffer> => {
    doc.end();
    return done;
  };
  return { doc, finish };
}

describe('pdfkit internals', () => {
  it('are written against the pdfkit version installed and pinned', () => {
    const installed = json('../../node_modules/pdfkit/package.json').version;
    expect(
      installed,
      `pdfkit ${installed} is installed but functions/documents/pdfkit-internals.ts was checked against ${PDFKIT_VERSION}: re-check every private field it uses against the new pdfkit, then update PDFKIT_VERSION`,
    ).toBe(PDFKIT_VERSION);
    expect(json('../../package.json').dependencies.pdfkit, 'package.json pins pdfkit to exactly that version').toBe(
      PDFKIT_VERSION,
    );
  });

  it('read the current font: its resource name and PDF object', async () => {
    const { doc, finish } = newDoc();
    const regular = currentFont(doc);
    expect(regular.id).toMatch(/^F\d+$/);
    doc.font(FONT.bold);
    const bold = currentFont(doc);
    expect(bold.id).toMatch(/^F\d+$/);
    expect(bold.id).not.toBe(regular.id);
    expect(bold.ref()).toHaveProperty('id', expect.any(Number));
    await finish();
  });

  it('read the text state and put it back without writing to the page', async () => {
    const { doc, finish } = newDoc();
    doc.font(FONT.bold).fontSize(13).fillColor('#123456');
    const saved = textState(doc);
    expect(saved.font).toBe(currentFont(doc));
    expect(saved.fontSize).toBe(13);
    expect(saved.fillColor).toEqual(['#123456', undefined]);
    const lineHeight = doc.currentLineHeight();

    doc.save();
    doc.font(FONT.italic).fontSize(7).fillColor('#FF0000');
    doc.restore();
    const written = doc.page.content.uncompressedLength;
    restoreTextState(doc, saved);
    expect(doc.page.content.uncompressedLength).toBe(written);
    expect(textState(doc)).toEqual(saved);
    // pdfkit's own measuring reads the restored font and size.
    expect(doc.currentLineHeight()).toBe(lineHeight);
    await finish();
  });

  it('point the page content at another stream and back', async () => {
    const { doc, finish } = newDoc();
    const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 100, 100] });
    const page = doc.page.content;
    const before = page.uncompressedLength;
    expect(swapPageContent(doc, form)).toBe(page);
    doc.text('dalam formulir', 10, 10, { lineBreak: false });
    expect(swapPageContent(doc, page)).toBe(form);
    expect(form.uncompressedLength).toBeGreaterThan(0);
    expect(page.uncompressedLength).toBe(before);
    form.end(undefined);
    await finish();
  });

  it('empty the fonts’ word-layout caches once they pass the bound, and only then', async () => {
    const { doc, finish } = newDoc();
    doc.text(Array.from({ length: 50 }, (_, i) => `kata${i}`).join(' '));
    expect(clearLayoutCaches(doc, 1_000)).toBe(0);
    expect(clearLayoutCaches(doc, 10)).toBeGreaterThanOrEqual(50);
    expect(clearLayoutCaches(doc, 0)).toBe(0);
    await finish();
  });
});

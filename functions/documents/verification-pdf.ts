import QRCode from 'qrcode';
import { COLOR, type Doc, FONT, pdfText } from './pdf-layout.ts';

type Lang = 'id' | 'en';

/** The verification code as printed ("K7M2-9QXD-4TNB") and the public page it points to. */
export interface VerificationMark {
  code: string;
  url: string;
  /** The signer's subject when the file is signed after rendering (PAdES, see ports/signer.ts): the label says so. */
  signedBy?: string;
}

/** Modules of white around the symbol that a reader needs to find it (the QR standard asks for four). */
export const QR_QUIET_MODULES = 4;

const L = {
  id: {
    title: 'Verifikasi keaslian dokumen',
    scan: 'Pindai kode QR ini atau buka alamat di bawah, lalu cocokkan berkas PDF-nya.',
    code: 'Kode verifikasi',
    line: (m: VerificationMark) => `Verifikasi keaslian dokumen: ${m.url} - kode ${m.code}`,
    footer: (code: string) => `Kode verifikasi ${code}`,
    signed: 'Ditandatangani secara elektronik (tidak tersertifikasi)',
    signedBy: (who: string) =>
      `oleh ${who}; tanda tangan berkas PDF ini dapat diperiksa dengan pembaca PDF (misalnya pdfsig).`,
  },
  en: {
    title: 'Verify this document',
    scan: 'Scan this QR code or open the address below, then match the PDF file.',
    code: 'Verification code',
    line: (m: VerificationMark) => `Verify this document: ${m.url} - code ${m.code}`,
    footer: (code: string) => `Verification code ${code}`,
    signed: 'Electronically signed (not certified)',
    signedBy: (who: string) =>
      `by ${who}; the signature of this PDF file can be checked in a PDF reader (e.g. pdfsig).`,
  },
};

/** "… - Kode verifikasi K7M2-9QXD-4TNB": appended to the footer of every page, so one page is verifiable too. */
export function verificationFooter(code: string, lang: Lang): string {
  return L[lang].footer(code);
}

/**
 * The dark modules of the QR code of `text` as horizontal runs (row, first column, length), in module units.
 * One rectangle per run instead of per module: a third of the path, and no seams inside a run when rasterised.
 */
export function qrRuns(text: string): { size: number; runs: { row: number; col: number; length: number }[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/**
 * The QR code of `text` as vector squares, `size` points wide, its top-left corner at (x, y): sharp at any zoom
 * and print resolution, a few hundred bytes. The caller keeps QR_QUIET_MODULES of white around it.
 * Drawn in module units under one transform (`x y cm`, then `m 0 0 m 0 0 cm`), so each run is an integer
 * rectangle in the content stream.
 */
export function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = qrRuns(text);
  doc.save();
  doc.translate(x, y);
  doc.scale(size / qr.size);
  for (const r of qr.runs) doc.rect(r.col, r.row, r.length, 1);
  doc.fillColor('#000000').fill('nonzero');
  doc.restore();
}

/**
 * The QR code with a short explanation and the code beside it, inside `width` points from (x, y); returns the y
 * below it. The full sentence with the URL is `verificationLine`, for a line of its own where it fits unbroken.
 */
export function drawVerificationMark(
  doc: Doc,
  mark: VerificationMark,
  lang: Lang,
  box: { x: number; y: number; width: number; qrSize?: number },
): number {
  const l = L[lang];
  const qrSize = box.qrSize ?? 78;
  drawQrCode(doc, mark.url, box.x, box.y, qrSize);
  const quiet = (qrSize / qrRuns(mark.url).size) * QR_QUIET_MODULES;
  const tx = box.x + qrSize + Math.max(quiet, 10);
  const tw = box.width - (tx - box.x);
  doc
    .font(FONT.bold)
    .fontSize(8.5)
    .fillColor(COLOR.accent)
    .text(pdfText(l.title), tx, box.y + 2, { width: tw });
  doc
    .font(FONT.regular)
    .fontSize(7.5)
    .fillColor(COLOR.muted)
    .text(pdfText(l.scan), tx, doc.y + 2, { width: tw });
  doc
    .font(FONT.regular)
    .fontSize(7.5)
    .fillColor(COLOR.text)
    .text(pdfText(`${l.code}:`), tx, doc.y + 5, { width: tw });
  doc
    .font(FONT.mono)
    .fontSize(11)
    .fillColor(COLOR.text)
    .text(mark.code, tx, doc.y + 1, { width: tw });
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  return Math.max(doc.y, box.y + qrSize);
}

/**
 * "Verifikasi keaslian dokumen: <url> - kode <code>" on one line of `width` points: the URL is never broken (a
 * reader types it from paper), so a long deployment address gets a smaller type instead.
 */
export function drawVerificationLine(
  doc: Doc,
  mark: VerificationMark,
  lang: Lang,
  x: number,
  y: number,
  width: number,
) {
  const text = pdfText(L[lang].line(mark));
  doc.font(FONT.regular).fontSize(7.5);
  const size = Math.max(5, Math.min(7.5, (7.5 * width) / doc.widthOfString(text)));
  doc.fontSize(size).fillColor(COLOR.muted).text(text, x, y, { width, lineBreak: false });
  let below = y + size + 3;
  if (mark.signedBy) below = drawSignatureLabel(doc, mark.signedBy, lang, x, below + 2, width);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  return below;
}

/**
 * Room the signature label takes under the verification line (two lines at 7.5 pt and the gap above), when the
 * file is signed: a caller keeping the mark, the line and the label on one page reserves it with the rest.
 */
export const signatureLabelRoom = (mark: VerificationMark | undefined): number => (mark?.signedBy ? 30 : 0);

/**
 * "Ditandatangani secara elektronik (tidak tersertifikasi) oleh …": the honest name of the PAdES signature the
 * file carries — made with a self-issued certificate, not a certified TTE — right under the verification line.
 */
export function drawSignatureLabel(doc: Doc, signedBy: string, lang: Lang, x: number, y: number, width: number) {
  const l = L[lang];
  doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.accent);
  const head = pdfText(l.signed);
  doc.text(head, x, y, { width, continued: true });
  doc
    .font(FONT.regular)
    .fillColor(COLOR.muted)
    .text(pdfText(` ${l.signedBy(signedBy)}`), { width });
  return doc.y + 2;
}

import type { AssembledReport, DispositionEntry, PreparedBy } from '../../core/performance-data.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import {
  CELL_PAD,
  COLOR,
  contentWidth,
  type Doc,
  drawTable,
  drawTick,
  ensureSpace,
  FONT,
  heading,
  paragraph,
  pdfText,
  type TableRow,
} from '../pdf-layout.ts';
import { actingPrefix, headSignatureLine, signatoryOf, signaturePlace } from '../signatory.ts';
import {
  drawVerificationLine,
  drawVerificationMark,
  signatureLabelRoom,
  type VerificationMark,
} from '../verification-pdf.ts';
import { REPORT_PDF_LABELS as L } from './labels.ts';

/**
 * Section VI of the report PDF: the paraf table (team lead, Sekretaris) and the head of the unit's signature
 * block, with the verification code and QR code beside it on an archived copy.
 */
/**
 * The approval a SOP step gave (paraf, verify, ratify), the latest if several: what its block of the approval
 * section, the verification page and the documented mail show. A send-back leaves the block blank; a Plh fills
 * the block of the step of the official he stands in for.
 */
export function approvalOfStep<E extends Pick<DispositionEntry, 'approved' | 'stepKey' | 'at' | 'no'>>(
  entries: E[],
  step: string,
): E | undefined {
  return entries
    .filter((e) => e.approved && e.stepKey === step)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.no - b.no))
    .at(-1);
}

export function drawApprovals(
  doc: Doc,
  report: AssembledReport,
  lang: Lang,
  approvals: DispositionEntry[],
  mark?: VerificationMark,
  /** The block's heading: the quarterly report numbers it (section VI); the LKjIP, whose chapters are Bab I–IV,
   *  titles it as its Daftar Isi does. */
  title?: string,
): void {
  const l = L[lang];
  // The unit's titles: a dinas is signed by its Kepala Dinas, a kecamatan by its Camat (the SOP's roles are one).
  const signatory = signatoryOf(report);
  const titles = signatory.roleTitles;
  ensureSpace(doc, (mark ? 350 : 330) + signatureLabelRoom(mark));
  heading(doc, title ?? l.s6);
  const tim = approvalOfStep(approvals, 'paraf');
  const sek = approvalOfStep(approvals, 'verify');
  const camat = approvalOfStep(approvals, 'ratify');

  // A unit that does not run the team lead's paraf step (units[].steps.paraf = false): nobody initials the
  // compilation, the system assembles the uploaded data on TIMSAKIP's behalf. The row names the team lead and the
  // assembly time, marked as system-prepared and explained below the table, so the block is complete without
  // pretending to a paraf that was never given.
  const prepared: PreparedBy | undefined = tim ? undefined : report.preparedBy;
  const preparedRow = (no: string, jabatan: string, p: PreparedBy): TableRow => ({
    cells: [no, jabatan, `${p.name}\n${l.nip} ${p.nip}`, l.preparedMark, formatDateTime(p.at, lang)],
    minHeight: 34,
  });
  const parafRow = (no: string, jabatan: string, e: DispositionEntry | undefined): TableRow => ({
    cells: [
      no,
      jabatan,
      e ? `${e.name}\n${l.nip} ${e.nip}` : '',
      e ? `      ${l.parafMark}` : '',
      e ? formatDateTime(e.at, lang) : '',
    ],
    minHeight: 34,
    decorate: e
      ? (box) => {
          const px = box.x + (box.widths[0] ?? 0) + (box.widths[1] ?? 0) + (box.widths[2] ?? 0) + CELL_PAD;
          drawTick(doc, px, box.y + CELL_PAD + 1, 7);
        }
      : undefined,
  });
  drawTable(
    doc,
    [
      { header: l.parafHeaders[0] ?? '', width: 24, align: 'center' },
      { header: l.parafHeaders[1] ?? '', width: 140 },
      { header: l.parafHeaders[2] ?? '', width: 145 },
      { header: l.parafHeaders[3] ?? '', width: 80 },
      { header: l.parafHeaders[4] ?? '', width: 100.28 },
    ],
    [
      prepared ? preparedRow('1', l.ketuaTim(titles), prepared) : parafRow('1', l.ketuaTim(titles), tim),
      parafRow('2', l.sekcam(titles), sek),
    ],
    { fontSize: 8 },
  );
  if (prepared) {
    doc.y += 4;
    // No storage key or versionId here: they belong in the disposition sheet's verification record.
    paragraph(doc, l.preparedNote(formatDateTime(prepared.at, lang), prepared.uploaderEmail, titles), {
      size: 7.5,
      color: COLOR.muted,
    });
  }

  doc.y += 24;
  const place = signaturePlace(report.organization, signatory.kind);
  const blockW = 230;
  const bx = doc.page.margins.left + contentWidth(doc) - blockW;
  const blockTop = doc.y;
  const dateLine = camat ? `${place}, ${formatDate(camat.at, lang)}` : `${place}, ...........................`;
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  doc.text(pdfText(dateLine), bx, doc.y, { width: blockW, align: 'center' });
  doc.text(pdfText(l.mengesahkan), bx, doc.y + 2, { width: blockW, align: 'center' });
  // Signed by a Plh / Plt (a delegation): "Plh. CAMAT KARAWACI" above the delegate's own name and NIP.
  const acting = actingPrefix(camat?.title);
  const headLine = headSignatureLine(report.organization, signatory, lang);
  doc.font(FONT.bold).text(pdfText(acting ? `${acting} ${headLine}` : headLine), bx, doc.y + 2, {
    width: blockW,
    align: 'center',
  });
  const signTop = doc.y + 6;
  if (camat) {
    doc
      .font(FONT.italic)
      .fontSize(8)
      .fillColor(COLOR.accent)
      .text(pdfText(l.signedAt(formatDateTime(camat.at, lang))), bx, signTop + 12, {
        width: blockW,
        align: 'center',
      });
  }
  doc.y = signTop + 62;
  doc.font(FONT.bold).fontSize(10).fillColor(COLOR.text);
  if (camat) {
    doc.text(pdfText(camat.name), bx, doc.y, { width: blockW, align: 'center', underline: true });
    doc.font(FONT.regular).text(pdfText(`${l.nip} ${camat.nip}`), bx, doc.y + 2, { width: blockW, align: 'center' });
  } else {
    doc.text('(....................................................)', bx, doc.y, { width: blockW, align: 'center' });
    doc
      .font(FONT.regular)
      .text(`${l.nip} ....................................`, bx, doc.y + 2, { width: blockW, align: 'center' });
  }
  if (mark) {
    // Beside the signature, where an electronically signed Indonesian letter carries its QR code; the sentence
    // with the full URL goes below, across the page, so it is never broken.
    const x = doc.page.margins.left;
    const signed = doc.y;
    const below = drawVerificationMark(doc, mark, lang, { x, y: blockTop + 4, width: bx - x - 12 });
    doc.y = drawVerificationLine(doc, mark, lang, x, Math.max(signed, below) + 12, contentWidth(doc));
  }
  doc.x = doc.page.margins.left;
}

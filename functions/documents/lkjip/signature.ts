import { formatDate } from '../../i18n/format.ts';
import { COLOR, contentWidth, ensureSpace, FONT, pdfText } from '../pdf-layout.ts';
import { approvalOfStep } from '../report-pdf/approvals.ts';
import { headSignatureLine, signatoryOf, signaturePlace } from '../signatory.ts';
import type { Lkjip } from './context.ts';
import { headOfUnit } from './data.ts';

/**
 * The head of the unit's name block under the Kata Pengantar ("Karawaci, 20 Januari 2027 / CAMAT KARAWACI /
 * name / NIP"), from the directory's officials at assembly. Typed, not signed: the signature and its date are the
 * ratification's (the approval block at the end); before it the date is left open.
 */
export function drawHeadBlock(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  const signatory = signatoryOf(report);
  const head = headOfUnit(ctx);
  const ratified = approvalOfStep(ctx.approvals, 'ratify');
  ensureSpace(doc, 130);
  doc.y += 18;
  const blockW = 230;
  const x = doc.page.margins.left + contentWidth(doc) - blockW;
  const place = signaturePlace(report.organization, signatory.kind);
  const date = ratified ? formatDate(ratified.at, lang) : l.undated;
  const line = (text: string, font: string, gap: number, underline = false) =>
    doc
      .font(font)
      .fontSize(10.5)
      .fillColor(COLOR.text)
      .text(pdfText(text), x, doc.y + gap, { width: blockW, align: 'center', underline });
  line(l.signCity(place, date), FONT.regular, 0);
  line(headSignatureLine(report.organization, signatory, lang), FONT.bold, 2);
  doc.y += 48;
  if (head) {
    line(head.name, FONT.bold, 0, true);
    line(`${l.nip} ${head.nip}`, FONT.regular, 2);
  } else {
    line('(....................................................)', FONT.bold, 0);
    line(`${l.nip} ....................................`, FONT.regular, 2);
  }
  doc.x = doc.page.margins.left;
}

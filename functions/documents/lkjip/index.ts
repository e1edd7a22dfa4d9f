import type { AssembledReport, DispositionEntry } from '../../core/performance-data.ts';
import type { Lang } from '../../i18n/lang.ts';
import { addFooters, createDoc, ensureSpace, type PdfRenderOptions } from '../pdf-layout.ts';
import { reportRules } from '../report-method.ts';
import { drawApprovals } from '../report-pdf/approvals.ts';
import { signatureLabelRoom, type VerificationMark, verificationFooter } from '../verification-pdf.ts';
import { watermarkEveryPage } from '../watermark.ts';
import { drawPendahuluan } from './bab1-pendahuluan.ts';
import { drawPerencanaan } from './bab2-perencanaan.ts';
import { drawAkuntabilitas } from './bab3-akuntabilitas.ts';
import { drawPenutup } from './bab4-penutup.ts';
import type { Lkjip } from './context.ts';
import { drawCover } from './cover.ts';
import { drawDaftarIsi } from './daftar-isi.ts';
import { drawIkhtisar } from './ikhtisar.ts';
import { drawKataPengantar } from './kata-pengantar.ts';
import { LKJIP_LABELS } from './labels.ts';
import { drawLampiran } from './lampiran.ts';
import { sameToc, type TocEntry, TocRecorder } from './toc.ts';

export { LKJIP_LABELS } from './labels.ts';
export type { TocEntry } from './toc.ts';

export interface LkjipPdfOptions extends PdfRenderOptions {
  /**
   * The archived copy: its verification code and QR code beside the signature, and the code in every footer.
   * Without one the copy is a draft and says so on every page (as the quarterly report).
   */
  verification?: VerificationMark;
}

/** Passes at most: the second settles it (the Daftar Isi's height depends only on its lines, not their numbers). */
const MAX_PASSES = 4;

/**
 * The annual report (periode TAHUNAN) as the LKjIP of Permenpan RB 53/2014: cover, Kata Pengantar, Daftar Isi,
 * Ikhtisar Eksekutif, Bab I–IV, Lampiran (PK, quarterly capaian), then the paraf and signature block. Same
 * signature as renderReportPdf, so the caller picks the renderer by periode.
 *
 * pdfkit writes every page out as it is left, so the Daftar Isi on page 3 cannot wait for the pages of what
 * follows: a first pass lays the document out (without footers and watermark, which take no room) to learn
 * the page of every heading, the second draws it with those pages, and checks that every heading landed where the
 * Daftar Isi says — else it draws again with what it found.
 */
export async function renderLkjipPdf(
  report: AssembledReport,
  approvals: DispositionEntry[] = [],
  lang: Lang = 'id',
  options: LkjipPdfOptions = {},
): Promise<Buffer> {
  let printed: TocEntry[] | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const layoutOnly = printed === undefined;
    const { pdf, toc } = await drawLkjip(report, approvals, lang, options, printed ?? [], layoutOnly);
    if (!layoutOnly && printed && sameToc(toc, printed)) return pdf;
    printed = toc;
  }
  throw new Error('LKjIP: the Daftar Isi did not settle on its pages');
}

/** One drawing of the whole document; `toc` is where its headings went. */
export async function drawLkjip(
  report: AssembledReport,
  approvals: DispositionEntry[],
  lang: Lang,
  options: LkjipPdfOptions,
  contents: readonly TocEntry[],
  layoutOnly: boolean,
): Promise<{ pdf: Buffer; toc: TocEntry[] }> {
  const l = LKJIP_LABELS[lang];
  const { doc, done } = createDoc(
    {
      title: l.docTitle(report.organization.name, report.tahun),
      subject: l.subject,
      author: report.organization.name,
      createdAt: report.generatedAt,
    },
    layoutOnly ? {} : options,
  );
  const toc = new TocRecorder(doc);
  const ctx: Lkjip = {
    doc,
    report,
    approvals,
    lang,
    l,
    rules: reportRules(report).rules,
    toc,
  };
  const mark = options.verification;
  const footer = l.footer(report.organization.name, report.tahun, report.revision);
  const footers = layoutOnly
    ? undefined
    : addFooters(doc, mark ? `${footer} - ${verificationFooter(mark.code, lang)}` : footer, lang, 1);
  if (!mark && !layoutOnly) watermarkEveryPage(doc, l.draft);

  drawCover(ctx);
  drawKataPengantar(ctx);
  drawDaftarIsi(ctx, contents);
  drawIkhtisar(ctx);
  drawPendahuluan(ctx);
  drawPerencanaan(ctx);
  drawAkuntabilitas(ctx);
  drawPenutup(ctx);
  drawLampiran(ctx);
  // The approval block keeps itself on one page; making the room here first puts its Daftar Isi line on that page.
  ensureSpace(doc, (mark ? 350 : 330) + signatureLabelRoom(mark));
  toc.mark('pengesahan', 0, l.approvals.toUpperCase());
  drawApprovals(doc, report, lang, approvals, mark, l.approvals.toUpperCase());

  footers?.end();
  doc.end();
  return { pdf: await done, toc: toc.entries };
}

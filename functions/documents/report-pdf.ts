import type { AssembledReport, DispositionEntry } from '../core/performance-data.ts';
import { periodLabel } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import { addFooters, createDoc, type PdfRenderOptions } from './pdf-layout.ts';
import { drawApprovals } from './report-pdf/approvals.ts';
import { drawBudget } from './report-pdf/budget.ts';
import { drawChart } from './report-pdf/chart.ts';
import { drawComparison } from './report-pdf/comparison.ts';
import { drawCover } from './report-pdf/cover.ts';
import { drawIndicatorTable } from './report-pdf/indicator-table.ts';
import { REPORT_PDF_LABELS as L } from './report-pdf/labels.ts';
import { drawNarrative } from './report-pdf/narrative.ts';
import { drawSasaran } from './report-pdf/sasaran.ts';
import type { ReportSection } from './report-pdf/section.ts';
import { drawSummary } from './report-pdf/summary.ts';
import { type VerificationMark, verificationFooter } from './verification-pdf.ts';
import { watermarkEveryPage } from './watermark.ts';

/**
 * The quarterly performance report (Laporan Kinerja triwulan): a cover page, then sections I–V one after the
 * other, then the approval block (section VI). Each section is its own module under report-pdf/.
 */
const BODY: ReportSection[] = [
  drawSummary,
  drawIndicatorTable,
  drawSasaran,
  drawComparison,
  drawChart,
  drawBudget,
  drawNarrative,
];

export interface ReportPdfOptions extends PdfRenderOptions {
  /**
   * The archived copy: its verification code and QR code beside the signature, and the code in every footer.
   * Only the archived (ratified) copy has one: every rendering without it is a draft and says so on every page.
   */
  verification?: VerificationMark;
}

export async function renderReportPdf(
  report: AssembledReport,
  approvals: DispositionEntry[] = [],
  lang: Lang = 'id',
  options: ReportPdfOptions = {},
): Promise<Buffer> {
  const l = L[lang];
  const per = periodLabel(report.periode, lang);
  const { doc, done } = createDoc(
    {
      title: `${l.title} ${report.organization.name} ${per} ${report.tahun}`,
      subject: l.sakip,
      author: report.organization.name,
      createdAt: report.generatedAt,
    },
    options,
  );

  const footer = l.footer(report.organization.name, per, report.tahun, report.revision);
  const mark = options.verification;
  const footers = addFooters(doc, mark ? `${footer} - ${verificationFooter(mark.code, lang)}` : footer, lang, 1);
  if (!mark) watermarkEveryPage(doc, l.draft);
  drawCover(doc, report, lang);
  doc.addPage();
  for (const section of BODY) section(doc, report, lang);
  drawApprovals(doc, report, lang, approvals, mark);

  footers.end();
  doc.end();
  return done;
}

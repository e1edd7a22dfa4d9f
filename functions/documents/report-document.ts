import type { AssembledReport, DispositionEntry } from '../core/performance-data.ts';
import type { Lang } from '../i18n/lang.ts';
import { renderLkjipPdf } from './lkjip/index.ts';
import { type ReportPdfOptions, renderReportPdf } from './report-pdf.ts';

/**
 * The report's PDF as its period calls for: the annual report is the LKjIP (Permenpan RB 53/2014's chapters),
 * a quarter the quarterly capaian report. Assembly and the archive both render through here, so a draft and its
 * ratified copy are always the same document.
 */
export function renderReportDocument(
  report: AssembledReport,
  approvals: DispositionEntry[] = [],
  lang: Lang = 'id',
  options: ReportPdfOptions = {},
): Promise<Buffer> {
  // An annual report assembled before the LKjIP existed has no narrative: it stays the capaian report it was.
  if (report.periode === 'TAHUNAN' && report.narasi) return renderLkjipPdf(report, approvals, lang, options);
  return renderReportPdf(report, approvals, lang, options);
}

import { formatDate } from '../../i18n/format.ts';
import { COLOR, centered, FONT, letterhead } from '../pdf-layout.ts';
import type { Lkjip } from './context.ts';

/** The cover: letterhead, the report's name and year, and the unit at the foot, as a kecamatan's LKjIP has it. */
export function drawCover(ctx: Lkjip): void {
  const { doc, report, l, lang } = ctx;
  letterhead(doc, report.organization, 70);
  let y = centered(doc, l.coverTitle, 250, FONT.bold, 22, COLOR.accent);
  y = centered(doc, l.coverAbbr, y + 8, FONT.bold, 22, COLOR.accent);
  y = centered(doc, l.coverYear(report.tahun), y + 40, FONT.bold, 20);
  centered(doc, l.subject, y + 14, FONT.regular, 10, COLOR.muted);

  // The unit and the year the report is issued (the year after the one it reports on, as a rule), at the foot.
  const issued = new Date(report.generatedAt);
  const issuedYear = Number.isNaN(issued.getTime()) ? report.tahun + 1 : issued.getUTCFullYear();
  const foot = doc.page.height - 210;
  let fy = centered(doc, report.organization.name.toUpperCase(), foot, FONT.bold, 16);
  fy = centered(doc, report.organization.parent.toUpperCase(), fy + 2, FONT.bold, 13);
  fy = centered(doc, String(issuedYear), fy + 8, FONT.bold, 13);
  centered(
    doc,
    l.coverRevision(report.revision, formatDate(report.generatedAt, lang)),
    fy + 16,
    FONT.regular,
    8.5,
    COLOR.muted,
  );
}

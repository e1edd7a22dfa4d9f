import type { AssembledReport, DispositionEntry } from '../core/performance-data.ts';
import type { Period } from '../core/report.ts';
import { formatDateTime } from '../i18n/format.ts';
import { periodLabel } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import {
  addFooters,
  CELL_PAD,
  COLOR,
  centered,
  contentWidth,
  createDoc,
  drawTable,
  drawTick,
  ensureSpace,
  FONT,
  heading,
  letterhead,
  type PdfRenderOptions,
  paragraph,
  pdfText,
  type TableRow,
} from './pdf-layout.ts';
import {
  drawVerificationLine,
  drawVerificationMark,
  type VerificationMark,
  verificationFooter,
} from './verification-pdf.ts';

export interface DispositionInput {
  organization: AssembledReport['organization'];
  reportId: string;
  tahun: number;
  periode: Period;
  revision: number;
  entries: DispositionEntry[];
  documents: { label: string; key: string; versionId: string; sha256: string }[];
  archivedAt: string;
  /** The report's verification code and the public page of it: QR code under the statement, code in the footer. */
  verification?: VerificationMark;
}

const L = {
  id: {
    title: 'LEMBAR DISPOSISI',
    subtitle: (per: string, tahun: number) => `Laporan Kinerja ${per} Tahun ${tahun}`,
    info: {
      reportId: 'ID laporan',
      tahun: 'Tahun',
      periode: 'Periode',
      revision: 'Revisi',
      archivedAt: 'Diarsipkan pada',
    },
    s1: 'A. RIWAYAT KEPUTUSAN',
    entryHeaders: ['No', 'Tahap', 'Jabatan', 'Nama / NIP', 'Keputusan', 'Catatan', 'Waktu', 'Paraf / TTD'],
    noEntries: 'Belum ada keputusan yang tercatat.',
    documentLine: (versionId: string) => `Dokumen versi ${versionId}`,
    mark: { paraf: 'Paraf elektronik', 'tanda tangan': 'Tanda tangan elektronik' },
    s2: 'B. DOKUMEN YANG DIARSIPKAN',
    docHeaders: ['No', 'Dokumen', 'Kunci penyimpanan / versionId', 'SHA-256'],
    s3: 'C. PERNYATAAN',
    statement: (at: string) =>
      `Lembar disposisi ini dibuat oleh lapkin pada ${at} saat laporan didokumentasikan. Keaslian setiap dokumen arsip dapat diperiksa dengan menghitung SHA-256 berkasnya dan membandingkannya dengan nilai di atas (ditulis dalam kelompok 8 karakter agar mudah dicocokkan).`,
    footer: (id: string, per: string, tahun: number, rev: number) =>
      `Lembar Disposisi ${id} - ${per} ${tahun} - Revisi ${rev}`,
  },
  en: {
    title: 'DISPOSITION SHEET',
    subtitle: (per: string, tahun: number) => `Performance Report ${per} ${tahun}`,
    info: {
      reportId: 'Report ID',
      tahun: 'Year',
      periode: 'Period',
      revision: 'Revision',
      archivedAt: 'Archived at',
    },
    s1: 'A. DECISIONS',
    entryHeaders: ['No', 'Step', 'Position', 'Name / NIP', 'Decision', 'Note', 'Time', 'Initials / Signature'],
    noEntries: 'No decision has been recorded.',
    documentLine: (versionId: string) => `Document version ${versionId}`,
    mark: { paraf: 'Electronic initials', 'tanda tangan': 'Electronic signature' },
    s2: 'B. ARCHIVED DOCUMENTS',
    docHeaders: ['No', 'Document', 'Storage key / versionId', 'SHA-256'],
    s3: 'C. STATEMENT',
    statement: (at: string) =>
      `This disposition sheet was produced by lapkin on ${at} when the report was archived. Each archived document can be verified by computing the SHA-256 of its file and comparing it with the value above (written in groups of 8 characters for easier matching).`,
    footer: (id: string, per: string, tahun: number, rev: number) =>
      `Disposition Sheet ${id} - ${per} ${tahun} - Revision ${rev}`,
  },
};

/** Groups of 8 let a reader compare a printed hash by eye, and give the line breaker places to wrap. */
function groupHash(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

export async function renderDispositionPdf(
  input: DispositionInput,
  lang: Lang = 'id',
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const l = L[lang];
  const per = periodLabel(input.periode, lang);
  const { doc, done } = createDoc(
    {
      title: `${l.title} ${input.reportId}`,
      subject: l.subtitle(per, input.tahun),
      author: input.organization.name,
      createdAt: input.archivedAt,
    },
    options,
  );
  const footer = l.footer(input.reportId, per, input.tahun, input.revision);
  const mark = input.verification;
  const footers = addFooters(doc, mark ? `${footer} - ${verificationFooter(mark.code, lang)}` : footer, lang);

  let y = letterhead(doc, input.organization, doc.page.margins.top);
  y = centered(doc, l.title, y + 18, FONT.bold, 16, COLOR.accent);
  y = centered(doc, l.subtitle(per, input.tahun), y + 2, FONT.regular, 10, COLOR.muted);

  const info: [string, string][] = [
    [l.info.reportId, input.reportId],
    [l.info.tahun, String(input.tahun)],
    [l.info.periode, `${input.periode} (${per})`],
    [l.info.revision, String(input.revision)],
    [l.info.archivedAt, formatDateTime(input.archivedAt, lang)],
  ];
  const x = doc.page.margins.left;
  doc.y = y + 14;
  for (const [k, v] of info) {
    const top = doc.y;
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text).text(pdfText(k), x, top, { width: 110 });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .text(pdfText(`: ${v}`), x + 110, top, { width: contentWidth(doc) - 110 });
    doc.y = Math.max(doc.y, top + 12) + 1;
  }

  heading(doc, l.s1);
  const h = l.entryHeaders;
  const entryRows: TableRow[] = input.entries.map((e) => {
    const mark = l.mark[e.mark] ?? e.mark;
    const note = [e.note.trim(), l.documentLine(e.document.versionId)].filter((t) => t !== '').join('\n\n');
    return {
      cells: [
        String(e.no),
        e.step,
        e.title,
        `${e.name}\nNIP ${e.nip || '-'}`,
        e.decision,
        note,
        formatDateTime(e.at, lang),
        `\n${mark}`,
      ],
      minHeight: 30,
      decorate: (box) => {
        const before = box.widths.slice(0, 7).reduce((a, b) => a + b, 0);
        const w = box.widths[7] ?? 0;
        drawTick(doc, box.x + before + w / 2 - 4, box.y + CELL_PAD + 1, 8);
      },
    };
  });
  if (entryRows.length === 0) {
    paragraph(doc, l.noEntries, { font: FONT.italic, size: 9, color: COLOR.muted });
  } else {
    drawTable(
      doc,
      [
        { header: h[0] ?? '', width: 18, align: 'center' },
        { header: h[1] ?? '', width: 50 },
        { header: h[2] ?? '', width: 60 },
        { header: h[3] ?? '', width: 98 },
        { header: h[4] ?? '', width: 54 },
        { header: h[5] ?? '', width: 100 },
        { header: h[6] ?? '', width: 56 },
        { header: h[7] ?? '', width: 53.28, align: 'center' },
      ],
      entryRows,
      { fontSize: 7.5 },
    );
  }

  heading(doc, l.s2);
  const d = l.docHeaders;
  drawTable(
    doc,
    [
      { header: d[0] ?? '', width: 20, align: 'center' },
      { header: d[1] ?? '', width: 105 },
      { header: d[2] ?? '', width: 190, font: FONT.mono },
      { header: d[3] ?? '', width: 174.28, font: FONT.mono },
    ],
    input.documents.map((item, i) => ({
      cells: [String(i + 1), item.label, `${item.key}\n\nversionId: ${item.versionId}`, groupHash(item.sha256)],
    })),
    { fontSize: 7.5, zebra: true },
  );

  ensureSpace(doc, mark ? 190 : 80);
  heading(doc, l.s3);
  paragraph(doc, l.statement(formatDateTime(input.archivedAt, lang)), { size: 9 });
  if (mark) {
    const x = doc.page.margins.left;
    const below = drawVerificationMark(doc, mark, lang, { x, y: doc.y + 10, width: contentWidth(doc) });
    doc.y = drawVerificationLine(doc, mark, lang, x, below + 12, contentWidth(doc));
  }

  footers.end();
  doc.end();
  return done;
}

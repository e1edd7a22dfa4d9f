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
  type Doc,
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
  signatureLabelRoom,
  type VerificationMark,
  verificationFooter,
} from './verification-pdf.ts';

export interface DispositionInput {
  organization: AssembledReport['organization'];
  reportId: string;
  tahun: number;
  periode: Period;
  revision: number;
  /** Nomor agenda (core/agenda-number.ts): the same on every rendering of this revision's sheet. */
  agendaNumber: string;
  /** Tanggal terima: when the archived revision was compiled and put before the officials. */
  receivedAt: string;
  /** Asal naskah: who compiles the report (the unit's title of the TIMSAKIP lead). */
  origin: string;
  /** Who the ratified report goes to for documentation (SOP step 5): the last "diteruskan kepada". */
  documentation: string;
  /** Every decision of the trail, every revision, oldest first (usecases/archive-report.ts dispositionEntries). */
  entries: DispositionEntry[];
  /** The archived documents: listed with storage key, versionId and SHA-256 in the verification record only. */
  documents: { label: string; key: string; versionId: string; sha256: string }[];
  archivedAt: string;
  /** The report's verification code and the public page of it: QR code in the verification record, code in the footer. */
  verification?: VerificationMark;
}

/** One level of the sheet (paraf of the team lead, paraf of the Sekretaris, signature of the head). */
export interface DispositionLevel {
  stepKey: string;
  /** The step in words ("Verifikasi laporan"). */
  label: string;
  /** The title as recorded on the acting entry ("Plh. Camat Karawaci"), else on the level's latest entry. */
  title: string;
  /** The approval this level gave to the archived revision; none: the level did not act on it ("—"). */
  entry?: DispositionEntry;
}

/** The SOP's order of the levels; a step lapkin does not know yet follows them, in the order it first acted. */
const LEVEL_ORDER = ['paraf', 'verify', 'ratify'];

/**
 * The levels of the sheet, from the decisions themselves: every step that decided anything on this report, in the
 * SOP's order — a unit without the team lead's paraf step has no paraf row, and a level that acted only on an
 * earlier revision stays listed with "—". Each level shows its approval of the archived revision.
 */
export function dispositionLevels(entries: DispositionEntry[], revision: number): DispositionLevel[] {
  const keys = [...new Set(entries.map((e) => e.stepKey))];
  const rank = (k: string): number => {
    const i = LEVEL_ORDER.indexOf(k);
    return i >= 0 ? i : LEVEL_ORDER.length + keys.indexOf(k);
  };
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((stepKey) => {
      const ofStep = entries.filter((e) => e.stepKey === stepKey);
      const entry = ofStep.filter((e) => e.revision === revision && e.approved).at(-1);
      const shown = entry ?? (ofStep.at(-1) as DispositionEntry);
      return { stepKey, label: shown.step, title: shown.title, ...(entry ? { entry } : {}) };
    });
}

const NONE = '—';

export const DISPOSITION_LABELS = {
  id: {
    title: 'LEMBAR DISPOSISI',
    perihal: (per: string, tahun: number, org: string) => `Laporan Kinerja ${per} Tahun ${tahun} — ${org}`,
    fields: {
      origin: 'Asal naskah',
      reportId: 'Nomor laporan',
      revision: 'Revisi ke-',
      agenda: 'Nomor agenda',
      received: 'Tanggal terima',
      disposed: 'Tanggal disposisi',
      sifat: 'Sifat',
      perihal: 'Perihal',
    },
    sifatBiasa: 'Biasa',
    forwardTo: 'Diteruskan kepada',
    forwardLine: (title: string, label: string) => `${title} — ${label}`,
    forwardDocumentation: (who: string) => `${who} — untuk didokumentasikan`,
    s1: 'ISI DISPOSISI / ARAHAN',
    isiHeaders: ['No', 'Dari', 'Isi disposisi / arahan', 'Tanggal'],
    isiApproved: (mark: DispositionEntry['mark'], next: string) =>
      mark === 'tanda tangan'
        ? `Disahkan (tanda tangan). Diteruskan kepada ${next} untuk didokumentasikan.`
        : `Disetujui (paraf). Diteruskan kepada ${next}.`,
    arahan: (note: string) => `Arahan: “${note}”`,
    noArahan: 'Tanpa arahan tambahan.',
    notActed: 'Tidak memberikan disposisi pada revisi ini.',
    s2: 'PARAF DAN TANDA TANGAN',
    parafHeaders: ['Tingkat', 'Jabatan', 'Nama / NIP', 'Tanggal', 'Paraf / Tanda tangan'],
    mark: { paraf: 'Paraf elektronik', 'tanda tangan': 'Tanda tangan elektronik' },
    noEntries: 'Belum ada keputusan yang tercatat.',
    s3: 'RIWAYAT KEPUTUSAN',
    historyHeaders: ['No', 'Revisi', 'Tahap', 'Jabatan / Nama', 'Keputusan', 'Catatan / arahan', 'Waktu'],
    record: 'REKAMAN VERIFIKASI',
    recordIntro:
      'Bagian ini mencatat letak penyimpanan dan sidik SHA-256 setiap dokumen, untuk pemeriksaan keaslian arsip. Nilai SHA-256 ditulis dalam kelompok 8 karakter agar mudah dicocokkan.',
    s4: 'A. DOKUMEN YANG DIARSIPKAN',
    docHeaders: ['No', 'Dokumen', 'Kunci penyimpanan / versionId', 'SHA-256'],
    s5: 'B. DOKUMEN YANG DIPUTUSKAN',
    decidedHeaders: ['No', 'Keputusan', 'versionId', 'SHA-256'],
    decidedLine: (e: DispositionEntry) => `${e.step}, revisi ${e.revision}: ${e.decision.toLowerCase()}`,
    s6: 'C. PERNYATAAN',
    statement: (at: string) =>
      `Lembar disposisi ini dibuat oleh lapkin pada ${at} saat laporan didokumentasikan, dari keputusan yang tercatat pada jejak audit laporan. Keaslian setiap dokumen arsip dapat diperiksa dengan menghitung SHA-256 berkasnya dan membandingkannya dengan nilai pada bagian A.`,
    footer: (agenda: string, per: string, tahun: number, rev: number) =>
      `Lembar Disposisi ${agenda} - ${per} ${tahun} - Revisi ${rev}`,
  },
  en: {
    title: 'DISPOSITION SHEET',
    perihal: (per: string, tahun: number, org: string) => `Performance Report ${per} ${tahun} — ${org}`,
    fields: {
      origin: 'From',
      reportId: 'Report number',
      revision: 'Revision',
      agenda: 'Agenda number',
      received: 'Received on',
      disposed: 'Disposed on',
      sifat: 'Classification',
      perihal: 'Subject',
    },
    sifatBiasa: 'Ordinary',
    forwardTo: 'Forwarded to',
    forwardLine: (title: string, label: string) => `${title} — ${label}`,
    forwardDocumentation: (who: string) => `${who} — for documentation`,
    s1: 'DISPOSITION / DIRECTIONS',
    isiHeaders: ['No', 'From', 'Disposition / directions', 'Date'],
    isiApproved: (mark: DispositionEntry['mark'], next: string) =>
      mark === 'tanda tangan'
        ? `Ratified (signature). Forwarded to the ${next} for documentation.`
        : `Approved (initials). Forwarded to the ${next}.`,
    arahan: (note: string) => `Directions: “${note}”`,
    noArahan: 'No further directions.',
    notActed: 'Gave no disposition on this revision.',
    s2: 'INITIALS AND SIGNATURE',
    parafHeaders: ['Level', 'Position', 'Name / NIP', 'Date', 'Initials / Signature'],
    mark: { paraf: 'Electronic initials', 'tanda tangan': 'Electronic signature' },
    noEntries: 'No decision has been recorded.',
    s3: 'DECISION HISTORY',
    historyHeaders: ['No', 'Revision', 'Step', 'Position / Name', 'Decision', 'Note / directions', 'Time'],
    record: 'VERIFICATION RECORD',
    recordIntro:
      'This part records where each document is stored and its SHA-256 fingerprint, for checking the authenticity of the archive. SHA-256 values are written in groups of 8 characters for easier matching.',
    s4: 'A. ARCHIVED DOCUMENTS',
    docHeaders: ['No', 'Document', 'Storage key / versionId', 'SHA-256'],
    s5: 'B. DOCUMENTS DECIDED',
    decidedHeaders: ['No', 'Decision', 'versionId', 'SHA-256'],
    decidedLine: (e: DispositionEntry) => `${e.step}, revision ${e.revision}: ${e.decision.toLowerCase()}`,
    s6: 'C. STATEMENT',
    statement: (at: string) =>
      `This disposition sheet was produced by lapkin on ${at} when the report was documented, from the decisions recorded in the report's audit trail. Each archived document can be verified by computing the SHA-256 of its file and comparing it with the value in part A.`,
    footer: (agenda: string, per: string, tahun: number, rev: number) =>
      `Disposition Sheet ${agenda} - ${per} ${tahun} - Revision ${rev}`,
  },
};

/** Groups of 8 let a reader compare a printed hash by eye, and give the line breaker places to wrap. */
function groupHash(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

/** One box of the form: label–value fields, or a title over numbered lines. */
interface FormCell {
  width: number;
  fields?: [string, string][];
  title?: string;
  lines?: string[];
}

const PAD = 6;
const LABEL_W = 88;
const FORM_SIZE = 9;

function cellHeight(doc: Doc, c: FormCell): number {
  const inner = c.width - 2 * PAD;
  let h = 0;
  for (const [, v] of c.fields ?? []) {
    doc.font(FONT.regular).fontSize(FORM_SIZE);
    h += Math.max(doc.heightOfString(pdfText(`: ${v}`), { width: inner - LABEL_W }), FORM_SIZE + 2) + 3;
  }
  if (c.title) {
    doc.font(FONT.bold).fontSize(FORM_SIZE);
    h += doc.heightOfString(pdfText(c.title), { width: inner }) + 3;
  }
  for (const line of c.lines ?? []) {
    doc.font(FONT.regular).fontSize(FORM_SIZE);
    h += doc.heightOfString(pdfText(line), { width: inner - 14 }) + 2;
  }
  return h + 2 * PAD - 3;
}

/** A row of the bordered form, every cell as tall as the tallest; returns the y below it. */
function formRow(doc: Doc, cells: FormCell[], y: number): number {
  const height = Math.max(...cells.map((c) => cellHeight(doc, c)));
  let x = doc.page.margins.left;
  for (const c of cells) {
    doc.rect(x, y, c.width, height).lineWidth(0.8).strokeColor(COLOR.text).stroke();
    const inner = c.width - 2 * PAD;
    let cy = y + PAD;
    for (const [k, v] of c.fields ?? []) {
      doc
        .font(FONT.bold)
        .fontSize(FORM_SIZE)
        .fillColor(COLOR.text)
        .text(pdfText(k), x + PAD, cy, { width: LABEL_W });
      doc.font(FONT.regular).fontSize(FORM_SIZE);
      const text = pdfText(`: ${v}`);
      const h = doc.heightOfString(text, { width: inner - LABEL_W });
      doc.text(text, x + PAD + LABEL_W, cy, { width: inner - LABEL_W });
      cy += Math.max(h, FORM_SIZE + 2) + 3;
    }
    if (c.title) {
      doc
        .font(FONT.bold)
        .fontSize(FORM_SIZE)
        .fillColor(COLOR.text)
        .text(pdfText(c.title), x + PAD, cy, { width: inner });
      cy = doc.y + 3;
    }
    (c.lines ?? []).forEach((line, i) => {
      doc.font(FONT.regular).fontSize(FORM_SIZE).fillColor(COLOR.text);
      doc.text(`${i + 1}.`, x + PAD, cy, { width: 14, lineBreak: false });
      doc.text(pdfText(line), x + PAD + 14, cy, { width: inner - 14 });
      cy = doc.y + 2;
    });
    x += c.width;
  }
  doc.x = doc.page.margins.left;
  return y + height;
}

export async function renderDispositionPdf(
  input: DispositionInput,
  lang: Lang = 'id',
  options: PdfRenderOptions = {},
): Promise<Buffer> {
  const l = DISPOSITION_LABELS[lang];
  const per = periodLabel(input.periode, lang);
  const perihal = l.perihal(per, input.tahun, input.organization.name);
  const { doc, done } = createDoc(
    {
      title: `${l.title} ${input.agendaNumber}`,
      subject: perihal,
      author: input.organization.name,
      createdAt: input.archivedAt,
    },
    options,
  );
  const footer = l.footer(input.agendaNumber, per, input.tahun, input.revision);
  const mark = input.verification;
  const footers = addFooters(doc, mark ? `${footer} - ${verificationFooter(mark.code, lang)}` : footer, lang);
  const W = contentWidth(doc);

  let y = letterhead(doc, input.organization, doc.page.margins.top);
  y = centered(doc, l.title, y + 16, FONT.bold, 15, COLOR.text);
  doc
    .moveTo(doc.page.margins.left + W / 2 - 70, y + 1)
    .lineTo(doc.page.margins.left + W / 2 + 70, y + 1)
    .lineWidth(0.8)
    .strokeColor(COLOR.text)
    .stroke();
  y += 12;

  // The form as an office prints it: where the report came from, its agenda number and dates, what it is about,
  // who it went to.
  const levels = dispositionLevels(input.entries, input.revision);
  const acted = levels.filter((v) => v.entry);
  const last = acted.at(-1)?.entry;
  const half = W / 2;
  y = formRow(
    doc,
    [
      {
        width: half,
        fields: [
          [l.fields.origin, input.origin],
          [l.fields.reportId, input.reportId],
          [l.fields.revision, String(input.revision)],
        ],
      },
      {
        width: W - half,
        fields: [
          [l.fields.agenda, input.agendaNumber],
          [l.fields.received, formatDateTime(input.receivedAt, lang)],
          [l.fields.disposed, last ? formatDateTime(last.at, lang) : NONE],
          [l.fields.sifat, l.sifatBiasa],
        ],
      },
    ],
    y,
  );
  y = formRow(doc, [{ width: W, fields: [[l.fields.perihal, perihal]] }], y);
  y = formRow(
    doc,
    [
      {
        width: W,
        title: `${l.forwardTo}:`,
        lines: [...levels.map((v) => l.forwardLine(v.title, v.label)), l.forwardDocumentation(input.documentation)],
      },
    ],
    y,
  );
  doc.y = y;

  heading(doc, l.s1);
  if (levels.length === 0) {
    paragraph(doc, l.noEntries, { font: FONT.italic, size: 9, color: COLOR.muted });
  } else {
    const h = l.isiHeaders;
    drawTable(
      doc,
      [
        { header: h[0] ?? '', width: 22, align: 'center' },
        { header: h[1] ?? '', width: 130 },
        { header: h[2] ?? '', width: 237.28 },
        { header: h[3] ?? '', width: 100 },
      ],
      levels.map((v, i): TableRow => {
        const e = v.entry;
        const next = levels.slice(i + 1).find((n) => n.entry)?.title ?? input.documentation;
        const isi = e
          ? `${l.isiApproved(e.mark, next)}\n${e.note.trim() ? l.arahan(e.note.trim()) : l.noArahan}`
          : l.notActed;
        return {
          cells: [String(i + 1), `${v.title}${e ? `\n${e.name}` : ''}`, isi, e ? formatDateTime(e.at, lang) : NONE],
        };
      }),
      { fontSize: 8 },
    );

    heading(doc, l.s2);
    const p = l.parafHeaders;
    drawTable(
      doc,
      [
        { header: p[0] ?? '', width: 80 },
        { header: p[1] ?? '', width: 110 },
        { header: p[2] ?? '', width: 120 },
        { header: p[3] ?? '', width: 82 },
        { header: p[4] ?? '', width: 97.28, align: 'center' },
      ],
      levels.map((v): TableRow => {
        const e = v.entry;
        return {
          cells: [
            v.label,
            v.title,
            e ? `${e.name}\nNIP ${e.nip || NONE}` : NONE,
            e ? formatDateTime(e.at, lang) : NONE,
            e ? `\n\n${l.mark[e.mark] ?? e.mark}` : NONE,
          ],
          minHeight: 44,
          decorate: e
            ? (box) => {
                const before = box.widths.slice(0, 4).reduce((a, b) => a + b, 0);
                const w = box.widths[4] ?? 0;
                drawTick(doc, box.x + before + w / 2 - 6, box.y + CELL_PAD + 2, 12);
              }
            : undefined,
        };
      }),
      { fontSize: 8 },
    );

    heading(doc, l.s3);
    const hh = l.historyHeaders;
    drawTable(
      doc,
      [
        { header: hh[0] ?? '', width: 20, align: 'center' },
        { header: hh[1] ?? '', width: 38, align: 'center' },
        { header: hh[2] ?? '', width: 62 },
        { header: hh[3] ?? '', width: 100 },
        { header: hh[4] ?? '', width: 62 },
        { header: hh[5] ?? '', width: 139.28 },
        { header: hh[6] ?? '', width: 68 },
      ],
      input.entries.map((e) => ({
        cells: [
          String(e.no),
          String(e.revision),
          e.step,
          `${e.title}\n${e.name}`,
          e.decision,
          e.note.trim() || NONE,
          formatDateTime(e.at, lang),
        ],
      })),
      { fontSize: 7.5, zebra: true },
    );
  }

  // The verification record: the only place of the sheet with storage keys and versionIds.
  doc.addPage();
  doc.y = doc.page.margins.top;
  centered(doc, l.record, doc.y, FONT.bold, 13, COLOR.accent);
  doc.y += 4;
  paragraph(doc, l.recordIntro, { size: 8.5, color: COLOR.muted });
  heading(doc, l.s4);
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

  if (input.entries.length > 0) {
    heading(doc, l.s5);
    const dh = l.decidedHeaders;
    drawTable(
      doc,
      [
        { header: dh[0] ?? '', width: 20, align: 'center' },
        { header: dh[1] ?? '', width: 145 },
        { header: dh[2] ?? '', width: 150, font: FONT.mono },
        { header: dh[3] ?? '', width: 174.28, font: FONT.mono },
      ],
      input.entries.map((e) => ({
        cells: [
          String(e.no),
          `${l.decidedLine(e)}\n${e.title}`,
          e.document.versionId || NONE,
          e.document.sha256 ? groupHash(e.document.sha256) : NONE,
        ],
      })),
      { fontSize: 7.5, zebra: true },
    );
  }

  // The statement, the mark, the line and the signature label stay on one page: a label cut off onto a page of its
  // own reads like an unsigned sheet.
  ensureSpace(doc, (mark ? 190 : 80) + signatureLabelRoom(mark));
  heading(doc, l.s6);
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

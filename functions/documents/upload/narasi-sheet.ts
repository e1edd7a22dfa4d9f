/**
 * The Narasi sheet of an annual upload (the LKjIP's narrative, written by staff): two columns, `bagian` (a
 * section's key, or its Indonesian or English title) and `isi` (the text). Every required section must have
 * text; lapkin prints what is written and never writes narrative itself.
 */

import { NARASI_SECTIONS, type Narasi, type NarasiKey, REQUIRED_NARASI } from '../../core/narasi.ts';
import type { DataProblem } from '../../core/performance-data.ts';
import { isMeaningful } from './cells.ts';
import { normalizeHeader } from './columns.ts';
import { HEADER_SEARCH_ROWS } from './limits.ts';
import { fileProblem, type Lang, MESSAGES } from './messages.ts';
import { cellText, isBlankRow, preview, type SheetRow } from './sheet.ts';

/** The sheet's name in the template and the workbook. */
export const NARASI_SHEET = 'Narasi';

/** The longest text one section may have: a chapter of a few pages, not a document pasted whole. */
export const MAX_NARASI_LENGTH = 20_000;

const BAGIAN = new Set(['bagian', 'section', 'bab']);
const ISI = new Set(['isi', 'text', 'teks', 'narasi']);

/**
 * Any way a section may be named, normalised as a header is: its key, its Indonesian or English title. The
 * template writes "Kata Pengantar (kata_pengantar)": text in parentheses is dropped by the normalisation.
 */
const SECTION_LOOKUP: ReadonlyMap<string, NarasiKey> = new Map(
  NARASI_SECTIONS.flatMap((s) => [s.key, s.id, s.en].map((name) => [normalizeHeader(name), s.key] as const)),
);

export function narasiSectionOf(text: string): NarasiKey | undefined {
  return SECTION_LOOKUP.get(normalizeHeader(text));
}

export interface NarasiRead {
  narasi: Narasi;
  problems: DataProblem[];
}

/** Reads the Narasi sheet's rows; `rows` null when the workbook has no such sheet. */
export function readNarasi(rows: readonly SheetRow[] | null, lang: Lang): NarasiRead {
  const m = MESSAGES[lang];
  if (rows === null) return { narasi: {}, problems: [fileProblem(m.narasiSheetMissing)] };
  const label = (key: NarasiKey): string => {
    const s = NARASI_SECTIONS.find((x) => x.key === key);
    return s ? (lang === 'en' ? s.en : s.id) : key;
  };
  const nonBlank = rows.filter((r) => !isBlankRow(r));
  let bagianAt = -1;
  let isiAt = -1;
  const header = nonBlank.slice(0, HEADER_SEARCH_ROWS).find((r) => {
    bagianAt = r.cells.findIndex((c) => c !== null && BAGIAN.has(normalizeHeader(cellText(c))));
    isiAt = r.cells.findIndex((c) => c !== null && ISI.has(normalizeHeader(cellText(c))));
    return bagianAt >= 0 && isiAt >= 0;
  });
  if (!header) return { narasi: {}, problems: [fileProblem(m.narasiNoHeader)] };
  const column = { bagian: cellText(header.cells[bagianAt] ?? null), isi: cellText(header.cells[isiAt] ?? null) };

  const narasi: Narasi = {};
  const problems: DataProblem[] = [];
  const seen = new Map<NarasiKey, number>();
  const known = NARASI_SECTIONS.map((s) => (lang === 'en' ? s.en : s.id)).join(', ');
  const limit = MAX_NARASI_LENGTH.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID');
  for (const row of nonBlank) {
    if (row.number <= header.number) continue;
    const bagianCell = row.cells[bagianAt] ?? null;
    const isiCell = row.cells[isiAt] ?? null;
    const text = typeof isiCell === 'object' && isiCell !== null ? null : cellText(isiCell).trim();
    const add = (col: string, cell: typeof isiCell, message: string) =>
      problems.push({ row: row.number, column: col, value: preview(cell), message });
    if (bagianCell === null) {
      if (text) add(column.bagian, bagianCell, m.narasiNoSection);
      continue;
    }
    const key = narasiSectionOf(cellText(bagianCell));
    if (!key) {
      add(column.bagian, bagianCell, m.narasiUnknown(known));
      continue;
    }
    if (typeof isiCell === 'object' && isiCell !== null) {
      add(column.isi, isiCell, m[isiCell.issue]);
      continue;
    }
    // A section listed but left empty (the template lists them all) is simply not written.
    if (!text) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      add(column.bagian, bagianCell, m.narasiDuplicate(first));
      continue;
    }
    seen.set(key, row.number);
    if (text.length > MAX_NARASI_LENGTH) {
      add(column.isi, isiCell, m.narasiTooLong(limit));
      continue;
    }
    // Only text that says something counts: "-" under a required section is still missing.
    if (isMeaningful(text)) narasi[key] = normalizeParagraphs(text);
  }
  for (const key of REQUIRED_NARASI) {
    if (narasi[key] !== undefined) continue;
    const at = seen.get(key) ?? null;
    // A text refused above (too long) already has its problem.
    if (at !== null && problems.some((p) => p.row === at)) continue;
    problems.push({ row: at, column: column.isi, value: null, message: m.narasiRequired(label(key)) });
  }
  return { narasi, problems };
}

/** Line ends as one style, and no run of more than one blank line: paragraphs stay as written. */
function normalizeParagraphs(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n');
}

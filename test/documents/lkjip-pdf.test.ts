import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssembledReport, DispositionEntry } from '../../functions/core/performance-data.ts';
import { renderLkjipPdf } from '../../functions/documents/lkjip/index.ts';
import { rulesNote } from '../../functions/i18n/capaian-words.ts';
import { people } from '../fakes/deps.ts';
import { lkjipSample } from '../fakes/lkjip-sample.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

/**
 * The LKjIP of the Karawaci sample, read back page by page with pdftotext (poppler): every chapter in order, the
 * Daftar Isi's numbers on the pages where the headings are, the numbers of Bab III computed by hand, the method
 * note, both languages, the draft watermark. Three renders shared by all assertions.
 */

const dir = mkdtempSync(join(tmpdir(), 'lkjip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rendered {
  /** Each page as pdftotext lays it out (table rows on one line). */
  pages: string[];
  /** Each page with its words on single spaces: for sentences that wrap. */
  flat: string[];
  /** The text in drawing order (a wrapped table cell reads whole; the rotated watermark too), words on single spaces. */
  drawn: string;
}

function readPdf(name: string, pdf: Buffer): Rendered {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pages: string[] = [];
  for (let n = 1; n <= count; n++) {
    pages.push(
      execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }),
    );
  }
  return { pages, flat: pages.map((p) => p.replace(/\s+/g, ' ')), drawn: pdfTextOf(pdf).replace(/\s+/g, ' ') };
}

/** The first page (1-based) whose text holds `text`, from page `from` on; 0 when none. */
function pageOf(r: Rendered, text: string, from = 1): number {
  const i = r.flat.findIndex((p, idx) => idx + 1 >= from && p.includes(text));
  return i < 0 ? 0 : i + 1;
}

const person = people();
const approvals: DispositionEntry[] = [
  {
    no: 1,
    stepKey: 'verify',
    step: 'Verifikasi laporan',
    revision: 1,
    approved: true,
    role: 'SEKRETARIS_CAMAT',
    title: person.SEKRETARIS_CAMAT.title,
    name: person.SEKRETARIS_CAMAT.name,
    nip: person.SEKRETARIS_CAMAT.nip,
    decision: 'Disetujui',
    note: '',
    at: '2027-01-22T03:00:00Z',
    mark: 'paraf',
    document: { key: 'laporan/karawaci/2026/TAHUNAN/r1.pdf', versionId: 'v1' },
  },
  {
    no: 2,
    stepKey: 'ratify',
    step: 'Pengesahan laporan',
    revision: 1,
    approved: true,
    role: 'CAMAT',
    title: person.CAMAT.title,
    name: person.CAMAT.name,
    nip: person.CAMAT.nip,
    decision: 'Disetujui',
    note: '',
    at: '2027-01-25T04:00:00Z',
    mark: 'tanda tangan',
    document: { key: 'laporan/karawaci/2026/TAHUNAN/r1.pdf', versionId: 'v1' },
  },
];
const verification = { code: 'K7M2-9QXD-4TNB', url: 'https://lapkin.example.go.id/v/K7M2-9QXD-4TNB' };

let archived: Rendered;
let draft: Rendered;
let english: Rendered;
let sample: AssembledReport;

beforeAll(async () => {
  sample = lkjipSample();
  // The archived (ratified) copy: no watermark over the text, so table rows read back whole.
  archived = readPdf('archived', await renderLkjipPdf(sample, approvals, 'id', { verification }));
  // A draft of bare data (no Narasi, PK, quarters, officials or recorded rules): must still render every chapter.
  const bare: AssembledReport = { ...sample };
  for (const k of ['narasi', 'pk', 'quarterly', 'officials', 'rules'] as const) delete bare[k];
  draft = readPdf('draft', await renderLkjipPdf(bare, [], 'id'));
  // English, with the fourth quarter not (yet) documented.
  english = readPdf(
    'english',
    await renderLkjipPdf({ ...sample, quarterly: sample.quarterly?.slice(0, 3) }, [], 'en', { verification }),
  );
});

const CHAPTERS = [
  'KATA PENGANTAR',
  'DAFTAR ISI',
  'IKHTISAR EKSEKUTIF',
  'BAB I PENDAHULUAN',
  'BAB II PERENCANAAN KINERJA',
  'BAB III AKUNTABILITAS KINERJA',
  'BAB IV PENUTUP',
  'LAMPIRAN',
  'PARAF DAN PENGESAHAN',
];

describe('LKjIP PDF', () => {
  it('has every chapter, each on its own page, in order after the cover', () => {
    expect(archived.flat[0]).toContain('LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)');
    expect(archived.flat[0]).toContain('KECAMATAN KARAWACI');
    expect(archived.flat[0]).toContain('TAHUN 2026');
    // After the Daftar Isi (page 3), which names them all.
    const pages = CHAPTERS.map((c) =>
      c === 'KATA PENGANTAR' || c === 'DAFTAR ISI' ? pageOf(archived, c) : pageOf(archived, c, 4),
    );
    expect(pages.slice(0, 3)).toEqual([2, 3, 4]);
    for (let i = 1; i < pages.length; i++) expect(pages[i]).toBeGreaterThan(pages[i - 1] as number);
    // A chapter's title is the first text of its page (the last block shares its page with the Lampiran's end).
    for (const [i, c] of CHAPTERS.slice(0, -1).entries()) {
      const top = (archived.pages[(pages[i] as number) - 1] ?? '')
        .trim()
        .split('\n')
        .slice(0, 2)
        .join(' ')
        .replace(/\s+/g, ' ');
      expect(top).toContain(c.replace(/^(BAB [IV]+) /, '$1 '));
    }
  });

  it('prints in the Daftar Isi the pages the headings are on', () => {
    const toc = (archived.pages[2] ?? '')
      .split('\n')
      .map((line) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: m[1] as string, page: Number(m[2]) }));
    expect(toc.map((t) => t.title)).toEqual([
      'KATA PENGANTAR',
      'DAFTAR ISI',
      'IKHTISAR EKSEKUTIF',
      'BAB I PENDAHULUAN',
      'A. Latar Belakang',
      'B. Tugas dan Fungsi',
      'C. Struktur Organisasi',
      'D. Sumber Daya Manusia',
      'E. Isu Strategis',
      'BAB II PERENCANAAN KINERJA',
      'A. Rencana Strategis',
      'B. Perjanjian Kinerja',
      'BAB III AKUNTABILITAS KINERJA',
      'A. Capaian Kinerja Organisasi',
      'B. Realisasi Anggaran',
      'BAB IV PENUTUP',
      'LAMPIRAN',
      'Lampiran 1. Perjanjian Kinerja Tahun 2026',
      'Lampiran 2. Capaian Kinerja per Triwulan Tahun 2026',
      'PARAF DAN PENGESAHAN',
    ]);
    let previous = 0;
    for (const { title, page } of toc) {
      // The first page holding the heading (past the Daftar Isi itself), which is where the footer says it is.
      const found =
        title === 'KATA PENGANTAR' || title === 'DAFTAR ISI' ? pageOf(archived, title) : pageOf(archived, title, 4);
      expect({ title, page }).toEqual({ title, page: found });
      expect(archived.flat[page - 1]).toContain(`Halaman ${page} dari ${archived.pages.length}`);
      expect(page).toBeGreaterThanOrEqual(previous);
      previous = page;
    }
  });

  it('states capaian per sasaran as computed by hand, with the cap', () => {
    const bab3 = pageOf(archived, 'BAB III AKUNTABILITAS KINERJA', 4);
    const text = archived.flat.slice(bab3 - 1).join(' ');
    // Sasaran 1: IK-01 rata-rata (81,9 + 82,6 + 83,1 + 83,8) / 4 = 82,85 → 82,85 / 82 = 101,04 %;
    // IK-02 non-kumulatif, the last quarter 96,2 → 96,2 / 95 = 101,26 %;
    // IK-03 turun, rata-rata (5,4 + 4,8 + 4,4 + 4,2) / 4 = 4,7 → (2 × 5 − 4,7) / 5 = 106,00 %;
    // (101,04 + 101,26 + 106,00) / 3 = 308,30 / 3 = 102,77 % → Sangat Tinggi (above 90).
    expect(text).toContain('Capaian sasaran: 102,77 % (Sangat Tinggi)');
    // Sasaran 2: IK-04 70 / 90 = 77,78 %; IK-05 turun, target 0 and realisasi 0 → 100 % (target-0 rule);
    // IK-06 mean (81,25 + 87,5 + 93,75 + 100) / 4 = 90,625 → 90,63 %; (77,78 + 100 + 90,63) / 3 = 89,47 % → Tinggi.
    expect(text).toContain('Capaian sasaran: 89,47 % (Tinggi)');
    // Sasaran 3: IK-07 turun, kumulatif 12 + 9 + 11 + 10 = 42 → (80 − 42) / 40 = 95,00 %; IK-08 100 / 96 = 104,17 %;
    // IK-09 260 / 200 = 130,00 %, counted at the cap of 120 %: (95 + 104,17 + 120) / 3 = 106,39 %.
    expect(text).toContain('Capaian sasaran: 106,39 % (Sangat Tinggi)');
    expect(text).toMatch(/IK-09 .*?130,00 %/);
    // Overall: (101,04 + 101,26 + 106 + 77,78 + 100 + 90,63 + 95 + 104,17 + 120) / 9 = 895,88 / 9 = 99,54 %.
    expect(archived.flat[3]).toContain('99,54 %');
    expect(archived.flat[3]).toContain('paling tinggi 120 %');
    // The target-0 capaian is marked and explained.
    expect(text).toMatch(/IK-05 .*?100,00 % \*/);
    expect(text).toContain('* Target 0: capaian ditetapkan menurut ketentuan target 0');
  });

  it('compares the annual realisasi with the Renstra target of the year and at its end, and the national standard', () => {
    const bab3 = pageOf(archived, 'BAB III AKUNTABILITAS KINERJA', 4);
    const rows = archived.pages.slice(bab3 - 1).join('\n');
    // Columns: last year, realisasi, Renstra 2026, capaian vs it, end target, capaian vs it, standard, vs it.
    // IK-01 naik: 82,85 / 83 = 99,82 %; 82,85 / 86 = 96,34 %; standard 76,61: 82,85 / 76,61 = 108,15 %.
    expect(rows).toMatch(/IK-01\s+81,20\s+82,85\s+83\s+99,82 %\s+86\s+96,34 %\s+76,61\s+108,15 %/);
    // IK-03 turun, realisasi 4,7: (2 × 4,5 − 4,7) / 4,5 = 95,56 %; end target 3: (6 − 4,7) / 3 = 43,33 %.
    expect(rows).toMatch(/IK-03\s+5,60\s+4,70\s+4,50\s+95,56 %\s+3\s+43,33 %\s+—\s+—/);
    // IK-07 turun, kumulatif 42: (76 − 42) / 38 = 89,47 %; (60 − 42) / 30 = 60,00 %.
    expect(rows).toMatch(/IK-07\s+47\s+42\s+38\s+89,47 %\s+30\s+60,00 %/);
    // IK-09 naik, kumulatif 260: 260 / 180 = 144,44 %; 260 / 250 = 104,00 %.
    expect(rows).toMatch(/IK-09\s+174\s+260\s+180\s+144,44 %\s+250\s+104,00 %/);
    expect(archived.drawn).toContain('Capaian thd Renstra 2026');
    expect(archived.drawn).toContain('Capaian thd target akhir Renstra');
  });

  it('gives efficiency per sasaran and the budget per sasaran and program', () => {
    const text = archived.flat.join(' ');
    // Sasaran 2: serapan (140.000.000 + 57.300.000 + 112.400.000) / 330.000.000 = 93,85 %; 89,47 / 93,85 = 0,95.
    expect(text).toContain('capaian 89,47 % ÷ serapan 93,85 % = 0,95 (kurang efisien)');
    // Sasaran 1: (176.420.000 + 231.150.000 + 88.900.000) / 520.000.000 = 95,48 %; 102,77 / 95,48 = 1,08.
    expect(text).toContain('capaian 102,77 % ÷ serapan 95,48 % = 1,08 (efisien)');
    // Total: 1.460.845.500 / 1.535.000.000 = 95,17 %.
    expect(text).toMatch(/Jumlah 1\.535\.000\.000 1\.460\.845\.500 95,17 %/);
    expect(text).toContain('Realisasi anggaran per program');
    // IK-07 alone: 301.750.000 / 320.000.000 = 94,30 %.
    expect(archived.drawn).toMatch(
      /Program Koordinasi Ketentraman dan Ketertiban Umum 320\.000\.000 301\.750\.000 94,30 %/,
    );
  });

  it('prints the method note once, at the start of Bab III', () => {
    const bab3 = pageOf(archived, 'BAB III AKUNTABILITAS KINERJA', 4);
    for (const sentence of rulesNote(sample.rules as NonNullable<AssembledReport['rules']>, 'id')) {
      expect(archived.flat[bab3 - 1]).toContain(sentence);
      expect(archived.flat.filter((p) => p.includes(sentence))).toHaveLength(1);
    }
  });

  it('keeps the Narasi and its paragraphs, the head of the unit under the Kata Pengantar, and the Lampiran', () => {
    const kp = archived.flat[1] ?? '';
    expect(kp).toContain('Puji syukur kami panjatkan');
    expect(kp).toContain('CAMAT KARAWACI');
    expect(kp).toContain(`${person.CAMAT.name} NIP. ${person.CAMAT.nip}`);
    // The ratification's date dates the foreword of the archived copy.
    expect(kp).toContain('Karawaci, 25 Januari 2027');
    const lampiran = archived.pages.slice(pageOf(archived, 'Lampiran 2. Capaian Kinerja', 4) - 1).join('\n');
    // IK-07 TW2: kumulatif 12 + 9 = 21 against the Rencana Aksi 20 → (40 − 21) / 20 = 95,00.
    expect(lampiran).toMatch(/IK-07\s+.*?10\s+12\s+80,00\s+20\s+21\s+95,00/);
    const pk = archived.flat.slice(pageOf(archived, 'Lampiran 1. Perjanjian Kinerja', 4) - 1).join(' ');
    expect(pk).toMatch(/IK-08 .*?96 24 48 72 96 90 110/);
  });

  it('marks a draft on every page and the archived copy on none, with its code in the footers', () => {
    // Drawn once on each page, rotated: pdftotext breaks it up, the drawing order keeps it whole.
    expect(draft.drawn.split('DRAF — belum disahkan')).toHaveLength(draft.pages.length + 1);
    expect(archived.drawn).not.toMatch(/DRAFT?\b/);
    expect(english.drawn).not.toMatch(/DRAFT?\b/);
    for (const page of archived.flat.slice(1)) expect(page).toContain('Kode verifikasi K7M2-9QXD-4TNB');
    expect(archived.flat.at(-1)).toContain('Verifikasi keaslian dokumen');
  });

  it('renders bare data with every chapter, a dash for missing text, and the PK from the data', () => {
    const text = draft.flat.join(' ');
    for (const c of CHAPTERS.slice(2)) expect(pageOf(draft, c, 4)).toBeGreaterThan(3);
    expect(text).toContain('Perjanjian Kinerja belum tercatat di sistem');
    expect(text).toContain('Data triwulanan yang terdokumentasi tidak tersedia');
    const bab1 = draft.flat[pageOf(draft, 'BAB I PENDAHULUAN', 4) - 1] ?? '';
    expect(bab1).toMatch(/A\. Latar Belakang —/);
  });

  it('speaks English with lang en, a dash for an undocumented quarter', () => {
    const text = english.flat.join(' ');
    for (const w of ['FOREWORD', 'TABLE OF CONTENTS', 'EXECUTIVE SUMMARY', 'CHAPTER I INTRODUCTION', 'APPENDICES']) {
      expect(text).toContain(w);
    }
    expect(text).toContain('Achievement of the goal: 102.77 % (Very high)');
    expect(english.drawn).toContain('Achieved vs plan 2026');
    expect(text).toContain(rulesNote(sample.rules as NonNullable<AssembledReport['rules']>, 'en')[0]);
    expect(text).toContain('Page 3 of');
    // Q4 not documented: its three columns are dashes.
    const appendix = english.pages.slice(pageOf(english, 'Appendix 2.', 4) - 1).join('\n');
    expect(appendix).toMatch(/IK-01\s+.*?\s+—\s+—\s+—\s*$/m);
    expect(text).not.toMatch(/Kata Pengantar|Halaman \d/);
  });
});

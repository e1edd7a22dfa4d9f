import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../../functions/core/capaian-rules.ts';
import type { AssembledReport, DispositionEntry, IndicatorRow } from '../../functions/core/performance-data.ts';
import { computeIndicators } from '../../functions/documents/capaian.ts';
import { checkPerformanceData } from '../../functions/documents/check-data.ts';
import { dispositionLevels, renderDispositionPdf } from '../../functions/documents/disposition-pdf.ts';
import { bottomLimit, createDoc, drawTable, pdfText } from '../../functions/documents/pdf-layout.ts';
import { renderReportPdf } from '../../functions/documents/report-pdf.ts';
import { summarize } from '../../functions/documents/report-summary.ts';
import { parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { testConfig } from '../fakes/deps.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';
import { quarterlyReport } from '../fakes/quarterly-sample.ts';

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

const ORG = {
  name: 'Kecamatan Karawaci',
  parent: 'Pemerintah Kota Tangerang',
  unitCode: 'karawaci',
  address: 'Jl. Contoh Fiktif No. 1',
};

function report(rows: Partial<IndicatorRow>[], over: Partial<AssembledReport> = {}): AssembledReport {
  const indicators = computeIndicators(
    rows.map((r, i) => ({
      row: i + 2,
      tahun: 2026,
      periode: 'TW1',
      kode: `IK-${String(i + 1).padStart(2, '0')}`,
      sasaran: `Sasaran strategis ${Math.floor(i / 3) + 1}`,
      indikator: 'Persentase penyelesaian pelayanan administrasi kependudukan tepat waktu',
      satuan: '%',
      polaritas: 'naik',
      target: 100,
      realisasi: 95.5,
      tindakLanjut: 'Pendampingan operator kelurahan.',
      ...r,
    })),
  );
  return {
    organization: ORG,
    tahun: 2026,
    periode: 'TW1',
    revision: 2,
    generatedAt: '2026-04-08T02:15:00.000Z',
    source: { key: 'masuk/karawaci/2026/TW1/data.csv', versionId: 'v-2' },
    indicators,
    summary: summarize(indicators),
    // Every report assembled today records its rules (data from before renders as in 'data assembled before …').
    rules: DEFAULT_CAPAIAN_RULES,
    ...over,
  };
}

const SEKCAM: DispositionEntry = {
  no: 1,
  stepKey: 'verify',
  step: 'Verifikasi laporan',
  revision: 2,
  approved: true,
  role: 'SEKRETARIS_CAMAT',
  title: 'Sekretaris Camat',
  name: 'Dewi Lestari, S.STP., M.Si.',
  nip: '198003152005012002',
  decision: 'Disetujui',
  note: '',
  at: '2026-04-08T04:00:00Z',
  mark: 'paraf',
  document: { key: 'laporan/x.pdf', versionId: 'pdf-v2' },
};
const CAMAT: DispositionEntry = {
  ...SEKCAM,
  no: 2,
  stepKey: 'ratify',
  step: 'Pengesahan laporan',
  role: 'CAMAT',
  title: 'Camat',
  name: 'Drs. Arif Wicaksono, M.Si.',
  nip: '197501012000031001',
  at: '2026-04-09T03:30:00Z',
  mark: 'tanda tangan',
};

describe('renderReportPdf', () => {
  it('writes an A4 PDF with cover, summary, table, chart, budget, narrative and a blank approval block', async () => {
    const pdf = await renderReportPdf(
      report([
        { pagu: 120_000_000, realisasiAnggaran: 26_150_000 },
        { realisasi: 120, tindakLanjut: undefined },
      ]),
      [],
      'id',
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfTextOf(pdf);
    for (const expected of [
      'LAPORAN KINERJA',
      'KECAMATAN KARAWACI',
      'TRIWULAN I',
      'TAHUN 2026',
      'I. IKHTISAR KINERJA',
      'II. CAPAIAN INDIKATOR KINERJA',
      'III. GRAFIK CAPAIAN',
      'IV. REALISASI ANGGARAN',
      'V. ANALISIS INDIKATOR DI BAWAH TARGET',
      'Pendampingan operator kelurahan.',
      '95,50 %',
      '120,00 %',
      '107,75 %',
      'Sangat Tinggi',
      '120.000.000',
      'CAMAT KARAWACI',
      'NIP. ....',
      'Halaman 2 dari',
      // The method note's formula with the multiplication sign, percent as formatPercent writes it (a space before "%").
      'Metode perhitungan',
      'capaian = realisasi ÷ target × 100 %',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    expect(text).not.toMatch(/\d%/);
    expect(text).not.toMatch(/ x \d| x target|\bthd\b/);
    // The comparison with the Renstra, written out.
    const compared = pdfTextOf(
      await renderReportPdf(report([{ targetRenstra: 100, realisasiTahunLalu: 90 }]), [], 'id', { compress: false }),
    ).replace(/\s+/g, ' ');
    expect(compared).toContain('Target Renstra tahun 2026');
    expect(compared).not.toMatch(/\bthd\b/);
  });

  it('fills the approval block from the disposition entries', async () => {
    const pdf = await renderReportPdf(report([{}]), [SEKCAM, CAMAT], 'id', { compress: false });
    const text = pdfTextOf(pdf);
    expect(text).toContain('Dewi Lestari, S.STP., M.Si.');
    expect(text).toContain('NIP. 198003152005012002');
    expect(text).toContain('Drs. Arif Wicaksono, M.Si.');
    expect(text).toContain('NIP. 197501012000031001');
    expect(text).toContain('Karawaci, 9 April 2026');
    expect(text).not.toContain('NIP. ....');
  });

  it('leaves a block blank for an entry that sent the report back', async () => {
    const text = pdfTextOf(
      await renderReportPdf(
        report([{}]),
        [{ ...CAMAT, approved: false, decision: 'Dikembalikan untuk revisi' }],
        'id',
        {
          compress: false,
        },
      ),
    );
    expect(text).not.toContain('Drs. Arif Wicaksono');
  });

  it('is deterministic: identical input gives identical bytes', async () => {
    const r = report([{}, { polaritas: 'turun', target: 12, realisasi: 15 }]);
    const [a, b] = await Promise.all([renderReportPdf(r), renderReportPdf(r)]);
    expect(a.equals(b)).toBe(true);
    expect(pdfTextOf(a)).toContain('LAPORAN KINERJA');
  });

  it('breaks long tables across pages and repeats the header row', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({ realisasi: 40 + i }));
    const pdf = await renderReportPdf(report(rows), [], 'id', { compress: false });
    const text = pdfTextOf(pdf);
    expect(pageCount(pdf)).toBeGreaterThan(6);
    expect(text.split('\n').filter((l) => l === 'Sasaran Strategis').length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('IK-70');
  });

  it('prints what DejaVu covers, survives what it does not, and a target of 0', async () => {
    const r = report([
      { indikator: 'Cakupan ≥ 90% ✓ 中文', target: 0, realisasi: 2, keterangan: 'Target nol.' },
      { realisasi: 100_000 },
    ]);
    const text = pdfTextOf(await renderReportPdf(r, [], 'id', { compress: false }));
    expect(text).toContain('Cakupan ≥ 90% ✓ ?');
    expect(text).toContain('tidak dapat dihitung');
    expect(text).toContain('> 100.000,00 %');
  });

  it('renders in English', async () => {
    const text = pdfTextOf(await renderReportPdf(report([{}]), [], 'en', { compress: false }));
    expect(text).toContain('PERFORMANCE REPORT');
    expect(text).toContain('95.50 %');
    expect(text).toContain('Page 2 of');
  });

  it('carries the key numbers of the demo sample: every capaian, the average, the budget totals', async () => {
    const data = readFileSync(new URL('../../infra/local/sample/kinerja-tw1-perbaikan-2.csv', import.meta.url));
    const checked = await checkPerformanceData(data, 'sample.csv', { tahun: 2026, periode: 'TW1' }, testConfig());
    const text = pdfTextOf(
      await renderReportPdf(report([], { indicators: checked.indicators, summary: checked.summary }), [], 'id', {
        compress: false,
      }),
    );
    for (const capaian of ['101,77 %', '101,89 %', '116,00 %', '86,42 %', '87,50 %', '75,00 %', '107,00 %', '108,33 %'])
      expect(text).toContain(capaian);
    expect(text).toContain('97,99 %'); // average
    expect(text).toContain('1.595.000.000'); // total pagu
    expect(text).toContain('352.025.500'); // total realisasi anggaran
    expect(text).toContain('22,07 %'); // serapan
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Rata-rata capaian seluruh indikator adalah 97,99 % (capaian setiap indikator dihitung paling tinggi 120 %); 3 indikator',
    );
  });

  it('names the TIMSAKIP lead as compiler, marked system-prepared, when the data says who prepared it', async () => {
    const prepared = report([{}], {
      preparedBy: {
        role: 'TIMSAKIP',
        title: 'Ketua TIMSAKIP',
        name: 'Rina Marlina, S.E.',
        nip: '198511102010012004',
        at: '2026-04-08T02:15:00.000Z',
        uploaderEmail: 'staf@example.go.id',
      },
    });
    const text = pdfTextOf(await renderReportPdf(prepared, [], 'id', { compress: false }));
    expect(text).toContain('Rina Marlina, S.E.');
    expect(text).toContain('NIP. 198511102010012004');
    expect(text).toContain('disusun sistem *');
    expect(text.replace(/\s+/g, ' ')).toContain(
      '* Laporan ini disusun otomatis oleh lapkin atas nama Ketua TIMSAKIP pada 8 April 2026 pukul 09.15 WIB dari data kinerja yang diunggah oleh staf@example.go.id',
    );
    // The source's storage key and versionId belong in the disposition sheet's verification record, not here.
    for (const internal of ['masuk/karawaci/2026/TW1/data.csv', 'versionId', 'v-2'])
      expect(text).not.toContain(internal);
    // Without it (data assembled before this was recorded) the row stays blank, as before.
    expect(pdfTextOf(await renderReportPdf(report([{}]), [], 'id', { compress: false }))).not.toContain(
      'disusun sistem',
    );
  });

  it('flags spending above the pagu in the budget table', async () => {
    const text = pdfTextOf(
      await renderReportPdf(
        report([
          { pagu: 100_000_000, realisasiAnggaran: 112_500_000 },
          { pagu: 100_000_000, realisasiAnggaran: 20_000_000 },
        ]),
        [],
        'id',
        { compress: false },
      ),
    );
    expect(text).toContain('(!) 112,50 %');
    expect(text.replace(/\s+/g, ' ')).toContain('(!) Realisasi anggaran melebihi pagu pada IK-01.');
  });

  it('draws the configured scale in the distribution table and the chart legend', async () => {
    const ratingScale = { bands: [{ above: 99.99, kategori: 'Tercapai' }], otherwise: 'Belum tercapai' };
    const indicators = computeIndicators(
      [
        {
          row: 2,
          tahun: 2026,
          periode: 'TW1',
          kode: 'A',
          sasaran: 'S',
          indikator: 'I',
          satuan: '%',
          polaritas: 'naik',
          target: 100,
          realisasi: 100,
        },
        {
          row: 3,
          tahun: 2026,
          periode: 'TW1',
          kode: 'B',
          sasaran: 'S',
          indikator: 'I',
          satuan: '%',
          polaritas: 'naik',
          target: 100,
          realisasi: 80,
          tindakLanjut: 'x',
        },
      ],
      ratingScale,
    );
    const text = pdfTextOf(
      await renderReportPdf(
        report([], { indicators, summary: summarize(indicators, ratingScale), ratingScale }),
        [],
        'id',
        { compress: false },
      ),
    );
    expect(text).toContain('Tercapai');
    expect(text).toContain('Belum tercapai');
    expect(text).not.toContain('Sangat Rendah');
  });

  it('renders the demo sample', async () => {
    const data = readFileSync(new URL('../../infra/local/sample/kinerja-tw1-perbaikan-2.csv', import.meta.url));
    const parsed = await parsePerformanceData(data, 'kinerja-tw1-perbaikan-2.csv', { tahun: 2026, periode: 'TW1' });
    if (!parsed.ok) throw new Error('sample must be valid');
    const indicators = computeIndicators(parsed.rows);
    const pdf = await renderReportPdf(report([], { indicators, summary: summarize(indicators) }));
    const text = pdfTextOf(pdf);
    expect(text).toContain('Jumlah kasus gangguan ketertiban umum');
    expect(text).toContain('75,00 %');
  });
});

describe('renderReportPdf for a dinas', () => {
  const DINAS = {
    name: 'Dinas Arsip dan Perpustakaan',
    parent: 'Pemerintah Kota Tangerang',
    unitCode: 'dinas-arsip',
    address: 'Jl. Contoh Fiktif No. 3',
  };
  const titles = {
    CAMAT: 'Kepala Dinas',
    SEKRETARIS_CAMAT: 'Sekretaris Dinas',
    KASI: 'Kepala Bidang',
    TIMSAKIP: 'Ketua TIMSAKIP',
    STAF: 'Staf Pelaksana',
  };
  const dinas = (over: Partial<AssembledReport> = {}) =>
    report([{}], { organization: DINAS, kind: 'OPD', roleTitles: titles, ...over });
  const SEKDIS = { ...SEKCAM, title: 'Sekretaris Dinas', name: 'Ratna Sari, S.Sos., M.AP.' };
  const KADIS = { ...CAMAT, title: 'Kepala Dinas', name: 'Dr. Bayu Santoso, M.Si.' };
  const CAMAT_WORD = /\bCamat\b|\bCAMAT\b/;

  it('is signed by the KEPALA DINAS ARSIP DAN PERPUSTAKAAN in the city, initialled by the Sekretaris Dinas', async () => {
    const prepared = {
      role: 'TIMSAKIP',
      title: 'Ketua TIMSAKIP',
      name: 'Wulan Permata, S.E., M.Ak.',
      nip: '198806062012122006',
      at: '2026-04-08T02:15:00.000Z',
    };
    const blank = pdfTextOf(await renderReportPdf(dinas({ preparedBy: prepared }), [], 'id', { compress: false }));
    const signed = pdfTextOf(await renderReportPdf(dinas(), [SEKDIS, KADIS], 'id', { compress: false }));
    for (const text of [blank, signed].map((t) => t.replace(/\s+/g, ' '))) {
      expect(text).toContain('KEPALA DINAS ARSIP DAN PERPUSTAKAAN');
      expect(text).toContain('Sekretaris Dinas (verifikasi)');
      expect(text).not.toMatch(CAMAT_WORD);
    }
    expect(blank.replace(/\s+/g, ' ')).toContain('paraf Sekretaris Dinas dan tanda tangan Kepala Dinas');
    expect(blank).toContain('Tangerang, ....');
    expect(signed).toContain('Tangerang, 9 April 2026');
    expect(signed).toContain('Dr. Bayu Santoso, M.Si.');
  });

  it('in English', async () => {
    const text = pdfTextOf(await renderReportPdf(dinas(), [], 'en', { compress: false })).replace(/\s+/g, ' ');
    expect(text).toContain('HEAD OF DINAS ARSIP DAN PERPUSTAKAAN');
    expect(text).toContain('Sekretaris Dinas (verification)');
    expect(text).not.toMatch(CAMAT_WORD);
  });

  it('data assembled before units had titles renders with the kecamatan’s', async () => {
    const old = report([{}]);
    expect(old.roleTitles).toBeUndefined();
    const text = pdfTextOf(await renderReportPdf(old, [], 'id', { compress: false }));
    expect(text).toContain('CAMAT KARAWACI');
    expect(text).toContain('Sekretaris Camat (verifikasi)');
    expect(text).toContain('Karawaci, ....');
  });
});

describe('drawTable', () => {
  async function table(reserveAfter: number | undefined) {
    const { doc, done } = createDoc(
      { title: 't', subject: 's', author: 'a', createdAt: '2026-01-01T00:00:00Z' },
      {
        compress: false,
      },
    );
    // Room for the header and two rows (about 16 pt each at 8 pt), not for 200 pt of notes below them.
    doc.y = bottomLimit(doc) - 60;
    drawTable(doc, [{ header: 'Kolom', width: 200 }], [{ cells: ['baris satu'] }, { cells: ['baris dua'] }], {
      ...(reserveAfter === undefined ? {} : { reserveAfter }),
    });
    doc.end();
    return pdfTextOf(await done).split('\n');
  }

  it('keeps the last row with the notes below the table: it starts the next page, under the repeated header', async () => {
    const kept = await table(200);
    expect(kept.filter((l) => l === 'Kolom')).toHaveLength(2);
    expect(kept.indexOf('baris dua')).toBeGreaterThan(kept.lastIndexOf('Kolom'));
    // Without notes the table stays on its page.
    expect((await table(undefined)).filter((l) => l === 'Kolom')).toHaveLength(1);
  });
});

describe('pdfText', () => {
  it('keeps what the embedded DejaVu faces can print and replaces the rest', () => {
    expect(pdfText('Capaian – “baik” … €5 é ≥ ≤ ✓')).toBe('Capaian – “baik” … €5 é ≥ ≤ ✓');
    expect(pdfText('a\r\nb\tc ≤ d 中')).toBe('a\nb c ≤ d ?');
    expect(pdfText('e\u0301')).toBe('é');
  });
});

describe('renderDispositionPdf', () => {
  const ARCHIVED_KEY = 'arsip/karawaci/2026/TW1/rev-2/laporan-kinerja-karawaci-2026-TW1-disahkan.pdf';
  const ARCHIVED_VERSION = 'k1X9.aB3cD4eF5gH6iJ7kL8mN9oP0qR1s';
  const input = {
    organization: ORG,
    reportId: 'karawaci-2026-TW1',
    tahun: 2026,
    periode: 'TW1' as const,
    revision: 2,
    agendaNumber: 'KARAWACI/2026/TW1/R2',
    receivedAt: '2026-04-08T02:15:00Z',
    origin: 'Kasubag Perencanaan dan Keuangan',
    documentation: 'Kasubag Perencanaan dan Keuangan',
    entries: [
      {
        ...SEKCAM,
        revision: 1,
        approved: false,
        decision: 'Dikembalikan untuk revisi',
        note: 'Lengkapi tindak lanjut IK-04.',
        at: '2026-04-06T03:10:00Z',
        document: { key: 'laporan/karawaci/2026/TW1/laporan.pdf', versionId: 'pdf-v1', sha256: 'ab'.repeat(32) },
      },
      { ...SEKCAM, no: 2 },
      { ...CAMAT, no: 3, note: 'Pertahankan capaian IK-02 pada triwulan berikutnya.' },
    ],
    documents: [
      {
        label: 'Laporan Kinerja (PDF, disahkan)',
        key: ARCHIVED_KEY,
        versionId: ARCHIVED_VERSION,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    ],
    archivedAt: '2026-04-09T03:31:10Z',
  };
  /** The sheet's text, line breaks of wrapped cells flattened, split where the verification record begins. */
  async function sheet(i: typeof input, lang: 'id' | 'en' = 'id') {
    const text = pdfTextOf(await renderDispositionPdf(i, lang, { compress: false })).replace(/\s+/g, ' ');
    const at = text.indexOf(lang === 'id' ? 'REKAMAN VERIFIKASI' : 'VERIFICATION RECORD');
    expect(at).toBeGreaterThan(0);
    return { text, form: text.slice(0, at), record: text.slice(at) };
  }

  it('is the form an office uses: nomor agenda, dates, sifat, perihal, diteruskan kepada, isi disposisi', async () => {
    const { form } = await sheet(input);
    for (const expected of [
      'LEMBAR DISPOSISI',
      'Nomor agenda : KARAWACI/2026/TW1/R2',
      'Tanggal terima : 8 April 2026 pukul 09.15 WIB',
      // The date of the last level's decision: the Camat's signature.
      'Tanggal disposisi : 9 April 2026 pukul 10.30 WIB',
      'Sifat : Biasa',
      'Perihal : Laporan Kinerja Triwulan I Tahun 2026 — Kecamatan Karawaci',
      'Diteruskan kepada:',
      'Sekretaris Camat — Verifikasi laporan',
      'Camat — Pengesahan laporan',
      'Kasubag Perencanaan dan Keuangan — untuk didokumentasikan',
      'ISI DISPOSISI / ARAHAN',
      'Disetujui (paraf). Diteruskan kepada Camat.',
      'Tanpa arahan tambahan.',
      'Disahkan (tanda tangan). Diteruskan kepada Kasubag Perencanaan dan Keuangan untuk didokumentasikan.',
      // The arahan of an approval, not only the note of a send-back.
      'Arahan: “Pertahankan capaian IK-02 pada triwulan berikutnya.”',
    ]) {
      expect(form).toContain(expected);
    }
  });

  it('has a paraf row per level that acted, from the decisions; "—" where a level did not act on the revision', async () => {
    const { form } = await sheet(input);
    expect(form).toContain('PARAF DAN TANDA TANGAN');
    expect(form).toContain('Verifikasi laporan Sekretaris Camat Dewi Lestari, S.STP., M.Si. NIP 198003152005012002');
    expect(form).toContain('Pengesahan laporan Camat Drs. Arif Wicaksono, M.Si. NIP 197501012000031001');
    expect(form).toContain('Paraf elektronik');
    expect(form).toContain('Tanda tangan elektronik');
    // No paraf step in this unit: no team lead's row.
    expect(form).not.toContain('Ketua Tim');

    // With the team lead's paraf (a step the trail names) — it acted on revision 1 only: listed first, with "—".
    const lead: DispositionEntry = {
      ...SEKCAM,
      stepKey: 'paraf',
      step: 'Paraf Ketua Tim',
      role: 'TIMSAKIP',
      title: 'Ketua Tim Kerja Sekretariat',
      name: 'Budi Santoso, S.E.',
      nip: '198505052010011005',
      revision: 1,
      at: '2026-04-05T03:00:00Z',
    };
    const withLead = await sheet({ ...input, entries: [lead, ...input.entries] });
    expect(withLead.form).toContain('Ketua Tim Kerja Sekretariat — Paraf Ketua Tim');
    expect(withLead.form).toContain('Paraf Ketua Tim Ketua Tim Kerja Sekretariat — — —');
    expect(withLead.form).toContain('Tidak memberikan disposisi pada revisi ini.');
    // And acting on the archived revision, with the title as recorded (a Plh signs as such).
    const acting = await sheet({
      ...input,
      entries: [
        { ...lead, revision: 2, note: 'Sudah sesuai format.' },
        ...input.entries.map((e) => (e.stepKey === 'ratify' ? { ...e, title: 'Plh. Camat Karawaci' } : e)),
      ],
    });
    expect(acting.form).toContain(
      'Paraf Ketua Tim Ketua Tim Kerja Sekretariat Budi Santoso, S.E. NIP 198505052010011005',
    );
    expect(acting.form).toContain(
      'Disetujui (paraf). Diteruskan kepada Sekretaris Camat. Arahan: “Sudah sesuai format.”',
    );
    expect(acting.form).toContain('Pengesahan laporan Plh. Camat Karawaci Drs. Arif Wicaksono, M.Si.');
  });

  it('keeps the decision history with every note, and no storage key or versionId outside the verification record', async () => {
    const { form, record } = await sheet(input);
    expect(form).toContain('RIWAYAT KEPUTUSAN');
    expect(form).toContain('Dikembalikan untuk revisi Lengkapi tindak lanjut IK-04.');
    expect(form).toContain('6 April 2026 pukul 10.10 WIB');
    for (const internal of [ARCHIVED_KEY, ARCHIVED_VERSION, 'versionId', 'pdf-v1', 'pdf-v2', 'laporan/', 'arsip/']) {
      expect(form).not.toContain(internal);
    }
    // A long key wraps in its cell (at a hyphen): compared without the line breaks.
    expect(record.replace(/\s/g, '')).toContain(ARCHIVED_KEY);
    for (const expected of [
      `versionId: ${ARCHIVED_VERSION}`,
      'e3b0c442 98fc1c14 9afbf4c8 996fb924',
      '27ae41e4 649b934c a495991b 7852b855',
      'B. DOKUMEN YANG DIPUTUSKAN',
      'Verifikasi laporan, revisi 1: dikembalikan untuk revisi',
      'pdf-v1',
      'abababab',
      'C. PERNYATAAN',
    ]) {
      expect(record).toContain(expected);
    }
  });

  it('reads the same in English', async () => {
    const { form, record } = await sheet(input, 'en');
    expect(form).toContain('DISPOSITION SHEET');
    expect(form).toContain('Subject : Performance Report Quarter 1 2026 — Kecamatan Karawaci');
    expect(form).toContain('Directions: “Pertahankan capaian IK-02 pada triwulan berikutnya.”');
    expect(form).not.toContain(ARCHIVED_VERSION);
    expect(record).toContain(ARCHIVED_VERSION);
  });

  it('says so when no decision is recorded, and is deterministic', async () => {
    const empty = { ...input, entries: [] };
    const [a, b] = await Promise.all([renderDispositionPdf(empty), renderDispositionPdf(empty)]);
    expect(a.equals(b)).toBe(true);
    expect(pdfTextOf(a)).toContain('Belum ada keputusan yang tercatat.');
  });
});

describe('dispositionLevels', () => {
  it('takes the levels from the decisions, in the SOP order, each with its approval of the archived revision', () => {
    const lead = { ...SEKCAM, stepKey: 'paraf', step: 'Paraf', title: 'Ketua Tim', revision: 3 };
    const levels = dispositionLevels(
      [
        { ...CAMAT, revision: 2, approved: false },
        { ...SEKCAM, revision: 3 },
        lead,
        { ...CAMAT, revision: 3, title: 'Plh. Camat Karawaci' },
      ],
      3,
    );
    expect(levels.map((v) => [v.stepKey, v.title, v.entry?.revision])).toEqual([
      ['paraf', 'Ketua Tim', 3],
      ['verify', 'Sekretaris Camat', 3],
      ['ratify', 'Plh. Camat Karawaci', 3],
    ]);
    // A send-back is no approval: that level did not act on revision 2.
    expect(dispositionLevels([{ ...CAMAT, revision: 2, approved: false }], 2)[0]?.entry).toBeUndefined();
  });
});

describe('the quarterly report against the Renstra', () => {
  it('computes no capaian against a Renstra target: 15 cases in TW1 against an end target of 8 is not 12,50 %', async () => {
    // The example: a turun indicator, 15 cases in TW1, Renstra target 8. The old table applied the turun
    // formula to one quarter against the Renstra target: (2 × 8 − 15) ÷ 8 × 100 = 12,50 %, which means nothing.
    const r = report([
      {
        kode: 'IK-09',
        indikator: 'Jumlah kasus gangguan ketertiban umum',
        satuan: 'kasus',
        polaritas: 'turun',
        sifat: 'kumulatif',
        target: 20,
        realisasi: 15,
        targetRenstra: 8,
        targetRenstraAkhir: 5,
        realisasiTahunLalu: 64,
      },
    ]);
    const text = pdfTextOf(await renderReportPdf(r, [], 'id', { compress: false })).replace(/\s+/g, ' ');
    expect(text).not.toContain('12,50 %');
    expect(text).not.toContain('Capaian terhadap Renstra');
    expect(text).not.toContain('Capaian terhadap Target Renstra');
    // The figures side by side: last year 64, realisasi s.d. TW I 15, Renstra target of 2026 8, end target 5.
    expect(text).toContain(
      'Kode Indikator Kinerja Satuan Realisasi Tahun Lalu Realisasi s.d. TW I Target Renstra tahun 2026 Target akhir Renstra',
    );
    expect(text).toContain('IK-09 Jumlah kasus gangguan ketertiban umum');
    expect(text).toContain('kasus 64 15 8 5');
    expect(text).toContain('Capaian terhadap target Renstra dihitung pada laporan tahunan (LKjIP)');
  });

  it('reads the same in English', async () => {
    const r = report([{ polaritas: 'turun', target: 20, realisasi: 15, targetRenstra: 8 }]);
    const text = pdfTextOf(await renderReportPdf(r, [], 'en', { compress: false })).replace(/\s+/g, ' ');
    expect(text).not.toContain('12.50 %');
    expect(text).toContain('Actual to Q1 Strategic plan target 2026');
    expect(text).toContain('computed in the annual report (LKjIP)');
  });
});

describe('the Renstra comparison of other periods', () => {
  const textOf = async (r: AssembledReport) =>
    pdfTextOf(await renderReportPdf(r, [], 'id', { compress: false })).replace(/\s+/g, ' ');

  it('labels a TW II figure without sifat (full-row format) as the quarter’s own, not to date', async () => {
    const text = await textOf(report([{ periode: 'TW2', targetRenstra: 100 }], { periode: 'TW2' }));
    expect(text).toContain('Realisasi Tahun Lalu Realisasi TW II Target Renstra tahun 2026');
    expect(text).not.toContain('s.d. TW II');
  });

  it('computes an annual report’s capaian against the Renstra target of its year, by the report’s rules', async () => {
    // Naik: 95,5 ÷ 100 = 95,50 %. Turun, (2T-R)/T: (2 × 8 − 10) ÷ 8 = 75,00 %.
    const text = await textOf(
      report(
        [
          { periode: 'TAHUNAN', targetRenstra: 100 },
          { periode: 'TAHUNAN', polaritas: 'turun', target: 10, realisasi: 10, targetRenstra: 8 },
        ],
        { periode: 'TAHUNAN' },
      ),
    );
    expect(text).toContain('Realisasi tahun 2026 Target Renstra tahun 2026 Capaian terhadap Target Renstra tahun 2026');
    expect(text).toContain('95,50 100 95,50 %');
    expect(text).toContain('10 8 75,00 %');
    expect(text).not.toContain('dihitung pada laporan tahunan');
  });
});

describe('the quarterly report explains its numbers', () => {
  // The sample (test/fakes/quarterly-sample.ts), TW II, figures to date by sifat, capaian by computeIndicators:
  //   IK-01 naik kumulatif      1 200 + 1 350 = 2 550 / 2 400        = 106,25 %
  //   IK-02 naik rata-rata      (82 + 84) ÷ 2 = 83 / 82               = 101,22 %
  //   IK-03 turun kumulatif     TW I missing: 9; (2 × 10 − 9) ÷ 10    = 110,00 %   (T/R: 10 ÷ 9 = 111,11 %)
  //   IK-04 turun non-kumulatif target 0, last value 0                = 100,00 %   (target-0 rule)
  //   IK-05 naik non-kumulatif  last value 55 / 60                    =  91,67 %
  //   IK-06 naik kumulatif      3 + 1 = 4 / 10                        =  40,00 %
  //   IK-07 naik kumulatif      10 + 30 = 40 / 10                     = 400,00 %   (counts 120 in averages)
  // Per sasaran (capped mean): S1 (106,25 + 101,22) ÷ 2 = 103,735 → 103,74 %; S2 (110 + 100 + 91,67) ÷ 3 =
  // 100,5567 → 100,56 %; S3 (40 + 120) ÷ 2 = 80,00 %. Overall (106,25 + 101,22 + 110 + 100 + 91,67 + 40 + 120)
  // ÷ 7 = 669,14 ÷ 7 = 95,5914 → 95,59 % (uncapped it would be 949,14 ÷ 7 = 135,59 %).
  // Serapan: S1 (55 + 12) ÷ (120 + 40) = 41,875 → 41,88 %; S2 30 ÷ 90 = 33,33 %; S3 110 ÷ 200 = 55,00 %; all
  // 207 ÷ 450 = 46,00 %. Efisiensi: 103,74 ÷ 41,88 = 2,477 → 2,48; 100,56 ÷ 33,33 = 3,017 → 3,02;
  // 80 ÷ 55 = 1,4545 → 1,45; 95,59 ÷ 46 = 2,078 → 2,08.
  const textOf = async (r: AssembledReport, lang: 'id' | 'en' = 'id') =>
    pdfTextOf(await renderReportPdf(r, [], lang, { compress: false })).replace(/\s+/g, ' ');

  it('shows polaritas and sifat, the quarter beside the figure to date, and marks what a rule or a gap gave', async () => {
    const text = await textOf(quarterlyReport());
    expect(text).toContain(
      'Kode Sasaran Strategis Indikator Kinerja Satuan Pol. / Sifat Target s.d. TW II Realisasi TW II Realisasi s.d. TW II Capaian Kategori',
    );
    expect(text).toContain('Jumlah dokumen kependudukan yang diterbitkan dokumen Naik Kum. 2.400 1.350 2.550 106,25 %');
    expect(text).toContain('indeks Naik Rerata 82 84 83 101,22 %');
    // IK-03 lacks TW I: its figure to date carries the mark of the note naming the quarter.
    expect(text).toContain('kasus Turun Kum. 10 9 9² 110,00 %');
    // IK-04: target 0, realisasi 0, turun: 100 % by the target-0 rule, marked.
    expect(text).toContain('lokasi Turun Non-kum. 0 0 0 100,00 %¹');
    expect(text).toContain('% Naik Non-kum. 60 55 55 91,67 %');
    expect(text).toContain('400,00 %');
    expect(text).toContain(
      'Pol. = polaritas: Naik (semakin tinggi semakin baik); Turun (semakin rendah semakin baik). Sifat: Kum. = Kumulatif; Non-kum. = Non-kumulatif (posisi akhir); Rerata = Rata-rata.',
    );
    expect(text).toContain('¹ Target 0 pada indikator turun: tercapai (100 %) bila realisasinya 0');
    expect(text).toContain('² Realisasi s.d. triwulan tanpa data TW I, yang belum terdokumentasi: IK-03.');
  });

  it('prints capaian per sasaran, capped, with serapan, and says the average is capped; a quarter before TW4 rates no efisiensi', async () => {
    const text = await textOf(quarterlyReport());
    expect(text).toContain('Capaian per Sasaran Strategis');
    expect(text).toContain(
      'Sasaran Strategis Jumlah Indikator Capaian Kategori Pagu (Rp) Realisasi Anggaran (Rp) Serapan Anggaran Efisiensi',
    );
    expect(text).toContain(
      'Meningkatnya kualitas pelayanan publik kecamatan 2 103,74 % Sangat Tinggi 160.000.000 67.000.000 41,88 % -',
    );
    expect(text).toContain(
      'Terwujudnya ketenteraman dan ketertiban umum 3 100,56 % Sangat Tinggi 90.000.000 30.000.000 33,33 % -',
    );
    expect(text).toContain(
      'Meningkatnya pemberdayaan masyarakat kelurahan 2 80,00 % Tinggi 200.000.000 110.000.000 55,00 % -',
    );
    expect(text).toContain('Seluruh sasaran 7 95,59 % Sangat Tinggi 450.000.000 207.000.000 46,00 % -');
    expect(text).toContain('dengan capaian setiap indikator dibatasi paling tinggi 120 %');
    expect(text).toContain(
      'Rata-rata capaian seluruh indikator adalah 95,59 % (capaian setiap indikator dihitung paling tinggi 120 %)',
    );
    expect(text).toContain('95,59 % Rata-rata capaian (dibatasi 120 %)');
    // TW2: its capaian is against the target to date, its serapan against the year's pagu: not comparable.
    expect(text).toContain('Efisiensi dinilai pada TW IV dan laporan tahunan');
    // The uncapped mean is printed nowhere.
    expect(text).not.toContain('135,59');
  });

  it('rates efisiensi at TW4, when capaian and serapan both cover the year', async () => {
    const text = await textOf({ ...quarterlyReport(), periode: 'TW4' });
    // 103,74 ÷ 41,88 = 2,477… → 2,48; overall 95,59 ÷ 46,00 = 2,078… → 2,08.
    expect(text).toContain(
      'Meningkatnya kualitas pelayanan publik kecamatan 2 103,74 % Sangat Tinggi 160.000.000 67.000.000 41,88 % 2,48 efisien',
    );
    expect(text).toContain('Seluruh sasaran 7 95,59 % Sangat Tinggi 450.000.000 207.000.000 46,00 % 2,08 efisien');
  });

  it('marks a sasaran below 1 as kurang efisien', async () => {
    // One sasaran: capaian 40 % (4 of 10), serapan 80 % (80 of 100 million): 40 ÷ 80 = 0,50 → kurang efisien.
    const r = report([{ target: 10, realisasi: 4, pagu: 100_000_000, realisasiAnggaran: 80_000_000 }], {
      periode: 'TW4',
    });
    expect(await textOf(r)).toContain('1 40,00 % Sangat Rendah 100.000.000 80.000.000 80,00 % 0,50 kurang efisien');
  });

  it('prints the method note of the rules it was computed by: (2T-R)/T or T/R, the target-0 rule, the cap', async () => {
    const guide = await textOf(quarterlyReport());
    expect(guide).toContain('Metode perhitungan');
    expect(guide).toContain('1. Indikator naik: capaian = realisasi ÷ target × 100 %.');
    expect(guide).toContain(
      '2. Indikator turun: capaian = (2 × target − realisasi) ÷ target × 100 %, paling rendah 0 %.',
    );
    expect(guide).toContain('3. Target 0: indikator turun tercapai (100 %) bila realisasinya 0');
    expect(guide).toContain(
      '4. Rata-rata capaian per sasaran dan keseluruhan menghitung capaian setiap indikator paling tinggi 120 %.',
    );
    expect(guide).toContain('5. Indikator kumulatif dijumlahkan antartriwulan');
    expect(guide.split('Metode perhitungan').length).toBe(2); // printed once

    // T/R with a cap of 100 %: IK-03 10 ÷ 9 = 111,11 %, and every average counts each indicator at most 100:
    // (100 + 100 + 100 + 100 + 91,67 + 40 + 100) ÷ 7 = 631,67 ÷ 7 = 90,2386 → 90,24 %;
    // S1 (100 + 100) ÷ 2 = 100,00 %; S2 (100 + 100 + 91,67) ÷ 3 = 97,2233 → 97,22 %; S3 (40 + 100) ÷ 2 = 70,00 %.
    const rules: CapaianRules = { turunFormula: 'T/R', targetZero: 'TURUN_NOL_TERCAPAI', cap: 100 };
    const tr = await textOf(quarterlyReport(rules));
    expect(tr).toContain('2. Indikator turun: capaian = target ÷ realisasi × 100 % (realisasi 0 dihitung 100 %).');
    expect(tr).toContain('menghitung capaian setiap indikator paling tinggi 100 %.');
    expect(tr).toContain('kasus Turun Kum. 10 9 9² 111,11 %');
    expect(tr).toContain(
      'Rata-rata capaian seluruh indikator adalah 90,24 % (capaian setiap indikator dihitung paling tinggi 100 %)',
    );
    expect(tr).toContain('Meningkatnya kualitas pelayanan publik kecamatan 2 100,00 %');
    expect(tr).toContain('Terwujudnya ketenteraman dan ketertiban umum 3 97,22 %');
    expect(tr).toContain('Meningkatnya pemberdayaan masyarakat kelurahan 2 70,00 % Sedang');
    expect(tr).toContain('Seluruh sasaran 7 90,24 %');
  });

  it('marks a capaian the T/R rule gave for a realisasi of 0', async () => {
    const rules: CapaianRules = { turunFormula: 'T/R', targetZero: 'TURUN_NOL_TERCAPAI', cap: 120 };
    const indicators = computeIndicators(
      [
        {
          row: 2,
          tahun: 2026,
          periode: 'TW1',
          kode: 'IK-01',
          sasaran: 'S',
          indikator: 'Jumlah aduan yang tidak tertangani',
          satuan: 'aduan',
          polaritas: 'turun',
          target: 5,
          realisasi: 0,
        },
      ],
      undefined,
      rules,
    );
    const text = await textOf(report([], { indicators, summary: summarize(indicators, undefined, rules), rules }));
    // Target 5, realisasi 0 under T/R: 5 ÷ 0 cannot divide; the rule counts it as the cap, 120 %.
    expect(text).toContain('aduan Turun 5 0 120,00 %¹');
    expect(text).toContain(
      '¹ Realisasi 0 pada indikator turun dengan rumus target ÷ realisasi: capaian dihitung 120,00 %',
    );
  });

  it('names at most 30 codes in a note, and how many more', async () => {
    const rows = Array.from({ length: 35 }, () => ({
      periode: 'TW2' as const,
      sifat: 'kumulatif' as const,
      quartersToDate: ['TW2'],
      quartersMissing: ['TW1'],
    }));
    const text = await textOf(report(rows, { periode: 'TW2' }));
    expect(text).toContain('tanpa data TW I, yang belum terdokumentasi: IK-01, IK-02,');
    expect(text).toContain('IK-29, IK-30 dan 5 indikator lainnya.');
    expect(text).not.toContain('IK-30, IK-31');
  });

  it('reads the same in English', async () => {
    const text = await textOf(quarterlyReport(), 'en');
    expect(text).toContain('Pol. / Type Target to Q2 Actual Q2 Actual to Q2 Achieved Rating');
    expect(text).toContain('Up Cum. 2,400 1,350 2,550 106.25 %');
    expect(text).toContain('Pol. = polarity: Up (higher is better); Down (lower is better). Type: Cum. = Cumulative;');
    expect(text).toContain('Method of calculation');
    expect(text).toContain('Achievement per Strategic Goal');
    expect(text).toContain('All goals 7 95.59 % Very high 450,000,000 207,000,000 46.00 % -');
    expect(text).toContain('Efficiency is rated at Q4 and in the annual report');
    expect(text).toContain('The average achievement is 95.59 % (each indicator counted at most 120 %)');
  });

  it('data assembled before the rules were recorded says it averaged uncapped values, and has no per-sasaran table', async () => {
    const old = report([{ realisasi: 150 }, { realisasi: 50 }]);
    const legacy = { ...old, rules: undefined, summary: { ...old.summary, sasaran: undefined, averageCapaian: 100 } };
    const text = await textOf(legacy);
    expect(text).toContain('3. Target 0: capaian tidak dihitung; indikator dijelaskan pada keterangan.');
    expect(text).toContain('Rata-rata capaian dihitung tanpa batas atas capaian per indikator');
    expect(text).toContain(
      'Rata-rata capaian seluruh indikator adalah 100,00 % (tanpa batas atas capaian per indikator)',
    );
    expect(text).not.toContain('Capaian per Sasaran Strategis');
    expect(text).not.toContain('dibatasi');
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPAIAN_RULES } from '../../functions/core/capaian-rules.ts';
import type { AssembledReport, IndicatorRow } from '../../functions/core/performance-data.ts';
import { computeIndicators } from '../../functions/documents/capaian.ts';
import { renderProblemsXlsx } from '../../functions/documents/problems-xlsx.ts';
import { summarize } from '../../functions/documents/report-summary.ts';
import { renderReportXlsx } from '../../functions/documents/report-xlsx.ts';
import { safeCellText } from '../../functions/documents/safe-cell.ts';
import { quarterlyReport } from '../fakes/quarterly-sample.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];

function report(rows: Partial<IndicatorRow>[]): AssembledReport {
  const indicators = computeIndicators(
    rows.map((r, i) => ({
      row: i + 2,
      tahun: 2026,
      periode: 'TW1',
      kode: `IK-0${i + 1}`,
      sasaran: 'Meningkatnya kualitas pelayanan publik kecamatan',
      indikator: 'Indeks Kepuasan Masyarakat',
      satuan: 'indeks',
      polaritas: 'naik',
      target: 82,
      realisasi: 83.45,
      ...r,
    })),
  );
  return {
    organization: {
      name: 'Kecamatan Karawaci',
      parent: 'Pemerintah Kota Tangerang',
      unitCode: 'karawaci',
      address: '',
    },
    tahun: 2026,
    periode: 'TW1',
    revision: 2,
    generatedAt: '2026-04-08T02:15:00.000Z',
    source: { key: 'masuk/karawaci/2026/TW1/data.csv', versionId: 'v2' },
    indicators,
    summary: summarize(indicators),
    rules: DEFAULT_CAPAIAN_RULES,
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function allCells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((r) => {
      r.eachCell((c) => {
        cells.push(c);
      });
    });
  }
  return cells;
}

describe('safeCellText', () => {
  it.each(HOSTILE)('neutralises %j', (s) => {
    expect(safeCellText(s)).toBe(`'${s}`);
  });

  it('leaves ordinary text alone and drops characters XML forbids', () => {
    expect(safeCellText('Indeks Kepuasan Masyarakat = 83')).toBe('Indeks Kepuasan Masyarakat = 83');
    expect(safeCellText('a\u0000b\u000Bc\nd\u{1F600}')).toBe('abc\nd\u{1F600}');
    expect(safeCellText('\u0001=1')).toBe("'=1");
    expect(safeCellText('x\uD800y')).toBe('xy');
  });
});

describe('renderReportXlsx', () => {
  it('writes Ringkasan and Capaian with values, number formats and a styled header', async () => {
    const wb = await load(
      await renderReportXlsx(
        report([
          {},
          { polaritas: 'turun', target: 12, realisasi: 15, pagu: 320_000_000, realisasiAnggaran: 71_500_000 },
        ]),
      ),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Sasaran', 'Capaian']);
    const detail = wb.getWorksheet('Capaian')!;
    const header = detail.getRow(1);
    expect(header.getCell(4).value).toBe('Indikator Kinerja');
    expect(header.getCell(4).font?.bold).toBe(true);
    const second = detail.getRow(3);
    expect(second.getCell(6).value).toBe('Turun');
    expect(second.getCell(12).value).toBe(75);
    expect(second.getCell(12).numFmt).toBe('#,##0.00');
    expect(second.getCell(14).value).toBe('Sedang');
    expect(second.getCell(18).value).toBe(320_000_000);
    expect(second.getCell(20).value).toBeCloseTo(22.34, 2);
    const summary = wb.getWorksheet('Ringkasan')!;
    const texts = allCells(wb).map((c) => c.value);
    expect(texts).toContain('LAPORAN KINERJA');
    expect(texts).toContain('Triwulan I');
    expect(summary.getCell('A1').value).toBe('LAPORAN KINERJA');
    // The workbook's cover names no storage key or versionId (the disposition sheet's verification record does).
    expect(texts.map(String).filter((t) => /versionId|masuk\//.test(t))).toEqual([]);
    expect(allCells(wb).some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('keeps the frozen header, column widths, borders and the filter when streamed', async () => {
    const wb = await load(await renderReportXlsx(report([{}, { kode: 'IKU-02' }, { kode: 'IKU-03' }])));
    const detail = wb.getWorksheet('Capaian')!;
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(detail.getColumn(4).width).toBe(40);
    expect(detail.getRow(4).getCell(2).value).toBe('IKU-03');
    expect(detail.getRow(4).getCell(24).border?.left?.style).toBe('thin');
    expect(detail.getRow(1).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF1F4E79' } });
    expect(detail.autoFilter).toBe('A1:X4');
    expect(wb.getWorksheet('Ringkasan')!.getColumn(2).width).toBe(60);
  });

  it('neutralises formula injection in every uploaded text', async () => {
    const rows = HOSTILE.map((h) => ({
      kode: h,
      sasaran: h,
      indikator: h,
      satuan: h,
      faktorPendorong: h,
      faktorPenghambat: h,
      tindakLanjut: h,
      keterangan: h,
    }));
    const wb = await load(await renderReportXlsx(report(rows)));
    const cells = allCells(wb);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    // XML parsers normalise a CR to LF on reading, so the CR case comes back as LF behind its apostrophe.
    const asRead = (t: string) => t.replace(/\r/g, '\n');
    for (const h of HOSTILE) {
      expect(texts.filter((t) => t === asRead(`'${h}`)).length).toBeGreaterThanOrEqual(8);
      expect(texts).not.toContain(asRead(h));
    }
    expect(texts.filter((t) => /^[=+\-@\t\r\n]/.test(t))).toEqual([]);
  });
});

describe('renderReportXlsx of a quarter with figures to date', () => {
  // The sample of test/fakes/quarterly-sample.ts; the arithmetic is in test/documents/pdf.test.ts ("explains its
  // numbers"): per sasaran 103,74 / 100,56 / 80,00 %, overall 95,59 % (capped at 120), serapan 41,88 / 33,33 /
  // 55,00 / 46,00 %, efisiensi 2,48 / 3,02 / 1,45 / 2,08.
  const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

  it('has polaritas, sifat, the realisasi of the quarter and to date, the gaps and the rule a capaian came from', async () => {
    const wb = await load(await renderReportXlsx(quarterlyReport()));
    const detail = wb.getWorksheet('Capaian')!;
    expect(values(detail.getRow(1)).slice(5, 17)).toEqual([
      'Polaritas',
      'Sifat',
      'Target s.d. Triwulan',
      'Realisasi Triwulan',
      'Realisasi s.d. Triwulan',
      'Triwulan Tanpa Data',
      'Capaian (%)',
      'Dasar Capaian',
      'Kategori',
      'Realisasi Tahun Lalu',
      'Target Renstra Tahun 2026',
      'Target Akhir Renstra',
    ]);
    // IK-01 naik kumulatif: 1 200 + 1 350 = 2 550 against 2 400 → 106,25 %.
    expect(values(detail.getRow(2)).slice(1, 14)).toEqual([
      'IK-01',
      'Meningkatnya kualitas pelayanan publik kecamatan',
      'Jumlah dokumen kependudukan yang diterbitkan',
      'dokumen',
      'Naik',
      'Kumulatif',
      2400,
      1350,
      2550,
      undefined,
      106.25,
      undefined,
      'Sangat Tinggi',
    ]);
    // IK-03 lacks TW I; IK-04's 100 % is the target-0 rule's; IK-05 is a position at the end.
    expect(detail.getRow(4).getCell(11).value).toBe('TW1');
    expect(detail.getRow(4).getCell(16).value).toBe(30);
    expect(detail.getRow(4).getCell(17).value).toBe(20);
    expect(detail.getRow(5).getCell(13).value).toBe('Aturan target 0');
    expect(detail.getRow(6).getCell(7).value).toBe('Non-kumulatif (posisi akhir)');
  });

  it('has a Sasaran sheet with capaian, kategori, serapan and efisiensi, and the rules in Ringkasan', async () => {
    // Before TW4 no efisiensi is rated (capaian to date against the serapan of the year's pagu).
    const tw2 = (await load(await renderReportXlsx(quarterlyReport()))).getWorksheet('Sasaran')!;
    expect(values(tw2.getRow(2)).slice(7)).toEqual([41.88]); // the efisiensi cells are empty
    const wb = await load(await renderReportXlsx({ ...quarterlyReport(), periode: 'TW4' }));
    const sasaran = wb.getWorksheet('Sasaran')!;
    expect(values(sasaran.getRow(1))).toEqual([
      'No',
      'Sasaran Strategis',
      'Jumlah Indikator',
      'Capaian (%, setiap indikator paling tinggi 120 %)',
      'Kategori',
      'Pagu (Rp)',
      'Realisasi Anggaran (Rp)',
      'Serapan Anggaran (%)',
      'Efisiensi (capaian ÷ serapan)',
      'Keterangan Efisiensi',
    ]);
    expect(values(sasaran.getRow(2))).toEqual([
      1,
      'Meningkatnya kualitas pelayanan publik kecamatan',
      2,
      103.74,
      'Sangat Tinggi',
      160_000_000,
      67_000_000,
      41.88,
      2.48,
      'efisien',
    ]);
    expect(values(sasaran.getRow(4)).slice(1)).toEqual([
      'Meningkatnya pemberdayaan masyarakat kelurahan',
      2,
      80,
      'Tinggi',
      200_000_000,
      110_000_000,
      55,
      1.45,
      'efisien',
    ]);
    expect(values(sasaran.getRow(5)).slice(1)).toEqual([
      'Seluruh sasaran',
      7,
      95.59,
      'Sangat Tinggi',
      450_000_000,
      207_000_000,
      46,
      2.08,
      'efisien',
    ]);
    const summary = wb.getWorksheet('Ringkasan')!;
    const pairs = new Map<unknown, unknown>();
    summary.eachRow((r) => {
      pairs.set(r.getCell(1).value, r.getCell(2).value);
    });
    expect(pairs.get('Rata-rata capaian (%), capaian setiap indikator paling tinggi 120 %')).toBe(95.59);
    expect(pairs.get('Rumus indikator turun')).toBe('(2T-R)/T');
    expect(pairs.get('Aturan target 0')).toBe('Indikator turun: realisasi 0 = 100 %, lebih dari 0 = 0 %');
    expect(pairs.get('Batas capaian per indikator dalam rata-rata (%)')).toBe(120);
    expect(pairs.get('2.')).toBe(
      'Indikator turun: capaian = (2 × target − realisasi) ÷ target × 100 %, paling rendah 0 %.',
    );
    const tr = await load(
      await renderReportXlsx(quarterlyReport({ turunFormula: 'T/R', targetZero: 'EMPTY_WITH_NOTE', cap: 110 })),
    );
    const trPairs = new Map<unknown, unknown>();
    tr.getWorksheet('Ringkasan')!.eachRow((r) => {
      trPairs.set(r.getCell(1).value, r.getCell(2).value);
    });
    expect(trPairs.get('Rumus indikator turun')).toBe('T/R');
    expect(trPairs.get('Aturan target 0')).toBe('Capaian tidak dihitung');
    expect(trPairs.get('Batas capaian per indikator dalam rata-rata (%)')).toBe(110);
    expect(trPairs.get('2.')).toBe(
      'Indikator turun: capaian = target ÷ realisasi × 100 % (realisasi 0 dihitung 110 %).',
    );
  });
});

describe('renderProblemsXlsx', () => {
  it('lists Baris, Kolom, Nilai, Masalah and neutralises echoed values', async () => {
    const buf = await renderProblemsXlsx([
      { row: null, column: null, value: null, message: 'Format angka campuran.' },
      { row: 3, column: 'realisasi', value: '=1+1', message: 'Bukan angka yang valid.' },
      { row: 4, column: '@kolom', value: '-5', message: 'Nilai tidak boleh negatif.' },
    ]);
    const wb = await load(buf);
    const ws = wb.getWorksheet('Masalah')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'No', 'Baris', 'Kolom', 'Nilai', 'Masalah']);
    expect(ws.getRow(2).getCell(2).value).toBe('(seluruh berkas)');
    expect(ws.getRow(3).getCell(2).value).toBe(3);
    expect(ws.getRow(3).getCell(4).value).toBe("'=1+1");
    expect(ws.getRow(4).getCell(3).value).toBe("'@kolom");
    expect(ws.getRow(4).getCell(4).value).toBe("'-5");
    expect(allCells(wb).some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('speaks English when asked', async () => {
    const wb = await load(
      await renderProblemsXlsx([{ row: 2, column: 'actual', value: 'x', message: 'Not a valid number.' }], 'en'),
    );
    expect(wb.getWorksheet('Problems')?.getRow(1).getCell(5).value).toBe('Problem');
  });
});

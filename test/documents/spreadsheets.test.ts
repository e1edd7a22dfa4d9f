import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AssembledReport, IndicatorRow } from '../../functions/core/performance-data.ts';
import { computeIndicators } from '../../functions/documents/capaian.ts';
import { renderProblemsXlsx } from '../../functions/documents/problems-xlsx.ts';
import { summarize } from '../../functions/documents/report-summary.ts';
import { renderReportXlsx } from '../../functions/documents/report-xlsx.ts';
import { safeCellText } from '../../functions/documents/safe-cell.ts';

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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Capaian']);
    const detail = wb.getWorksheet('Capaian')!;
    const header = detail.getRow(1);
    expect(header.getCell(4).value).toBe('Indikator Kinerja');
    expect(header.getCell(4).font?.bold).toBe(true);
    const second = detail.getRow(3);
    expect(second.getCell(9).value).toBe(75);
    expect(second.getCell(9).numFmt).toBe('#,##0.00');
    expect(second.getCell(10).value).toBe('Sedang');
    expect(second.getCell(13).value).toBe(320_000_000);
    expect(second.getCell(15).value).toBeCloseTo(22.34, 2);
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
    expect(detail.getRow(4).getCell(19).border?.left?.style).toBe('thin');
    expect(detail.getRow(1).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF1F4E79' } });
    expect(detail.autoFilter).toBe('A1:S4');
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

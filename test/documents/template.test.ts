/**
 * The data template of `lapkin template`: its example rows, filled into the Data sheet, are valid data for the
 * very parser the Lambda uses; its headers carry notes, periode and polaritas have dropdowns, and the guide
 * states the configured scale and limits.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scaleRanges } from '../../functions/documents/capaian.ts';
import { checkPerformanceData } from '../../functions/documents/check-data.ts';
import { renderTemplateXlsx, TEMPLATE_SHEETS, templateExampleRows } from '../../functions/documents/template-xlsx.ts';
import { COLUMNS, parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { organization, testConfig } from '../fakes/deps.ts';

const config = testConfig();
const template = (over: Partial<typeof config> = {}) =>
  renderTemplateXlsx({
    organization: organization(config),
    tahun: 2026,
    periode: 'TW2',
    settings: { ...config, ...over },
  });

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** What a user does: copy the example rows into the Data sheet and save. */
async function fillFromExample(buf: Buffer): Promise<Buffer> {
  const wb = await load(buf);
  const example = wb.getWorksheet(TEMPLATE_SHEETS.example);
  const data = wb.getWorksheet(TEMPLATE_SHEETS.data);
  if (!example || !data) throw new Error('template sheets missing');
  example.eachRow((row, n) => {
    if (n > 1) data.getRow(n).values = row.values as ExcelJS.CellValue[];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('renderTemplateXlsx', () => {
  it('has a guide, the Data sheet and an example sheet; blank, it is a file with no data yet', async () => {
    const buf = await template();
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Petunjuk', 'Data', 'Contoh']);
    const parsed = await parsePerformanceData(buf, 'templat.xlsx', { tahun: 2026, periode: 'TW2' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual([
      'Tidak ada baris data di bawah judul kolom.',
    ]);
  });

  it('parses as valid once the example rows are filled into the Data sheet', async () => {
    const filled = await fillFromExample(await template());
    const parsed = await parsePerformanceData(filled, 'kinerja.xlsx', { tahun: 2026, periode: 'TW2' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 1));
    expect(parsed.rows).toHaveLength(templateExampleRows(2026, 'TW2').length);
    expect(parsed.rows.map((r) => [r.kode, r.polaritas, r.target, r.realisasi])).toEqual([
      ['IK-01', 'naik', 82, 83.45],
      ['IK-02', 'naik', 95, 96.8],
      ['IK-03', 'turun', 5, 4.2],
      ['IK-04', 'naik', 90, 77.78],
      ['IK-05', 'turun', 12, 15],
      ['IK-06', 'turun', 0, 2],
    ]);
    // The examples show each rule: above target, below target with narrative, turun, target 0 with a note.
    const checked = await checkPerformanceData(filled, 'kinerja.xlsx', { tahun: 2026, periode: 'TW2' }, config);
    expect(checked.indicators.map((i) => [i.kode, i.capaian, i.kategori])).toEqual([
      ['IK-01', 101.77, 'Sangat Tinggi'],
      ['IK-02', 101.89, 'Sangat Tinggi'],
      ['IK-03', 116, 'Sangat Tinggi'],
      ['IK-04', 86.42, 'Tinggi'],
      ['IK-05', 75, 'Sedang'],
      ['IK-06', 0, 'Sangat Rendah'], // turun, target 0, realisasi 2: not achieved (the default target-0 rule)
    ]);
  });

  it('writes the headers the parser knows, each with a note saying whether it is required', async () => {
    const data = (await load(await template())).getWorksheet(TEMPLATE_SHEETS.data);
    const header = data?.getRow(1);
    const notes = COLUMNS.map((_c, i) => {
      const note = header?.getCell(i + 1).note;
      return typeof note === 'string' ? note : (note?.texts?.map((t) => t.text).join('') ?? '');
    });
    expect(notes).toHaveLength(20);
    COLUMNS.forEach((c, i) => {
      expect(notes[i]).toMatch(c.required ? /^Wajib — / : /^Opsional — /);
      expect(notes[i]).toContain(`Nama kolom: ${c.key}`);
    });
    expect(header?.getCell(1).value).toBe('Tahun');
    expect(header?.getCell(3).value).toBe('Kode Indikator');
  });

  it('offers dropdowns for periode and polaritas and checks numbers on the Data sheet', async () => {
    const data = (await load(await template())).getWorksheet(TEMPLATE_SHEETS.data);
    // Read back without the parser's ignore list: exceljs expands the ranges per cell.
    const cell = (addr: string) => data?.getCell(addr).dataValidation;
    expect(cell('B2')).toMatchObject({ type: 'list', formulae: ['"TW1,TW2,TW3,TW4,TAHUNAN"'] });
    expect(cell('G500')).toMatchObject({ type: 'list', formulae: ['"naik,turun"'] });
    expect(cell('H2')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(cell('A2')).toMatchObject({ type: 'whole', formulae: [2000, 2100] });
    expect(cell('B2')?.error).toBe('Pilih TW1, TW2, TW3, TW4 atau TAHUNAN.');
  });

  it('states the configured rating scale and limits in the guide', async () => {
    const scale = {
      bands: [
        { above: 75, kategori: 'Baik' },
        { above: 100, kategori: 'Sangat Baik' },
      ],
      otherwise: 'Kurang',
    };
    expect(scaleRanges(scale)).toEqual([
      { kategori: 'Sangat Baik', range: 'lebih dari 100 %' },
      { kategori: 'Baik', range: 'lebih dari 75 % sampai 100 %' },
      { kategori: 'Kurang', range: '75 % atau kurang' },
    ]);
    expect(scaleRanges(scale, 'en').at(1)).toEqual({ kategori: 'Baik', range: 'above 75 % up to 100 %' });
    const guide = (
      await load(await template({ ratingScale: scale, dataLimits: { maxFileMB: 5, maxRows: 500 } }))
    ).getWorksheet(TEMPLATE_SHEETS.guide);
    const text: string[] = [];
    guide?.eachRow((r) => {
      r.eachCell((c) => {
        text.push(String(c.value));
      });
    });
    expect(text).toContain('Capaian lebih dari 75 % sampai 100 %');
    expect(text).toContain('Sangat Baik');
    expect(text.join('\n')).toContain('paling besar 5 MB dan paling banyak 500 baris data');
    expect(text.join('\n')).toContain('npx lapkin check <berkas> --tahun 2026 --periode TW2');
  });
});

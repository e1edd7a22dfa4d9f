/**
 * The data template of `lapkin template`: its example rows, filled into the Data sheet, are valid data for the
 * very parser the Lambda uses; its headers carry notes, periode and polaritas have dropdowns, and the guide
 * states the configured scale and limits.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NARASI_SECTIONS, REQUIRED_NARASI } from '../../functions/core/narasi.ts';
import type { PerjanjianKinerja } from '../../functions/core/perjanjian-kinerja.ts';
import type { Period } from '../../functions/core/report.ts';
import { scaleRanges } from '../../functions/documents/capaian.ts';
import { checkPerformanceData } from '../../functions/documents/check-data.ts';
import { checkPerjanjianKinerja } from '../../functions/documents/check-pk.ts';
import {
  renderTemplateXlsx,
  TEMPLATE_SHEETS,
  templateExampleRows,
  templatePkExample,
} from '../../functions/documents/template-xlsx.ts';
import { COLUMNS, PK_COLUMNS, parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { organization, testConfig } from '../fakes/deps.ts';

const config = testConfig();
const template = (over: Partial<typeof config> = {}, periode: Period = 'TW2') =>
  renderTemplateXlsx({
    organization: organization(config),
    tahun: 2026,
    periode,
    settings: { ...config, ...over },
  });

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

type Sheet = (typeof TEMPLATE_SHEETS)[keyof typeof TEMPLATE_SHEETS];

/** What a user does: copy the example rows into their sheet (Data by default) and save. */
async function fillFromExample(
  buf: Buffer,
  copies: [Sheet, Sheet][] = [[TEMPLATE_SHEETS.example, TEMPLATE_SHEETS.data]],
): Promise<Buffer> {
  const wb = await load(buf);
  for (const [from, to] of copies) {
    const example = wb.getWorksheet(from);
    const sheet = wb.getWorksheet(to);
    if (!example || !sheet) throw new Error('template sheets missing');
    example.eachRow((row, n) => {
      if (n > 1) sheet.getRow(n).values = row.values as ExcelJS.CellValue[];
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The example PK as the intake would store it. */
async function examplePk(buf: Buffer): Promise<PerjanjianKinerja> {
  const filled = await fillFromExample(buf, [[TEMPLATE_SHEETS.examplePk, TEMPLATE_SHEETS.pk]]);
  const checked = await checkPerjanjianKinerja(filled, 'pk.xlsx', { tahun: 2026, unit: 'karawaci' }, config);
  if (!checked.valid) throw new Error(JSON.stringify(checked.problems, null, 1));
  return {
    unit: 'karawaci',
    tahun: 2026,
    source: { key: 'masuk/karawaci/2026/PK/pk.xlsx', versionId: 'v1' },
    receivedAt: '2026-01-10T00:00:00.000Z',
    indicators: checked.indicators,
  };
}

describe('renderTemplateXlsx', () => {
  it('has a guide, the Data sheet and an example sheet; blank, it is a file with no data yet', async () => {
    const buf = await template();
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Petunjuk',
      'PK',
      'Data',
      'Narasi',
      'Contoh PK',
      'Contoh',
      'Contoh Narasi',
    ]);
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
    expect(COLUMNS[17]?.key).toBe('sifat');
    expect(cell('R2')).toMatchObject({ type: 'list', formulae: ['"kumulatif,non-kumulatif,rata-rata"'] });
    const pk = (await load(await template())).getWorksheet(TEMPLATE_SHEETS.pk);
    expect(PK_COLUMNS.slice(6, 8).map((c) => c.key)).toEqual(['polaritas', 'sifat']);
    expect(pk?.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['"naik,turun"'] });
    expect(pk?.getCell('H900').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"kumulatif,non-kumulatif,rata-rata"'],
    });
    expect(pk?.getCell('I2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0] });
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

  it('has a PK sheet with a note on every header; its example, copied in, is a valid PK of 6 indicators over 3 sasaran', async () => {
    const buf = await template();
    const pkSheet = (await load(buf)).getWorksheet(TEMPLATE_SHEETS.pk);
    PK_COLUMNS.forEach((c, i) => {
      const note = pkSheet?.getRow(1).getCell(i + 1).note;
      const text = typeof note === 'string' ? note : (note?.texts?.map((t) => t.text).join('') ?? '');
      expect(text).toMatch(c.required ? /^Wajib — / : /^Opsional — /);
    });
    const pk = await examplePk(buf);
    expect(pk.indicators.map((i) => [i.kode, i.sifat, i.targetTahunan, i.targetTriwulan])).toEqual([
      ['IK-01', 'rata-rata', 82, [82, 82, 82, 82]],
      ['IK-02', 'non-kumulatif', 95, [95, 95, 95, 95]],
      ['IK-03', 'rata-rata', 5, [5, 5, 5, 5]],
      ['IK-04', 'non-kumulatif', 90, [80, 90, 90, 90]],
      ['IK-05', 'kumulatif', 24, [6, 12, 18, 24]],
      ['IK-06', 'non-kumulatif', 0, [0, 0, 0, 0]],
    ]);
    expect(new Set(pk.indicators.map((i) => i.sasaran)).size).toBe(3);
    // The example data's kode are the PK's.
    expect(templateExampleRows(2026, 'TW2').map((r) => r.kode_indikator)).toEqual(pk.indicators.map((i) => i.kode));
    expect(templatePkExample(2026)).toHaveLength(6);
  });

  it('its example data, checked against its example PK, is valid in every quarter', async () => {
    for (const periode of ['TW1', 'TW2', 'TW3', 'TW4'] as const) {
      const buf = await template({}, periode);
      const pk = await examplePk(buf);
      const filled = await fillFromExample(buf);
      const checked = await checkPerformanceData(filled, 'kinerja.xlsx', { tahun: 2026, periode }, config, 'id', {
        pk,
      });
      expect([periode, checked.problems]).toEqual([periode, []]);
      if (periode === 'TW2') {
        // Against the PK, the figure to date of the kumulatif IK-05 lacks TW1 offline: 15 against the TW2 target 12,
        // turun: (2 × 12 − 15) / 12 = 75 %, as in the full-row check above; the others are positions or averages.
        expect(checked.indicators.map((i) => [i.kode, i.target, i.realisasi, i.capaian])).toEqual([
          ['IK-01', 82, 83.45, 101.77],
          ['IK-02', 95, 96.8, 101.89],
          ['IK-03', 5, 4.2, 116],
          ['IK-04', 90, 77.78, 86.42],
          ['IK-05', 12, 15, 75],
          ['IK-06', 0, 2, 0],
        ]);
      }
    }
  });

  it('has a Narasi sheet listing every section, required ones marked; its example, copied in, makes a valid annual upload', async () => {
    const buf = await template({}, 'TAHUNAN');
    const narasi = (await load(buf)).getWorksheet(TEMPLATE_SHEETS.narasi);
    const listed: [string, string][] = [];
    narasi?.eachRow((row, n) => {
      if (n > 1) listed.push([String(row.getCell(1).value), String(row.getCell(3).value)]);
    });
    expect(listed).toEqual(NARASI_SECTIONS.map((s) => [`${s.id} (${s.key})`, s.required ? 'wajib' : 'opsional']));

    const pk = await examplePk(buf);
    const expected = { tahun: 2026, periode: 'TAHUNAN' } as const;
    // The Data sheet filled, the Narasi sheet not yet: every required section is named.
    const noNarasi = await checkPerformanceData(await fillFromExample(buf), 'lkjip.xlsx', expected, config, 'id', {
      pk,
    });
    expect(noNarasi.problems.map((p) => p.message)).toEqual(
      REQUIRED_NARASI.map(
        (k) => `Bagian '${NARASI_SECTIONS.find((s) => s.key === k)?.id}' pada lembar Narasi wajib diisi.`,
      ),
    );
    const filled = await fillFromExample(buf, [
      [TEMPLATE_SHEETS.example, TEMPLATE_SHEETS.data],
      [TEMPLATE_SHEETS.exampleNarasi, TEMPLATE_SHEETS.narasi],
    ]);
    const checked = await checkPerformanceData(filled, 'lkjip.xlsx', expected, config, 'id', { pk });
    expect(checked.problems).toEqual([]);
    expect(Object.keys(checked.narasi ?? {})).toEqual(NARASI_SECTIONS.map((s) => s.key));
    expect(checked.narasi?.kata_pengantar).toMatch(/^Puji syukur/);
  });
});

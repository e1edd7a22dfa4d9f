/**
 * Assembly follows the configuration: the rating scale (stored with the data, so the archive re-renders with
 * it), the data limits, and the language of the problems, the PDF and the XLSX. Real: use cases and documents.
 * Faked: every port.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AssembledReport } from '../../functions/core/performance-data.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

async function assembledData(f: ReturnType<typeof fakeDeps>): Promise<AssembledReport> {
  const r = await f.repo.get(REPORT_ID);
  const ref = r?.reportData;
  if (!ref) throw new Error('not assembled');
  return JSON.parse(new TextDecoder().decode((await f.store.get(ref.key, ref.versionId)).body)) as AssembledReport;
}

async function stored(f: ReturnType<typeof fakeDeps>, which: 'reportPdf' | 'reportXlsx'): Promise<Buffer> {
  const ref = (await f.repo.get(REPORT_ID))?.[which];
  if (!ref) throw new Error(`no ${which}`);
  return Buffer.from((await f.store.get(ref.key, ref.versionId)).body);
}

describe('assemble with the configuration', () => {
  it('rates on the configured scale and records it with the data', async () => {
    const ratingScale = {
      bands: [
        { above: 100, kategori: 'Melampaui target' },
        { above: 85, kategori: 'Mendekati target' },
      ],
      otherwise: 'Jauh dari target',
    };
    const f = fakeDeps({ ratingScale });
    await uploadAndAssemble(f.deps, sample('perbaikan-2'));
    const data = await assembledData(f);
    expect(data.ratingScale).toEqual({
      bands: [
        { above: 100, kategori: 'Melampaui target' },
        { above: 85, kategori: 'Mendekati target' },
      ],
      otherwise: 'Jauh dari target',
    });
    expect(data.indicators.map((i) => [i.kode, i.kategori])).toEqual([
      ['IK-01', 'Melampaui target'],
      ['IK-02', 'Melampaui target'],
      ['IK-03', 'Melampaui target'],
      ['IK-04', 'Mendekati target'],
      ['IK-05', 'Mendekati target'],
      ['IK-06', 'Jauh dari target'],
      ['IK-07', 'Melampaui target'],
      ['IK-08', 'Melampaui target'],
    ]);
    expect(data.summary.byKategori).toEqual({ 'Melampaui target': 5, 'Mendekati target': 2, 'Jauh dari target': 1 });
    const text = pdfTextOf(await stored(f, 'reportPdf'));
    expect(text).toContain('Mendekati target');
    expect(text).not.toContain('Sangat Tinggi');
  });

  it('applies the configured data limits', async () => {
    const f = fakeDeps({ dataLimits: { maxFileMB: 10, maxRows: 5 } });
    const { assembly } = await uploadAndAssemble(f.deps, sample('awal'));
    expect(assembly.valid).toBe(false);
    expect((await f.repo.get(REPORT_ID))?.dataProblems?.sample).toEqual([
      { row: null, column: null, value: null, message: 'Terlalu banyak baris data (8); batas 5 baris.' },
    ]);
  });

  it('writes problems, PDF and XLSX in the configured language', async () => {
    const f = fakeDeps({ language: 'en' });
    const bad = new TextDecoder().decode(sample('awal')).replace(';72,50;', ';tujuh puluh;');
    await uploadAndAssemble(f.deps, new TextEncoder().encode(bad));
    expect((await f.repo.get(REPORT_ID))?.dataProblems?.sample).toEqual([
      { row: 5, column: 'realisasi', value: 'tujuh puluh', message: 'Not a valid number.' },
    ]);

    const g = fakeDeps({ language: 'en' });
    await uploadAndAssemble(g.deps, sample('perbaikan-2'));
    expect(pdfTextOf(await stored(g, 'reportPdf'))).toContain('PERFORMANCE REPORT');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await stored(g, 'reportXlsx')) as unknown as ArrayBuffer);
    const header = wb.getWorksheet('Capaian')?.getRow(1).values as ExcelJS.CellValue[];
    expect(header).toContain('Performance Indicator');
    expect(header).toContain('Achievement (%)');
  });
});

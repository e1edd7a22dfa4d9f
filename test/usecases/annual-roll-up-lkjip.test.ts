/**
 * The annual report without an annual data file: the four documented quarters rolled up by sifat into the annual
 * workbook, the staff write its Narasi sheet, and the workbook uploaded as TAHUNAN is assembled into the LKjIP.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AssembledReport } from '../../functions/core/performance-data.ts';
import { pkUploadKey, uploadKey } from '../../functions/core/upload-key.ts';
import { renderRollUpXlsx } from '../../functions/documents/roll-up-xlsx.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { rollUpYear } from '../../functions/usecases/roll-up-year.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KARAWACI_NARASI } from '../fakes/lkjip-sample.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';
import { documentedQuarter, pkBytes, uploadTo } from '../fakes/pk.ts';

const FIGURES = {
  TW1: [12, 91.5, 80, 2],
  TW2: [15, 93.25, 82.5, 4],
  TW3: [9, 95, 81, 1],
  TW4: [14, 96.4, 84.1, 3],
} as const;

async function fillNarasi(xlsx: Buffer, narasi: Record<string, string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Narasi');
  sheet?.eachRow((row, n) => {
    const key = String(row.getCell(1).value ?? '');
    if (n > 1 && narasi[key]) row.getCell(2).value = narasi[key];
  });
  // Below-target indicators need their narrative in the Data sheet too (the same rule as every upload).
  const data = wb.getWorksheet('Data');
  data?.eachRow((row, n) => {
    if (n === 1) return;
    row.getCell(9).value = 'Keterbatasan petugas pada triwulan II.';
    row.getCell(10).value = 'Penambahan jadwal layanan keliling.';
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the TAHUNAN roll-up becomes the LKjIP', () => {
  it('rolls up, is completed with the Narasi, and is assembled against the PK with the quarters in its Lampiran', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    for (const [q, [a, b, c, d]] of Object.entries(FIGURES)) {
      await documentedQuarter(f, q as 'TW1', [
        { kode: 'IK-01', realisasi: a, realisasiAnggaran: 25_000_000 },
        { kode: 'IK-02', realisasi: b },
        { kode: 'IK-03', realisasi: c },
        { kode: 'IK-04', realisasi: d },
      ]);
    }
    const year = await rollUpYear(f.deps, 'karawaci', 2026, 'id');
    const workbook = await fillNarasi(await renderRollUpXlsx(year, 'id'), KARAWACI_NARASI);

    const up = await uploadTo(f, uploadKey('karawaci', 2026, 'TAHUNAN', 'data-tahunan.xlsx'), workbook);
    await receiveUpload(f.deps, up);
    const result = await assembleReport(f.deps, { reportId: 'karawaci-2026-TAHUNAN', source: up });
    const report = await f.repo.get('karawaci-2026-TAHUNAN');
    expect(result.valid, JSON.stringify(report?.dataProblems)).toBe(true);
    if (!report?.reportData || !report.reportPdf) throw new Error('not assembled');
    const data = JSON.parse(
      new TextDecoder().decode((await f.store.get(report.reportData.key, report.reportData.versionId)).body),
    ) as AssembledReport;
    // The annual figures by sifat against the annual PK targets.
    expect(data.indicators.map((i) => [i.kode, i.realisasi, i.target, i.capaian])).toEqual([
      ['IK-01', 50, 40, 125], // 12 + 15 + 9 + 14 = 50 of 40
      ['IK-02', 96.4, 96, 100.42], // the position at TW4: 96,4 / 96
      ['IK-03', 81.9, 82, 99.88], // (80 + 82,5 + 81 + 84,1) / 4 = 81,9; 81,9 / 82
      ['IK-04', 10, 12, 116.67], // turun: (2 × 12 − 10) / 12
    ]);
    expect(data.narasi?.kata_pengantar).toBe(KARAWACI_NARASI.kata_pengantar);
    expect(data.quarterly?.map((q) => q.periode)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    const text = pdfTextOf(Buffer.from((await f.store.get(report.reportPdf.key, report.reportPdf.versionId)).body));
    for (const chapter of [
      'KATA PENGANTAR',
      'DAFTAR ISI',
      'IKHTISAR EKSEKUTIF',
      'BAB I',
      'BAB II',
      'BAB III',
      'BAB IV',
    ]) {
      expect(text).toContain(chapter);
    }
  });
});

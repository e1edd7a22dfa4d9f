/**
 * Assemble only reads data that was uploaded for this report: a source outside masuk/ (e.g. an assembled report
 * or an archived copy handed in by someone holding a task token) or under another report's folder is refused
 * with a named error, before anything is read or written. Real: the use case. Faked: every port.
 */
import { describe, expect, it } from 'vitest';
import { assembleReport, SourceOutsideUploadsError } from '../../functions/usecases/assemble-report.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

describe('assemble refuses a source that is not an upload of this report', () => {
  it.each([
    'laporan/karawaci/2026/TW1/laporan-kinerja-karawaci-2026-TW1.csv',
    'arsip/karawaci/2026/TW1/data.csv',
    'masuk/karawaci/2026/TW2/data.csv',
    'masuk/../laporan/x.csv',
  ])('%s', async (key) => {
    const f = fakeDeps();
    await uploadAndAssemble(f.deps, sample('awal'));
    const before = await f.repo.get(REPORT_ID);
    const { versionId } = await f.store.put({ key, body: sample('perbaikan-2'), contentType: 'text/csv' });
    await expect(assembleReport(f.deps, { reportId: REPORT_ID, source: { key, versionId } })).rejects.toBeInstanceOf(
      SourceOutsideUploadsError,
    );
    expect(await f.repo.get(REPORT_ID)).toEqual(before);
  });
});

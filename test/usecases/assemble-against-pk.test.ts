import { describe, expect, it } from 'vitest';
import type { AssembledReport } from '../../functions/core/performance-data.ts';
import { pkUploadKey, uploadKey } from '../../functions/core/upload-key.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { documentedQuarter, pkBytes, shortUpload, uploadTo } from '../fakes/pk.ts';

type Fakes = ReturnType<typeof fakeDeps>;

async function assembled(f: Fakes, reportId: string): Promise<AssembledReport> {
  const r = await f.repo.get(reportId);
  if (!r?.reportData) throw new Error(`no data: ${r?.status} ${JSON.stringify(r?.dataProblems)}`);
  return JSON.parse(new TextDecoder().decode((await f.store.get(r.reportData.key, r.reportData.versionId)).body));
}

describe('a quarterly upload checked against the PK', () => {
  it('TW2 in the short format: realisasi to date by sifat against the Rencana Aksi target to date', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    await documentedQuarter(f, 'TW1', [
      { kode: 'IK-01', realisasi: 12 },
      { kode: 'IK-02', realisasi: 91.5 },
      { kode: 'IK-03', realisasi: 80 },
      { kode: 'IK-04', realisasi: 2 },
    ]);
    const up = await uploadTo(
      f,
      uploadKey('karawaci', 2026, 'TW2', 'tw2.csv'),
      shortUpload([
        ['IK-01', 15, 40_000_000],
        ['IK-02', 93.25],
        ['IK-03', 82.5],
        ['IK-04', 4],
      ]),
    );
    await receiveUpload(f.deps, up);
    const result = await assembleReport(f.deps, { reportId: 'karawaci-2026-TW2', source: up });
    expect(result.valid).toBe(true);
    const data = await assembled(f, 'karawaci-2026-TW2');
    expect(data.pk?.tahun).toBe(2026);
    expect(data.indicators.map((i) => [i.kode, i.realisasiPeriode, i.realisasi, i.target, i.capaian])).toEqual([
      ['IK-01', 15, 27, 20, 135], // 12 + 15 = 27 against 20 to date: 135 %
      ['IK-02', 93.25, 93.25, 93, 100.27], // the position: 93,25 / 93 = 100,268…
      ['IK-03', 82.5, 81.25, 82, 99.09], // (80 + 82,5) / 2 = 81,25; 81,25 / 82 = 99,085…
      ['IK-04', 4, 6, 6, 100], // turun: 2 + 4 = 6 against 6 to date: (12 − 6) / 6
    ]);
    // Per sasaran, each indicator at most 120 %: (120 + 100,27 + 99,09) / 3 = 106,45; and 100.
    expect(data.summary.sasaran?.map((s) => [s.sasaran, s.capaian])).toEqual([
      ['Meningkatnya kualitas pelayanan publik', 106.45],
      ['Terwujudnya ketenteraman dan ketertiban umum', 100],
    ]);
    // The PK's pagu and the upload's spending to date: 40 000 000 of 100 000 000.
    expect(data.indicators[0]?.serapanAnggaran).toBe(40);
  });

  it('TW2 before TW1 is documented: the figure to date lacks TW1, and the report says so', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    const up = await uploadTo(
      f,
      uploadKey('karawaci', 2026, 'TW2', 'tw2.csv'),
      shortUpload([
        ['IK-01', 15],
        ['IK-02', 93.25],
        ['IK-03', 82.5],
        ['IK-04', 4],
      ]),
    );
    await receiveUpload(f.deps, up);
    await assembleReport(f.deps, { reportId: 'karawaci-2026-TW2', source: up });
    const data = await assembled(f, 'karawaci-2026-TW2');
    expect(data.indicators[0]).toMatchObject({ realisasi: 15, quartersMissing: ['TW1'] });
  });

  it('TW2 while TW1 is still in review: its figures count, and the verifier is told they may still change', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    await documentedQuarter(
      f,
      'TW1',
      [
        { kode: 'IK-01', realisasi: 12 },
        { kode: 'IK-02', realisasi: 91.5 },
        { kode: 'IK-03', realisasi: 80 },
        { kode: 'IK-04', realisasi: 2 },
      ],
      'MENUNGGU_VERIFIKASI',
    );
    const up = await uploadTo(
      f,
      uploadKey('karawaci', 2026, 'TW2', 'tw2.csv'),
      shortUpload([
        ['IK-01', 15],
        ['IK-02', 93.25],
        ['IK-03', 82.5],
        ['IK-04', 4],
      ]),
    );
    await receiveUpload(f.deps, up);
    await assembleReport(f.deps, { reportId: 'karawaci-2026-TW2', source: up });
    const data = await assembled(f, 'karawaci-2026-TW2');
    expect(data.indicators[0]).toMatchObject({ realisasi: 27, quartersToDate: ['TW1', 'TW2'] }); // 12 + 15
    expect(data.indicators[0]?.quartersMissing).toBeUndefined();
    expect((await f.repo.get('karawaci-2026-TW2'))?.dataWarnings).toEqual([
      'Realisasi s.d. triwulan memakai data TW1 (revisi 1) yang belum terdokumentasi: angkanya dapat berubah bila laporan tersebut direvisi.',
    ]);
  });

  it('an unknown kode and a missing PK indicator are problems; nothing is assembled', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    const up = await uploadTo(
      f,
      uploadKey('karawaci', 2026, 'TW1', 'tw1.csv'),
      shortUpload([
        ['IK-01', 3],
        ['IK-02', 92],
        ['IK-09', 1],
      ]),
    );
    await receiveUpload(f.deps, up);
    const result = await assembleReport(f.deps, { reportId: 'karawaci-2026-TW1', source: up });
    expect(result.valid).toBe(false);
    const r = await f.repo.get('karawaci-2026-TW1');
    const messages = r?.dataProblems?.sample.map((p) => `${p.value ?? ''} ${p.message}`).join('\n') ?? '';
    expect(messages).toContain('IK-09');
    expect(messages).toContain('IK-03');
    expect(messages).toContain('IK-04');
  });

  it('without a PK, the full-row format keeps working as before', async () => {
    const f = fakeDeps();
    const { sample, KEY, REPORT_ID } = await import('../fakes/flow.ts');
    const up = await uploadTo(f, KEY, sample('awal'));
    await receiveUpload(f.deps, up);
    expect((await assembleReport(f.deps, { reportId: REPORT_ID, source: up })).valid).toBe(true);
    expect((await assembled(f, REPORT_ID)).pk).toBeUndefined();
  });
});

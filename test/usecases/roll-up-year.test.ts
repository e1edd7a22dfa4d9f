import { describe, expect, it } from 'vitest';
import { pkUploadKey } from '../../functions/core/upload-key.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { RollUpNotReadyError, rollUpYear } from '../../functions/usecases/roll-up-year.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { documentedQuarter, pkBytes, uploadTo } from '../fakes/pk.ts';

type Fakes = ReturnType<typeof fakeDeps>;

async function withPk(f: Fakes) {
  await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
}

/** Each quarter's own figures of IK-01 … IK-04 (see test/fakes/pk.ts for their sifat). */
const FIGURES = {
  TW1: [12, 91.5, 80, 2],
  TW2: [15, 93.25, 82.5, 4],
  TW3: [9, 95, 81, 1],
  TW4: [14, 96.4, 84.1, 3],
} as const;

async function documentAll(f: Fakes, only: (keyof typeof FIGURES)[] = ['TW1', 'TW2', 'TW3', 'TW4']) {
  for (const q of only) {
    const [a, b, c, d] = FIGURES[q];
    await documentedQuarter(f, q, [
      { kode: 'IK-01', realisasi: a, realisasiAnggaran: 20_000_000 * (only.indexOf(q) + 1) },
      { kode: 'IK-02', realisasi: b },
      { kode: 'IK-03', realisasi: c },
      { kode: 'IK-04', realisasi: d },
    ]);
  }
}

describe('the annual roll-up of the four documented quarters', () => {
  it('adds kumulatif up, takes the last non-kumulatif, and the mean of rata-rata', async () => {
    const f = fakeDeps();
    await withPk(f);
    await documentAll(f);
    const year = await rollUpYear(f.deps, 'karawaci', 2026, 'id');
    expect(year.indicators.map((i) => [i.kode, i.sifat, i.quarters, i.realisasi])).toEqual([
      ['IK-01', 'kumulatif', [12, 15, 9, 14], 50], // 12 + 15 + 9 + 14
      ['IK-02', 'non-kumulatif', [91.5, 93.25, 95, 96.4], 96.4], // the position at TW4
      ['IK-03', 'rata-rata', [80, 82.5, 81, 84.1], 81.9], // (80 + 82,5 + 81 + 84,1) / 4 = 327,6 / 4
      ['IK-04', 'kumulatif', [2, 4, 1, 3], 10], // 2 + 4 + 1 + 3
    ]);
    // Realisasi anggaran is reported to date: the year's is TW4's (4 × 20 000 000).
    expect(year.indicators[0]?.realisasiAnggaran).toBe(80_000_000);
  });

  it("carries the quarters' own narrative, each marked with its quarter, and last year's annual figure", async () => {
    const f = fakeDeps();
    await withPk(f);
    await documentAll(f, ['TW1', 'TW2', 'TW3']);
    await documentedQuarter(f, 'TW4', [
      {
        kode: 'IK-01',
        realisasi: 14,
        faktorPenghambat: 'Petugas loket cuti bersama.',
        tindakLanjut: 'Layanan daring.',
      },
      { kode: 'IK-02', realisasi: 96.4, faktorPendorong: 'Jemput bola KTP-el.' },
      { kode: 'IK-03', realisasi: 84.1 },
      { kode: 'IK-04', realisasi: 3 },
    ]);
    // Last year's LKjIP, documented: its annual figures are this year's "realisasi tahun lalu".
    await documentedQuarter(
      f,
      'TAHUNAN',
      [
        { kode: 'IK-01', realisasi: 44 },
        { kode: 'IK-03', realisasi: 79.5 },
      ],
      'TERDOKUMENTASI',
      2025,
    );
    const year = await rollUpYear(f.deps, 'karawaci', 2026, 'id');
    expect(year.indicators[0]).toMatchObject({
      faktorPenghambat: 'TW4: Petugas loket cuti bersama.',
      tindakLanjut: 'TW4: Layanan daring.',
      realisasiTahunLalu: 44,
    });
    expect(year.indicators[1]).toMatchObject({ faktorPendorong: 'TW4: Jemput bola KTP-el.' });
    expect(year.indicators[1]?.realisasiTahunLalu).toBeUndefined();
    expect(year.indicators[2]?.realisasiTahunLalu).toBe(79.5);
  });

  it('refuses without a PK, and names every quarter not documented yet', async () => {
    const f = fakeDeps();
    await documentAll(f, ['TW1', 'TW3']);
    const err = await rollUpYear(f.deps, 'karawaci', 2026, 'id').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RollUpNotReadyError);
    expect((err as RollUpNotReadyError).reasons).toEqual([
      expect.stringContaining('Perjanjian Kinerja tahun 2026 belum diterima'),
      'Laporan triwulan TW2, TW4 belum terdokumentasi: rekap tahunan hanya memakai data triwulan yang telah disahkan.',
    ]);
  });

  it('names a PK indicator a documented quarter lacks', async () => {
    const f = fakeDeps();
    await withPk(f);
    await documentAll(f, ['TW1', 'TW2', 'TW3']);
    await documentedQuarter(f, 'TW4', [
      { kode: 'IK-01', realisasi: 1 },
      { kode: 'IK-02', realisasi: 1 },
      { kode: 'IK-03', realisasi: 1 },
    ]);
    const err = (await rollUpYear(f.deps, 'karawaci', 2026, 'id').catch((e: unknown) => e)) as RollUpNotReadyError;
    expect(err.reasons).toEqual(['Indikator IK-04 tidak ada dalam data triwulan TW4 yang terdokumentasi.']);
  });
});

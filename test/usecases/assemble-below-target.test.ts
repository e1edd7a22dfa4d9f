/**
 * The confirm view lists the indicators below target: assembly keeps a small list of them on the report (the
 * report item stays small; the PDF has every indicator). Real: assemble use case, documents module. Faked: ports.
 */
import { describe, expect, it } from 'vitest';
import type { ComputedIndicator } from '../../functions/core/performance-data.ts';
import { BELOW_TARGET_MAX } from '../../functions/core/report.ts';
import { belowTargetList } from '../../functions/documents/capaian.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

const indicator = (kode: string, capaian: number | null): ComputedIndicator => ({
  row: 2,
  tahun: 2026,
  periode: 'TW1',
  kode,
  sasaran: 's',
  indikator: `Indikator ${kode}`,
  satuan: '%',
  polaritas: 'naik',
  target: 100,
  realisasi: capaian ?? 0,
  capaian,
  kategori: null,
  serapanAnggaran: null,
});

describe('below-target indicators', () => {
  it('assembly stores them on the report summary, lowest capaian first, as many as the count', async () => {
    const f = fakeDeps();
    await uploadAndAssemble(f.deps, sample('awal'));
    const summary = (await f.repo.get(REPORT_ID))?.summary;
    expect(summary?.belowTargetList?.map((i) => [i.kode, i.capaian])).toEqual([
      ['IK-06', 75],
      ['IK-04', 80.56],
      ['IK-05', 87.5],
    ]);
    expect(summary?.belowTargetList).toHaveLength(summary?.belowTarget ?? -1);
    expect(summary?.belowTargetList?.[1]).toMatchObject({ target: 90, realisasi: 72.5, satuan: '%' });
  });

  it('leaves out indicators at or above target and those without capaian (target 0), and keeps at most the max', () => {
    const many = Array.from({ length: BELOW_TARGET_MAX + 5 }, (_, i) => indicator(`K-${i}`, 50 + i));
    const list = belowTargetList([indicator('AT', 100), indicator('NULL', null), ...many]);
    expect(list).toHaveLength(BELOW_TARGET_MAX);
    expect(list.map((i) => i.kode)).not.toContain('AT');
    expect(list.map((i) => i.kode)).not.toContain('NULL');
    expect(list[0]?.capaian).toBe(50);
    expect(belowTargetList([{ ...indicator('LONG', 10), indikator: 'x'.repeat(500) }])[0]?.indikator).toHaveLength(200);
  });
});

import { describe, expect, it } from 'vitest';
import { capaianRules, DEFAULT_CAPAIAN_RULES, figureToDate } from '../../functions/core/capaian-rules.ts';
import { parseConfig } from '../../functions/core/config.ts';
import { pkTargetFor, quartersToDate } from '../../functions/core/perjanjian-kinerja.ts';
import { testConfig } from '../fakes/deps.ts';

describe('figures to date by sifat, over four quarters', () => {
  // Cases handled per quarter: 12, 15, 9, 14 → 50 in the year.
  const cases = [12, 15, 9, 14];
  // The share of e-KTP recorded at each quarter's end: the position counts.
  const share = [91.5, 93.25, 95, 96.4];
  // A satisfaction index surveyed every quarter: the year's is the mean.
  const index = [80, 82.5, 81, 84.1];

  it('kumulatif adds the quarters up', () => {
    expect([1, 2, 3, 4].map((n) => figureToDate('kumulatif', cases.slice(0, n)))).toEqual([12, 27, 36, 50]);
    expect(figureToDate('kumulatif', [0.1, 0.2])).toBe(0.3);
  });

  it('non-kumulatif takes the last quarter (posisi akhir)', () => {
    expect([1, 2, 3, 4].map((n) => figureToDate('non-kumulatif', share.slice(0, n)))).toEqual([91.5, 93.25, 95, 96.4]);
  });

  it('rata-rata takes the mean of the quarters so far', () => {
    // 80; (80 + 82,5) / 2; (80 + 82,5 + 81) / 3; (80 + 82,5 + 81 + 84,1) / 4
    expect([1, 2, 3, 4].map((n) => figureToDate('rata-rata', index.slice(0, n)))).toEqual([
      80, 81.25, 81.16666666666667, 81.9,
    ]);
  });

  it('has no figure without any quarter', () => {
    expect(figureToDate('kumulatif', [])).toBeNull();
    expect(figureToDate('rata-rata', [])).toBeNull();
  });
});

describe('PK targets per period', () => {
  const ind = {
    row: 2,
    kode: 'IK-01',
    sasaran: 'S',
    indikator: 'I',
    satuan: 'kasus',
    polaritas: 'naik' as const,
    sifat: 'kumulatif' as const,
    targetTahunan: 40,
    targetTriwulan: [8, 20, 30, 40] as [number, number, number, number],
  };
  it('a quarter takes its Rencana Aksi target to date, the year its annual target', () => {
    expect(pkTargetFor(ind, 'TW1')).toBe(8);
    expect(pkTargetFor(ind, 'TW3')).toBe(30);
    expect(pkTargetFor(ind, 'TAHUNAN')).toBe(40);
  });
  it('names the quarters of a figure to date', () => {
    expect(quartersToDate('TW1')).toEqual(['TW1']);
    expect(quartersToDate('TW3')).toEqual(['TW1', 'TW2', 'TW3']);
    expect(quartersToDate('TAHUNAN')).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
  });
});

describe('capaian rules from the configuration', () => {
  it('defaults to (2T-R)/T, target 0 turun achieved at zero, and a cap of 120 %', () => {
    expect(capaianRules(testConfig())).toEqual(DEFAULT_CAPAIAN_RULES);
    expect(DEFAULT_CAPAIAN_RULES).toEqual({ turunFormula: '(2T-R)/T', targetZero: 'TURUN_NOL_TERCAPAI', cap: 120 });
  });

  it('takes the deployment choice, and refuses a cap below 100 %', () => {
    const base = testConfig();
    const raw = { ...base, targetZero: 'EMPTY_WITH_NOTE', capaian: { turunFormula: 'T/R', cap: 150 } };
    expect(capaianRules(parseConfig(raw, 'test'))).toEqual({
      turunFormula: 'T/R',
      targetZero: 'EMPTY_WITH_NOTE',
      cap: 150,
    });
    expect(() => parseConfig({ ...base, capaian: { cap: 90 } }, 'test')).toThrow();
    expect(() => parseConfig({ ...base, capaian: { turunFormula: 'R/T' } }, 'test')).toThrow();
  });
});

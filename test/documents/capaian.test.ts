import { describe, expect, it } from 'vitest';
import { type CapaianRules, DEFAULT_CAPAIAN_RULES } from '../../functions/core/capaian-rules.ts';
import type { IndicatorRow } from '../../functions/core/performance-data.ts';
import {
  capaianOf,
  computeCapaian,
  computeIndicators,
  DEFAULT_RATING_SCALE,
  kategoriOrder,
  type RatingScale,
  rate,
  ratingScaleOf,
  round2,
} from '../../functions/documents/capaian.ts';
import { summarize } from '../../functions/documents/report-summary.ts';
import { testConfig } from '../fakes/deps.ts';

const EMPTY: CapaianRules = { ...DEFAULT_CAPAIAN_RULES, targetZero: 'EMPTY_WITH_NOTE' };
const T_OVER_R: CapaianRules = { ...DEFAULT_CAPAIAN_RULES, turunFormula: 'T/R' };

function row(over: Partial<IndicatorRow>): IndicatorRow {
  return {
    row: 2,
    tahun: 2026,
    periode: 'TW1',
    kode: 'IK-01',
    sasaran: 'Meningkatnya kualitas pelayanan publik',
    indikator: 'Indeks Kepuasan Masyarakat',
    satuan: 'indeks',
    polaritas: 'naik',
    target: 100,
    realisasi: 100,
    ...over,
  };
}

describe('computeCapaian', () => {
  it('naik: realisasi / target x 100', () => {
    expect(computeCapaian('naik', 82, 83.45)).toBe(101.77);
    expect(computeCapaian('naik', 90, 72.5)).toBe(80.56);
  });

  it('turun: (2 x target - realisasi) / target x 100', () => {
    expect(computeCapaian('turun', 12, 15)).toBe(75);
    expect(computeCapaian('turun', 5, 4.2)).toBe(116);
  });

  it('turun is floored at 0 when realisasi is more than twice the target', () => {
    expect(computeCapaian('turun', 5, 20)).toBe(0);
  });

  it('target 0 of a naik indicator cannot be computed under either rule', () => {
    expect(computeCapaian('naik', 0, 5)).toBeNull();
    expect(computeCapaian('naik', 0, 5, EMPTY)).toBeNull();
  });

  it('target 0 of a turun indicator: achieved at realisasi 0, not achieved above it (the default rule)', () => {
    expect(capaianOf('turun', 0, 0)).toEqual({ capaian: 100, by: 'TARGET_NOL' });
    expect(capaianOf('turun', 0, 2)).toEqual({ capaian: 0, by: 'TARGET_NOL' });
    expect(capaianOf('turun', 0, 0.01, T_OVER_R)).toEqual({ capaian: 0, by: 'TARGET_NOL' });
  });

  it('target 0 of a turun indicator has no capaian under EMPTY_WITH_NOTE', () => {
    expect(capaianOf('turun', 0, 0, EMPTY)).toEqual({ capaian: null });
    expect(capaianOf('turun', 0, 2, EMPTY)).toEqual({ capaian: null });
  });

  it('turun under T/R: target / realisasi x 100, unbounded above; realisasi 0 counts as the cap', () => {
    expect(computeCapaian('turun', 12, 15, T_OVER_R)).toBe(80); // 12 / 15
    expect(computeCapaian('turun', 5, 4.2, T_OVER_R)).toBe(119.05); // 5 / 4,2 = 1,190476…
    expect(computeCapaian('turun', 5, 1, T_OVER_R)).toBe(500);
    expect(capaianOf('turun', 5, 0, T_OVER_R)).toEqual({ capaian: 120, by: 'REALISASI_NOL' });
    expect(capaianOf('turun', 5, 0, { ...T_OVER_R, cap: 150 })).toEqual({ capaian: 150, by: 'REALISASI_NOL' });
    // naik is the same under either turun formula
    expect(computeCapaian('naik', 82, 83.45, T_OVER_R)).toBe(101.77);
  });

  it('rounds half away from zero on 2 decimals', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(90.004)).toBe(90);
    expect(round2(90.005)).toBe(90.01);
  });
});

describe('capaian formula table', () => {
  it.each([
    // polaritas, target, realisasi, capaian, kategori (default scale)
    ['naik', 100, 100, 100, 'Sangat Tinggi'],
    ['naik', 82, 83.45, 101.77, 'Sangat Tinggi'], // above 100 keeps its value and takes the top rating
    ['naik', 50, 200, 400, 'Sangat Tinggi'],
    ['naik', 90, 0, 0, 'Sangat Rendah'],
    ['naik', 3, 1, 33.33, 'Sangat Rendah'], // 33,333… rounds down
    ['naik', 3, 2, 66.67, 'Sedang'], // 66,666… rounds up
    ['naik', 8, 6.0004, 75.01, 'Tinggi'], // 75,005 rounds half up, then rates above 75
    ['naik', 200, 150, 75, 'Sedang'], // exactly 75 is not above 75
    ['turun', 5, 4.2, 116, 'Sangat Tinggi'], // (2×5 − 4,2) / 5
    ['turun', 12, 15, 75, 'Sedang'],
    ['turun', 10, 0, 200, 'Sangat Tinggi'], // nothing at all of a bad thing: twice the target
    ['turun', 5, 10, 0, 'Sangat Rendah'], // realisasi twice the target: 0
    ['turun', 5, 20, 0, 'Sangat Rendah'], // beyond: floored at 0, never negative
    ['naik', 0, 5, null, null], // target 0 never divides
    ['turun', 0, 0, 100, 'Sangat Tinggi'], // zero as the target, and zero it was
    ['turun', 0, 3, 0, 'Sangat Rendah'],
  ] as const)('%s target %d realisasi %d → %s (%s)', (polaritas, target, realisasi, capaian, kategori) => {
    const [ind] = computeIndicators([row({ polaritas, target, realisasi })]);
    expect(ind?.capaian).toBe(capaian);
    expect(ind?.kategori).toBe(kategori);
  });
});

describe('rating scale from the configuration', () => {
  it('the configuration default is the default scale', () => {
    expect(ratingScaleOf(testConfig().ratingScale)).toEqual(DEFAULT_RATING_SCALE);
    expect(kategoriOrder(testConfig().ratingScale)).toEqual([
      'Sangat Tinggi',
      'Tinggi',
      'Sedang',
      'Rendah',
      'Sangat Rendah',
    ]);
  });

  it('rates the same whatever order the bands are written in', () => {
    const lowestFirst: RatingScale = {
      bands: [...DEFAULT_RATING_SCALE.bands].reverse(),
      otherwise: 'Sangat Rendah',
    };
    for (const c of [0, 50, 50.01, 65.5, 75, 80, 90.01, 120]) expect(rate(c, lowestFirst)).toBe(rate(c));
  });

  it('takes names of its own, counted in scale order', () => {
    const scale: RatingScale = {
      bands: [
        { above: 100, kategori: 'Melampaui' },
        { above: 99.99, kategori: 'Tercapai' },
      ],
      otherwise: 'Belum tercapai',
    };
    const inds = computeIndicators(
      [row({ realisasi: 120 }), row({ realisasi: 100 }), row({ realisasi: 99 }), row({ target: 0 })],
      scale,
    );
    expect(inds.map((i) => i.kategori)).toEqual(['Melampaui', 'Tercapai', 'Belum tercapai', null]);
    expect(summarize(inds, scale).byKategori).toEqual({ Melampaui: 1, Tercapai: 1, 'Belum tercapai': 1 });
    expect(Object.keys(summarize(inds, scale).byKategori)).toEqual(['Melampaui', 'Tercapai', 'Belum tercapai']);
  });
});

describe('rate (default scale)', () => {
  it.each([
    [150, 'Sangat Tinggi'],
    [100, 'Sangat Tinggi'],
    [90.5, 'Sangat Tinggi'],
    [90.005, 'Sangat Tinggi'],
    [90.004, 'Tinggi'],
    [90, 'Tinggi'],
    [75.01, 'Tinggi'],
    [75, 'Sedang'],
    [65.01, 'Sedang'],
    [65, 'Rendah'],
    [50.01, 'Rendah'],
    [50, 'Sangat Rendah'],
    [0, 'Sangat Rendah'],
  ] as const)('%d → %s', (capaian, kategori) => {
    expect(rate(capaian)).toBe(kategori);
  });

  it('null stays null', () => {
    expect(rate(null)).toBeNull();
  });

  it('takes another scale from configuration', () => {
    const strict: RatingScale = {
      bands: [
        { above: 99.99, kategori: 'Sangat Tinggi' },
        { above: 80, kategori: 'Sedang' },
      ],
      otherwise: 'Sangat Rendah',
    };
    expect(rate(95, strict)).toBe('Sedang');
    expect(rate(100, strict)).toBe('Sangat Tinggi');
    expect(rate(80, strict)).toBe('Sangat Rendah');
    expect(DEFAULT_RATING_SCALE.bands[0]?.above).toBe(90);
  });
});

describe('computeIndicators and summarize', () => {
  const rows = [
    row({ kode: 'A', target: 82, realisasi: 83.45, pagu: 1_000_000, realisasiAnggaran: 250_000 }),
    row({ kode: 'B', polaritas: 'turun', target: 12, realisasi: 15, pagu: 500_000 }),
    row({ kode: 'C', target: 0, realisasi: 3, keterangan: 'Target nol.' }), // naik: no capaian under any rule
    row({ kode: 'D', target: 90, realisasi: 40, realisasiAnggaran: 10 }),
  ];
  const indicators = computeIndicators(rows);

  it('adds capaian, kategori and serapan anggaran', () => {
    expect(indicators.map((i) => [i.kode, i.capaian, i.kategori, i.serapanAnggaran])).toEqual([
      ['A', 101.77, 'Sangat Tinggi', 25],
      ['B', 75, 'Sedang', null],
      ['C', null, null, null],
      ['D', 44.44, 'Sangat Rendah', null],
    ]);
    expect(indicators[2]?.keterangan).toBe('Target nol.');
  });

  it('applies a custom scale', () => {
    const all = computeIndicators(rows, { bands: [], otherwise: 'Sedang' });
    expect(all.map((i) => i.kategori)).toEqual(['Sedang', 'Sedang', null, 'Sedang']);
  });

  it('summarizes counts, average over computable indicators and budget totals', () => {
    expect(summarize(indicators)).toEqual({
      indicatorCount: 4,
      averageCapaian: round2((101.77 + 75 + 44.44) / 3),
      byKategori: { 'Sangat Tinggi': 1, Tinggi: 0, Sedang: 1, Rendah: 0, 'Sangat Rendah': 1 },
      belowTarget: 2,
      totalPagu: 1_500_000,
      totalRealisasiAnggaran: 250_010,
      // All four share one sasaran: (101,77 + 75 + 44,44) / 3 = 73,74; pagu 1 500 000, spent 250 010 → serapan
      // 16,67 %; 73,74 / 16,67 = 4,42.
      sasaran: [
        {
          sasaran: 'Meningkatnya kualitas pelayanan publik',
          indicatorCount: 4,
          capaian: 73.74,
          kategori: 'Sedang',
          pagu: 1_500_000,
          realisasiAnggaran: 250_010,
          serapan: 16.67,
          efisiensi: 4.42,
        },
      ],
    });
  });

  it('has no average and no budget totals when nothing is given', () => {
    const s = summarize(computeIndicators([row({ target: 0, realisasi: 0 })]));
    expect(s.averageCapaian).toBeNull();
    expect(s.totalPagu).toBeNull();
    expect(s.totalRealisasiAnggaran).toBeNull();
  });
});

describe('capaian per sasaran: capped means and efficiency', () => {
  const ss = (sasaran: string, over: Partial<IndicatorRow>) => row({ sasaran, ...over });
  const rows = [
    // Sasaran A: 400 % counts as 120 %, 60 % as 60 %: (120 + 60) / 2 = 90 (uncapped it would read 230 %).
    ss('A', { kode: 'A1', target: 10, realisasi: 40, pagu: 800, realisasiAnggaran: 600 }),
    ss('A', { kode: 'A2', target: 10, realisasi: 6, pagu: 200, realisasiAnggaran: 200 }),
    // Sasaran B: one indicator at 95 %; it spent 50 of 100 → serapan 50 %, efisiensi 95 / 50 = 1,9.
    ss('B', { kode: 'B1', target: 100, realisasi: 95, pagu: 100, realisasiAnggaran: 50 }),
    // Sasaran C: no computable capaian (naik, target 0), no budget.
    ss('C', { kode: 'C1', target: 0, realisasi: 1, keterangan: 'Target nol.' }),
  ];

  it('averages capped capaian per sasaran and rates the mean; serapan and efisiensi from its budget', () => {
    const s = summarize(computeIndicators(rows));
    expect(s.sasaran).toEqual([
      {
        sasaran: 'A',
        indicatorCount: 2,
        capaian: 90,
        kategori: 'Tinggi',
        pagu: 1000,
        realisasiAnggaran: 800,
        serapan: 80,
        efisiensi: 1.13,
      },
      {
        sasaran: 'B',
        indicatorCount: 1,
        capaian: 95,
        kategori: 'Sangat Tinggi',
        pagu: 100,
        realisasiAnggaran: 50,
        serapan: 50,
        efisiensi: 1.9,
      },
      {
        sasaran: 'C',
        indicatorCount: 1,
        capaian: null,
        kategori: null,
        pagu: null,
        realisasiAnggaran: null,
        serapan: null,
        efisiensi: null,
      },
    ]);
    // Overall: (120 + 60 + 95) / 3 = 91,67, never (400 + 60 + 95) / 3.
    expect(s.averageCapaian).toBe(91.67);
  });

  it('uses the configured cap', () => {
    const rules = { ...DEFAULT_CAPAIAN_RULES, cap: 150 };
    const s = summarize(computeIndicators(rows, DEFAULT_RATING_SCALE, rules), DEFAULT_RATING_SCALE, rules);
    expect(s.sasaran?.[0]?.capaian).toBe(105); // (150 + 60) / 2
    expect(s.averageCapaian).toBe(101.67); // (150 + 60 + 95) / 3
  });
});

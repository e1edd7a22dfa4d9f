/**
 * P2's spread over units, without a stack: the bench-only configuration of 13 fictional kecamatan, the round-robin
 * spread of reports, the time of each SOP step from a report's state timeline, and the comparison with one unit.
 */
import { describe, expect, it } from 'vitest';
import { nthSpreadReport } from '../../bench/lib/data.ts';
import { stepDurations } from '../../bench/lib/steps.ts';
import { compareUnitSpread, spreadPairs } from '../../bench/lib/unit-spread.ts';
import { benchUnitCode, benchUnitsConfig } from '../../bench/lib/units.ts';
import type { P2Result } from '../../bench/parts/p2-load.ts';
import { configSchema } from '../../functions/core/config.ts';
import { testConfig } from '../fakes/deps.ts';

describe('P2 over many units', () => {
  it('makes 13 valid fictional units from the sample’s first unit, each with its own people', () => {
    const config = benchUnitsConfig(testConfig());
    expect(config.units.map((u) => u.organization.unitCode)).toEqual(
      Array.from({ length: 13 }, (_, i) => benchUnitCode(i + 1)),
    );
    expect(configSchema.safeParse(config).success).toBe(true);
    const emails = config.units.flatMap((u) => Object.values(u.people).map((p) => p.email));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => e.endsWith('@example.go.id'))).toBe(true);
    expect(config.units[12]?.people.CAMAT?.nip).toMatch(/^\d{16}13$/);
  });

  it('spreads reports round-robin, every unit through the same periods', () => {
    const units = ['a', 'b', 'c'];
    expect(Array.from({ length: 7 }, (_, i) => nthSpreadReport(i, units, 2000))).toEqual([
      { unit: 'a', tahun: 2000, periode: 'TW1' },
      { unit: 'b', tahun: 2000, periode: 'TW1' },
      { unit: 'c', tahun: 2000, periode: 'TW1' },
      { unit: 'a', tahun: 2000, periode: 'TW2' },
      { unit: 'b', tahun: 2000, periode: 'TW2' },
      { unit: 'c', tahun: 2000, periode: 'TW2' },
      { unit: 'a', tahun: 2000, periode: 'TW3' },
    ]);
  });

  it('times each SOP step from the upload and the states entered', () => {
    const states = ['Assemble', 'IsDataValid', 'Verify', 'IsVerified', 'Ratify', 'IsRatified', 'Archive', 'Documented'];
    const at = [100, 300, 310, 900, 905, 1200, 1210, 1700];
    const timeline = states.map((state, i) => ({ state, at: at[i] as number }));
    expect(stepDurations(0, timeline)).toEqual({ intake: 100, assemble: 200, verify: 590, ratify: 295, archive: 490 });
    // A report that never got past assembly has no human steps.
    expect(stepDurations(0, timeline.slice(0, 2))).toEqual({ intake: 100, assemble: 200 });
  });

  it('compares the spread run with the one-unit run of the same size, in % of the one-unit run', () => {
    const run = (units: number, reportsPerSecond: number, p95: number) =>
      ({
        reports: 26,
        units,
        reportsPerSecond,
        wallMs: 26_000,
        cpuCores: units === 1 ? 1 : 1.5,
        latency: { median: p95, p95 },
        steps: { assemble: { p95 } },
        counts: { dynamoRequests: 26 * 70 },
      }) as unknown as P2Result;
    const spread = run(13, 1.1, 900);
    const one = run(1, 1.0, 1000);
    const rows = compareUnitSpread(spread, one);
    const byMetric = Object.fromEntries(rows.map((r) => [r.metric, r.differencePct]));
    expect(byMetric['reports/s']).toBe(10);
    expect(byMetric['latency p95']).toBe(-10);
    expect(byMetric['p95 of step assemble']).toBe(-10);
    expect(byMetric['p95 of step verify']).toBeUndefined();
    expect(byMetric['DynamoDB requests per report']).toBe(0);
    expect(rows.find((r) => r.metric.startsWith('CPU per report'))).toMatchObject({
      spread: 1500,
      oneUnit: 1000,
      differencePct: 50,
    });
    // A one-unit run is paired with the spread run of its size; one that did not finish is left out.
    expect(spreadPairs([spread], [undefined, one]).map((p) => [p.reports, p.units, p.spread, p.oneUnit])).toEqual([
      [26, 13, spread, one],
    ]);
  });
});

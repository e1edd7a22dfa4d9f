/**
 * The benchmark harness (npm run bench) at a tiny size: proves every part runs in its own process, yields
 * numbers of the right shape and writes RESULTS.md and results.json. Timings are never asserted — this machine
 * is shared and noisy; the real measurements are `npm run bench`.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PARTS } from '../../bench/child.ts';
import { type BenchResults, QUICK, runBench } from '../../bench/harness.ts';

const positive = (x: number | undefined) => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('npm run bench (quick sizes)', () => {
  it('runs P1–P5 in child processes and writes every row of RESULTS.md', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'lapkin-bench-test-'));
    const lines: string[] = [];
    const r: BenchResults = await runBench({ config: QUICK, outDir, log: (l) => lines.push(l) });
    const parts: (keyof typeof PARTS)[] = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const p of parts) expect(lines.some((l) => l.startsWith(`${p.toUpperCase()} —`))).toBe(true);

    // P1: every report documented, both floors measured, the time split into its parts.
    const p1 = r.p1?.result;
    expect(r.p1?.ok).toBe(true);
    expect(p1?.statuses).toEqual({ SUCCEEDED: QUICK.p1.runs });
    expect(p1?.sop.n).toBe(QUICK.p1.runs);
    for (const x of [p1?.sop.median, p1?.engineFloor.median, p1?.inProcessFloor.median, p1?.ratioToInProcessFloor])
      expect(positive(x)).toBe(true);
    expect(p1?.transitionsPerReport).toBe(8);
    expect(p1?.breakdown['DynamoDB requests (count)']).toBeGreaterThan(0);
    expect(p1?.breakdown['mails (count)']).toBe(3);

    // P2: all reports at once, all documented.
    const p2 = r.p2[0]?.result;
    expect(p2?.reports).toBe(QUICK.p2.sizes[0]);
    expect(p2?.documented).toBe(p2?.reports);
    expect(p2?.failed).toBe(0);
    expect(positive(p2?.reportsPerSecond)).toBe(true);
    expect(positive(r.p2[0]?.peakRssMB)).toBe(true);

    // P3: each step at the tiny size, in its own process, valid data.
    for (const step of QUICK.p3.steps) {
      const row = r.p3.find((x) => x.step === step && x.rows === QUICK.p3.sizes[0]);
      expect(row?.outcome.ok, step).toBe(true);
      expect(positive(row?.outcome.result?.ms.median), step).toBe(true);
      expect(positive(row?.outcome.peakRssMB), step).toBe(true);
    }
    expect(r.p3.find((x) => x.step === 'check')?.outcome.result?.valid).toBe(true);
    expect(r.p3.find((x) => x.step === 'raw')?.outcome.result?.output).toBe((QUICK.p3.sizes[0] ?? 0) + 1);

    // P4: the bundle was built with the CDK settings and loaded in a fresh process.
    const bundle = r.p4?.result?.bundles[0];
    expect(bundle?.handler).toBe('intake');
    expect(positive(bundle?.bundleBytes)).toBe(true);
    expect(positive(bundle?.importMs.median)).toBe(true);
    expect(positive(r.p4?.result?.bareNode.median)).toBe(true);

    // P5: counts from the real run, mails cross-checked against MailDev, priced.
    const p5 = r.p5?.result;
    expect(p5?.documented).toBe(QUICK.p5.reports);
    expect(p5?.transitions).toBe(8);
    expect(p5?.mailDevCheck.mailDev).toBe(p5?.mailDevCheck.sent);
    expect(positive(p5?.dynamo.writeUnits)).toBe(true);
    expect(positive(p5?.s3.put)).toBe(true);
    expect(positive(r.cost?.cold.totalUsd)).toBe(true);
    expect(r.cost?.memoryMB.assemble).toBe(1769);

    // Every target judged, and both files written.
    expect([...new Set(r.targets.map((t) => t.id))]).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    for (const t of r.targets) expect(typeof t.met).toBe('boolean');
    const md = readFileSync(join(outDir, 'RESULTS.md'), 'utf8');
    for (const h of ['## Targets', '## P1', '## P2', '## P3', '## P4', '## P5', '## Optimisations'])
      expect(md).toContain(h);
    // Round 2's before/after: the committed baseline next to this run's numbers.
    expect(md).toMatch(/\|\s*P1 one report, median\s*\|\s*\d+ ms\s*\|\s*[\d.]+ (ms|s)\s*\|/);
    expect(existsSync(join(outDir, 'results.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')).machine.cores).toBeGreaterThan(0);
  }, 120_000);
});

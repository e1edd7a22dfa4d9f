import type { P2Result } from '../parts/p2-load.ts';
import { SOP_STEP_SPANS } from './steps.ts';

export interface SpreadRow {
  metric: string;
  spread?: number;
  oneUnit?: number;
  /** (spread − one unit) ÷ one unit, in % (rounded); absent when either side is missing. */
  differencePct?: number;
  /** Whether a higher value is better (throughput) or worse (times, requests). */
  higherIsBetter: boolean;
  unit: 'ms' | 'per s' | 'count';
}

const pct = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !(b > 0) ? undefined : Math.round(((a - b) / b) * 1000) / 10;

/**
 * The same N reports spread over many units and all in one unit, side by side: throughput, end-to-end latency,
 * the p95 of each SOP step, the CPU and the DynamoDB requests per report, with the difference in % of the one-unit
 * run. On a shared machine the times move with others' load (a starved run is slow everywhere); the CPU per report
 * does not.
 */
export function compareUnitSpread(spread: P2Result, oneUnit: P2Result): SpreadRow[] {
  const row = (
    metric: string,
    pick: (x: P2Result) => number | undefined,
    unit: SpreadRow['unit'],
    higherIsBetter = false,
  ): SpreadRow => {
    const a = pick(spread);
    const b = pick(oneUnit);
    return { metric, spread: a, oneUnit: b, differencePct: pct(a, b), higherIsBetter, unit };
  };
  return [
    row('reports/s', (x) => x.reportsPerSecond, 'per s', true),
    row('latency median (upload → documented)', (x) => x.latency.median, 'ms'),
    row('latency p95', (x) => x.latency.p95, 'ms'),
    ...SOP_STEP_SPANS.map(({ step }) => row(`p95 of step ${step}`, (x) => x.steps?.[step]?.p95, 'ms')),
    // The process's CPU time per report: what the run cost, whatever share of the cores others left it.
    row('CPU per report (the whole process)', (x) => (x.cpuCores * x.wallMs) / x.reports, 'ms'),
    row('DynamoDB requests per report', (x) => (x.counts.dynamoRequests ?? 0) / x.reports, 'count'),
  ];
}

/** Pairs each one-unit run with the spread run of the same size. */
export function spreadPairs(
  spread: readonly (P2Result | undefined)[],
  oneUnit: readonly (P2Result | undefined)[],
): { reports: number; units: number; spread: P2Result; oneUnit: P2Result }[] {
  return oneUnit
    .filter((o): o is P2Result => !!o)
    .flatMap((o) => {
      const s = spread.find((x) => x?.reports === o.reports);
      return s ? [{ reports: o.reports, units: s.units ?? 1, spread: s, oneUnit: o }] : [];
    });
}

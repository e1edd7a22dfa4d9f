/**
 * The benchmark harness: runs every part in its own child process (one at a time, so they neither share caches
 * nor compete for the two cores), collects the raw numbers, judges each target and writes RESULTS.md and
 * results.json. `npm run bench` runs the full sizes; the harness test runs the same code at a tiny size.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig } from '../test/fakes/deps.ts';
import { type CostModel, costModel } from './lib/cost.ts';
import { ROOT } from './lib/data.ts';
import { type MachineInfo, machineInfo } from './lib/machine.ts';
import type { P1Options, P1Result } from './parts/p1-sop.ts';
import type { P2Options, P2Result } from './parts/p2-load.ts';
import { type P3Step, type P3StepOptions, type P3StepResult, prepareP3Input } from './parts/p3-assembly.ts';
import { HANDLERS, type P4Options, type P4Result } from './parts/p4-cold-start.ts';
import type { P5Counts, P5Options } from './parts/p5-cost.ts';
import { P6_CASES, type P6Result, p6Targets, prepareP6Inputs } from './parts/p6-upload-limits.ts';
import { type P7Options, type P7Result, p7Targets } from './parts/p7-browser-check.ts';
import { type P8Options, type P8Result, p8Targets } from './parts/p8-portal-pages.ts';
import { renderResults } from './report.ts';

export const CHILD = join(ROOT, 'bench/child.ts');

export interface P3Plan {
  sizes: number[];
  steps: P3Step[];
  /** Sizes at which the XLSX-input steps (raw-xlsx, check-xlsx) also run. */
  xlsxInputSizes: number[];
  /** Time limit of the PDF step at the largest size, ms: past it the step is stopped and reported as such. */
  largestPdfLimitMs: number;
  /**
   * Steps at the largest size (default: all). There the total would only add the PDF and XLSX steps up again,
   * and the bench has 10 minutes (the PDF of 100 000 rows alone takes over 2 minutes on 2 cores, so it is stopped
   * at largestPdfLimitMs); the whole assembly runs at the configured maximum instead.
   */
  stepsAtLargest?: P3Step[];
  /** Also run the whole assembly at the configured maximum upload (cdk.json dataLimits.maxRows). */
  atConfiguredMaximum: boolean;
  /** Sizes (indicators) at which the annual report's LKjIP PDF is rendered (step lkjip). */
  lkjipSizes?: number[];
}

export interface BenchConfig {
  name: 'full' | 'quick';
  p1: P1Options;
  /**
   * P2 at each size with the reports spread over `units` units; at `oneUnitSizes` the same N again in one unit
   * (the difference is reported).
   */
  p2: { sizes: number[]; profileSize: number; units: number; oneUnitSizes: number[] };
  p3: P3Plan;
  p4: P4Options;
  p5: P5Options;
  /** P6, uploads at the size limit (its inputs are 10 MB files: not at quick sizes). */
  p6?: boolean;
  /** P7, the upload check in chromium (the bundled worker) against the same check in Node. */
  p7?: P7Options;
  /** P8, the portal's pages on the local stack: server time per page. */
  p8?: P8Options;
}

export const FULL: BenchConfig = {
  name: 'full',
  p1: { runs: 20, warmup: 3, floorRuns: 20 },
  p2: { sizes: [50, 200, 500], profileSize: 10, units: 13, oneUnitSizes: [200] },
  p3: {
    sizes: [100, 1000, 10_000, 100_000],
    steps: ['raw', 'check', 'pdf', 'xlsx', 'total'],
    xlsxInputSizes: [10_000],
    largestPdfLimitMs: 60_000,
    stepsAtLargest: ['raw', 'check', 'pdf', 'xlsx'],
    atConfiguredMaximum: true,
    lkjipSizes: [1000],
  },
  p4: { handlers: HANDLERS, reps: 7, variantHandlers: ['intake', 'assemble'] },
  p5: { reports: 5, warmup: 1 },
  p6: true,
  p7: { rows: 1000, warmup: 3, reps: 11 },
  p8: { warmup: 5, reps: 60 },
};

/** Tiny sizes: proves the harness end to end in seconds (the harness test). */
export const QUICK: BenchConfig = {
  name: 'quick',
  p1: { runs: 2, warmup: 0, floorRuns: 2 },
  p2: { sizes: [3], profileSize: 0, units: 13, oneUnitSizes: [3] },
  p3: {
    sizes: [10],
    steps: ['raw', 'check', 'total'],
    xlsxInputSizes: [],
    largestPdfLimitMs: 60_000,
    atConfiguredMaximum: false,
  },
  p4: { handlers: ['intake'], reps: 2, variantHandlers: [] },
  p5: { reports: 1, warmup: 0 },
};

export interface ChildOutcome<T> {
  ok: boolean;
  /** Why there is no result: 'stopped after N s', 'exit code N', … */
  error?: string;
  result?: T;
  wallMs: number;
  /** Peak RSS of the child process (its own maxRSS, or VmHWM read from /proc while it ran). */
  peakRssMB: number;
}

export interface P3Row {
  rows: number;
  step: P3Step;
  outcome: ChildOutcome<P3StepResult>;
  /** Why a step was not run at all. */
  skipped?: string;
}

export interface Target {
  id: string;
  what: string;
  result: string;
  target: string;
  met: boolean;
  reason: string;
}

export interface BenchResults {
  config: BenchConfig;
  machine: MachineInfo;
  durationMs: number;
  p1?: ChildOutcome<P1Result>;
  p2: ChildOutcome<P2Result>[];
  /** The same N as a P2 size, all in one unit: compared with the spread run of that size. */
  p2OneUnit?: ChildOutcome<P2Result>[];
  p2Profile?: ChildOutcome<P2Result>;
  p3: P3Row[];
  /** The whole assembly at the configured maximum upload: does it fit the assemble function? */
  p3AtMaximum?: P3Row;
  p3Inputs: Record<number, { csvBytes: number; xlsxBytes?: number }>;
  p4?: ChildOutcome<P4Result>;
  p5?: ChildOutcome<P5Counts>;
  cost?: CostModel;
  p6?: ChildOutcome<P6Result>[];
  p7?: ChildOutcome<P7Result>;
  p8?: ChildOutcome<P8Result>;
  /**
   * Parts kept from an earlier run (`--only` re-runs some parts and keeps the others of the results.json it
   * updates): for each, the run it was measured in.
   */
  earlierParts?: Record<string, { commit: string; date: string; config: string; machine?: string }>;
  targets: Target[];
}

const PART_KEYS = {
  p1: ['p1'],
  p2: ['p2', 'p2OneUnit', 'p2Profile'],
  p3: ['p3', 'p3AtMaximum', 'p3Inputs'],
  p4: ['p4'],
  p5: ['p5'],
  p6: ['p6'],
  p7: ['p7'],
  p8: ['p8'],
} as const satisfies Record<string, (keyof BenchResults)[]>;

/**
 * `--only`: the parts not run now are taken from the results.json being updated, each remembered with the run it
 * came from, and the cost is recomputed from the P5 counts and the P4 cold starts now at hand.
 */
export function keepEarlierParts(now: BenchResults, earlier: BenchResults, ran: (part: string) => boolean): void {
  const target = now as unknown as Record<string, unknown>;
  const source = earlier as unknown as Record<string, unknown>;
  for (const [part, keys] of Object.entries(PART_KEYS)) {
    if (ran(part)) continue;
    const present = keys.some((k) => {
      const v = source[k];
      return Array.isArray(v)
        ? v.length > 0
        : v !== undefined && (typeof v !== 'object' || Object.keys(v as object).length > 0);
    });
    if (!present) continue;
    for (const k of keys) if (source[k] !== undefined) target[k] = source[k];
    now.earlierParts ??= {};
    now.earlierParts[part] = earlier.earlierParts?.[part] ?? {
      commit: earlier.machine.commit,
      date: earlier.machine.date,
      config: earlier.config.name,
      machine: `${earlier.machine.cpuModel}, ${earlier.machine.cores} cores, Node ${earlier.machine.node}`,
    };
  }
  if (now.p5?.result) now.cost = costModel(now.p5.result, now.p4?.result);
}

function vmHwmMB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** One part in a child process; progress lines (its stderr) are passed to `log`. */
export function runChild<T>(
  part: string,
  options: unknown,
  opts: { timeoutMs: number; log: (line: string) => void },
): Promise<ChildOutcome<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-bench-out-'));
  const outFile = join(dir, 'result.json');
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, part, JSON.stringify(options), outFile], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_NO_WARNINGS: '1',
        LAPKIN_LOG_LEVEL: 'SILENT',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        POWERTOOLS_METRICS_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    const poll = setInterval(() => {
      if (child.pid) peak = Math.max(peak, vmHwmMB(child.pid));
    }, 200);
    let stopped = false;
    const timer = setTimeout(() => {
      stopped = true;
      if (child.pid) peak = Math.max(peak, vmHwmMB(child.pid));
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    let pending = '';
    const forward = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) opts.log(l);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (pending.trim()) opts.log(pending);
      const wallMs = Math.round(performance.now() - t0);
      let outcome: ChildOutcome<T>;
      if (code === 0 && existsSync(outFile)) {
        const data = JSON.parse(readFileSync(outFile, 'utf8')) as { result: T; process: { maxRssMB: number } };
        outcome = { ok: true, result: data.result, wallMs, peakRssMB: Math.max(peak, data.process.maxRssMB) };
      } else {
        const error = stopped
          ? `stopped after ${(opts.timeoutMs / 1000).toFixed(0)} s (time limit)`
          : `exited with code ${code}`;
        outcome = { ok: false, error, wallMs, peakRssMB: peak };
      }
      rmSync(dir, { recursive: true, force: true });
      resolve(outcome);
    });
  });
}

/** Warm-up and repetitions of a P3 step: cheap steps repeat, the expensive ones at large sizes run once. */
function p3Reps(rows: number, step: P3Step, quick: boolean): { warmup: number; reps: number } {
  if (quick) return { warmup: 0, reps: 1 };
  if (rows <= 100) return { warmup: 1, reps: 5 };
  if (rows <= 1000) return { warmup: 1, reps: 3 };
  if (rows <= 10_000)
    return ['raw', 'check', 'raw-xlsx', 'check-xlsx'].includes(step) ? { warmup: 1, reps: 3 } : { warmup: 0, reps: 1 };
  return { warmup: 0, reps: 1 };
}

export interface RunOptions {
  config: BenchConfig;
  /** Where RESULTS.md and results.json go. */
  outDir: string;
  log?: (line: string) => void;
  /** Parts to run (default all). */
  only?: string[];
}

export async function runBench(o: RunOptions): Promise<BenchResults> {
  const log = o.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const want = (p: string) => !o.only || o.only.includes(p);
  const c = o.config;
  const t0 = performance.now();
  const machine = machineInfo(ROOT);
  log(
    `lapkin bench (${c.name}) on ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGB} GB, Node ${machine.node}, commit ${machine.commit}${machine.dirty ? ' (+ uncommitted changes)' : ''}`,
  );
  const results: BenchResults = { config: c, machine, durationMs: 0, p2: [], p3: [], p3Inputs: {}, targets: [] };
  const child = <T>(part: string, options: unknown, timeoutMs: number) =>
    runChild<T>(part, options, { timeoutMs, log });

  if (want('p1')) {
    log('P1 — one report through the whole SOP');
    results.p1 = await child<P1Result>('p1', c.p1, 300_000);
  }
  if (want('p2')) {
    for (const reports of c.p2.sizes) {
      log(`P2 — ${reports} reports at once, over ${c.p2.units} units`);
      results.p2.push(await child<P2Result>('p2', { reports, units: c.p2.units } satisfies P2Options, 600_000));
    }
    results.p2OneUnit = [];
    for (const reports of c.p2.oneUnitSizes) {
      log(`P2 — ${reports} reports at once, all in one unit (to compare)`);
      results.p2OneUnit.push(await child<P2Result>('p2', { reports, units: 1 } satisfies P2Options, 600_000));
    }
    if (c.p2.profileSize > 0) {
      log(`P2 — ${c.p2.profileSize} reports at once, CPU profiled (where the time goes)`);
      results.p2Profile = await child<P2Result>(
        'p2',
        { reports: c.p2.profileSize, units: c.p2.units, profile: true } satisfies P2Options,
        600_000,
      );
    }
  }
  if (want('p3')) {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-bench-p3-'));
    const largest = Math.max(...c.p3.sizes);
    for (const rows of c.p3.sizes) {
      const withXlsx = c.p3.xlsxInputSizes.includes(rows);
      results.p3Inputs[rows] = await prepareP3Input(dir, rows, withXlsx);
      const base = rows === largest && c.p3.stepsAtLargest ? c.p3.stepsAtLargest : c.p3.steps;
      const steps: P3Step[] = [...base, ...(withXlsx ? (['raw-xlsx', 'check-xlsx'] as P3Step[]) : [])];
      for (const left of c.p3.steps.filter((s) => !base.includes(s))) {
        results.p3.push({
          rows,
          step: left,
          skipped:
            'not run at this size: it would add up the PDF and XLSX steps again; the whole assembly runs at the configured maximum (below)',
          outcome: { ok: false, wallMs: 0, peakRssMB: 0, error: 'skipped' },
        });
      }
      for (const step of steps) {
        const failedPart = results.p3.find((r) => r.rows === rows && !r.outcome.ok && ['pdf', 'xlsx'].includes(r.step));
        if (step === 'total' && rows === largest && failedPart && c.name === 'full') {
          results.p3.push({
            rows,
            step,
            skipped: `not run: ${failedPart.step} alone did not finish (${failedPart.outcome.error})`,
            outcome: { ok: false, wallMs: 0, peakRssMB: 0, error: 'skipped' },
          });
          continue;
        }
        const { warmup, reps } = p3Reps(rows, step, c.name === 'quick');
        const limit = rows === largest && step === 'pdf' && c.name === 'full' ? c.p3.largestPdfLimitMs : 180_000;
        log(`P3 — ${rows} rows: ${step}${warmup ? ` (1 warm-up + ${reps})` : reps > 1 ? ` (×${reps})` : ''}`);
        const outcome = await child<P3StepResult>(
          'p3',
          { step, rows, dir, warmup, reps } satisfies P3StepOptions,
          limit,
        );
        if (!outcome.ok) log(`P3 — ${rows} rows: ${step} ${outcome.error}, peak RSS ${outcome.peakRssMB} MB`);
        results.p3.push({ rows, step, outcome });
      }
    }
    for (const rows of c.p3.lkjipSizes ?? []) {
      const { warmup, reps } = p3Reps(rows, 'lkjip', c.name === 'quick');
      log(`P3 — ${rows} indicators: the TAHUNAN report as an LKjIP${reps > 1 ? ` (×${reps})` : ''}`);
      const outcome = await child<P3StepResult>(
        'p3',
        { step: 'lkjip', rows, dir, warmup, reps } satisfies P3StepOptions,
        180_000,
      );
      if (!outcome.ok) log(`P3 — ${rows} indicators: lkjip ${outcome.error}, peak RSS ${outcome.peakRssMB} MB`);
      results.p3.push({ rows, step: 'lkjip', outcome });
    }
    if (c.p3.atConfiguredMaximum) {
      const rows = testConfig().dataLimits.maxRows;
      await prepareP3Input(dir, rows, false);
      log(`P3 — ${rows} rows (the configured maximum upload): total`);
      const outcome = await child<P3StepResult>(
        'p3',
        { step: 'total', rows, dir, warmup: 0, reps: 1 } satisfies P3StepOptions,
        240_000,
      );
      results.p3AtMaximum = { rows, step: 'total', outcome };
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (want('p4')) {
    // Three builds per handler (as deployed, SDK external, SDK reference), each loaded every round: ≈ 3 minutes
    // with others at work on the same cores.
    log('P4 — cold start of every handler bundle');
    results.p4 = await child<P4Result>('p4', c.p4, 480_000);
  }
  if (want('p5')) {
    log('P5 — counts for the cost per report');
    results.p5 = await child<P5Counts>('p5', c.p5, 300_000);
    if (results.p5.result) results.cost = costModel(results.p5.result, results.p4?.result);
  }
  if (want('p6') && c.p6) {
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-bench-p6-'));
    const files = prepareP6Inputs(dir);
    results.p6 = [];
    for (const kase of P6_CASES) {
      log(`P6 — upload at the size limit: ${kase}`);
      results.p6.push(await child<P6Result>('p6', { case: kase, file: files[kase] }, 120_000));
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (want('p7') && c.p7) {
    log(`P7 — the upload check of ${c.p7.rows} rows in chromium vs Node`);
    results.p7 = await child<P7Result>('p7', c.p7, 180_000);
  }
  if (want('p8') && c.p8) {
    log(`P8 — the portal's pages on the local stack, ${c.p8.reps} requests each`);
    results.p8 = await child<P8Result>('p8', c.p8, 300_000);
  }
  results.durationMs = Math.round(performance.now() - t0);
  if (results.machine.loadAverage) results.machine.loadAverage.end = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const earlierFile = join(o.outDir, 'results.json');
  if (o.only && existsSync(earlierFile)) {
    keepEarlierParts(results, JSON.parse(readFileSync(earlierFile, 'utf8')) as BenchResults, want);
    if (results.earlierParts) log(`kept from ${earlierFile}: ${Object.keys(results.earlierParts).join(', ')}`);
  }
  results.targets = [
    ...judge(results),
    ...p6Targets(results.p6 ?? []),
    ...p7Targets(results.p7),
    ...p8Targets(results.p8),
  ];
  mkdirSync(o.outDir, { recursive: true });
  writeFileSync(join(o.outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeResults(join(o.outDir, 'RESULTS.md'), results);
  log(
    `done in ${(results.durationMs / 1000).toFixed(0)} s: ${results.targets.filter((t) => t.met).length}/${results.targets.length} targets met; wrote ${join(o.outDir, 'RESULTS.md')}`,
  );
  return results;
}

/** RESULTS.md, formatted by the project's formatter (biome formats Markdown tables), so `npm run lint` stays green. */
export function writeResults(file: string, results: BenchResults): void {
  writeFileSync(file, renderResults(results));
  const biome = join(ROOT, 'node_modules/.bin/biome');
  if (existsSync(biome)) spawnSync(biome, ['format', '--write', file], { cwd: ROOT, stdio: 'ignore' });
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

/**
 * The limits, each a ratio to a floor measured in the same run (issue 11, section 7): a 2-core machine can meet
 * them, and a slower or faster machine moves the floor with the measurement.
 */
export const LIMITS = {
  /** P1: one report on the local stack ≤ this × the same use cases in-process on in-memory ports. */
  p1RatioToInProcessFloor: 1.5,
  /** P2: reports/s at the largest size ≥ this share of cores ÷ the in-process floor's CPU per report. */
  p2ShareOfCpuCeiling: 0.75,
  /** P2: the size the throughput is judged at (every report documented). */
  p2AtReports: 500,
  /** P3: the whole assembly (validate, PDF, XLSX) at two sizes, ms. */
  p3: [
    { rows: 1000, maxMs: 1000 },
    { rows: 20_000, maxMs: 10_000 },
  ],
  /** P3: linear = time per row at the larger size ≤ this × time per row at the smaller (×12.5 per 10×). */
  p3PerRowGrowth: 1.25,
  /** P3: peak RSS of any step at the largest size, MB (unchanged by issue 11). */
  p3PeakRssMB: 300,
  /**
   * P4: each handler's cold load ≤ this × a bundle that loads only the same AWS SDK packages (CPU time of the
   * fresh process up to the end of the load: on a shared machine wall time mostly measures the others).
   */
  p4RatioToSdkReference: 1.3,
  /** P4: bundle size without the (bundled) AWS SDK, all but the PDF assembler, bytes. */
  p4BundleBytesWithoutSdk: 1024 * 1024,
  /** P5: cost per report (every invocation cold) ≤ this × the SOP's own cost: its mails and state transitions. */
  p5RatioToSopOwnCost: 1.35,
} as const;

const x2 = (v: number) => `${Math.round(v * 100) / 100}×`;

export function judgeP1(r: BenchResults): Target[] {
  const p1 = r.p1?.result;
  if (!p1) return [];
  const limit = LIMITS.p1RatioToInProcessFloor;
  const ratio = p1.sop.median / p1.inProcessFloor.median;
  const met = ratio <= limit;
  const b = p1.breakdown;
  const mail = b['· mail over SMTP (inside the above)'] ?? 0;
  const db = b['· DynamoDB calls (inside the above)'] ?? 0;
  return [
    {
      id: 'P1',
      what: 'one report through the SOP on the local stack (median, p95)',
      result: `${ms(p1.sop.median)} (p95 ${ms(p1.sop.p95)}) = ${x2(ratio)} the in-process floor ${ms(p1.inProcessFloor.median)}; ${p1.ratioToEngineFloor}× the engine floor ${ms(p1.engineFloor.median)}`,
      target: `≤ ${limit}× the in-process floor (the same use cases on in-memory ports, same run)`,
      met,
      reason: met
        ? `holds: the stack adds ${ms(p1.sop.median - p1.inProcessFloor.median)} to the work itself`
        : `the stack adds ${ms(p1.sop.median - p1.inProcessFloor.median)} to the work itself (${limit}× allows ${ms((limit - 1) * p1.inProcessFloor.median)}): per report ${ms(db)} is DynamoDB (${b['DynamoDB requests (count)']} requests to dynalite, a LevelDB-backed emulator in the same thread) and ${ms(mail)} mail over SMTP into MailDev (${b['mails (count)']} mails)`,
    },
  ];
}

/** The in-process floor's CPU per report, ms (its wall time from runs that did not measure CPU). */
function floorCpuMs(r: BenchResults): { ms: number; measured: 'CPU' | 'wall' } | undefined {
  const p1 = r.p1?.result;
  if (!p1) return undefined;
  if (p1.inProcessFloorCpu) return { ms: p1.inProcessFloorCpu.median, measured: 'CPU' };
  return { ms: p1.inProcessFloor.median, measured: 'wall' };
}

export function judgeP2(r: BenchResults): Target[] {
  const p2 = r.p2.map((o) => o.result).filter((x): x is P2Result => !!x);
  const biggest = p2.at(-1);
  if (!biggest) return [];
  const floor = floorCpuMs(r);
  const cores = r.machine.cores;
  const ceiling = floor ? cores / (floor.ms / 1000) : Number.NaN;
  const needed = LIMITS.p2ShareOfCpuCeiling * ceiling;
  const all = biggest.documented === biggest.reports;
  const atSize = biggest.reports >= LIMITS.p2AtReports;
  const fast = biggest.reportsPerSecond >= needed;
  const prof = r.p2Profile?.result?.cpuByComponentMs;
  const top = prof
    ? Object.entries(prof)
        .filter(([k]) => !k.startsWith('idle'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${Math.round((100 * v) / Object.values(prof).reduce((s, x) => s + x, 0))} %`)
        .join(', ')
    : '';
  const why: string[] = [];
  if (!floor) why.push('no in-process floor (P1 did not run), so no ceiling');
  if (!atSize) why.push(`judged at ${LIMITS.p2AtReports} reports, this run went to ${biggest.reports}`);
  if (!all)
    why.push(
      `${biggest.reports - biggest.documented} not documented (${Object.entries(biggest.notDocumented ?? {})
        .map(([k, v]) => `${v} × ${k}`)
        .join('; ')})`,
    );
  if (floor && !fast)
    why.push(
      `${biggest.reportsPerSecond} reports/s is ${Math.round((100 * biggest.reportsPerSecond) / ceiling)} % of the ceiling: the local stack is one Node process, its event loop ${Math.round(biggest.eventLoopUtilization * 100)} % busy using ${biggest.cpuCores} of ${cores} cores${top ? `; CPU by component: ${top}` : ''}`,
    );
  const met = !!floor && all && atSize && fast;
  return [
    {
      id: 'P2',
      what: `${biggest.reports} reports at once${biggest.units ? ` over ${biggest.units} unit${biggest.units > 1 ? 's' : ''}` : ''}`,
      result: `${biggest.reportsPerSecond} reports/s, ${biggest.documented}/${biggest.reports} documented in ${ms(biggest.wallMs)}, peak RSS ${biggest.peakRssMB} MB`,
      target: floor
        ? `≥ ${Math.round(LIMITS.p2ShareOfCpuCeiling * 100)} % of ${cores} cores ÷ ${ms(floor.ms)} (the in-process floor's ${floor.measured} per report) = ≥ ${Math.round(needed * 100) / 100} reports/s at ${LIMITS.p2AtReports}, all documented`
        : `≥ ${Math.round(LIMITS.p2ShareOfCpuCeiling * 100)} % of cores ÷ the in-process floor's CPU per report, at ${LIMITS.p2AtReports}, all documented`,
      met,
      reason: met ? 'holds' : why.join('; '),
    },
  ];
}

/** Median of the whole assembly at `rows`: the size curve's total, or the run at the configured maximum. */
export function p3TotalAt(r: BenchResults, rows: number): { ms?: number; error?: string } | undefined {
  const row =
    r.p3.find((x) => x.rows === rows && x.step === 'total') ??
    (r.p3AtMaximum?.rows === rows ? r.p3AtMaximum : undefined);
  if (!row) return undefined;
  if (row.skipped) return { error: row.skipped };
  return row.outcome.result ? { ms: row.outcome.result.ms.median } : { error: row.outcome.error ?? 'no result' };
}

/** Per-row growth of the whole assembly between every pair of sizes measured next to each other. */
export function p3Linearity(r: BenchResults): { from: number; to: number; perRowGrowth: number }[] {
  const sizes = [...new Set([...r.p3.map((x) => x.rows), ...(r.p3AtMaximum ? [r.p3AtMaximum.rows] : [])])]
    .sort((a, b) => a - b)
    .map((rows) => ({ rows, ms: p3TotalAt(r, rows)?.ms }))
    .filter((x): x is { rows: number; ms: number } => x.ms !== undefined && x.ms > 0);
  const out: { from: number; to: number; perRowGrowth: number }[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1] as { rows: number; ms: number };
    const b = sizes[i] as { rows: number; ms: number };
    out.push({ from: a.rows, to: b.rows, perRowGrowth: Math.round((b.ms / b.rows / (a.ms / a.rows)) * 100) / 100 });
  }
  return out;
}

export function judgeP3(r: BenchResults): Target[] {
  const sizes = [...new Set(r.p3.map((x) => x.rows))].sort((a, b) => a - b);
  if (!sizes.length && !r.p3AtMaximum) return [];
  const out: Target[] = [];
  const p3 = (rows: number, step: P3Step) => r.p3.find((x) => x.rows === rows && x.step === step);
  for (const { rows, maxMs } of LIMITS.p3) {
    const t = p3TotalAt(r, rows);
    const pdf = p3(rows, 'pdf')?.outcome.result?.ms.median;
    const xlsx = p3(rows, 'xlsx')?.outcome.result?.ms.median;
    const check = p3(rows, 'check')?.outcome.result?.ms.median;
    const met = t?.ms !== undefined && t.ms <= maxMs;
    out.push({
      id: 'P3',
      what: `assembly of ${rows.toLocaleString('en')} rows (validate + PDF + XLSX)`,
      result: t?.ms !== undefined ? ms(t.ms) : t ? `did not finish (${t.error})` : 'not measured',
      target: `≤ ${ms(maxMs)}`,
      met,
      reason: met
        ? 'holds'
        : t?.ms === undefined
          ? `not measured at ${rows.toLocaleString('en')} rows in this run`
          : `${(((t.ms / rows) * 1000) | 0).toLocaleString('en')} µs per indicator; ${ms(maxMs)} leaves ${Math.round((maxMs * 1000) / rows)} µs${pdf ? `; PDF ${ms(pdf)}, XLSX ${ms(xlsx ?? 0)}, validate + compute ${ms(check ?? 0)}` : ''} — the PDF (pdfkit laying out and writing every row in four sections) is the largest part`,
    });
  }
  const lin = p3Linearity(r);
  const limit = LIMITS.p3PerRowGrowth;
  const bad = lin.filter((g) => g.perRowGrowth > limit);
  out.push({
    id: 'P3',
    what: 'linear in rows (whole assembly, time per row between sizes)',
    result:
      lin.map((g) => `${g.from.toLocaleString('en')}→${g.to.toLocaleString('en')}: ×${g.perRowGrowth}`).join(', ') ||
      'n/a',
    target: `time per row grows ≤ ×${limit} from one size to the next (×${limit * 10} per 10× rows)`,
    met: lin.length > 0 && bad.length === 0,
    reason:
      lin.length === 0
        ? 'not measured: needs two sizes'
        : bad.length === 0
          ? 'holds where measured'
          : `super-linear: ${bad.map((g) => `${g.from.toLocaleString('en')}→${g.to.toLocaleString('en')}`).join(', ')} (see the step table)`,
  });
  const largest = sizes.at(-1);
  if (largest !== undefined) {
    const rssSteps = r.p3.filter((x) => x.rows === largest && !x.skipped);
    const peak = Math.max(0, ...rssSteps.map((x) => x.outcome.peakRssMB));
    const cap = LIMITS.p3PeakRssMB;
    out.push({
      id: 'P3',
      what: `peak RSS at ${largest.toLocaleString('en')} rows`,
      result: `${peak} MB (largest step: ${[...rssSteps].sort((a, b) => b.outcome.peakRssMB - a.outcome.peakRssMB)[0]?.step ?? '-'})`,
      target: `≤ ${cap} MB`,
      met: peak > 0 && peak <= cap,
      reason:
        peak <= cap
          ? 'holds'
          : `the data alone (parsed and checked) peaks at ${p3(largest, 'check')?.outcome.peakRssMB ?? '–'} MB before any rendering; rendering adds the rest (see the step table)${
              rssSteps.some((x) => !x.outcome.ok)
                ? `; ${rssSteps
                    .filter((x) => !x.outcome.ok)
                    .map((x) => `${x.step} was ${x.outcome.error}, so its peak is a lower bound`)
                    .join('; ')}`
                : ''
            }`,
    });
  }
  return out;
}

export function judgeP4(r: BenchResults): Target[] {
  const p4 = r.p4?.result;
  if (!p4) return [];
  const limit = LIMITS.p4RatioToSdkReference;
  const ratios = p4.bundles.map((b) => b.ratioToSdkReference).filter((x) => Number.isFinite(x));
  const slow = p4.bundles.filter((b) => !(b.ratioToSdkReference <= limit));
  const withoutSdk = (b: (typeof p4.bundles)[number]) => b.bundleBytes - (b.sdkBytes ?? 0);
  const big = p4.bundles.filter((b) => b.handler !== 'assemble' && withoutSdk(b) > LIMITS.p4BundleBytesWithoutSdk);
  return [
    {
      id: 'P4',
      what: 'cold start: fresh node loading each handler bundle',
      result: ratios.length
        ? `${Math.min(...ratios)}×–${Math.max(...ratios)}× a bundle loading only the same AWS SDK packages (${p4.bundles.map((b) => `${b.handler} ${b.ratioToSdkReference}×`).join(', ')})`
        : 'no SDK reference measured',
      target: `each ≤ ${limit}× its SDK reference (CPU time of the fresh process, same run)`,
      met: ratios.length === p4.bundles.length && slow.length === 0,
      reason:
        slow.length === 0
          ? 'holds for every handler'
          : `${slow.length}/${p4.bundles.length} above (${slow.map((b) => `${b.handler} ${ms(b.importMs.median)}`).join(', ')}): beyond the SDK clients every function loads middy, Powertools (Logger, Metrics, Tracer with the X-Ray SDK) and zod at import${slow.some((b) => b.handler === 'assemble' || b.handler === 'archive') ? '; assemble and archive also load pdfkit, fontkit and ExcelJS' : ''} — see the largest packages in the P4 table`,
    },
    {
      id: 'P4',
      what: 'bundle size without the bundled AWS SDK (all but assemble)',
      result: p4.bundles.map((b) => `${b.handler} ${(withoutSdk(b) / 1024).toFixed(0)} KiB`).join(', '),
      target: `≤ ${LIMITS.p4BundleBytesWithoutSdk / 1024 / 1024} MB except the PDF assembler`,
      met: big.length === 0,
      reason: big.length === 0 ? 'holds' : `${big.map((b) => b.handler).join(', ')} above (archive renders PDFs too)`,
    },
  ];
}

/** The SOP's own AWS cost per report: its mails (SES) and its state transitions — what any implementation pays. */
export function sopOwnCostUsd(cost: CostModel): number {
  return cost.cold.lines
    .filter((l) => SOP_OWN_COST_ITEMS.some((item) => l.item.startsWith(item)))
    .reduce((s, l) => s + l.usd, 0);
}
export const SOP_OWN_COST_ITEMS = ['Step Functions state transitions', 'SES messages', 'SES attachments'];

export function judgeP5(r: BenchResults): Target[] {
  if (!r.cost) return [];
  const own = sopOwnCostUsd(r.cost);
  const limit = LIMITS.p5RatioToSopOwnCost;
  const total = r.cost.cold.totalUsd;
  const ratio = own > 0 ? total / own : Number.NaN;
  const met = ratio <= limit;
  return [
    {
      id: 'P5',
      what: 'cost per report on AWS (every invocation cold)',
      result: `$${total.toFixed(6)} = ${x2(ratio)} the SOP's own $${own.toFixed(6)} (warm $${r.cost.warm.totalUsd.toFixed(6)}; +25 % Jakarta margin $${r.cost.jakartaMarginTotalUsd.toFixed(6)})`,
      target: `≤ ${limit}× the SOP's own cost (its mails and state transitions) = ≤ $${(limit * own).toFixed(6)}`,
      met,
      reason: `${met ? 'holds; ' : `$${(total - limit * own).toFixed(6)} over; `}everything else $${(total - own).toFixed(6)}, ${topCostReason(r.cost)}`,
    },
  ];
}

/** Each target of the issue, met or not, with the reason in numbers. */
export function judge(r: BenchResults): Target[] {
  return [...judgeP1(r), ...judgeP2(r), ...judgeP3(r), ...judgeP4(r), ...judgeP5(r)];
}

function topCostReason(cost: CostModel): string {
  const lines = [...cost.cold.lines]
    .filter((l) => !SOP_OWN_COST_ITEMS.some((item) => l.item.startsWith(item)))
    .sort((a, b) => b.usd - a.usd)
    .slice(0, 3);
  return `largest of it: ${lines.map((l) => `${l.item} $${l.usd.toFixed(6)}`).join(', ')}`;
}

export function growthFactors(r: BenchResults, step: P3Step): { from: number; to: number; factor: number }[] {
  const rows = r.p3
    .filter((x) => x.step === step && x.outcome.result)
    .map((x) => ({ rows: x.rows, ms: x.outcome.result?.ms.median ?? 0 }))
    .sort((a, b) => a.rows - b.rows);
  const out: { from: number; to: number; factor: number }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (!a || !b || b.rows !== a.rows * 10 || a.ms <= 0) continue;
    out.push({ from: a.rows, to: b.rows, factor: Math.round((b.ms / a.ms) * 10) / 10 });
  }
  return out;
}

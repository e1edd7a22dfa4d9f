/**
 * P2 — many reports at once on the local stack: N uploads put together, spread round-robin over the units of a
 * bench-only configuration (13 fictional kecamatan, as many as Kota Tangerang has; `units: 1` puts the same N in
 * one unit of it), scripted people approve every decision through the HTTP endpoint as soon as its mail is out;
 * measured until every execution has ended, with the time of each SOP step per report. Also what limits the
 * run: event-loop utilisation, CPU, time inside each handler and, when profiled, CPU by component.
 */
import { performance } from 'node:perf_hooks';
import { listReports } from '../../functions/usecases/unit-reports.ts';
import { testConfig } from '../../test/fakes/deps.ts';
import { nthSpreadReport, reportIdOf, sampleFor, uploadKey } from '../lib/data.ts';
import { startProfiler } from '../lib/profile.ts';
import { startBenchStack } from '../lib/sop.ts';
import { round, type Summary, sum, summarize } from '../lib/stats.ts';
import { SOP_STEP_SPANS, type SopStepName, stepDurations } from '../lib/steps.ts';
import { benchUnitCode, benchUnitsConfig, KECAMATAN_OF_A_CITY } from '../lib/units.ts';

export interface P2Options {
  reports: number;
  /** How many units the reports are spread over (default 13); the configuration always has 13. */
  units?: number;
  /** Sample the CPU by component (slower: use on a separate, smaller run). */
  profile?: boolean;
  timeoutMs?: number;
}

export interface P2Result {
  reports: number;
  /** Units the reports were spread over (results before issue 12: absent, all in one unit). */
  units?: number;
  profiled: boolean;
  wallMs: number;
  reportsPerSecond: number;
  documented: number;
  failed: number;
  timedOut: number;
  latency: Summary;
  /** Time of each SOP step per report (upload → Assemble, Assemble, Verify, Ratify, Archive). */
  steps?: Partial<Record<SopStepName, Summary>>;
  peakRssMB: number;
  /** Share of wall time the one JavaScript thread was busy (1 = saturated). */
  eventLoopUtilization: number;
  /** CPU time of the process (all threads) over wall time, in cores. */
  cpuCores: number;
  /** Summed time inside each function and dependency, ms (work overlaps: sums exceed wall time). */
  handlerMs: Record<string, number>;
  dependencyMs: Record<string, number>;
  counts: Record<string, number>;
  cpuByComponentMs?: Record<string, number>;
  /** Why reports did not reach TERDOKUMENTASI: status and recorded error, with how many. */
  notDocumented: Record<string, number>;
}

const log = (line: string) => process.stderr.write(`[P2] ${line}\n`);

export async function runP2(opts: P2Options): Promise<P2Result> {
  const spread = opts.units ?? KECAMATAN_OF_A_CITY;
  if (!(Number.isInteger(spread) && spread >= 1 && spread <= KECAMATAN_OF_A_CITY))
    throw new Error(`bench: units must be 1–${KECAMATAN_OF_A_CITY}`);
  if (opts.reports > 500 * spread)
    throw new Error('bench: at most 500 distinct reports per unit (years 2000-2099 × 5 periods)');
  // The same configuration of 13 units whatever the spread: only where the reports go differs.
  const config = benchUnitsConfig(testConfig(), KECAMATAN_OF_A_CITY);
  const units = Array.from({ length: spread }, (_, i) => benchUnitCode(i + 1));
  const b = await startBenchStack({ concurrency: 16, config, timeline: true });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  try {
    const stopProfiler = opts.profile ? await startProfiler() : undefined;
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const ids = Array.from({ length: opts.reports }, (_, i) => nthSpreadReport(i, units, 2000));
    const t0 = performance.now();
    const latencies: number[] = [];
    let ended = 0;
    const progress = setInterval(
      () =>
        log(
          `${opts.reports} reports in ${spread} units: ${ended} ended after ${((performance.now() - t0) / 1000).toFixed(0)} s`,
        ),
      10_000,
    );
    const outcomes = ids.map(({ unit, tahun, periode }) =>
      b.finished(reportIdOf(tahun, periode, unit), opts.timeoutMs ?? 300_000).then((status) => {
        latencies.push(performance.now() - t0);
        ended++;
        return status;
      }),
    );
    const uploadedAt = new Map<string, number>();
    await Promise.all(
      ids.map(({ unit, tahun, periode }) => {
        uploadedAt.set(reportIdOf(tahun, periode, unit), performance.now());
        return b.stack.store.put({
          key: uploadKey(tahun, periode, unit),
          body: sampleFor(tahun, periode),
          contentType: 'text/csv',
        });
      }),
    );
    const statuses = await Promise.all(outcomes);
    const wallMs = performance.now() - t0;
    clearInterval(progress);
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const cpuByComponentMs = stopProfiler ? await stopProfiler() : undefined;

    const reports = await listReports(b.stack.deps());
    const perStep = new Map<SopStepName, number[]>();
    for (const [reportId, at] of uploadedAt) {
      for (const [step, ms] of Object.entries(stepDurations(at, b.timeline(reportId))) as [SopStepName, number][]) {
        const values = perStep.get(step) ?? [];
        values.push(ms);
        perStep.set(step, values);
      }
    }
    const steps: Partial<Record<SopStepName, Summary>> = {};
    for (const { step } of SOP_STEP_SPANS) {
      const values = perStep.get(step);
      if (values?.length) steps[step] = summarize(values);
    }
    const documented = reports.filter((r) => r.status === 'TERDOKUMENTASI').length;
    const notDocumented: Record<string, number> = {};
    for (const r of reports.filter((x) => x.status !== 'TERDOKUMENTASI')) {
      const e = (r as { lastError?: { error?: string; cause?: string } }).lastError;
      const why = `${r.status}${e ? ` — ${e.error}: ${(e.cause ?? '').slice(0, 120)}` : ''}`;
      notDocumented[why] = (notDocumented[why] ?? 0) + 1;
    }
    const p = b.probe;
    const handlerMs: Record<string, number> = {};
    for (const x of p.invocations) handlerMs[x.fn] = (handlerMs[x.fn] ?? 0) + x.ms;
    handlerMs['decide (HTTP POST round trip)'] = sum(b.people.http.map((h) => h.ms));
    const result: P2Result = {
      reports: opts.reports,
      units: spread,
      profiled: !!opts.profile,
      wallMs: Math.round(wallMs),
      reportsPerSecond: round(opts.reports / (wallMs / 1000)),
      documented,
      failed: statuses.filter((s) => s !== 'SUCCEEDED' && s !== 'TIMEOUT').length,
      timedOut: statuses.filter((s) => s === 'TIMEOUT').length,
      latency: summarize(latencies),
      steps,
      peakRssMB: Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 1024 / 1024),
      eventLoopUtilization: round(elu.utilization),
      cpuCores: round((cpu.user + cpu.system) / 1000 / wallMs),
      handlerMs: Object.fromEntries(Object.entries(handlerMs).map(([k, v]) => [k, Math.round(v)])),
      dependencyMs: {
        DynamoDB: Math.round(sum(p.dynamo.map((d) => d.ms))),
        'mail (SMTP)': Math.round(sum(p.mails.map((m) => m.ms))),
        'document store': Math.round(sum(p.store.map((s) => s.ms))),
        'Step Functions API': Math.round(sum(p.sfnCalls.map((s) => s.ms))),
      },
      counts: {
        invocations: p.invocations.length,
        dynamoRequests: p.dynamo.length,
        mails: p.mails.length,
        storeCalls: p.store.length,
        decisionsPosted: b.people.http.filter((h) => h.method === 'POST' && h.status === 200).length,
      },
      ...(cpuByComponentMs ? { cpuByComponentMs } : {}),
      notDocumented,
    };
    log(
      `${opts.reports} reports in ${spread} unit${spread > 1 ? 's' : ''}${opts.profile ? ' (profiled)' : ''}: ${documented} documented in ${(wallMs / 1000).toFixed(1)} s = ${result.reportsPerSecond}/s, peak RSS ${result.peakRssMB} MB, event loop ${Math.round(result.eventLoopUtilization * 100)} % busy`,
    );
    return result;
  } finally {
    clearInterval(sampler);
    await b.stop();
  }
}

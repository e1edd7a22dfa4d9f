/**
 * P1 — one report through the whole SOP (no revisions) on a warm local stack, scripted decisions through the
 * real HTTP endpoint, next to two floors measured in the same process: the same ASL on the local engine with
 * no-op task handlers (the engine alone), and the same use cases called in sequence on in-memory fakes of
 * every port (the work itself).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Period } from '../../functions/core/report.ts';
import { checkPerformanceData } from '../../functions/documents/check-data.ts';
import { renderReportPdf } from '../../functions/documents/report-pdf.ts';
import { renderReportXlsx } from '../../functions/documents/report-xlsx.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { ASL_PATH } from '../../infra/local/stack.ts';
import { LocalStepFunctions, type TransitionNotice } from '../../infra/local/step-functions.ts';
import { fakeDeps, testConfig } from '../../test/fakes/deps.ts';
import { linkInMail, linkParts } from '../../test/fakes/flow.ts';
import { nthReport, reportIdOf, sampleFor, uploadKey } from '../lib/data.ts';
import { startBenchStack } from '../lib/sop.ts';
import { covered, type Summary, sum, summarize } from '../lib/stats.ts';

export interface P1Options {
  runs: number;
  warmup: number;
  floorRuns: number;
}

export interface P1Result {
  runs: number;
  stackStartMs: number;
  sop: Summary;
  statuses: Record<string, number>;
  engineFloor: Summary;
  inProcessFloor: Summary;
  /** CPU time (user + system) of the process per in-process report, ms: P2's ceiling is cores ÷ this. */
  inProcessFloorCpu: Summary;
  inProcessSteps: Record<string, Summary>;
  /** Median per run of each part, ms (parts overlap a little: an intake is still returning when Assemble starts). */
  breakdown: Record<string, number>;
  handlers: Record<string, Summary>;
  documents: { check: Summary; pdf: Summary; xlsx: Summary };
  transitionsPerReport: number;
  ratioToInProcessFloor: number;
  ratioToEngineFloor: number;
}

const log = (line: string) => process.stderr.write(`[P1] ${line}\n`);

export async function runP1(opts: P1Options): Promise<P1Result> {
  // The floors first, in a process nothing else has run in yet.
  const engineFloor = await engineAlone(opts.floorRuns, opts.warmup);
  log(`engine alone: median ${engineFloor.median} ms`);
  const floor = await inProcess(opts.floorRuns, opts.warmup);
  log(`use cases in-process: median ${floor.total.median} ms`);
  const documents = await documentSteps(opts.floorRuns);

  const asIs = await onTheStack(opts.runs, opts.warmup);
  const sop = asIs.sop;
  return {
    runs: opts.runs,
    stackStartMs: asIs.startMs,
    sop,
    statuses: asIs.statuses,
    engineFloor,
    inProcessFloor: floor.total,
    inProcessFloorCpu: floor.cpu,
    inProcessSteps: floor.steps,
    breakdown: asIs.breakdown,
    handlers: asIs.handlers,
    documents,
    transitionsPerReport: asIs.transitions,
    ratioToInProcessFloor: Math.round((sop.median / floor.total.median) * 10) / 10,
    ratioToEngineFloor: Math.round((sop.median / engineFloor.median) * 10) / 10,
  };
}

/** `runs` reports one after the other on a warm local stack, with where each one's time went. */
async function onTheStack(runs: number, warmup: number) {
  const b = await startBenchStack();
  log(`local stack up in ${b.startMs.toFixed(0)} ms; ${warmup} warm-up + ${runs} measured reports`);
  const totals: number[] = [];
  const statuses: Record<string, number> = {};
  const perRun: Record<string, number[]> = {};
  const handlerMs: Record<string, number[]> = {};
  const push = (k: string, v: number) => {
    perRun[k] ??= [];
    perRun[k].push(v);
  };
  let transitions = 0;
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const { tahun, periode } = nthReport(i, 2030);
      b.probe.reset();
      b.people.http = [];
      const r = await b.runReport(tahun, periode);
      if (i < warmup) continue;
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      totals.push(r.ms);
      const p = b.probe;
      const byFn = (fn: string) => sum(p.invocations.filter((x) => x.fn === fn).map((x) => x.ms));
      for (const x of p.invocations) {
        handlerMs[x.fn] ??= [];
        handlerMs[x.fn]?.push(x.ms);
      }
      const posts = sum(b.people.http.filter((h) => h.method === 'POST').map((h) => h.ms));
      // What no function and no decision request covered: the engine, the bus, the scripted people.
      const busy = covered([...p.invocations, ...b.people.http]);
      push('total', r.ms);
      push('intake λ', byFn('intake'));
      push('assemble λ', byFn('assemble'));
      push('request-decision λ ×2', byFn('request-decision'));
      push('decide over HTTP ×2 (POST round trip)', posts);
      push('archive λ', byFn('archive'));
      push('engine + bus + glue (time no function or HTTP request covers)', Math.max(0, r.ms - busy));
      push('· DynamoDB calls (inside the above)', sum(p.dynamo.map((d) => d.ms)));
      push('· mail over SMTP (inside the above)', sum(p.mails.map((m) => m.ms)));
      push('· document store (inside the above)', sum(p.store.map((s) => s.ms)));
      push('· Step Functions API calls (inside the above)', sum(p.sfnCalls.map((s) => s.ms)));
      push('DynamoDB requests (count)', p.dynamo.length);
      push('mails (count)', p.mails.length);
      const n = i - warmup + 1;
      if (n % 5 === 0 || n === runs) log(`local stack: ${n}/${runs} reports, last ${r.ms.toFixed(0)} ms (${r.status})`);
    }
    transitions = Math.max(0, ...b.stack.sfn.list().map((e) => e.transitions));
  } finally {
    await b.stop();
  }
  const breakdown: Record<string, number> = {};
  for (const [k, v] of Object.entries(perRun)) breakdown[k] = summarize(v).median;
  return {
    startMs: Math.round(b.startMs),
    sop: summarize(totals),
    statuses,
    breakdown,
    handlers: Object.fromEntries(Object.entries(handlerMs).map(([k, v]) => [k, summarize(v)])),
    transitions,
  };
}

/** The ASL on the local engine with no-op handlers; a decision arrives as soon as it is requested. */
async function engineAlone(runs: number, warmup: number): Promise<Summary> {
  const ended = new Map<string, () => void>();
  const engine: LocalStepFunctions = new LocalStepFunctions({
    aslText: readFileSync(ASL_PATH, 'utf8'),
    dir: mkdtempSync(join(tmpdir(), 'lapkin-bench-engine-')),
    handlers: {
      AssembleFunctionArn: async () => ({ valid: true, revision: 1 }),
      RequestDecisionFunctionArn: async (e) => {
        const { taskToken, step } = e as { taskToken: string; step: string };
        setImmediate(() =>
          engine.sendTaskSuccess({
            taskToken,
            output: JSON.stringify({
              decision: 'APPROVE',
              note: '',
              step,
              decidedBy: { name: 'x', nip: '1', role: 'R' },
            }),
          }),
        );
        return {};
      },
      RequestRevisionFunctionArn: async () => ({}),
      ArchiveFunctionArn: async () => ({
        pdf: { key: 'a', versionId: '1' },
        disposition: { key: 'b', versionId: '2' },
      }),
      RecordFailureFunctionArn: async () => ({}),
    },
    onTransition: (n: TransitionNotice) => {
      if (n.type !== 'entered') ended.get(n.executionName)?.();
    },
  });
  await engine.start(0);
  const times: number[] = [];
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const name = `bench-${i}`;
      const done = new Promise<void>((resolve) => ended.set(name, resolve));
      const t0 = performance.now();
      await engine.startExecution({
        stateMachineArn: engine.stateMachineArn,
        name,
        input: JSON.stringify({ reportId: `r${i}`, source: { key: 'masuk/k/2030/TW1/a.csv', versionId: `v${i}` } }),
      });
      await done;
      if (i >= warmup) times.push(performance.now() - t0);
    }
  } finally {
    await engine.stop();
  }
  return summarize(times);
}

/** Upload → intake → assemble → verify → ratify → archive, use case by use case, every port in memory. */
async function inProcess(runs: number, warmup: number) {
  const totals: number[] = [];
  const cpus: number[] = [];
  const steps: Record<string, number[]> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    steps[name] ??= [];
    steps[name].push(performance.now() - t0);
    return out;
  };
  for (let i = 0; i < warmup + runs; i++) {
    if (i === warmup) for (const k of Object.keys(steps)) steps[k] = [];
    const f = fakeDeps();
    const tahun = 2030;
    const periode: Period = 'TW1';
    const key = uploadKey(tahun, periode);
    const reportId = reportIdOf(tahun, periode);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { versionId } = await f.deps.store.put({ key, body: sampleFor(tahun, periode), contentType: 'text/csv' });
    await step('intake', () => receiveUpload(f.deps, { key, versionId }));
    const assembled = await step('assemble', () => assembleReport(f.deps, { reportId, source: { key, versionId } }));
    if (!assembled.valid) throw new Error('bench: the sample data did not assemble');
    const name = f.workflow.started[0]?.name ?? 'x';
    const executionArn = `arn:aws:states:local:0:execution:sm:${name}`;
    for (const s of ['verify', 'ratify'] as const) {
      await step('request-decision ×2', () =>
        requestDecision(f.deps, { taskToken: `t-${s}`, reportId, executionArn, step: s }),
      );
      const mail = f.mailer.sent.at(-1);
      if (!mail) throw new Error('bench: no decision mail');
      await step('decide ×2', () => submitDecision(f.deps, linkParts(linkInMail(mail.text)), { decision: 'APPROVE' }));
    }
    await step('archive', () => archiveReport(f.deps, { reportId }));
    if ((await f.repo.get(reportId))?.status !== 'TERDOKUMENTASI') throw new Error('bench: in-process SOP did not end');
    if (i >= warmup) {
      totals.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      cpus.push((cpu.user + cpu.system) / 1000);
    }
  }
  // Steps that run twice per report are summed per report.
  const perReport = (name: string, n: number) => {
    const xs = steps[name] ?? [];
    const out: number[] = [];
    for (let i = 0; i + n <= xs.length; i += n) out.push(sum(xs.slice(i, i + n)));
    return summarize(out);
  };
  return {
    total: summarize(totals),
    cpu: summarize(cpus),
    steps: {
      intake: perReport('intake', 1),
      assemble: perReport('assemble', 1),
      'request-decision ×2': perReport('request-decision ×2', 2),
      'decide ×2': perReport('decide ×2', 2),
      archive: perReport('archive', 1),
    },
  };
}

/** The document work inside assemble for the sample (8 indicators): validate + compute, PDF, XLSX. */
async function documentSteps(runs: number) {
  const config = testConfig();
  const bytes = sampleFor(2030, 'TW1');
  const t: { check: number[]; pdf: number[]; xlsx: number[] } = { check: [], pdf: [], xlsx: [] };
  for (let i = 0; i < runs + 2; i++) {
    let t0 = performance.now();
    const c = await checkPerformanceData(bytes, 'data.csv', { tahun: 2030, periode: 'TW1' }, config, 'id');
    const check = performance.now() - t0;
    const report = {
      organization: (config.units[0] as (typeof config.units)[number]).organization,
      tahun: 2030,
      periode: 'TW1' as const,
      revision: 1,
      generatedAt: new Date().toISOString(),
      source: { key: 'k', versionId: 'v' },
      indicators: c.indicators,
      summary: c.summary,
      ratingScale: c.ratingScale,
      preparedBy: { role: 'TIMSAKIP', title: 't', name: 'n', nip: '1', at: new Date().toISOString() },
    };
    t0 = performance.now();
    await renderReportPdf(report, [], 'id');
    const pdf = performance.now() - t0;
    t0 = performance.now();
    await renderReportXlsx(report, 'id');
    const xlsx = performance.now() - t0;
    if (i < 2) continue;
    t.check.push(check);
    t.pdf.push(pdf);
    t.xlsx.push(xlsx);
  }
  return { check: summarize(t.check), pdf: summarize(t.pdf), xlsx: summarize(t.xlsx) };
}

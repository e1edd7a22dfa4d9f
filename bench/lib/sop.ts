import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LapkinConfig } from '../../functions/core/config.ts';
import type { Period } from '../../functions/core/report.ts';
import { openDecisionPage, postDecision } from '../../infra/local/decide-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import type { TransitionNotice } from '../../infra/local/step-functions.ts';
import { testConfig } from '../../test/fakes/deps.ts';
import { reportIdOf, sampleFor, uploadKey } from './data.ts';
import { StackProbe } from './instrument.ts';

export interface DecisionHttp {
  method: 'GET' | 'POST';
  /** performance.now() at the start. */
  start: number;
  ms: number;
  status: number;
}

/**
 * Scripted people: as soon as a decision link has been mailed, the Sekretaris Camat or the Camat approves it
 * through the real HTTP endpoint (optionally opening the confirm page first, as a browser would).
 */
export class ScriptedPeople {
  http: DecisionHttp[] = [];
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    probe: StackProbe,
    private readonly opts: { openPageFirst?: boolean; concurrency?: number } = {},
  ) {
    probe.on('decisionReady', (d: { link: string }) => {
      void this.decide(d.link);
    });
  }

  private async slot(): Promise<void> {
    if (this.active < (this.opts.concurrency ?? 16)) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private release() {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }

  private async decide(link: string) {
    await this.slot();
    try {
      if (this.opts.openPageFirst) {
        const t0 = performance.now();
        const page = await openDecisionPage(link);
        this.http.push({ method: 'GET', start: t0, ms: performance.now() - t0, status: page.status });
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const t0 = performance.now();
        // A stack stopped at a run's deadline refuses the connection: recorded as unanswered (status 0), never an
        // unhandled rejection that would end the bench process before it writes the run's results.
        const res = await postDecision(link, 'APPROVE').catch(() => ({ status: 0 }));
        this.http.push({ method: 'POST', start: t0, ms: performance.now() - t0, status: res.status });
        if (res.status !== 503) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } catch {
      // The confirm page of a stopped stack: nothing to record beyond what the POST would have.
    } finally {
      this.release();
    }
  }
}

export interface StateEntry {
  state: string;
  /** performance.now() when the state was entered (or the execution ended). */
  at: number;
}

export interface BenchStack {
  stack: LocalStack;
  probe: StackProbe;
  people: ScriptedPeople;
  stateDir: string;
  startMs: number;
  /** Uploads the sample data for (tahun, periode); resolves when its execution has ended. */
  runReport(tahun: number, periode: Period): Promise<{ reportId: string; ms: number; status: string }>;
  /** Resolves when the execution of `reportId` ends (SUCCEEDED or FAILED), or with TIMEOUT. */
  finished(reportId: string, timeoutMs?: number): Promise<string>;
  /** Every state `reportId` entered, with performance.now() at entry (only when started with `timeline`). */
  timeline(reportId: string): StateEntry[];
  stop(): Promise<void>;
}

/** The real local stack, warm, with the probe and the scripted people attached. */
export async function startBenchStack(
  opts: {
    consumedCapacity?: boolean;
    /** Attribute every service call to its function (see StackProbe). */
    attribute?: boolean;
    openPageFirst?: boolean;
    concurrency?: number;
    /** Another configuration than the sample's (P2: the bench's units). */
    config?: LapkinConfig;
    /** Keep every state each report enters, with its time (P2: time per SOP step). */
    timeline?: boolean;
  } = {},
): Promise<BenchStack> {
  const stateDir = mkdtempSync(join(tmpdir(), 'lapkin-bench-'));
  const transitions = new EventEmitter();
  transitions.setMaxListeners(0);
  const ended = new Map<string, string>();
  const timelines = new Map<string, StateEntry[]>();
  const t0 = performance.now();
  const stack = await startLocalStack({
    config: opts.config ?? testConfig(),
    stateDir,
    randomPorts: true,
    onTransition: (n: TransitionNotice) => {
      const reportId = (n.input as { reportId?: string } | undefined)?.reportId;
      if (!reportId) return;
      if (opts.timeline) {
        const line = timelines.get(reportId) ?? [];
        line.push({ state: n.state, at: performance.now() });
        timelines.set(reportId, line);
      }
      if (n.type === 'entered') return;
      ended.set(reportId, n.state);
      transitions.emit(reportId, n.state);
    },
  });
  const startMs = performance.now() - t0;
  const probe = new StackProbe(stack, { consumedCapacity: opts.consumedCapacity, attribute: opts.attribute });
  const people = new ScriptedPeople(probe, opts);

  const finished = (reportId: string, timeoutMs = 120_000) =>
    new Promise<string>((resolve) => {
      const done = ended.get(reportId);
      if (done) {
        ended.delete(reportId);
        resolve(done);
        return;
      }
      // An upload the intake refuses starts no execution: give up instead of waiting forever.
      const timer = setTimeout(() => {
        transitions.removeListener(reportId, listener);
        resolve('TIMEOUT');
      }, timeoutMs);
      const listener = (state: string) => {
        clearTimeout(timer);
        ended.delete(reportId);
        resolve(state);
      };
      transitions.once(reportId, listener);
    });

  return {
    stack,
    probe,
    people,
    stateDir,
    startMs,
    finished,
    timeline: (reportId) => timelines.get(reportId) ?? [],
    async runReport(tahun, periode) {
      const reportId = reportIdOf(tahun, periode);
      const done = finished(reportId);
      const start = performance.now();
      await stack.store.put({
        key: uploadKey(tahun, periode),
        body: sampleFor(tahun, periode),
        contentType: 'text/csv',
      });
      const status = await done;
      return { reportId, ms: performance.now() - start, status };
    },
    async stop() {
      await stack.stop();
    },
  };
}

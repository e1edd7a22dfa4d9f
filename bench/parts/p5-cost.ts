/**
 * P5 — the counts behind the cost per report, from a real local run: reports go through the whole SOP (no
 * revisions) one after the other; each decision is made as a person makes it (open the link = GET the confirm
 * page, then POST). Counted: state transitions (the engine's journal), Lambda invocations and their durations,
 * DynamoDB requests with the capacity DynamoDB reports, document-store (S3) requests, mails and recipients
 * (cross-checked against MailDev). The prices are applied by bench/lib/cost.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MailboxClient } from '../../infra/local/maildev-client.ts';
import { nthReport } from '../lib/data.ts';
import { OUTSIDE_HANDLERS } from '../lib/instrument.ts';
import { startBenchStack } from '../lib/sop.ts';
import { round, sum } from '../lib/stats.ts';

export interface P5Options {
  reports: number;
  warmup: number;
}

export interface FunctionCounts {
  invocations: number;
  /** Mean duration per invocation, ms, as measured locally (decide: the HTTP round trip). */
  meanMs: number;
  /** Of which waiting on DynamoDB, the store and mail (service latency, not CPU), ms per invocation. */
  dependencyMs: number;
  /**
   * Step Functions API calls per invocation and their local time, ms per invocation. Locally the engine runs the
   * next task inside StartExecution / SendTaskSuccess, so this time is not the function's own.
   */
  sfnCalls: number;
  sfnMs: number;
}

export interface P5Counts {
  reports: number;
  documented: number;
  /** Everything below is per report (mean over the counted reports). */
  transitions: number;
  functions: Record<string, FunctionCounts>;
  dynamo: {
    requests: number;
    byCommand: Record<string, number>;
    byFunction: Record<string, number>;
    readUnits: number;
    writeUnits: number;
    /** Conditional writes that failed (charged 1 WRU each on AWS; dynalite reports no capacity for them). */
    failedConditionalWrites: number;
    failedByFunction: Record<string, number>;
    /** Write units of the GSI (projection ALL): item size, twice when the index key changed. */
    indexWriteUnits: number;
  };
  s3: {
    put: number;
    get: number;
    copy: number;
    list: number;
    presign: number;
    bytesWritten: number;
    bytesRead: number;
  };
  /** Bytes every stored version of one report takes (upload, assembled and archived documents). */
  storedBytes: number;
  mail: { messages: number; recipients: number; attachmentBytes: number; bytes: number };
  /** Mails MailDev holds for the whole run vs the mails the probe saw leave (must be equal). */
  mailDevCheck: { mailDev: number; sent: number };
  decideHttp: { get: number; post: number };
}

/** Bytes of every stored version body under the local store (its *.bin files). */
function versionBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += versionBytes(path);
    else if (entry.name.endsWith('.bin')) total += statSync(path).size;
  }
  return total;
}

const log = (line: string) => process.stderr.write(`[P5] ${line}\n`);

export async function runP5(opts: P5Options): Promise<P5Counts> {
  const b = await startBenchStack({ consumedCapacity: true, attribute: true, openPageFirst: true, concurrency: 1 });
  try {
    const counted: string[] = [];
    const p = b.probe;
    for (let i = 0; i < opts.warmup + opts.reports; i++) {
      if (i === opts.warmup) {
        p.reset();
        b.people.http = [];
      }
      const { tahun, periode } = nthReport(i, 2040);
      const r = await b.runReport(tahun, periode);
      if (i >= opts.warmup) counted.push(r.reportId);
    }
    const n = counted.length;
    const per = (x: number) => round(x / n, 3);
    const statuses = await Promise.all(counted.map((id) => b.stack.deps().repo.get(id)));
    const documented = statuses.filter((r) => r?.status === 'TERDOKUMENTASI').length;
    const executions = b.stack.sfn
      .list()
      .filter((e) => counted.includes((e.input as { reportId?: string }).reportId ?? ''));

    const fns = new Set([...p.invocations.map((x) => x.fn), OUTSIDE_HANDLERS]);
    const functions: Record<string, FunctionCounts> = {};
    for (const fn of fns) {
      const calls =
        fn === OUTSIDE_HANDLERS
          ? b.people.http.map((h) => h.ms)
          : p.invocations.filter((x) => x.fn === fn).map((x) => x.ms);
      if (calls.length === 0) continue;
      const dependencyMs =
        sum(p.dynamo.filter((d) => d.fn === fn).map((d) => d.ms)) +
        sum(p.store.filter((s) => s.fn === fn).map((s) => s.ms)) +
        sum(p.mails.filter((m) => m.fn === fn).map((m) => m.ms));
      const sfn = p.sfnCalls.filter((s) => s.fn === fn);
      functions[fn] = {
        invocations: per(calls.length),
        meanMs: round(sum(calls) / calls.length),
        dependencyMs: round(dependencyMs / calls.length),
        sfnCalls: round(sfn.length / calls.length, 3),
        sfnMs: round(sum(sfn.map((s) => s.ms)) / calls.length),
      };
    }

    const byCommand: Record<string, number> = {};
    const byFunction: Record<string, number> = {};
    for (const d of p.dynamo) {
      byCommand[d.command] = (byCommand[d.command] ?? 0) + 1;
      byFunction[d.fn] = (byFunction[d.fn] ?? 0) + 1;
    }
    const isWrite = (c: string) => /^(Put|Update|Delete|BatchWrite)/.test(c);
    const reads = p.dynamo.filter((d) => !isWrite(d.command));
    const writes = p.dynamo.filter((d) => isWrite(d.command));
    const failed = writes.filter((d) => !d.ok);
    const indexUnits = sum(writes.map((d) => d.indexWrites * Math.max(1, Math.ceil(d.itemBytes / 1024))));
    const storeOps = (op: string) => p.store.filter((s) => s.op === op);
    // The upload itself is one more PUT per report (staff's client → S3), not seen by the functions' store.
    const counts: P5Counts = {
      reports: n,
      documented,
      transitions: per(sum(executions.map((e) => e.transitions))),
      functions,
      dynamo: {
        requests: per(p.dynamo.length),
        byCommand: Object.fromEntries(Object.entries(byCommand).map(([k, v]) => [k, per(v)])),
        byFunction: Object.fromEntries(Object.entries(byFunction).map(([k, v]) => [k, per(v)])),
        readUnits: per(sum(reads.map((d) => d.capacity ?? 1))),
        writeUnits: per(sum(writes.map((d) => d.capacity ?? 1))),
        failedConditionalWrites: per(failed.length),
        failedByFunction: Object.fromEntries(
          [...new Set(failed.map((d) => d.fn))].map((fn) => [fn, per(failed.filter((d) => d.fn === fn).length)]),
        ),
        indexWriteUnits: per(indexUnits),
      },
      s3: {
        put: per(storeOps('put').length + n),
        get: per(storeOps('get').length),
        copy: per(storeOps('copy').length),
        list: per(storeOps('listVersions').length),
        presign: per(storeOps('downloadUrl').length),
        bytesWritten: per(sum(storeOps('put').map((s) => s.bytes))),
        bytesRead: per(sum(storeOps('get').map((s) => s.bytes))),
      },
      storedBytes: Math.round(versionBytes(join(b.stateDir, 'documents')) / (opts.warmup + n)),
      mail: {
        messages: per(p.mails.length),
        recipients: per(sum(p.mails.map((m) => m.recipients))),
        attachmentBytes: per(sum(p.mails.map((m) => m.attachmentBytes))),
        bytes: per(sum(p.mails.map((m) => m.bytes))),
      },
      mailDevCheck: {
        mailDev: (await new MailboxClient(b.stack.urls.mail).all()).length,
        sent: p.mailsEver,
      },
      decideHttp: {
        get: per(b.people.http.filter((h) => h.method === 'GET').length),
        post: per(b.people.http.filter((h) => h.method === 'POST').length),
      },
    };
    log(
      `${n} reports (${documented} documented): ${counts.transitions} transitions, ${counts.dynamo.requests} DynamoDB requests, ${counts.mail.messages} mails per report`,
    );
    return counts;
  } finally {
    await b.stop();
  }
}

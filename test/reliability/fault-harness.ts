import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnWorkflow } from '../../functions/adapters/sfn-workflow.ts';
import type { DocumentStore } from '../../functions/ports/document-store.ts';
import type { Workflow } from '../../functions/ports/workflow.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { recordFailure } from '../../functions/usecases/record-failure.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { LocalStepFunctions } from '../../infra/local/step-functions.ts';
import { fakeDeps, ROOT } from '../fakes/deps.ts';

/** A store whose next reads can be made to fail transiently, fail for good, or hang. */
export class FaultyStore implements DocumentStore {
  transientGets = 0;
  missingGets = 0;
  hangingGets = 0;
  constructor(private readonly inner: DocumentStore) {}
  put(input: Parameters<DocumentStore['put']>[0]) {
    return this.inner.put(input);
  }
  async get(key: string, versionId: string, opts?: { maxBytes?: number }) {
    if (this.hangingGets > 0) {
      this.hangingGets--;
      return new Promise<never>(() => undefined);
    }
    if (this.transientGets > 0) {
      this.transientGets--;
      throw Object.assign(new Error('storage throttled'), { name: 'TransientError' });
    }
    if (this.missingGets > 0) {
      this.missingGets--;
      throw Object.assign(new Error(`${key}@${versionId} not found`), { name: 'DocumentNotFoundError' });
    }
    return this.inner.get(key, versionId, opts);
  }
  copy(from: { key: string; versionId: string }, toKey: string) {
    return this.inner.copy(from, toKey);
  }
  listVersions(key: string) {
    return this.inner.listVersions(key);
  }
  listKeys(prefix: string) {
    return this.inner.listKeys(prefix);
  }
  sha256(key: string, versionId: string) {
    return this.inner.sha256(key, versionId);
  }
  downloadUrl(key: string, versionId: string, s: number) {
    return this.inner.downloadUrl(key, versionId, s);
  }
}

/**
 * A workflow adapter whose next SendTaskSuccess calls can be made to fail transiently (nothing delivered), or to
 * be delivered and then time out (the answer lost on the way back, as an SDK timeout after the service acted).
 */
export class FaultyWorkflow implements Workflow {
  transientSends = 0;
  lostReplies = 0;
  constructor(private readonly inner: Workflow) {}
  start(name: string, input: unknown) {
    return this.inner.start(name, input);
  }
  async sendSuccess(token: string, output: unknown) {
    if (this.transientSends > 0) {
      this.transientSends--;
      throw Object.assign(new Error('throttled'), { name: 'TransientError' });
    }
    await this.inner.sendSuccess(token, output);
    if (this.lostReplies > 0) {
      this.lostReplies--;
      throw Object.assign(new Error('Step Functions unavailable (TimeoutError)'), { name: 'TransientError' });
    }
  }
  executionStatus(executionArn: string) {
    return this.inner.executionStatus(executionArn);
  }
}

/**
 * The real ASL on the local engine, its Tasks bound to the real use cases on in-memory ports wrapped with fault
 * injectors: the engine's Retry/Catch/timeouts meet the adapters' failures exactly as on AWS.
 */
export async function faultHarness(
  /** Assemble's 3 s lets a hanging read time out quickly (yet a slow machine still assembles within it); a test
   *  without that fault keeps the ASL's own limit. */
  opts: { timeoutOverrides?: Record<string, number> } = { timeoutOverrides: { Assemble: 3 } },
) {
  const f = fakeDeps();
  const store = new FaultyStore(f.store);
  const deps = { ...f.deps, store };
  const engine = new LocalStepFunctions({
    aslText: readFileSync(join(ROOT, 'statemachine/pelaporan-kinerja.asl.json'), 'utf8'),
    dir: mkdtempSync(join(tmpdir(), 'lapkin-faults-')),
    retryDelayMs: 5,
    timeoutOverrides: opts.timeoutOverrides,
    handlers: {
      AssembleFunctionArn: async (e) => assembleReport(deps, e as never),
      RequestDecisionFunctionArn: async (e) => requestDecision(deps, e as never),
      RequestRevisionFunctionArn: async (e) => requestRevision(deps, e as never),
      ArchiveFunctionArn: async (e) => archiveReport(deps, e as never),
      RecordFailureFunctionArn: async (e) => recordFailure(deps, e as never),
    },
  });
  const url = await engine.start(0);
  const workflow = new FaultyWorkflow(
    new SfnWorkflow(
      new SFNClient({ endpoint: url, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      engine.stateMachineArn,
    ),
  );
  Object.assign(deps, { workflow });
  return { ...f, deps, store, workflow, engine };
}

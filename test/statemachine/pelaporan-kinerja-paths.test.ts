/**
 * The one ASL file, run by the local engine (aws-local-stepfunctions behind LocalStepFunctions) down every
 * path. Real: the definition, Retry/Catch/Choice/timeouts, token waits, the SFN JSON endpoint. Scripted: the
 * five task handlers, so each test decides what a step returns or throws.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { SfnWorkflow } from '../../functions/adapters/sfn-workflow.ts';
import { TaskGoneError } from '../../functions/core/errors.ts';
import { LocalStepFunctions } from '../../infra/local/step-functions.ts';
import { ROOT } from '../fakes/deps.ts';
import { waitFor } from '../fakes/wait-for.ts';

const ASL = readFileSync(join(ROOT, 'statemachine/pelaporan-kinerja.asl.json'), 'utf8');

class NamedError extends Error {
  constructor(name: string, message = name) {
    super(message);
    this.name = name;
  }
}

interface Script {
  assemble?: (call: number, input: { source: { versionId: string } }) => unknown;
  /** What Assemble says of the unit's paraf step (the real function reads the unit's configuration). */
  paraf?: boolean;
  clockSpeed?: number;
}

let engine: LocalStepFunctions | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

async function setup(script: Script = {}) {
  const calls = {
    assemble: [] as unknown[],
    decisions: [] as { taskToken: string; step: string }[],
    revisions: [] as { taskToken: string; request: unknown }[],
    archive: 0,
    failures: [] as unknown[],
  };
  engine = new LocalStepFunctions({
    aslText: ASL,
    dir: mkdtempSync(join(tmpdir(), 'lapkin-asl-')),
    retryDelayMs: 1,
    clockSpeed: script.clockSpeed,
    handlers: {
      AssembleFunctionArn: async (e) => {
        calls.assemble.push(e);
        const result = script.assemble
          ? script.assemble(calls.assemble.length, e as never)
          : { valid: true, revision: calls.assemble.length };
        return result && typeof result === 'object' ? { paraf: script.paraf ?? false, ...result } : result;
      },
      RequestDecisionFunctionArn: async (e) => {
        calls.decisions.push(e as never);
        return {};
      },
      RequestRevisionFunctionArn: async (e) => {
        calls.revisions.push(e as never);
        return {};
      },
      ArchiveFunctionArn: async () => {
        calls.archive++;
        return { pdf: { key: 'arsip/x.pdf', versionId: 'a1' }, disposition: { key: 'arsip/d.pdf', versionId: 'a2' } };
      },
      RecordFailureFunctionArn: async (e) => {
        calls.failures.push(e);
        return {};
      },
    },
  });
  const url = await engine.start(0);
  const sfn = new SFNClient({
    endpoint: url,
    region: 'local',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const workflow = new SfnWorkflow(sfn, engine.stateMachineArn);
  const { executionArn } = await workflow.start('run-1', {
    reportId: 'r1',
    source: { key: 'masuk/k/2026/TW1/a.csv', versionId: 'v1' },
  });
  const status = () => engine?.describeExecution({ executionArn }).status;
  const decision = async (n: number, step: string, decision: 'APPROVE' | 'REVISE', note = '') => {
    const d = await waitFor(() => calls.decisions[n - 1], 5000, `decision request ${n}`);
    expect(d.step).toBe(step);
    await workflow.sendSuccess(d.taskToken, { decision, note, step, decidedBy: { name: 'x', nip: '1', role: 'R' } });
  };
  const revision = async (n: number, versionId: string) => {
    const r = await waitFor(() => calls.revisions[n - 1], 5000, `revision request ${n}`);
    await workflow.sendSuccess(r.taskToken, { source: { key: 'masuk/k/2026/TW1/a.csv', versionId } });
    return r;
  };
  const finished = () => waitFor(() => (status() !== 'RUNNING' ? status() : undefined), 8000, 'execution end');
  return { calls, workflow, executionArn, decision, revision, finished, sfn };
}

describe('pelaporan-kinerja.asl.json', () => {
  it("with the unit's paraf step: paraf → verify → ratify → Archive", async () => {
    const t = await setup({ paraf: true });
    await t.decision(1, 'paraf', 'APPROVE');
    await t.decision(2, 'verify', 'APPROVE');
    await t.decision(3, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
    expect(t.calls.archive).toBe(1);
  });

  it('REVISE at paraf goes back to the uploader; the corrected version is assembled and initialled again', async () => {
    const t = await setup({ paraf: true });
    await t.decision(1, 'paraf', 'REVISE', 'judul indikator salah');
    const rev = await t.revision(1, 'v2');
    expect(rev.request).toMatchObject({ reason: 'REVISE', step: 'paraf', note: 'judul indikator salah' });
    await t.decision(2, 'paraf', 'APPROVE');
    await t.decision(3, 'verify', 'REVISE', 'lengkapi narasi');
    const rev2 = await t.revision(2, 'v3');
    expect(rev2.request).toMatchObject({ reason: 'REVISE', step: 'verify' });
    // After a send-back by the Sekretaris the corrected report is initialled again before it returns to them.
    await t.decision(4, 'paraf', 'APPROVE');
    await t.decision(5, 'verify', 'APPROVE');
    await t.decision(6, 'ratify', 'REVISE', 'cocokkan anggaran');
    await t.revision(3, 'v4');
    await t.decision(7, 'paraf', 'APPROVE');
    await t.decision(8, 'verify', 'APPROVE');
    await t.decision(9, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
    expect(t.calls.assemble.map((a) => (a as { source: { versionId: string } }).source.versionId)).toEqual([
      'v1',
      'v2',
      'v3',
      'v4',
    ]);
  });

  it('a paraf wait past its Mutu Baku re-enters the same wait (no report fails because a person is late)', async () => {
    // 86 400 s / 43 200 = 2 s of wall time per wait.
    const t = await setup({ paraf: true, clockSpeed: 43_200 });
    const first = await waitFor(() => t.calls.decisions[0], 5000, 'first paraf request');
    const again = await waitFor(() => t.calls.decisions[1], 6000, 'paraf re-entered');
    expect([first.step, again.step]).toEqual(['paraf', 'paraf']);
    expect(again.taskToken).not.toBe(first.taskToken);
    await t.workflow.sendSuccess(again.taskToken, { decision: 'APPROVE', step: 'paraf' });
    await t.decision(3, 'verify', 'APPROVE');
    await t.decision(4, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
  });

  it('approve at verify and ratify → Archive → SUCCEEDED', async () => {
    const t = await setup();
    await t.decision(1, 'verify', 'APPROVE');
    await t.decision(2, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
    expect(t.calls.archive).toBe(1);
    expect(t.calls.failures).toHaveLength(0);
  });

  it('REVISE at verify waits for a corrected upload and assembles that version', async () => {
    const t = await setup();
    await t.decision(1, 'verify', 'REVISE', 'lengkapi');
    const rev = await t.revision(1, 'v2');
    expect(rev.request).toMatchObject({ reason: 'REVISE', step: 'verify', note: 'lengkapi' });
    await t.decision(2, 'verify', 'APPROVE');
    await t.decision(3, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
    expect(t.calls.assemble.map((a) => (a as { source: { versionId: string } }).source.versionId)).toEqual([
      'v1',
      'v2',
    ]);
  });

  it('REVISE at ratify goes back through assembly and verification', async () => {
    const t = await setup();
    await t.decision(1, 'verify', 'APPROVE');
    await t.decision(2, 'ratify', 'REVISE', 'cocokkan anggaran');
    const rev = await t.revision(1, 'v2');
    expect(rev.request).toMatchObject({ reason: 'REVISE', step: 'ratify', note: 'cocokkan anggaran' });
    await t.decision(3, 'verify', 'APPROVE');
    await t.decision(4, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
    expect(t.calls.assemble).toHaveLength(2);
  });

  it('invalid data waits for a corrected upload, then continues', async () => {
    const t = await setup({ assemble: (n) => ({ valid: n > 1, revision: n > 1 ? 1 : 0 }) });
    const rev = await t.revision(1, 'v2');
    expect(rev.request).toEqual({ reason: 'DATA_INVALID' });
    expect(t.calls.decisions).toHaveLength(0);
    await t.decision(1, 'verify', 'APPROVE');
    await t.decision(2, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
  });

  it('a transient assembly failure is retried and then succeeds', async () => {
    const t = await setup({
      assemble: (n) => {
        if (n <= 2) throw new NamedError('TransientError');
        return { valid: true, revision: 1 };
      },
    });
    await t.decision(1, 'verify', 'APPROVE');
    await t.decision(2, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
    expect(t.calls.assemble).toHaveLength(3);
  });

  it('assembly failing for good ends in RecordFailure and a failed execution', async () => {
    const t = await setup({
      assemble: () => {
        throw new NamedError('TransientError', 'disk on fire');
      },
    });
    expect(await t.finished()).toBe('FAILED');
    expect(t.calls.assemble).toHaveLength(5);
    expect(t.calls.failures).toHaveLength(1);
    expect(t.calls.failures[0]).toMatchObject({ reportId: 'r1', error: { Error: 'TransientError' } });
    expect(JSON.parse((t.calls.failures[0] as { error: { Cause: string } }).error.Cause)).toMatchObject({
      errorMessage: 'disk on fire',
    });
    expect(engine?.describeExecution({ executionArn: t.executionArn }).error).toBe('PelaporanKinerjaGagal');
  });

  it('a non-transient error is not retried', async () => {
    const t = await setup({
      assemble: () => {
        throw new NamedError('DocumentNotFoundError');
      },
    });
    expect(await t.finished()).toBe('FAILED');
    expect(t.calls.assemble).toHaveLength(1);
    expect(t.calls.failures).toHaveLength(1);
  });

  it('a wait past its Mutu Baku re-enters with a new token; a late decision is still accepted', async () => {
    // 86 400 s / 43 200 = 2 s of wall time for the verify wait.
    const t = await setup({ clockSpeed: 43_200 });
    const first = await waitFor(() => t.calls.decisions[0], 5000);
    const second = await waitFor(() => t.calls.decisions[1], 6000, 're-entered wait');
    expect(second.taskToken).not.toBe(first.taskToken);
    await expect(t.workflow.sendSuccess(first.taskToken, { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      TaskGoneError,
    );
    await t.workflow.sendSuccess(second.taskToken, { decision: 'APPROVE', note: '', step: 'verify' });
    await t.decision(3, 'ratify', 'APPROVE');
    expect(await t.finished()).toBe('SUCCEEDED');
  });

  it('StartExecution with the same name is idempotent for the same input and refused for another', async () => {
    const t = await setup();
    const again = await t.workflow.start('run-1', {
      reportId: 'r1',
      source: { key: 'masuk/k/2026/TW1/a.csv', versionId: 'v1' },
    });
    expect(again).toEqual({ executionArn: t.executionArn, alreadyStarted: false });
    const other = await t.workflow.start('run-1', { reportId: 'r1', source: { key: 'x', versionId: 'v9' } });
    expect(other).toEqual({ executionArn: t.executionArn, alreadyStarted: true });
    expect(engine?.list()).toHaveLength(1);
  });
});

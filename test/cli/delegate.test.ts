/**
 * `lapkin delegate` (Plh / Plt by an operator), both ways the CLI reaches the directory: the table of a stopped
 * stack (its state dir), and over HTTP from a running one — here the local HTTP server on in-memory fakes, named in
 * the state dir's stack.json — which re-addresses the pending request at once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { runDelegate } from '../../infra/cli/delegate.ts';
import { DELEGATE_OPTIONS } from '../../infra/cli/people-options.ts';
import { LocalHttpServer } from '../../infra/local/http-server.ts';
import { writeStackFile } from '../../infra/local/stack-file.ts';
import { fakeDeps, people, testConfig } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { lapkin, type Run } from './lapkin-run.ts';

const P = people();

/** `lapkin delegate …` in this process: main.ts's parsing of the options, then the same runDelegate. */
async function delegateInProcess(args: string[]): Promise<Run> {
  const { values, positionals } = parseArgs({
    args: args.slice(1),
    options: { ...DELEGATE_OPTIONS, 'state-dir': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  let stdout = '';
  let stderr = '';
  const code = await runDelegate({
    config: testConfig(),
    stateDir: values['state-dir'] as string,
    positionals,
    values,
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

const setArgs = (dir: string, from: string, until: string, extra: string[] = []) => [
  'delegate',
  '--unit',
  'karawaci',
  '--role',
  'CAMAT',
  '--to',
  P.KASI.nip,
  '--from',
  from,
  '--until',
  until,
  '--reason',
  'cuti',
  '--by',
  'Operator TIMSAKIP <timsakip@example.go.id>',
  '--state-dir',
  dir,
  ...extra,
];

describe('lapkin delegate on a stopped stack (its table)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-delegate-'));

  it('sets, lists, refuses an overlap naming the other, and cancels — every change audited', async () => {
    // Far ahead of any real clock running this test: the rules refuse a delegation already over.
    const set = await delegateInProcess(setArgs(dir, '2030-12-02', '2030-12-04'));
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`karawaci/CAMAT  Plh. ${P.KASI.name} (NIP ${P.KASI.nip})`);
    expect(set.stdout).toContain(`menggantikan ${P.CAMAT.name}`);
    expect(set.stdout).toContain('2 Desember 2030 pukul 00.00 WIB s.d. 4 Desember 2030 pukul 23.59 WIB — cuti');
    expect(set.stdout).toContain('dialihkan oleh jam Mutu Baku');
    const id = /^([0-9a-f]{8}) {2}/m.exec(set.stdout)?.[1] ?? '';

    const overlap = await delegateInProcess([...setArgs(dir, '2030-12-04', '2030-12-06'), '--kind', 'PLT']);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain('waktu ini beririsan dengan delegasi lain untuk Camat Karawaci');
    expect(overlap.stderr).toContain(`(id ${id})`);

    const unknown = await delegateInProcess([
      ...setArgs(dir, '2030-12-10', '2030-12-11').map((a) => (a === P.KASI.nip ? '199001012015011999' : a)),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NIP 199001012015011999 tidak terdaftar di direktori unit Kecamatan Karawaci');

    const list = await delegateInProcess(['delegate', 'list', '--unit', 'karawaci', '--json', '--state-dir', dir]);
    expect(JSON.parse(list.stdout).delegations).toEqual([
      expect.objectContaining({ id, role: 'CAMAT', kind: 'PLH', setBy: expect.objectContaining({ source: 'CLI' }) }),
    ]);
    const cancel = await delegateInProcess([
      'delegate',
      'cancel',
      '--unit',
      'karawaci',
      '--id',
      id,
      '--state-dir',
      dir,
    ]);
    expect(cancel.code, cancel.stderr).toBe(0);
    // Withdrawn before it began (it was for 2030): it never held, so no period ending before it starts.
    expect(cancel.stdout).toContain('2 Desember 2030 pukul 00.00 WIB, dibatalkan sebelum berlaku');
    const after = await delegateInProcess(['delegate', 'list', '--unit', 'karawaci', '--state-dir', dir]);
    expect(after.stdout.trim()).toBe('belum ada Plh/Plt yang berlaku atau akan datang');
    // A real CLI process (main.ts's wiring): the ended one with --all.
    const all = await lapkin(['delegate', 'list', '--unit', 'karawaci', '--all', '--state-dir', dir]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain(`${id}  karawaci/CAMAT`);
  });

  it('wrong usage exits 2 with what was wrong', async () => {
    const [noUnit, noTo, stray, sub] = await Promise.all([
      delegateInProcess(['delegate', 'list', '--state-dir', dir]),
      delegateInProcess(['delegate', '--unit', 'karawaci', '--role', 'CAMAT', '--state-dir', dir]),
      delegateInProcess(['delegate', 'list', '--unit', 'karawaci', '--to', P.KASI.nip, '--state-dir', dir]),
      delegateInProcess(['delegate', 'hapus', '--unit', 'karawaci', '--state-dir', dir]),
    ]);
    expect(noUnit).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --unit') });
    expect(noTo).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --to, --from, --until') });
    expect(stray).toMatchObject({ code: 2, stderr: expect.stringContaining('does not take --to') });
    expect(sub).toMatchObject({ code: 2, stderr: expect.stringContaining('(not "hapus")') });
  });
});

describe('lapkin delegate with the stack running (over HTTP)', () => {
  const f = fakeDeps();
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-delegate-http-'));
  let server: LocalHttpServer;

  beforeAll(async () => {
    server = new LocalHttpServer({
      portal: { deps: () => f.deps, secureCookies: false },
      deps: () => f.deps,
      store: f.store as never,
      secret: 'test',
    });
    const base = await server.start(0);
    writeStackFile(dir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      stateDir: dir,
      urls: { http: base, mail: base, smtp: base, dynamodb: base, stepFunctions: base },
    });
  });
  afterAll(() => server.stop());

  it('a Plh for today re-addresses the pending ratification at once and mails the Plh', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const executionArn = (await f.repo.get(REPORT_ID))?.executionArn ?? '';
    await requestDecision(f.deps, { taskToken: 't-v', reportId: REPORT_ID, executionArn, step: 'verify' });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
    const { decisionId } = await requestDecision(f.deps, {
      taskToken: 't-r',
      reportId: REPORT_ID,
      executionArn,
      step: 'ratify',
    });
    // The fakes' clock: 6 April 2026.
    const r = await delegateInProcess(setArgs(dir, '2026-04-06', '2026-04-06'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 permintaan yang sedang menunggu dialihkan sekarang.');
    expect((await f.repo.getDecision(decisionId))?.assignee).toMatchObject({
      nip: P.KASI.nip,
      title: 'Plh. Camat Karawaci',
    });
    expect(f.mailer.sent.at(-1)?.to).toEqual([P.KASI.email]);
    const refused = await delegateInProcess(setArgs(dir, '2026-04-06', '2026-04-07'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('beririsan');
  });
});

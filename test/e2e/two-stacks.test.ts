/**
 * One stack per checkout: two local stacks run side by side — here in one process, the strictest case — and
 * share nothing: reports, mails, metrics and documents stay with the stack they belong to, and starting them
 * changes no process global (environment, console). Each records where it runs in its state directory; an
 * explicitly requested port that is taken, or a second stack on the same state directory, is refused with a
 * message naming the way out; a configured port that is taken is only a preference.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, PortTakenError, StackAlreadyRunningError, startLocalStack } from '../../infra/local/stack.ts';
import type { StackFile } from '../../infra/local/stack-file.ts';
import { people, testConfig } from '../fakes/deps.ts';
import { sample } from '../fakes/flow.ts';
import { waitFor } from '../fakes/wait-for.ts';

const stacks: LocalStack[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const s of stacks.splice(0)) await s.stop();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});
const tempState = () => mkdtempSync(join(tmpdir(), 'lapkin-two-'));
const up = async (stateDir = tempState(), extra: Partial<Parameters<typeof startLocalStack>[0]> = {}) => {
  const s = await startLocalStack({ config: testConfig(), stateDir, randomPorts: true, ...extra });
  stacks.push(s);
  return s;
};
/** A port held by "another program". */
async function occupied(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  servers.push(srv);
  return (srv.address() as { port: number }).port;
}

describe('two stacks in one process', () => {
  it('do not see each other: reports, mails, metrics, documents; no process global touched', async () => {
    const env = { ...process.env };
    const info = console.info;
    const a = await up();
    const b = await up();
    expect(process.env).toEqual(env);
    expect(console.info).toBe(info);
    expect(a.urls.http).not.toBe(b.urls.http);

    const tw1 = 'masuk/karawaci/2026/TW1/data.csv';
    const tw2 = 'masuk/karawaci/2026/TW2/data.csv';
    await a.store.put({ key: tw1, body: sample('awal'), contentType: 'text/csv' });
    const tw2Body = Buffer.from(new TextDecoder().decode(sample('awal')).replace(/;TW1;/g, ';TW2;'));
    await b.store.put({ key: tw2, body: tw2Body, contentType: 'text/csv' });
    const sekcam = people(testConfig()).SEKRETARIS_CAMAT.email;
    await new MailboxClient(a.urls.mail).next(sekcam, '[Perlu verifikasi]');
    await new MailboxClient(b.urls.mail).next(sekcam, '[Perlu verifikasi]');
    await waitFor(async () => (await b.deps().repo.get('karawaci-2026-TW2'))?.status === 'MENUNGGU_VERIFIKASI');
    await waitFor(async () => (await a.deps().repo.get('karawaci-2026-TW1'))?.status === 'MENUNGGU_VERIFIKASI');

    expect((await a.deps().repo.list('karawaci')).map((r) => r.reportId)).toEqual(['karawaci-2026-TW1']);
    expect((await b.deps().repo.list('karawaci')).map((r) => r.reportId)).toEqual(['karawaci-2026-TW2']);
    const mails = async (s: LocalStack) => (await new MailboxClient(s.urls.mail).all()).map((m) => m.subject);
    expect((await mails(a)).every((s) => !s.includes('TW2') && !s.includes('Triwulan II'))).toBe(true);
    expect((await mails(b)).every((s) => !s.includes('TW1') && !s.includes('Triwulan I '))).toBe(true);
    expect(await mails(a)).toHaveLength((await mails(b)).length);
    expect(a.metrics.totals.counts.ReportsReceived).toBe(1);
    expect(b.metrics.totals.counts.ReportsReceived).toBe(1);
    expect(a.metrics.totals.counts.DecisionsRequested).toBe(1);
    expect(await a.store.listVersions(tw2)).toHaveLength(0);
    expect(await b.store.listVersions(tw1)).toHaveLength(0);
    const listed = async (s: LocalStack) =>
      ((await (await fetch(`${s.urls.http}/_lokal/laporan`)).json()) as { reports: { reportId: string }[] }).reports;
    expect((await listed(a)).map((r) => r.reportId)).toEqual(['karawaci-2026-TW1']);
    expect((await listed(b)).map((r) => r.reportId)).toEqual(['karawaci-2026-TW2']);
    expect(process.env).toEqual(env);
  });
});

describe('where a stack runs', () => {
  it('is recorded in <stateDir>/stack.json while it runs, and the file goes when it stops', async () => {
    const stateDir = tempState();
    const s = await up(stateDir);
    const file = JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')) as StackFile;
    expect(file).toMatchObject({ pid: process.pid, stateDir, urls: s.urls });
    await s.stop();
    stacks.splice(0);
    expect(existsSync(join(stateDir, 'stack.json'))).toBe(false);
  });

  it('a second stack on the same state directory is refused; one of a dead process is stale and replaced', async () => {
    const stateDir = tempState();
    await up(stateDir);
    await expect(up(stateDir)).rejects.toBeInstanceOf(StackAlreadyRunningError);
    await stacks[0]?.stop();
    stacks.splice(0);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(stateDir, 'stack.json'), JSON.stringify({ pid: 2 ** 22 + 17, urls: { http: 'http://x' } }));
    const dead = await up(stateDir);
    await dead.stop();
    stacks.splice(0);
    // After a reboot the recorded pid may be alive as an unrelated process: the stack must also answer.
    writeFileSync(
      join(stateDir, 'stack.json'),
      JSON.stringify({ pid: process.pid, urls: { http: 'http://127.0.0.1:1' } }),
    );
    const again = await up(stateDir);
    expect((JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')) as StackFile).urls).toEqual(again.urls);
    expect(again.urls.http).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('an explicitly requested port that is taken stops the start with the way out', async () => {
    const port = await occupied();
    const err = await up(tempState(), { ports: { http: port } }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(PortTakenError);
    expect((err as Error).message).toContain(`port ${port}`);
    expect((err as Error).message).toContain('--port');
  });

  it('a configured port that is taken is a preference: the stack starts on a free one, and its links follow', async () => {
    const port = await occupied();
    const config = testConfig();
    config.publicBaseUrl = `http://localhost:${port}`;
    config.local.ports = { http: port, mailWeb: 0, smtp: 0, dynamodb: 0, stepFunctions: 0 };
    const s = await up(tempState(), { config, randomPorts: false });
    const used = Number(new URL(s.urls.http).port);
    expect(used).not.toBe(port);
    expect(s.deps().publicBaseUrl).toBe(`http://localhost:${used}`);
  });

  it('two stacks started at the same moment on the same preferred ports both start, on different ports', async () => {
    const { freePort } = await import('../../infra/local/free-port.ts');
    const config = testConfig();
    config.local.ports = {
      http: await freePort(),
      mailWeb: await freePort(),
      smtp: await freePort(),
      dynamodb: await freePort(),
      stepFunctions: await freePort(),
    };
    config.publicBaseUrl = `http://localhost:${config.local.ports.http}`;
    const [a, b] = await Promise.all([
      up(tempState(), { config, randomPorts: false }),
      up(tempState(), { config, randomPorts: false }),
    ]);
    expect(new Set([a.urls.http, b.urls.http]).size).toBe(2);
    expect(new Set([a.urls.smtp, b.urls.smtp]).size).toBe(2);
    expect(new Set([a.urls.mail, b.urls.mail]).size).toBe(2);
  });

  it('a restart takes the ports of the last run again, so links already mailed keep working', async () => {
    const config = testConfig();
    config.local.ports = { http: await occupied(), mailWeb: 0, smtp: 0, dynamodb: 0, stepFunctions: 0 };
    config.publicBaseUrl = `http://localhost:${config.local.ports.http}`;
    const stateDir = tempState();
    const first = await up(stateDir, { config, randomPorts: false });
    const before = first.urls.http;
    await first.stop();
    stacks.splice(stacks.indexOf(first), 1);
    const again = await up(stateDir, { config, randomPorts: false });
    expect(again.urls.http).toBe(before);
  });
});

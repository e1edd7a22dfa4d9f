/**
 * The CLI talks to the stack of its own state directory (its checkout), found through <stateDir>/stack.json —
 * never to whatever listens on a well-known port: with two stacks running, each `status` shows its own reports.
 * `upload` says what intake did with the file (started, or ignored because the report is documented);
 * `export` writes the report's real files, named as a person would, from a running and from a stopped stack;
 * `up --port` on a taken port names the way out. Times carry their zone (WIB).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDecision } from '../../infra/local/decide-client.ts';
import { decisionLinkIn, MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, ROOT, testConfig } from '../fakes/deps.ts';
import { waitFor } from '../fakes/wait-for.ts';
import { lapkin } from './lapkin-run.ts';

const ID = 'karawaci-2026-TW1';
const SAMPLE = join(ROOT, 'infra/local/sample/kinerja-tw1-perbaikan-2.csv');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let a: LocalStack | undefined;
let b: LocalStack | undefined;
let dirA: string;
let dirB: string;

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'lapkin-cli-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'lapkin-cli-b-'));
  a = await startLocalStack({ config: testConfig(), stateDir: dirA, randomPorts: true });
  b = await startLocalStack({ config: testConfig(), stateDir: dirB, randomPorts: true });
}, 60_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

describe('the CLI and the stack of its state directory', () => {
  it('upload starts the report in that stack only; status there shows it with WIB times, the other stack has none', async () => {
    const up = await lapkin([
      'upload',
      SAMPLE,
      '--unit',
      'karawaci',
      '--tahun',
      '2026',
      '--periode',
      'TW1',
      '--state-dir',
      dirA,
    ]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain(`report ${ID} started`);
    await waitFor(async () => (await a?.deps().repo.get(ID))?.status === 'MENUNGGU_VERIFIKASI', 15_000, 'verify');

    const [inA, inB] = await Promise.all([
      lapkin(['status', '--state-dir', dirA]),
      lapkin(['status', '--state-dir', dirB]),
    ]);
    expect(inA.stdout).toContain(`${ID}: MENUNGGU_VERIFIKASI (Menunggu verifikasi Sekretaris), revisi 1`);
    expect(inA.stdout).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d WIB/);
    expect(inA.stdout).toContain('batas waktu');
    expect(inB.code).toBe(0);
    expect(inB.stdout.trim()).toBe('belum ada laporan');
  });

  it('an upload to a documented report is reported as ignored, and export writes the real files', async () => {
    const config = testConfig();
    const mail = new MailboxClient(a?.urls.mail as string);
    expect(
      (
        await postDecision(
          decisionLinkIn(await mail.next(people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]')),
          'APPROVE',
        )
      ).status,
    ).toBe(200);
    expect(
      (await postDecision(decisionLinkIn(await mail.next(people(config).CAMAT.email, '[Perlu pengesahan]')), 'APPROVE'))
        .status,
    ).toBe(200);
    await waitFor(async () => (await a?.deps().repo.get(ID))?.status === 'TERDOKUMENTASI', 15_000, 'documented');

    const again = await lapkin([
      'upload',
      SAMPLE,
      '--unit',
      'karawaci',
      '--tahun',
      '2026',
      '--periode',
      'TW1',
      '--state-dir',
      dirA,
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`ignored: report ${ID} is TERDOKUMENTASI`);
    expect(again.stdout).toContain('--periode TW2');

    const report = await a?.deps().repo.get(ID);
    const check = (out: string) => {
      const dir = join(out, ID);
      const pdf = readFileSync(join(dir, `laporan-kinerja-${ID}-rev1.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(
        readFileSync(join(dir, `laporan-kinerja-${ID}-rev1.xlsx`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      expect(JSON.parse(readFileSync(join(dir, `laporan-kinerja-${ID}-rev1.json`), 'utf8'))).toHaveProperty(
        'indicators',
      );
      expect(readFileSync(join(dir, 'unggahan/kinerja-tw1-perbaikan-2-rev1.csv'))).toEqual(readFileSync(SAMPLE));
      const archived = readFileSync(join(dir, `arsip/laporan-kinerja-${ID}-disahkan.pdf`));
      expect(sha(archived)).toBe(report?.archive?.pdf.sha256);
      expect(existsSync(join(dir, `arsip/lembar-disposisi-${ID}.pdf`))).toBe(true);
    };
    const running = mkdtempSync(join(tmpdir(), 'lapkin-export-'));
    const exported = await lapkin(['export', ID, '--out', running, '--state-dir', dirA]);
    expect(exported.code, exported.stderr).toBe(0);
    check(running);

    // The same from the stopped stack (its files and database read directly).
    await a?.stop();
    a = undefined;
    const stopped = mkdtempSync(join(tmpdir(), 'lapkin-export-'));
    const offline = await lapkin(['export', ID, '--out', stopped, '--state-dir', dirA]);
    expect(offline.code, offline.stderr).toBe(0);
    check(stopped);
    // An out folder that cannot be made is a clear refusal, at once (Node's recursive mkdir loops under /proc).
    for (const bad of ['/proc/lapkin-nope', '/etc/passwd']) {
      const refused = await lapkin(['export', ID, '--out', bad, '--state-dir', dirA]);
      expect(refused.code, bad).toBe(1);
      expect(refused.stderr, bad).toContain(`cannot write to ${bad}`);
    }
    const noStack = await lapkin([
      'upload',
      SAMPLE,
      '--unit',
      'karawaci',
      '--tahun',
      '2026',
      '--periode',
      'TW2',
      '--state-dir',
      dirA,
    ]);
    expect(noStack.code).toBe(1);
    expect(noStack.stderr).toContain('is not running; start it with: npm start');
  });

  it('up --port on a port another program holds stops with the way out', async () => {
    const srv: Server = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    try {
      const r = await lapkin(['up', '--port', String(port), '--state-dir', mkdtempSync(join(tmpdir(), 'lapkin-up-'))]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port}`);
      expect(r.stderr).toContain('--port');
    } finally {
      await new Promise((r) => srv.close(r));
    }
  });

  it('up prints the portal on a line with the word Portal, at the very address the mails link to', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'lapkin-up-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/cli/main.ts', 'up', '--state-dir', stateDir], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no Portal line within 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', () => {
          const found = out.split('\n').find((l) => /\bPortal\b/.test(l) && /https?:\/\//.test(l));
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
      });
      const url = new URL(/(https?:\/\/\S+)/.exec(line)?.[1] ?? '');
      // The session cookie belongs to one host: the printed address is the one sign-in mails link to.
      expect(url.hostname).toBe(new URL(testConfig().publicBaseUrl).hostname);
      expect((await fetch(new URL('/masuk', url))).status).toBe(200);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  }, 90_000);
});

/**
 * End to end on the real local stack (dynalite, local Step Functions with the ASL, versioned store, MailDev,
 * decision HTTP server, the same handler modules as on AWS). Nothing is faked: decisions go through HTTP with
 * links read from the mails in MailDev.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { runDemo } from '../../infra/cli/demo.ts';
import { openDecisionPage, postDecision } from '../../infra/local/decide-client.ts';
import { decisionLinkIn, MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, ROOT, shippedConfig, testConfig } from '../fakes/deps.ts';
import { waitFor } from '../fakes/wait-for.ts';

const KEY = 'masuk/karawaci/2026/TW1/data-kinerja-tw1.csv';
const sample = (n: string) => readFileSync(join(ROOT, `infra/local/sample/kinerja-tw1-${n}.csv`));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let stack: LocalStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

function tempState(): string {
  return mkdtempSync(join(tmpdir(), 'lapkin-e2e-'));
}

describe('npm run demo (runDemo)', () => {
  it('ends TERDOKUMENTASI after two send-backs, with archived versions whose SHA-256 match, and status --json shows the timeline', async () => {
    const stateDir = tempState();
    // As `npm run demo` runs: the shipped configuration, in which Karawaci's team lead initials every revision.
    const config = shippedConfig();
    const { report } = await runDemo({ config, stateDir });
    expect(report.status).toBe('TERDOKUMENTASI');
    expect(report.revision).toBe(3);
    expect(report.archive).toBeDefined();
    const files = new LocalDocumentStore(join(stateDir, 'documents'), { baseUrl: 'http://x', secret: 'x' });
    for (const ref of Object.values(report.archive ?? {})) {
      expect(ref.key.startsWith('arsip/karawaci/2026/TW1/rev-3/')).toBe(true);
      expect(sha((await files.get(ref.key, ref.versionId)).body)).toBe(ref.sha256);
    }
    // Both archived PDFs are signed with the stack's key under <stateDir>/signing (made on first use, 0600).
    for (const ref of [report.archive?.pdf, report.archive?.disposition]) {
      if (!ref) throw new Error('archive without its PDFs');
      const file = join(stateDir, 'signed.pdf');
      writeFileSync(file, (await files.get(ref.key, ref.versionId)).body);
      expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    }
    expect(statSync(join(stateDir, 'signing', 'signing-key.pem')).mode & 0o777).toBe(0o600);

    // The status command reads the stopped stack's database directly.
    const cfgFile = join(stateDir, 'cdk.json');
    const cdk = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8'));
    cdk.context.lapkin.local.stateDir = stateDir;
    cdk.context.lapkin.publicBaseUrl = 'http://127.0.0.1:9'; // nothing listens: status must fall back to the files
    writeFileSync(cfgFile, JSON.stringify(cdk));
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'infra/cli/main.ts'), 'status', '--json'],
      {
        env: { ...process.env, LAPKIN_CONFIG_FILE: cfgFile },
        encoding: 'utf8',
      },
    );
    const status = JSON.parse(out) as {
      report: typeof report;
      timeline: {
        action: string;
        decision?: string;
        actor: { role: string; name: string; nip?: string; title?: string; actingFor?: { nip: string } };
      }[];
    };
    expect(status.report.status).toBe('TERDOKUMENTASI');
    expect(out).not.toContain('revisionTaskToken');
    const decisions = status.timeline
      .filter((e) => e.action === 'KEPUTUSAN')
      .map((e) => `${e.actor.role}:${e.decision}`);
    expect(decisions).toEqual([
      'TIMSAKIP:APPROVE',
      'SEKRETARIS_CAMAT:REVISE',
      'TIMSAKIP:APPROVE',
      'SEKRETARIS_CAMAT:APPROVE',
      'CAMAT:REVISE',
      'TIMSAKIP:APPROVE',
      'SEKRETARIS_CAMAT:APPROVE',
      'CAMAT:APPROVE',
    ]);
    expect(status.timeline.filter((e) => e.action === 'PARAF_DIMINTA')).toHaveLength(3);
    expect(status.timeline.filter((e) => e.action === 'REVISI_DITERIMA')).toHaveLength(2);
    expect(status.timeline.filter((e) => e.action === 'DISUSUN')).toHaveLength(3);
    expect(status.timeline.at(-1)?.action).toBe('TERDOKUMENTASI');
    // The Camat was away for the final signature: the request went on to the Plh (the Kasi), who ratified.
    const p = people(config);
    expect(status.timeline.filter((e) => e.action === 'DIALIHKAN')).toHaveLength(1);
    expect(status.timeline.findLast((e) => e.action === 'KEPUTUSAN')?.actor).toMatchObject({
      role: 'CAMAT',
      name: p.KASI.name,
      nip: p.KASI.nip,
      title: 'Plh. Camat Karawaci',
      actingFor: { nip: p.CAMAT.nip },
    });

    // lapkin audit on the stopped stack: intact; then one archived file altered on disk is named, exit 1.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'infra/cli/main.ts'), ...args], {
        env: { ...process.env, LAPKIN_CONFIG_FILE: cfgFile },
        encoding: 'utf8',
      });
    // The Camat came back at the end of the demo: no Plh holds any more, so the next report goes to the Camat.
    const delegations = JSON.parse(cli('delegate', 'list', '--unit', 'karawaci', '--json').stdout) as {
      delegations: unknown[];
    };
    expect(delegations.delegations).toEqual([]);
    const intact = cli('audit', 'karawaci-2026-TW1');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('intact');
    const pdf = report.archive?.pdf as { key: string; versionId: string };
    writeFileSync(
      join(stateDir, 'documents', encodeURIComponent(pdf.key).replace(/\./g, '%2E'), `${pdf.versionId}.bin`),
      '%PDF-palsu',
    );
    const tampered = cli('audit', 'karawaci-2026-TW1');
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(new RegExp(`DOCUMENT_ALTERED +${pdf.key.replace(/[.]/g, '\\.')} `));
  });
});

describe('decision links over HTTP', () => {
  async function untilVerifyLink(config: LapkinConfig) {
    stack = await startLocalStack({ config, stateDir: tempState(), randomPorts: true });
    await stack.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    const mail = new MailboxClient(stack.urls.mail);
    const m = await mail.next(people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]');
    return { mail, link: decisionLinkIn(m), m };
  }

  it('GET changes nothing; forged, tampered, malformed and oversized requests get clear pages; one decision only', async () => {
    const config = testConfig();
    const { link, m } = await untilVerifyLink(config);
    expect(m.attachments?.some((a) => a.contentType === 'application/pdf')).toBe(true);
    const deps = stack!.deps();
    const before = await deps.repo.get('karawaci-2026-TW1');

    // A mail scanner following the link: a page, no side effect.
    const page = await openDecisionPage(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Verifikasi Laporan Kinerja');
    expect(await deps.repo.get('karawaci-2026-TW1')).toEqual(before);
    expect(await deps.repo.pendingDecisions('karawaci', 'karawaci-2026-TW1')).toHaveLength(1);

    const url = new URL(link);
    const forged = new URL(link);
    forged.searchParams.set('s', `${url.searchParams.get('s')?.slice(0, -2)}xx`);
    const forgedRes = await postDecision(forged.toString(), 'APPROVE');
    expect(forgedRes.status).toBe(403);
    expect(forgedRes.html).toContain('Tautan tidak sah');

    const unknown = new URL(link);
    unknown.pathname = `/keputusan/${'a'.repeat(32)}`;
    expect((await openDecisionPage(unknown.toString())).status).toBe(403);
    expect((await openDecisionPage(`${url.origin}/keputusan/%3Cscript%3E`)).status).toBe(403);

    const noNote = await postDecision(link, 'REVISE', '');
    expect(noNote.status).toBe(422);
    expect(noNote.html).toContain('Mohon isi catatan');

    const huge = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(link).origin },
      body: `catatan=${'x'.repeat(20_000)}`,
    });
    expect(huge.status).toBe(413);
    const json = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(link).origin },
      body: '{"keputusan":"APPROVE"}',
    });
    expect(json.status).toBe(400);
    expect(await deps.repo.get('karawaci-2026-TW1')).toEqual(before);

    // Two POSTs at once: exactly one is applied.
    const [a, b] = await Promise.all([postDecision(link, 'APPROVE'), postDecision(link, 'REVISE', 'kembalikan saja')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const replay = await postDecision(link, 'APPROVE');
    expect(replay.status).toBe(409);
    expect(replay.html).toContain('Sudah diputuskan');
    const after = await openDecisionPage(link);
    expect(after.status).toBe(200);
    expect(after.html).toContain('Sudah diputuskan');
    const decisions = (await deps.repo.events('karawaci-2026-TW1')).filter((e) => e.action === 'KEPUTUSAN');
    expect(decisions).toHaveLength(1);
  });

  it('an expired link is refused with 410 and changes nothing', async () => {
    const config = { ...testConfig(), linkExpiryHours: 1 / 3600 };
    const { link } = await untilVerifyLink(config);
    await new Promise((r) => setTimeout(r, 1500));
    const res = await postDecision(link, 'APPROVE');
    expect(res.status).toBe(410);
    expect(res.html).toContain('kedaluwarsa');
    expect((await stack!.deps().repo.get('karawaci-2026-TW1'))?.status).toBe('MENUNGGU_VERIFIKASI');
  });

  it('the document link on the decision page downloads the exact version being decided', async () => {
    const config = testConfig();
    const { link } = await untilVerifyLink(config);
    const page = await openDecisionPage(link);
    const href = /href="([^"]*_dokumen[^"]*)"/.exec(page.html)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBeDefined();
    const res = await fetch(href as string);
    expect(res.status).toBe(200);
    const body = new Uint8Array(await res.arrayBuffer());
    const report = await stack!.deps().repo.get('karawaci-2026-TW1');
    expect(sha(body)).toBe(report?.reportPdf?.sha256);
  });
});

describe('restart', () => {
  it('a pending decision survives a restart: the emailed link still works and the report finishes', async () => {
    const config = testConfig();
    const stateDir = tempState();
    stack = await startLocalStack({ config, stateDir, randomPorts: true });
    await stack.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    const firstMail = new MailboxClient(stack.urls.mail);
    const link = decisionLinkIn(await firstMail.next(people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]'));
    // Stop only once the step has settled: the mail is out before mailSentAt is written, and a stop in between
    // would rightly send the request again on resume (at least once), which is not what this test is about.
    const first = stack;
    await waitFor(
      async () =>
        (await first.deps().repo.pendingDecisions('karawaci', 'karawaci-2026-TW1')).some(
          (d) => d.step === 'verify' && d.mailSentAt,
        ),
      10_000,
      'verify request settled',
    );
    await stack.stop();

    stack = await startLocalStack({ config, stateDir, randomPorts: true });
    expect(stack.resumed).toBe(1);
    const mail = new MailboxClient(stack.urls.mail);
    // The link was minted for the old port; the path and signature are what matter.
    const moved = new URL(link);
    const relinked = `${stack.urls.http}${moved.pathname}${moved.search}`;
    await waitFor(
      async () => (await openDecisionPage(relinked)).html.includes('Verifikasi Laporan Kinerja'),
      5000,
      'resumed decision page',
    );
    expect((await postDecision(relinked, 'APPROVE')).status).toBe(200);
    const ratify = decisionLinkIn(await mail.next(people(config).CAMAT.email, '[Perlu pengesahan]'));
    expect((await postDecision(ratify, 'APPROVE')).status).toBe(200);
    await waitFor(
      async () => (await stack!.deps().repo.get('karawaci-2026-TW1'))?.status === 'TERDOKUMENTASI',
      10_000,
      'documented',
    );
    // The mails survived the restart and the verify request was not sent twice.
    const verifyMails = (await mail.all()).filter((m) => m.subject.includes('[Perlu verifikasi]'));
    expect(verifyMails).toHaveLength(1);
  });
});

describe('inbox folder', () => {
  it('a file dropped into inbox/<unit>/<tahun>/<periode>/ is uploaded once, starts the report and is kept', async () => {
    const { mkdirSync, readdirSync, utimesSync } = await import('node:fs');
    stack = await startLocalStack({ config: testConfig(), stateDir: tempState(), randomPorts: true });
    const folder = join(stack.inboxDir, 'karawaci', '2026', 'TW2');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'data.csv');
    writeFileSync(
      file,
      readFileSync(join(ROOT, 'infra/local/sample/kinerja-tw1-awal.csv'), 'utf8').replace(/;TW1;/g, ';TW2;'),
    );
    const old = new Date(Date.now() - 5000);
    utimesSync(file, old, old);
    expect(await stack.inbox.scan()).toBe(1);
    expect(await stack.inbox.scan()).toBe(0);
    expect(readdirSync(join(stack.inboxDir, '.diproses'))).toHaveLength(1);
    const versions = await stack.store.listVersions('masuk/karawaci/2026/TW2/data.csv');
    expect(versions).toHaveLength(1);
    await waitFor(
      async () => (await stack!.deps().repo.get('karawaci-2026-TW2'))?.status === 'MENUNGGU_VERIFIKASI',
      10_000,
      'verify wait',
    );
  });
});

describe('Mutu Baku on a fast local clock', () => {
  it('reminds, escalates to the Camat, keeps waiting, and the first link still decides', async () => {
    // 24 hours of Mutu Baku pass in 4 seconds.
    const config = { ...testConfig(), local: { ...testConfig().local, clockSpeed: 21_600 } };
    stack = await startLocalStack({ config, stateDir: tempState(), randomPorts: true });
    await stack.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    const mail = new MailboxClient(stack.urls.mail);
    const link = decisionLinkIn(await mail.next(people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]'));
    const reminder = await mail.next(people(config).SEKRETARIS_CAMAT.email, '[Pengingat]', 10_000);
    expect(decisionLinkIn(reminder)).toBe(link);
    await mail.next(people(config).CAMAT.email, '[Eskalasi]', 10_000);
    const report = await stack.deps().repo.get('karawaci-2026-TW1');
    expect(report?.status).toBe('MENUNGGU_VERIFIKASI');
    // Wait for at least one re-entered wait (new task token behind the same decision id).
    await new Promise((r) => setTimeout(r, 1500));
    expect((await postDecision(link, 'APPROVE')).status).toBe(200);
    const ratify = decisionLinkIn(await mail.next(people(config).CAMAT.email, '[Perlu pengesahan]'));
    expect((await postDecision(ratify, 'APPROVE')).status).toBe(200);
    await waitFor(
      async () => (await stack!.deps().repo.get('karawaci-2026-TW1'))?.status === 'TERDOKUMENTASI',
      10_000,
      'documented',
    );
    const events = await stack.deps().repo.events('karawaci-2026-TW1');
    expect(events.some((e) => e.action === 'MUTU_BAKU_TERLAMPAUI')).toBe(true);
    expect((await mail.all()).filter((m) => m.subject.includes('[Perlu verifikasi]'))).toHaveLength(1);
  });
});

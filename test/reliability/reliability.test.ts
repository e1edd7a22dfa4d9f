/**
 * Reliability suite (issue "Mutu Baku and reliability"): duplicates and order, attacks on the decision
 * endpoint, faults injected into the adapters, malformed uploads, restart, tamper evidence and load. Everything
 * runs on the real local stack except the fault injection, which runs the real ASL and use cases on in-memory
 * ports wrapped with fault injectors. Each category tallies what it checked; the last line printed is the summary.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ObjectCreatedNotice } from '../../functions/adapters/local-document-store.ts';
import { hashEvent } from '../../functions/core/audit-chain.ts';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { decisionLink } from '../../functions/core/decision-link.ts';
import { PERIODS, type Report } from '../../functions/core/report.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { recordFailure } from '../../functions/usecases/record-failure.ts';
import { retryReport } from '../../functions/usecases/retry-report.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { verifyAudit } from '../../functions/usecases/verify-audit.ts';
import { openDecisionPage, postDecision } from '../../infra/local/decide-client.ts';
import { LOCAL_CREDENTIALS } from '../../infra/local/dynamodb.ts';
import { objectCreatedEvent } from '../../infra/local/event-bus.ts';
import { decisionLinkIn, MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, ROOT, testConfig } from '../fakes/deps.ts';
import { linkInMail, linkParts } from '../fakes/flow.ts';
import { waitFor } from '../fakes/wait-for.ts';
import { BAD_KEYS, badDataFiles } from './bad-uploads.ts';
import { faultHarness } from './fault-harness.ts';

const SAMPLE = readFileSync(join(ROOT, 'infra/local/sample/kinerja-tw1-awal.csv'), 'utf8');
/** The sample data moved to another year and period, so each report of a test is a different one. */
const dataFor = (tahun: number, periode: string) =>
  new TextEncoder().encode(SAMPLE.replace(/^2026;TW1;/gm, `${tahun};${periode};`));
const keyFor = (tahun: number, periode: string, unit = 'karawaci') => `masuk/${unit}/${tahun}/${periode}/data.csv`;

const summary: string[] = [];
afterAll(() => {
  // The line CI shows for this suite.
  console.log(`reliability: ${summary.join(' · ')}`);
});

let stack: LocalStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

async function up(config: LapkinConfig = testConfig(), stateDir = mkdtempSync(join(tmpdir(), 'lapkin-rel-'))) {
  stack = await startLocalStack({ config, stateDir, randomPorts: true, retryDelayMs: 5 });
  return {
    stack,
    stateDir,
    mail: new MailboxClient(stack.urls.mail),
    secret: readFileSync(join(stateDir, 'signing-secret'), 'utf8').trim(),
  };
}

const statusOf = async (s: LocalStack, id: string) => (await s.deps().repo.get(id))?.status;

describe('duplicates and order', () => {
  it('the same event three times and older events after newer ones: one execution per version, newest wins', async () => {
    const { stack: s } = await up();
    s.bus.stop(); // deliveries by hand, in the order under test
    const notices: ObjectCreatedNotice[] = [];
    const listen = (n: ObjectCreatedNotice) => notices.push(n);
    s.store.events.on('objectCreated', listen);
    const put = async (tahun: number, periode: string) => {
      await s.store.put({ key: keyFor(tahun, periode), body: dataFor(tahun, periode), contentType: 'text/csv' });
      return objectCreatedEvent('lapkin-local-documents', notices.at(-1) as ObjectCreatedNotice);
    };
    let correct = 0;
    let total = 0;
    // Five uploads, each event delivered three times at once.
    for (let i = 0; i < 5; i++) {
      const event = await put(2030 + i, 'TW1');
      const outcomes = (await Promise.all([s.bus.deliver(event), s.bus.deliver(event), s.bus.deliver(event)])).map(
        (o) => (o as { outcome: string }).outcome,
      );
      total += 3;
      correct +=
        outcomes.filter((o) => o === 'STARTED').length === 1 && outcomes.filter((o) => o === 'DUPLICATE').length === 2
          ? 3
          : 0;
    }
    // Three reports whose older upload's event arrives after the newer one's.
    for (let i = 0; i < 3; i++) {
      const older = await put(2040 + i, 'TW2');
      const newer = await put(2040 + i, 'TW2');
      const first = (await s.bus.deliver(newer)) as { outcome: string };
      const late = (await s.bus.deliver(older)) as { outcome: string };
      const report = await s.deps().repo.get(`karawaci-${2040 + i}-TW2`);
      total += 2;
      if (
        first.outcome === 'STARTED' &&
        late.outcome === 'STALE' &&
        report?.source.versionId === newer.detail.object['version-id']
      )
        correct += 2;
    }
    s.store.events.off('objectCreated', listen);
    const perVersion = new Map<string, number>();
    for (const e of s.sfn.list()) {
      const v = (e.input as { source: { versionId: string } }).source.versionId;
      perVersion.set(v, (perVersion.get(v) ?? 0) + 1);
    }
    expect(perVersion.size).toBe(8);
    expect([...perVersion.values()].every((n) => n === 1)).toBe(true);
    expect(correct).toBe(total);
    summary.push(`duplicates ${correct}/${total} deduplicated`);
  });
});

describe('attacks on the decision endpoint', () => {
  it('every attack gets a clear page and the right status, and changes nothing', async () => {
    const { stack: s, mail, secret } = await up();
    const config = testConfig();
    await s.store.put({ key: keyFor(2026, 'TW1'), body: dataFor(2026, 'TW1'), contentType: 'text/csv' });
    await s.store.put({ key: keyFor(2026, 'TW2'), body: dataFor(2026, 'TW2'), contentType: 'text/csv' });
    const linkA = decisionLinkIn(await mail.next(people(config).SEKRETARIS_CAMAT.email, /Triwulan I\b/));
    const linkB = decisionLinkIn(await mail.next(people(config).SEKRETARIS_CAMAT.email, 'Triwulan II'));
    const repo = s.deps().repo;
    const snapshot = async () =>
      JSON.stringify([
        await repo.get('karawaci-2026-TW1'),
        await repo.get('karawaci-2026-TW2'),
        await repo.pendingDecisions('karawaci'),
        (await repo.events('karawaci-2026-TW1')).length,
        (await repo.events('karawaci-2026-TW2')).length,
      ]);
    const a = new URL(linkA);
    const b = new URL(linkB);
    const decisionA = a.pathname.split('/').pop() as string;
    const pendingA = (await repo.pendingDecisions('karawaci', 'karawaci-2026-TW1'))[0];
    const expired = decisionLink(a.origin, secret, {
      decisionId: decisionA,
      assigneeNip: pendingA?.assignee.nip ?? '',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    const form = (decision: string, note = '') =>
      new URLSearchParams({ keputusan: decision, catatan: note }).toString();
    const post = (url: string, body: string | Uint8Array, type = 'application/x-www-form-urlencoded') =>
      fetch(url, { method: 'POST', headers: { 'content-type': type, origin: new URL(url).origin }, body }).then(
        async (r) => ({
          status: r.status,
          html: await r.text(),
        }),
      );

    const attacks: {
      name: string;
      run: () => Promise<{ status: number; html: string }>;
      status: number;
      says: string;
    }[] = [
      {
        name: 'forged signature',
        run: () => post(`${a.origin}${a.pathname}?e=${a.searchParams.get('e')}&s=${'A'.repeat(43)}`, form('APPROVE')),
        status: 403,
        says: 'Tautan tidak sah',
      },
      {
        name: "another decision's signature",
        run: () => post(`${a.origin}${a.pathname}${b.search}`, form('APPROVE')),
        status: 403,
        says: 'Tautan tidak sah',
      },
      {
        name: 'tampered expiry',
        run: () =>
          post(
            `${a.origin}${a.pathname}?e=${Number(a.searchParams.get('e')) + 86400}&s=${a.searchParams.get('s')}`,
            form('APPROVE'),
          ),
        status: 403,
        says: 'Tautan tidak sah',
      },
      {
        name: 'tampered decision value',
        run: () => post(linkA, form('SETUJU_SEMUA')),
        status: 422,
        says: 'Mohon pilih salah satu',
      },
      {
        name: 'REVISE without a note',
        run: () => post(linkA, form('REVISE', ' ')),
        status: 422,
        says: 'Mohon isi catatan',
      },
      { name: 'expired link', run: () => post(expired, form('APPROVE')), status: 410, says: 'kedaluwarsa' },
      {
        name: "mail scanner's GET",
        run: () => openDecisionPage(linkA),
        status: 200,
        says: 'Verifikasi Laporan Kinerja',
      },
      {
        name: 'huge body',
        run: () => post(linkA, `keputusan=APPROVE&catatan=${'x'.repeat(64 * 1024)}`),
        status: 413,
        says: 'terlalu besar',
      },
      {
        name: 'malformed body',
        run: () => post(linkA, new Uint8Array([0xff, 0xfe, 0x00, 0x3d])),
        status: 400,
        says: 'tidak dapat',
      },
      {
        name: 'JSON instead of a form',
        run: () => post(linkA, JSON.stringify({ keputusan: 'APPROVE' }), 'application/json'),
        status: 400,
        says: 'tidak dapat',
      },
      {
        name: 'unknown id',
        run: () => post(`${a.origin}/keputusan/${'0'.repeat(32)}${a.search}`, form('APPROVE')),
        status: 403,
        says: 'Tautan tidak sah',
      },
      {
        name: 'id with path characters',
        run: () => openDecisionPage(`${a.origin}/keputusan/..%2F..%2Fetc${a.search}`),
        status: 403,
        says: 'Tautan tidak sah',
      },
    ];
    let refused = 0;
    for (const attack of attacks) {
      const before = await snapshot();
      const res = await attack.run();
      const unchanged = (await snapshot()) === before;
      expect(res.status, attack.name).toBe(attack.status);
      expect(res.html, attack.name).toContain(attack.says);
      expect(unchanged, attack.name).toBe(true);
      if (res.status === attack.status && res.html.includes(attack.says) && unchanged) refused++;
    }

    // Two POSTs at once: exactly one is applied; the replay and the superseded link change nothing.
    const [p1, p2] = await Promise.all([postDecision(linkA, 'APPROVE'), postDecision(linkA, 'REVISE', 'kembalikan')]);
    const oneWins = [p1.status, p2.status].sort().join() === '200,409';
    expect(oneWins).toBe(true);
    // Either POST may win the race. Settled: after APPROVE the ratify request is recorded and its mail is out
    // (mailSentAt is written after the send); after REVISE the report waits for a correction and its execution
    // reached its end (the revision mail is its last step).
    const approved = p1.status === 200;
    await waitFor(
      async () =>
        approved
          ? (await statusOf(s, 'karawaci-2026-TW1')) === 'MENUNGGU_PENGESAHAN' &&
            (await repo.pendingDecisions('karawaci', 'karawaci-2026-TW1')).some(
              (d) => d.step === 'ratify' && d.mailSentAt,
            )
          : (await statusOf(s, 'karawaci-2026-TW1')) === 'PERLU_REVISI',
      20_000,
      approved ? 'ratify wait' : 'revision wait',
    );
    await s.sfn.idle();
    const more = [
      {
        name: 'replay after use',
        run: () => postDecision(linkA, 'REVISE', 'ulang'),
        status: 409,
        says: 'Sudah diputuskan',
      },
      {
        name: 'link after its step was superseded',
        run: async () => {
          await recordFailure(s.deps(), {
            reportId: 'karawaci-2026-TW2',
            error: { Error: 'Uji', Cause: 'dihentikan operator' },
          });
          return postDecision(linkB, 'APPROVE');
        },
        status: 409,
        says: 'Sudah diputuskan',
      },
      {
        name: 'report no longer waiting (GET)',
        run: () => openDecisionPage(linkB),
        status: 200,
        says: 'Tidak ada yang diubah',
      },
    ];
    for (const attack of more) {
      const res = await attack.run();
      const before = await snapshot();
      expect(res.status, attack.name).toBe(attack.status);
      expect(res.html, attack.name).toContain(attack.says);
      if (res.status === attack.status && res.html.includes(attack.says) && (await snapshot()) === before) refused++;
    }
    const events = await repo.events('karawaci-2026-TW1');
    expect(events.filter((e) => e.action === 'KEPUTUSAN')).toHaveLength(1);
    const total = attacks.length + more.length + 1;
    refused += oneWins ? 1 : 0;
    expect(refused).toBe(total);
    summary.push(`attacks ${refused}/${total} refused`);
  });
});

describe('faults injected into the adapters', () => {
  it('each fault ends in a state that is shown, recorded and recoverable', async () => {
    const h = await faultHarness();
    const REPORT = 'karawaci-2026-TW1';
    const key = keyFor(2026, 'TW1');
    const upload = async (body: Uint8Array) => {
      const { versionId } = await h.store.put({ key, body, contentType: 'text/csv' });
      await receiveUpload(h.deps, { key, versionId, sequencer: versionId });
    };
    const until = (status: Report['status']) =>
      waitFor(async () => (await h.repo.get(REPORT))?.status === status, 8000, status);
    const recovered: string[] = [];
    try {
      // 1. Storage throttled twice during assembly: retried by the state machine, then assembled.
      h.store.transientGets = 2;
      await upload(dataFor(2026, 'TW1'));
      await until('MENUNGGU_VERIFIKASI');
      recovered.push('storage-throttled');

      // 2. A lost conditional-write race while deciding: the ledger re-reads and the decision lands once.
      h.repo.staleReplaces = 3;
      const verify = linkInMail(h.mailer.sent.at(-1)?.text ?? '');
      // 3. The workflow unavailable at the moment of deciding (the send and its retry): the decision stays taken,
      //    "try again" is shown, and a re-POST of it resumes the workflow.
      h.workflow.transientSends = 2;
      await expect(submitDecision(h.deps, linkParts(verify), { decision: 'APPROVE' })).rejects.toMatchObject({
        name: 'TransientError',
      });
      expect((await h.repo.pendingDecisions('karawaci', REPORT)).length).toBe(0);
      recovered.push('workflow-unavailable');
      await submitDecision(h.deps, linkParts(verify), { decision: 'APPROVE' });
      await until('MENUNGGU_PENGESAHAN');
      recovered.push('write-race');

      // 4. Mail down for longer than the retries: the report parks as GAGAL with the reason, the operator retries.
      const ratify = linkInMail(h.mailer.sent.at(-1)?.text ?? '');
      await submitDecision(h.deps, linkParts(ratify), { decision: 'REVISE', note: 'Perbaiki realisasi anggaran.' });
      await until('PERLU_REVISI');
      h.mailer.failures = 1000;
      await upload(dataFor(2026, 'TW1'));
      await until('GAGAL');
      expect((await h.repo.get(REPORT))?.lastError?.cause).toContain('mail could not be sent');
      h.mailer.failures = 0;
      await retryReport(h.deps, REPORT);
      await until('MENUNGGU_VERIFIKASI');
      recovered.push('mail-down');

      // 5. A machine step that hangs: the Task times out, is retried once, and the report goes on.
      await recordFailure(h.deps, { reportId: REPORT, error: { Error: 'Uji', Cause: 'reset for the next fault' } });
      h.store.hangingGets = 1;
      await upload(dataFor(2026, 'TW1'));
      await until('MENUNGGU_VERIFIKASI');
      recovered.push('handler-timeout');

      // 6. The uploaded version unreadable for good: no retry, GAGAL with the reason; a new upload restarts it.
      await recordFailure(h.deps, { reportId: REPORT, error: { Error: 'Uji', Cause: 'reset for the next fault' } });
      h.store.missingGets = 1;
      await upload(dataFor(2026, 'TW1'));
      await until('GAGAL');
      expect((await h.repo.get(REPORT))?.lastError?.error).toBe('DocumentNotFoundError');
      await upload(dataFor(2026, 'TW1'));
      await until('MENUNGGU_VERIFIKASI');
      recovered.push('storage-missing');

      const actions = (await h.repo.events(REPORT)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['GAGAL', 'KEPUTUSAN']));
      expect(actions).not.toContain('KEPUTUSAN_TIDAK_BERLAKU');
      expect((await verifyAudit(h.deps, REPORT)).ok).toBe(true);
    } finally {
      await h.engine.stop();
    }
    expect(recovered).toHaveLength(6);
    summary.push(`faults ${recovered.length}/6 recovered`);
  });
  it('a failed ledger write and a SendTaskSuccess answer lost after it acted: the state agrees with the workflow', async () => {
    const h = await faultHarness({});
    const REPORT = 'karawaci-2026-TW1';
    const key = keyFor(2026, 'TW1');
    const until = (status: Report['status']) =>
      waitFor(async () => (await h.repo.get(REPORT))?.status === status, 8000, status);
    try {
      const { versionId } = await h.store.put({ key, body: dataFor(2026, 'TW1'), contentType: 'text/csv' });
      await receiveUpload(h.deps, { key, versionId, sequencer: versionId });
      await until('MENUNGGU_VERIFIKASI');

      // The ledger write after PENDING → USED fails once: "try again"; the re-POST records it once and resumes.
      const verify = linkParts(linkInMail(h.mailer.sent.at(-1)?.text ?? ''));
      h.repo.failingReplaces = 1;
      await expect(submitDecision(h.deps, verify, { decision: 'APPROVE' })).rejects.toMatchObject({
        name: 'TransientError',
      });
      expect((await submitDecision(h.deps, verify, { decision: 'APPROVE' })).outcome).toBe('RECORDED');
      await until('MENUNGGU_PENGESAHAN');

      // The Camat's signature reaches the workflow but the answer times out: settled by asking, nothing undone.
      const ratify = linkParts(linkInMail(h.mailer.sent.at(-1)?.text ?? ''));
      h.workflow.lostReplies = 1;
      expect((await submitDecision(h.deps, ratify, { decision: 'APPROVE' })).outcome).toBe('RECORDED');
      await until('TERDOKUMENTASI');

      const events = await h.repo.events(REPORT);
      expect(events.map((e) => e.action)).not.toContain('KEPUTUSAN_TIDAK_BERLAKU');
      expect(events.filter((e) => e.action === 'KEPUTUSAN').map((e) => e.detail?.decisionId)).toEqual([
        verify.decisionId,
        ratify.decisionId,
      ]);
      expect((await verifyAudit(h.deps, REPORT)).ok).toBe(true);
    } finally {
      await h.engine.stop();
    }
    summary.push('decisions converge 2/2');
  });
});

describe('malformed uploads', () => {
  it('each is answered with a clear message, nothing crashes, every upload is kept', async () => {
    const { stack: s, mail } = await up();
    const config = testConfig();
    const team = people(config).TIMSAKIP.email;
    const files = await badDataFiles();
    const kept: { key: string; versionId: string; body: Uint8Array }[] = [];
    let explained = 0;
    for (const bad of files) {
      const key = `masuk/karawaci/2026/TW1/${bad.file}`;
      const { versionId } = await s.store.put({ key, body: bad.body, contentType: 'application/octet-stream' });
      kept.push({ key, versionId, body: bad.body });
      const m = await mail.next(team, '[Data ditolak]', 15_000).catch(async (err: Error) => {
        const r = await s.deps().repo.get('karawaci-2026-TW1');
        const ev = (await s.deps().repo.events('karawaci-2026-TW1'))
          .slice(-4)
          .map((e) => `${e.action}:${e.note ?? ''}`);
        throw new Error(
          `${bad.name}: ${err.message}; report ${r?.status} ${JSON.stringify(ev)} ${JSON.stringify(s.sfn.list().map((x) => [x.status, x.current?.state, x.error, x.cause]))}`,
        );
      });
      expect(m.text, bad.name).toMatch(/ditemukan \d+ masalah/);
      explained++;
    }
    // The folder says TW2 but the data says TW1: the mismatch is explained for that report.
    {
      const key = keyFor(2026, 'TW2');
      const body = dataFor(2026, 'TW1');
      const { versionId } = await s.store.put({ key, body, contentType: 'text/csv' });
      kept.push({ key, versionId, body });
      const m = await mail.next(team, 'Triwulan II', 15_000);
      expect(m.subject).toContain('[Data ditolak]');
      explained++;
    }
    for (const bad of BAD_KEYS) {
      const body = dataFor(2026, 'TW1');
      const { versionId } = await s.store.put({ key: bad.key, body, contentType: 'text/csv' });
      kept.push({ key: bad.key, versionId, body });
      const to = bad.to === 'city' ? (config.city?.people.KOTA?.email as string) : team;
      const m = await mail.next(to, '[Unggahan ditolak]', 15_000);
      expect(m.text, bad.name).toContain('Berkas tetap tersimpan');
      explained++;
    }
    await s.bus.drain();
    const reports = await s.deps().repo.list('karawaci');
    expect(reports.filter((r) => r.status === 'GAGAL')).toEqual([]);
    expect(reports.map((r) => r.status).sort()).toEqual(['PERLU_PERBAIKAN_DATA', 'PERLU_PERBAIKAN_DATA']);
    expect(readdirSync(s.stateDir).includes('dead-letter')).toBe(false);
    for (const k of kept)
      expect(Buffer.from((await s.store.get(k.key, k.versionId)).body).equals(Buffer.from(k.body))).toBe(true);
    const total = files.length + 1 + BAD_KEYS.length;
    expect(total).toBeGreaterThanOrEqual(40);
    expect(explained).toBe(total);
    summary.push(`bad uploads ${explained}/${total} explained`);
  }, 180_000);
});

describe('restart', () => {
  it('decisions and a revision pending across a restart: links still work, uploads resume, both reports finish', async () => {
    const config = testConfig();
    const first = await up(config);
    const s1 = first.stack;
    await s1.store.put({ key: keyFor(2026, 'TW1'), body: dataFor(2026, 'TW1'), contentType: 'text/csv' });
    await s1.store.put({
      key: keyFor(2026, 'TW2'),
      body: new TextEncoder().encode('tahun;periode\n2026;TW2\n'),
      contentType: 'text/csv',
    });
    const link = decisionLinkIn(await first.mail.next(people(config).SEKRETARIS_CAMAT.email, /Triwulan I\b/));
    await first.mail.next(people(config).TIMSAKIP.email, '[Data ditolak]');
    await s1.stop();
    stack = undefined;

    const second = await up(config, first.stateDir);
    const s2 = second.stack;
    expect(s2.resumed).toBe(2);
    const moved = new URL(link);
    const relinked = `${s2.urls.http}${moved.pathname}${moved.search}`;
    await waitFor(
      async () => (await openDecisionPage(relinked)).html.includes('Verifikasi Laporan Kinerja'),
      5000,
      'resumed page',
    );
    expect((await postDecision(relinked, 'APPROVE')).status).toBe(200);
    await s2.store.put({ key: keyFor(2026, 'TW2'), body: dataFor(2026, 'TW2'), contentType: 'text/csv' });
    const decide = async (to: string, subject: string | RegExp) => {
      expect((await postDecision(decisionLinkIn(await second.mail.next(to, subject)), 'APPROVE')).status).toBe(200);
    };
    await decide(people(config).CAMAT.email, /Triwulan I\b/);
    await decide(people(config).SEKRETARIS_CAMAT.email, 'Triwulan II');
    await decide(people(config).CAMAT.email, 'Triwulan II');
    for (const id of ['karawaci-2026-TW1', 'karawaci-2026-TW2']) {
      await waitFor(async () => (await statusOf(s2, id)) === 'TERDOKUMENTASI', 10_000, `${id} documented`);
    }
    const verifyMails = (await second.mail.all()).filter(
      (m) => m.subject.includes('[Perlu verifikasi]') && m.subject.includes('Triwulan I '),
    );
    expect(verifyMails).toHaveLength(1);
    summary.push('restart ok');
  });
});

describe('tamper-evident audit', () => {
  it('a documented report verifies; an altered record and an altered file are named exactly', async () => {
    const { stack: s, mail } = await up();
    const config = testConfig();
    await s.store.put({ key: keyFor(2026, 'TW1'), body: dataFor(2026, 'TW1'), contentType: 'text/csv' });
    for (const [to, subject] of [
      [people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]'],
      [people(config).CAMAT.email, '[Perlu pengesahan]'],
    ] as const) {
      await postDecision(decisionLinkIn(await mail.next(to, subject)), 'APPROVE');
    }
    const id = 'karawaci-2026-TW1';
    await waitFor(async () => (await statusOf(s, id)) === 'TERDOKUMENTASI', 10_000, 'documented');
    const audit = async () =>
      (await (await fetch(`${s.urls.http}/_lokal/audit/${id}`)).json()) as {
        ok: boolean;
        findings: { kind: string; seq?: number; document?: { key: string } }[];
      };
    // The documentation's checkpoint is written just after its event (the status shows first): wait for it.
    await waitFor(async () => (await audit()).ok, 10_000, 'documented report verifies');
    expect((await audit()).findings).toEqual([]);

    // Alter one audit record behind lapkin's back, straight in the database.
    const events = await s.deps().repo.events(id);
    const decision = events.find((e) => e.action === 'KEPUTUSAN') as (typeof events)[number];
    const ddb = new DynamoDBClient({ endpoint: s.urls.dynamodb, region: 'local', credentials: LOCAL_CREDENTIALS });
    await ddb.send(
      new PutItemCommand({
        TableName: 'lapkin-local',
        Item: marshall(
          {
            ...decision,
            note: 'keputusan diubah',
            pk: `REPORT#${id}`,
            sk: `EVENT#${String(decision.seq).padStart(8, '0')}`,
          },
          { removeUndefinedValues: true },
        ),
      }),
    );
    // And one archived file on disk.
    const report = (await s.deps().repo.get(id)) as Report;
    const archived = report.archive?.disposition as { key: string; versionId: string };
    const dir = join(s.stateDir, 'documents', encodeURIComponent(archived.key).replace(/\./g, '%2E'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, `${archived.versionId}.bin`), 'bukan lembar disposisi');
    const verdict = await audit();
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toEqual([
      expect.objectContaining({ kind: 'EVENT_ALTERED', seq: decision.seq }),
      expect.objectContaining({ kind: 'DOCUMENT_ALTERED', document: expect.objectContaining({ key: archived.key }) }),
    ]);

    // The attack with write access to the table only: the Camat's note rewritten, every later hash and the head
    // recomputed, so the chain in the table is whole again. The checkpoints under audit/ (locked) still tell.
    // (The first altered record is put back, so that only this attack is left to find.)
    await ddb.send(
      new PutItemCommand({
        TableName: 'lapkin-local',
        Item: marshall(
          { ...decision, pk: `REPORT#${id}`, sk: `EVENT#${String(decision.seq).padStart(8, '0')}` },
          { removeUndefinedValues: true },
        ),
      }),
    );
    const camat = events.find((e) => e.action === 'KEPUTUSAN' && e.actor.role === 'CAMAT') as (typeof events)[number];
    let prevHash = events.find((e) => e.seq === camat.seq - 1)?.hash as string;
    const rewritten = events
      .filter((e) => e.seq >= camat.seq)
      .map((e) => {
        const body = { ...e, note: e.seq === camat.seq ? 'catatan yang tidak pernah ditulis Camat' : e.note, prevHash };
        const { hash: _old, ...unhashed } = body;
        prevHash = hashEvent(unhashed);
        return { ...body, hash: prevHash };
      });
    for (const e of rewritten) {
      await ddb.send(
        new PutItemCommand({
          TableName: 'lapkin-local',
          Item: marshall(
            { ...e, pk: `REPORT#${id}`, sk: `EVENT#${String(e.seq).padStart(8, '0')}` },
            { removeUndefinedValues: true },
          ),
        }),
      );
    }
    const head = rewritten.at(-1) as (typeof events)[number];
    const current = (await s.deps().repo.get(id)) as Report;
    await s
      .deps()
      .repo.replace(
        { ...current, lastEventHash: head.hash, lastEvent: head, version: current.version + 1 },
        current.version,
        head,
      );
    const attacked = await audit();
    expect(attacked.findings.map((f) => f.kind)).not.toContain('EVENT_ALTERED');
    expect(attacked.findings.map((f) => f.kind)).not.toContain('CHAIN_BROKEN');
    expect(attacked.findings).toContainEqual(expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH', seq: camat.seq }));
    expect(attacked.findings.filter((f) => f.seq !== undefined)).toEqual([
      expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH', seq: camat.seq }),
    ]);
    summary.push('audit ok');
  });
});

/** The quarters: an annual (TAHUNAN) upload is the LKjIP's workbook with its Narasi sheet, not a CSV of rows. */
const QUARTERS = PERIODS.filter((p) => p !== 'TAHUNAN');

describe('load', () => {
  it('24 reports at once in three units all reach TERDOKUMENTASI with scripted decisions; no audit event lost or doubled, none crosses a unit', async () => {
    const { stack: s, secret } = await up();
    // Enough reports at once to interleave every step of many executions, dealt over the three units so their
    // index partitions and directories are used side by side (throughput and 500 reports: the bench, P2).
    const N = 24;
    const UNITS = ['karawaci', 'sukamaju', 'dinas-arsip'];
    const reports = Array.from({ length: N }, (_, i) => {
      const k = Math.floor(i / UNITS.length);
      return {
        unit: UNITS[i % UNITS.length] as string,
        tahun: 2030 + Math.floor(k / QUARTERS.length),
        periode: QUARTERS[k % QUARTERS.length] as string,
      };
    });
    const started = Date.now();
    await Promise.all(
      reports.map((r) =>
        s.store.put({
          key: keyFor(r.tahun, r.periode, r.unit),
          body: dataFor(r.tahun, r.periode),
          contentType: 'text/csv',
        }),
      ),
    );
    const repo = s.deps().repo;
    const decided = new Set<string>();
    const deadline = Date.now() + 240_000;
    for (;;) {
      const all = (await Promise.all(UNITS.map((u) => repo.list(u)))).flat();
      const done = all.filter((r) => r.status === 'TERDOKUMENTASI').length;
      if (done === N) break;
      expect(all.filter((r) => r.status === 'GAGAL')).toEqual([]);
      if (Date.now() > deadline) throw new Error(`load: only ${done}/${N} documented`);
      const pending = (await Promise.all(UNITS.map((u) => repo.pendingDecisions(u))))
        .flat()
        .filter((d) => !decided.has(d.decisionId));
      // Each unit's partition holds its own decisions only, addressed to its own people.
      for (const d of pending) expect(d.reportId.startsWith(`${d.unit}-`)).toBe(true);
      // Scripted people: approve every pending decision through the real HTTP endpoint, 16 at a time.
      for (let i = 0; i < pending.length; i += 16) {
        await Promise.all(
          pending.slice(i, i + 16).map(async (d) => {
            const link = decisionLink(s.urls.http, secret, {
              decisionId: d.decisionId,
              assigneeNip: d.assignee.nip,
              expiresAt: d.expiresAt,
            });
            const res = await postDecision(link, 'APPROVE');
            if (res.status === 200) decided.add(d.decisionId);
          }),
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    let intact = 0;
    for (const r of reports) {
      const id = `${r.unit}-${r.tahun}-${r.periode}`;
      const events = await repo.events(id);
      const seqs = events.map((e) => e.seq);
      const verdict = await verifyAudit(s.deps(), id);
      if (
        verdict.ok &&
        new Set(seqs).size === seqs.length &&
        events.filter((e) => e.action === 'KEPUTUSAN').length === 2 &&
        // Paraf and signature by the report's own unit's people.
        events
          .filter((e) => e.action === 'KEPUTUSAN')
          .every((e) => Object.values(people(testConfig(), r.unit)).some((p) => p.nip === e.actor.nip))
      )
        intact++;
    }
    expect(intact).toBe(N);
    summary.push(`load ${intact}/${N} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }, 300_000);
});

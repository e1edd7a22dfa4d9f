/** Tamper evidence: the audit check passes on an untouched report and names exactly what was altered. */
import { beforeEach, describe, expect, it } from 'vitest';
import { checkpointKey, documentRefsOf, GENESIS_HASH, hashEvent } from '../../functions/core/audit-chain.ts';
import type { AuditEvent } from '../../functions/core/report.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { AuditCheckpoints } from '../../functions/usecases/audit-checkpoints.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { verifyAudit } from '../../functions/usecases/verify-audit.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:x';
let f: ReturnType<typeof fakeDeps>;

beforeEach(async () => {
  f = fakeDeps();
  await uploadAndAssemble(f.deps, sample('awal'));
  for (const step of ['verify', 'ratify'] as const) {
    await requestDecision(f.deps, { taskToken: `t-${step}`, reportId: REPORT_ID, executionArn: EXEC, step });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
  }
  await archiveReport(f.deps, { reportId: REPORT_ID });
});

describe('verifyAudit', () => {
  it('accepts an untouched documented report', async () => {
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.events).toBeGreaterThan(5);
    expect(verdict.documents).toBeGreaterThanOrEqual(5);
  });

  it('names the event whose content was changed', async () => {
    const list = f.repo.eventsById.get(REPORT_ID) ?? [];
    const target = list.find((e) => e.action === 'KEPUTUSAN');
    if (!target) throw new Error('no decision event');
    target.note = 'disetujui tanpa catatan (diubah)';
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toEqual([expect.objectContaining({ kind: 'EVENT_ALTERED', seq: target.seq })]);
  });

  it('notices a rewritten chain and a deleted event', async () => {
    const list = f.repo.eventsById.get(REPORT_ID) ?? [];
    const [removed] = list.splice(2, 1);
    expect(removed?.action).toBe('DISUSUN');
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings.filter((x) => x.seq !== undefined)).toEqual([
      expect.objectContaining({ kind: 'EVENT_MISSING', seq: 3 }),
      expect.objectContaining({ kind: 'CHAIN_BROKEN', seq: 4 }),
      // The checkpoints written after it still name the deleted event.
      expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH', seq: 3 }),
    ]);
    // The documents only that event named are no longer vouched for by the trail.
    expect(new Set(verdict.findings.filter((x) => x.seq === undefined).map((x) => x.kind))).toEqual(
      new Set(['DOCUMENT_UNTRACKED']),
    );
  });

  it('names the document version whose bytes changed', async () => {
    const archive = (await f.repo.get(REPORT_ID))?.archive;
    const doc = f.store.versions.get(archive?.pdf.key ?? '')?.find((v) => v.versionId === archive?.pdf.versionId);
    if (!doc) throw new Error('no archived pdf');
    doc.body = new Uint8Array([...doc.body.subarray(0, doc.body.length - 1), 0x20]);
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toEqual([
      expect.objectContaining({
        kind: 'DOCUMENT_ALTERED',
        document: { key: archive?.pdf.key, versionId: archive?.pdf.versionId },
      }),
    ]);
  });
});

/** Flips the last byte of one stored version in the in-memory store (what a bit flip on disk or in S3 does). */
function flipLastByte(key: string, versionId: string) {
  const doc = f.store.versions.get(key)?.find((v) => v.versionId === versionId);
  if (!doc) throw new Error(`no stored ${key}@${versionId}`);
  const body = new Uint8Array(doc.body);
  body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 0x01;
  doc.body = body;
}

describe('verifyAudit: every stored or received object', () => {
  it('names the upload whose bytes changed after intake', async () => {
    const source = (await f.repo.get(REPORT_ID))?.source;
    if (!source) throw new Error('no source');
    flipLastByte(source.key, source.versionId);
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({
        kind: 'DOCUMENT_ALTERED',
        document: { key: source.key, versionId: source.versionId },
      }),
    );
  });

  it('names the report data JSON whose bytes changed', async () => {
    const data = (await f.repo.get(REPORT_ID))?.reportData;
    if (!data) throw new Error('no data JSON');
    flipLastByte(data.key, data.versionId);
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toEqual([
      expect.objectContaining({ kind: 'DOCUMENT_ALTERED', document: { key: data.key, versionId: data.versionId } }),
    ]);
  });

  it('records a SHA-256 for every object the trail names: upload, data JSON, PDF, XLSX, archive, disposition', async () => {
    const refs = (await f.repo.events(REPORT_ID)).flatMap((e) => documentRefsOf(e));
    const keys = new Set(refs.map((r) => r.key));
    for (const prefix of ['masuk/', 'laporan/', 'arsip/'])
      expect([...keys].some((k) => k.startsWith(prefix))).toBe(true);
    expect([...keys].some((k) => k.endsWith('.json'))).toBe(true);
    expect([...keys].some((k) => k.includes('lembar-disposisi'))).toBe(true);
    expect(refs.filter((r) => !r.sha256)).toEqual([]);
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.documents).toBe(new Set(refs.map((r) => `${r.key}@${r.versionId}`)).size);
  });
});

/** The table-only attack: rewrite one event, recompute every later hash and the head, so the chain is consistent. */
async function rewriteEvent(seq: number, change: (e: AuditEvent) => void) {
  const list = f.repo.eventsById.get(REPORT_ID) ?? [];
  let prev = list.find((e) => e.seq === seq - 1)?.hash ?? GENESIS_HASH;
  for (const e of list.filter((x) => x.seq >= seq).sort((a, b) => a.seq - b.seq)) {
    if (e.seq === seq) change(e);
    e.prevHash = prev;
    const { hash: _old, ...body } = e;
    e.hash = hashEvent(body);
    prev = e.hash;
  }
  const report = f.repo.reports.get(REPORT_ID);
  const last = list.at(-1);
  if (!report || !last) throw new Error('no report');
  report.lastEventHash = last.hash;
  report.lastEvent = structuredClone(last);
}

describe('verifyAudit: the chain is anchored outside the table', () => {
  it('checkpoints the head under audit/ with Object Lock retention at every decision and at documentation', async () => {
    const events = await f.repo.events(REPORT_ID);
    const anchored = events.filter((e) => e.action === 'KEPUTUSAN' || e.action === 'TERDOKUMENTASI');
    expect(anchored.length).toBe(3);
    for (const e of anchored) {
      const key = checkpointKey(REPORT_ID, e.seq);
      const versions = f.store.versions.get(key) ?? [];
      expect(versions, key).toHaveLength(1);
      expect(f.store.retention.get(`${key}@${versions[0]?.versionId}`)).toBeDefined();
      const cp = JSON.parse(new TextDecoder().decode(versions[0]?.body)) as { seq: number; head: string };
      expect(cp).toMatchObject({ seq: e.seq, head: e.hash });
    }
  });

  it("detects the Camat's note rewritten in the table with every later hash and the head recomputed", async () => {
    const camat = (await f.repo.events(REPORT_ID)).find((e) => e.action === 'KEPUTUSAN' && e.actor.role === 'CAMAT');
    if (!camat) throw new Error('no Camat decision');
    await rewriteEvent(camat.seq, (e) => {
      e.note = 'Disetujui dengan catatan yang tidak pernah ditulis Camat';
    });
    // Without the anchor this rewrite is invisible: every event matches its hash and the chain is whole.
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings.map((x) => x.kind)).not.toContain('EVENT_ALTERED');
    expect(verdict.findings).toContainEqual(expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH', seq: camat.seq }));
    expect(verdict.findings.every((x) => x.kind === 'CHECKPOINT_MISMATCH' && x.seq === camat.seq)).toBe(true);
  });

  it('names the first rewritten event even when it is not itself checkpointed', async () => {
    const request = (await f.repo.events(REPORT_ID)).find((e) => e.action === 'PENGESAHAN_DIMINTA');
    if (!request) throw new Error('no request event');
    await rewriteEvent(request.seq, (e) => {
      e.at = '2026-04-06T01:00:00.000Z';
    });
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toEqual([expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH', seq: request.seq })]);
  });

  it('reports a deleted checkpoint object', async () => {
    const documented = (await f.repo.events(REPORT_ID)).find((e) => e.action === 'TERDOKUMENTASI');
    if (!documented) throw new Error('no documentation event');
    f.store.versions.delete(checkpointKey(REPORT_ID, documented.seq));
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toEqual([expect.objectContaining({ kind: 'CHECKPOINT_MISSING', seq: documented.seq })]);
  });

  it('a checkpoint of the documentation cut off by a crash is written by the retried archive step', async () => {
    const documented = (await f.repo.events(REPORT_ID)).find((e) => e.action === 'TERDOKUMENTASI');
    if (!documented) throw new Error('no documentation event');
    f.store.versions.delete(checkpointKey(REPORT_ID, documented.seq));
    const archive = (await f.repo.get(REPORT_ID))?.archive;
    expect(await archiveReport(f.deps, { reportId: REPORT_ID })).toEqual(archive);
    expect(f.store.versions.get(checkpointKey(REPORT_ID, documented.seq))).toHaveLength(1);
    expect((await verifyAudit(f.deps, REPORT_ID)).findings).toEqual([]);
  });

  it('detects a trail cut short after a checkpoint (events deleted, head moved back)', async () => {
    const list = f.repo.eventsById.get(REPORT_ID) ?? [];
    const removed = list.pop();
    const report = f.repo.reports.get(REPORT_ID);
    const last = list.at(-1);
    if (!removed || !report || !last) throw new Error('no events');
    report.eventSeq = last.seq;
    report.lastEventHash = last.hash;
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toContainEqual(expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH', seq: removed.seq }));
  });

  it('a repeated checkpoint of the same event writes nothing new; a forged later version is reported', async () => {
    const events = await f.repo.events(REPORT_ID);
    const documented = events.find((e) => e.action === 'TERDOKUMENTASI');
    if (!documented) throw new Error('no documentation event');
    const key = checkpointKey(REPORT_ID, documented.seq);
    await new AuditCheckpoints(() => f.store, f.repo, f.clock, 10).anchor(documented);
    expect(f.store.versions.get(key)).toHaveLength(1);
    expect((await verifyAudit(f.deps, REPORT_ID)).ok).toBe(true);
    await f.store.put({
      key,
      body: new TextEncoder().encode(
        JSON.stringify({ reportId: REPORT_ID, seq: documented.seq, head: 'f'.repeat(64) }),
      ),
      contentType: 'application/json',
    });
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ kind: 'CHECKPOINT_CONFLICT', seq: documented.seq }),
    );
  });
});

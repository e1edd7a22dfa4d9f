/** Tamper evidence: the audit check passes on an untouched report and names exactly what was altered. */
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
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
    list.splice(2, 1);
    const verdict = await verifyAudit(f.deps, REPORT_ID);
    expect(verdict.findings).toEqual([
      expect.objectContaining({ kind: 'EVENT_MISSING', seq: 3 }),
      expect.objectContaining({ kind: 'CHAIN_BROKEN', seq: 4 }),
    ]);
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

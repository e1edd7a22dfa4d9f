/**
 * SOP steps 3–4: requesting a decision and taking it through the signed link. Real: use cases, ledger, link
 * signing. Faked: every port (the FakeWorkflow stands in for SendTaskSuccess and can be made to fail).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DecisionAlreadyTakenError, InvalidLinkError, TransientError } from '../../functions/core/errors.ts';
import type { AuditEvent } from '../../functions/core/report.ts';
import { keepMutuBaku } from '../../functions/usecases/keep-mutu-baku.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { DecisionInputError, submitDecision, viewDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

/** The execution intake started for the report (the wait's $$.Execution.Id), set by verifyRequested. */
let EXEC = '';
let f: ReturnType<typeof fakeDeps>;
const keputusanOf = (events: AuditEvent[], decisionId: string) =>
  events.filter((e) => e.action === 'KEPUTUSAN' && e.detail?.decisionId === decisionId);

async function verifyRequested(token = 'token-verify-1') {
  await uploadAndAssemble(f.deps, sample('awal'));
  EXEC = (await f.repo.get(REPORT_ID))?.executionArn ?? '';
  const out = await requestDecision(f.deps, {
    taskToken: token,
    reportId: REPORT_ID,
    executionArn: EXEC,
    step: 'verify',
  });
  const mail = f.mailer.sent.at(-1);
  if (!mail) throw new Error('no mail');
  return { ...out, mail, link: linkInMail(mail.text) };
}

beforeEach(() => {
  f = fakeDeps();
});

describe('requestDecision', () => {
  it('stores the token server-side and mails the Sekretaris Camat a link without it', async () => {
    const { decisionId, mail, link } = await verifyRequested();
    expect(mail.to).toEqual(['sekcam@example.go.id']);
    expect(mail.subject).toBe('[Perlu verifikasi] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
    // Two ways in: the signed link (no sign-in) and the task in the portal.
    expect(mail.text).toContain(`${f.deps.publicBaseUrl}/tugas/${decisionId}`);
    expect(mail.html).toContain(`href="${f.deps.publicBaseUrl}/tugas/${decisionId}" target="_blank"`);
    expect(mail.attachments?.[0]?.contentType).toBe('application/pdf');
    expect(link).not.toContain('token-verify-1');
    expect(mail.html).not.toContain('token-verify-1');
    expect((await f.repo.getDecision(decisionId))?.taskToken).toBe('token-verify-1');
    const report = await f.repo.get(REPORT_ID);
    expect(report?.status).toBe('MENUNGGU_VERIFIKASI');
    expect(report?.dueAt).toBe(new Date(f.clock.now().getTime() + 24 * 3600_000).toISOString());
  });

  it('never mails twice for a pending decision, and a re-entered wait only swaps the token', async () => {
    const first = await verifyRequested('tok-a');
    const again = await requestDecision(f.deps, {
      taskToken: 'tok-a',
      reportId: REPORT_ID,
      executionArn: EXEC,
      step: 'verify',
    });
    const reentered = await requestDecision(f.deps, {
      taskToken: 'tok-b',
      reportId: REPORT_ID,
      executionArn: EXEC,
      step: 'verify',
    });
    expect(again).toEqual({ decisionId: first.decisionId, mailed: false });
    expect(reentered).toEqual({ decisionId: first.decisionId, mailed: false });
    expect(f.mailer.sent.filter((m) => m.subject.includes('[Perlu verifikasi]'))).toHaveLength(1);
    expect((await f.repo.getDecision(first.decisionId))?.taskToken).toBe('tok-b');
    // The link mailed first still works and resumes the current wait.
    await submitDecision(f.deps, linkParts(first.link), { decision: 'APPROVE' });
    expect(f.workflow.sent[0]?.token).toBe('tok-b');
  });
});

describe('decision link', () => {
  it('GET shows the decision and changes nothing', async () => {
    const { link, decisionId } = await verifyRequested();
    const before = await f.repo.get(REPORT_ID);
    const view = await viewDecision(f.deps, linkParts(link));
    expect(view.decision.decisionId).toBe(decisionId);
    expect(view.documentUrl).toContain(view.decision.document.versionId);
    expect(await f.repo.get(REPORT_ID)).toEqual(before);
    expect((await f.repo.getDecision(decisionId))?.state).toBe('PENDING');
    expect(f.workflow.sent).toHaveLength(0);
  });

  it('APPROVE resumes the workflow once and records the paraf with NIP and document version', async () => {
    const { link } = await verifyRequested();
    const out = await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE', note: 'Sesuai.' });
    expect(out.outcome).toBe('RECORDED');
    expect(f.workflow.sent).toHaveLength(1);
    expect(f.workflow.sent[0]?.output).toMatchObject({
      decision: 'APPROVE',
      note: 'Sesuai.',
      step: 'verify',
      decidedBy: { nip: '198003152005012002' },
    });
    const event = (await f.repo.events(REPORT_ID)).at(-1);
    expect(event).toMatchObject({
      action: 'KEPUTUSAN',
      decision: 'APPROVE',
      actor: { role: 'SEKRETARIS_CAMAT', nip: '198003152005012002' },
      detail: { mark: 'paraf' },
    });
    expect(event?.document?.versionId).toBe((await f.repo.get(REPORT_ID))?.reportPdf?.versionId);
  });

  it('a replayed POST changes nothing', async () => {
    const { link } = await verifyRequested();
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    const events = (await f.repo.events(REPORT_ID)).length;
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'REVISE', note: 'ubah' })).rejects.toBeInstanceOf(
      DecisionAlreadyTakenError,
    );
    expect(f.workflow.sent).toHaveLength(1);
    expect((await f.repo.events(REPORT_ID)).length).toBe(events);
  });

  it('of two POSTs at once exactly one wins', async () => {
    const { link } = await verifyRequested();
    const results = await Promise.allSettled([
      submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' }),
      submitDecision(f.deps, linkParts(link), { decision: 'REVISE', note: 'kembalikan' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected' && r.reason instanceof DecisionAlreadyTakenError),
    ).toHaveLength(1);
    expect(f.workflow.sent).toHaveLength(1);
  });

  it('refuses a tampered signature, a signature of another decision, a tampered expiry and an expired link', async () => {
    const { link } = await verifyRequested();
    const p = linkParts(link);
    const flipped = `${p.s?.slice(0, -1)}${p.s?.endsWith('A') ? 'B' : 'A'}`;
    await expect(viewDecision(f.deps, { ...p, s: flipped })).rejects.toMatchObject({ problem: 'BAD_SIGNATURE' });
    await expect(viewDecision(f.deps, { ...p, decisionId: 'f'.repeat(32) })).rejects.toMatchObject({
      problem: 'BAD_SIGNATURE',
    });
    await expect(viewDecision(f.deps, { ...p, e: String(Number(p.e) + 3600) })).rejects.toMatchObject({
      problem: 'BAD_SIGNATURE',
    });
    await expect(viewDecision(f.deps, { ...p, decisionId: '../../x' })).rejects.toMatchObject({ problem: 'MALFORMED' });
    f.clock.advance(31 * 24 * 3600_000);
    await expect(submitDecision(f.deps, p, { decision: 'APPROVE' })).rejects.toMatchObject({ problem: 'EXPIRED' });
    await expect(viewDecision(f.deps, p)).rejects.toBeInstanceOf(InvalidLinkError);
    expect(f.workflow.sent).toHaveLength(0);
  });

  it('REVISE needs a note; the decision stays pending', async () => {
    const { link, decisionId } = await verifyRequested();
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'REVISE', note: '  ' })).rejects.toMatchObject({
      problem: 'NOTE_REQUIRED',
    });
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'MAYBE' })).rejects.toBeInstanceOf(
      DecisionInputError,
    );
    await expect(
      submitDecision(f.deps, linkParts(link), { decision: 'APPROVE', note: 'x'.repeat(2001) }),
    ).rejects.toMatchObject({ problem: 'NOTE_TOO_LONG' });
    expect((await f.repo.getDecision(decisionId))?.state).toBe('PENDING');
  });

  it('the workflow unavailable: the decision stays taken (no undo), a re-POST of it resumes the workflow once', async () => {
    const { link, decisionId } = await verifyRequested();
    f.workflow.failSends = 2;
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      TransientError,
    );
    expect((await f.repo.getDecision(decisionId))?.state).toBe('USED');
    const actions = (await f.repo.events(REPORT_ID)).map((e) => e.action);
    expect(actions).not.toContain('KEPUTUSAN_TIDAK_BERLAKU');
    expect(actions.filter((a) => a === 'KEPUTUSAN')).toHaveLength(1);
    // Another answer to a decision already taken is refused; the one taken is what goes on.
    await expect(
      submitDecision(f.deps, linkParts(link), { decision: 'REVISE', note: 'berubah pikiran' }),
    ).rejects.toBeInstanceOf(DecisionAlreadyTakenError);
    expect(f.workflow.sent).toHaveLength(1);
    expect(f.workflow.sent[0]?.output).toMatchObject({ decision: 'APPROVE' });
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      DecisionAlreadyTakenError,
    );
    expect(f.workflow.sent).toHaveLength(1);
    expect(keputusanOf(await f.repo.events(REPORT_ID), decisionId)).toHaveLength(1);
  });

  it('a decision for a wait whose execution ended is marked SUPERSEDED, not applied', async () => {
    const { link, decisionId } = await verifyRequested('tok-gone');
    f.workflow.goneTokens.add('tok-gone');
    f.workflow.executions.set(EXEC, 'ABORTED');
    const out = await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    expect(out.outcome).toBe('SUPERSEDED');
    expect((await f.repo.getDecision(decisionId))?.state).toBe('SUPERSEDED');
    expect((await f.repo.events(REPORT_ID)).at(-1)?.action).toBe('KEPUTUSAN_TIDAK_BERLAKU');
  });

  it('a token gone while the execution runs on means the wait was over by this decision: recorded, not undone', async () => {
    const { link, decisionId } = await verifyRequested('tok-used');
    // The wait re-entered after its Mutu Baku and handed this decision on itself, or an earlier send got through.
    f.workflow.goneTokens.add('tok-used');
    const out = await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    expect(out.outcome).toBe('RECORDED');
    expect(f.workflow.described).toEqual([EXEC]);
    expect((await f.repo.getDecision(decisionId))?.state).toBe('USED');
    expect((await f.repo.events(REPORT_ID)).map((e) => e.action)).not.toContain('KEPUTUSAN_TIDAK_BERLAKU');
  });
  it('the Camat ratifying moves the report to DISAHKAN with a signature entry', async () => {
    const { link } = await verifyRequested();
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    await requestDecision(f.deps, { taskToken: 'tok-ratify', reportId: REPORT_ID, executionArn: EXEC, step: 'ratify' });
    const mail = f.mailer.sent.at(-1);
    expect(mail?.to).toEqual(['camat@example.go.id']);
    expect((await f.repo.get(REPORT_ID))?.status).toBe('MENUNGGU_PENGESAHAN');
    await submitDecision(f.deps, linkParts(linkInMail(mail?.text ?? '')), { decision: 'APPROVE' });
    expect((await f.repo.get(REPORT_ID))?.status).toBe('DISAHKAN');
    expect((await f.repo.events(REPORT_ID)).at(-1)).toMatchObject({
      actor: { role: 'CAMAT' },
      detail: { mark: 'tanda tangan' },
    });
  });
});

describe('fault injection: every outcome converges', () => {
  it('the ledger write fails once after PENDING → USED: a re-POST of the decision completes it, recorded once', async () => {
    const { link, decisionId } = await verifyRequested();
    f.repo.failingReplaces = 1;
    await expect(
      submitDecision(f.deps, linkParts(link), { decision: 'APPROVE', note: 'Sesuai.' }),
    ).rejects.toBeInstanceOf(TransientError);
    expect(f.workflow.sent).toHaveLength(0);
    expect((await f.repo.getDecision(decisionId))?.state).toBe('USED');
    const out = await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE', note: 'Sesuai.' });
    expect(out.outcome).toBe('RECORDED');
    expect(f.workflow.sent).toHaveLength(1);
    expect(f.workflow.sent[0]).toMatchObject({
      token: 'token-verify-1',
      output: { decision: 'APPROVE', note: 'Sesuai.' },
    });
    expect(keputusanOf(await f.repo.events(REPORT_ID), decisionId)).toHaveLength(1);
    // Completed: a further POST is the usual "already decided".
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      DecisionAlreadyTakenError,
    );
    expect(f.workflow.sent).toHaveLength(1);
  });

  it('the ledger write fails once and nobody posts again: the Mutu Baku clock completes the decision', async () => {
    const { link, decisionId } = await verifyRequested();
    f.repo.failingReplaces = 1;
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      TransientError,
    );
    // Right after, the POST may still be finishing it itself: the clock waits a little.
    expect((await keepMutuBaku(f.deps)).completed).toEqual([]);
    f.clock.advance(5 * 60_000);
    expect((await keepMutuBaku(f.deps)).completed).toEqual([decisionId]);
    expect(f.workflow.sent).toHaveLength(1);
    expect(keputusanOf(await f.repo.events(REPORT_ID), decisionId)).toHaveLength(1);
    // Nothing left to complete, and no reminder for a decision already taken.
    f.clock.advance(20 * 3600_000);
    expect(await keepMutuBaku(f.deps)).toEqual({ reminded: [], escalated: [], completed: [] });
    expect(f.workflow.sent).toHaveLength(1);
  });

  it('the ledger write fails and the wait is re-entered after its Mutu Baku: the new wait records and resumes it', async () => {
    const { link, decisionId } = await verifyRequested('tok-1');
    f.repo.failingReplaces = 1;
    await expect(submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      TransientError,
    );
    f.workflow.goneTokens.add('tok-1');
    await requestDecision(f.deps, { taskToken: 'tok-2', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    expect(f.workflow.sent.map((s) => s.token)).toEqual(['tok-2']);
    expect(keputusanOf(await f.repo.events(REPORT_ID), decisionId)).toHaveLength(1);
  });

  it('SendTaskSuccess resumes the workflow but times out: no KEPUTUSAN_TIDAK_BERLAKU, DISAHKAN stays', async () => {
    const { link } = await verifyRequested();
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    await requestDecision(f.deps, { taskToken: 'tok-ratify', reportId: REPORT_ID, executionArn: EXEC, step: 'ratify' });
    const ratify = linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? ''));
    f.workflow.loseNextReply = new TransientError('Step Functions unavailable (TimeoutError)');
    const out = await submitDecision(f.deps, ratify, { decision: 'APPROVE' });
    expect(out.outcome).toBe('RECORDED');
    expect(f.workflow.sent.filter((s) => s.token === 'tok-ratify')).toHaveLength(1);
    expect((await f.repo.get(REPORT_ID))?.status).toBe('DISAHKAN');
    const events = await f.repo.events(REPORT_ID);
    expect(events.map((e) => e.action)).not.toContain('KEPUTUSAN_TIDAK_BERLAKU');
    expect(keputusanOf(events, ratify.decisionId ?? '')).toHaveLength(1);
    expect((await f.repo.getDecision(ratify.decisionId ?? ''))?.state).toBe('USED');
    // The state agrees with the workflow: the clock finds nothing to complete or undo.
    expect((await keepMutuBaku(f.deps)).completed).toEqual([]);
    expect((await f.repo.get(REPORT_ID))?.status).toBe('DISAHKAN');
  });
});

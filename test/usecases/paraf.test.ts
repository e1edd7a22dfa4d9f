/**
 * The team lead's paraf (SOP Pencatatan: the ketua tim kerja initials the compiled report), on in-memory fakes:
 * the step per unit, its request and mail, its decision in the trail and on the archived approval block, its
 * send-back to the uploader, and its Mutu Baku (reminder to the team lead, escalation to the Sekretaris).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { keepMutuBaku } from '../../functions/usecases/keep-mutu-baku.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision, viewDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, shippedConfig, withParaf } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

const HOUR = 3600_000;
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps(withParaf(shippedConfig(), true));
});

const exec = async () => (await f.repo.get(REPORT_ID))?.executionArn ?? '';

async function request(step: 'paraf' | 'verify' | 'ratify', token = `tok-${step}`) {
  const out = await requestDecision(f.deps, {
    taskToken: token,
    reportId: REPORT_ID,
    executionArn: await exec(),
    step,
  });
  const mail = f.mailer.sent.at(-1);
  if (!mail) throw new Error('no mail');
  return { ...out, mail, link: linkInMail(mail.text) };
}

describe("the team lead's paraf", () => {
  it('is on per unit as configured: Assemble says so, and says no for a unit that switched it off', async () => {
    const on = await uploadAndAssemble(f.deps, sample('awal'));
    expect(on.assembly).toMatchObject({ valid: true, paraf: true });
    const g = fakeDeps(withParaf(shippedConfig(), false));
    const off = await uploadAndAssemble(g.deps, sample('awal'));
    expect(off.assembly).toMatchObject({ valid: true, paraf: false });
    // The shipped configuration: on for the kecamatan, off for the sample dinas.
    const shipped = fakeDeps(shippedConfig());
    const key = 'masuk/dinas-arsip/2026/TW1/data.csv';
    const { versionId } = await shipped.store.put({ key, body: sample('awal'), contentType: 'text/csv' });
    await receiveUpload(shipped.deps, { key, versionId });
    const dinas = await assembleReport(shipped.deps, { reportId: 'dinas-arsip-2026-TW1', source: { key, versionId } });
    expect(dinas).toMatchObject({ valid: true, paraf: false });
  });

  it('asks the team lead, who initials it with an arahan; the Sekretaris is asked next and sees the paraf', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const paraf = await request('paraf');
    expect(paraf.mail.to).toEqual(['timsakip@example.go.id']);
    expect(paraf.mail.subject).toBe('[Perlu paraf] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
    expect(paraf.mail.text).toContain('menunggu paraf Bapak/Ibu sebagai ketua tim. Mohon berkenan');
    const waiting = await f.repo.get(REPORT_ID);
    expect(waiting).toMatchObject({ status: 'MENUNGGU_PARAF', step: 'paraf' });
    expect(waiting?.dueAt).toBe(new Date(f.clock.now().getTime() + 24 * HOUR).toISOString());
    expect((await f.repo.events(REPORT_ID)).at(-1)).toMatchObject({
      action: 'PARAF_DIMINTA',
      actor: { role: 'TIMSAKIP', email: 'timsakip@example.go.id' },
    });

    const view = await viewDecision(f.deps, linkParts(paraf.link));
    expect(view.decision.step).toBe('paraf');
    await submitDecision(f.deps, linkParts(paraf.link), { decision: 'APPROVE', note: 'Sesuai data dukung.' });
    expect(f.workflow.sent.at(-1)).toMatchObject({ token: 'tok-paraf', output: { decision: 'APPROVE' } });
    const keputusan = (await f.repo.events(REPORT_ID)).filter((e) => e.action === 'KEPUTUSAN');
    expect(keputusan).toHaveLength(1);
    expect(keputusan[0]).toMatchObject({
      decision: 'APPROVE',
      note: 'Sesuai data dukung.',
      actor: { role: 'TIMSAKIP', name: expect.any(String), nip: expect.stringMatching(/^\d{18}$/) },
      detail: { step: 'paraf', mark: 'paraf' },
    });

    // The workflow goes on to Verify: the report leaves MENUNGGU_PARAF for the Sekretaris.
    const verify = await request('verify');
    expect(verify.mail.to).toEqual(['sekcam@example.go.id']);
    expect((await f.repo.get(REPORT_ID))?.status).toBe('MENUNGGU_VERIFIKASI');
    const seen = await viewDecision(f.deps, linkParts(verify.link));
    expect(seen.earlier).toEqual([
      expect.objectContaining({ step: 'paraf', decision: 'APPROVE', note: 'Sesuai data dukung.' }),
    ]);
  });

  it("REVISE at paraf returns the report to the uploader with the team lead's note", async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const paraf = await request('paraf');
    await expect(submitDecision(f.deps, linkParts(paraf.link), { decision: 'REVISE', note: '' })).rejects.toMatchObject(
      { name: 'DecisionInputError' },
    );
    await submitDecision(f.deps, linkParts(paraf.link), { decision: 'REVISE', note: 'Satuan indikator 2 keliru.' });
    f.mailer.sent = [];
    await requestRevision(f.deps, {
      taskToken: 'tok-rev',
      reportId: REPORT_ID,
      executionArn: await exec(),
      request: { reason: 'REVISE', step: 'paraf', note: 'Satuan indikator 2 keliru.' },
    });
    const report = await f.repo.get(REPORT_ID);
    expect(report).toMatchObject({ status: 'PERLU_REVISI', revisionNote: 'Satuan indikator 2 keliru.' });
    const mail = f.mailer.sent.at(-1);
    expect(mail?.to).toEqual(expect.arrayContaining(['staf@example.go.id', 'timsakip@example.go.id']));
    expect(mail?.text).toContain('Satuan indikator 2 keliru.');
    expect(mail?.text).toContain('Paraf ketua tim');
  });

  it('a late paraf reminds the team lead, then escalates to the Sekretaris (the role above)', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const paraf = await request('paraf');
    f.mailer.sent = [];
    f.clock.advance(18 * HOUR + 1);
    expect((await keepMutuBaku(f.deps)).reminded).toEqual([REPORT_ID]);
    expect(f.mailer.sent.map((m) => m.to.join(','))).toEqual(['timsakip@example.go.id']);
    expect(f.mailer.sent[0]?.text).toContain('Tahap "Paraf ketua tim"');
    expect(linkInMail(f.mailer.sent[0]?.text ?? '')).toBe(paraf.link);
    f.mailer.sent = [];
    f.clock.advance(6 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect(f.mailer.sent.map((m) => m.to.join(','))).toEqual(['timsakip@example.go.id', 'sekcam@example.go.id']);
    expect((await f.repo.events(REPORT_ID)).at(-1)?.detail).toMatchObject({
      step: 'paraf',
      escalation: 1,
      to: 'SEKRETARIS_CAMAT',
    });
    // Late is not failed: the old link still initials it.
    expect((await submitDecision(f.deps, linkParts(paraf.link), { decision: 'APPROVE' })).outcome).toBe('RECORDED');
  });

  it("the archived report's approval block carries the team lead's real paraf, not 'disusun sistem'", async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    for (const step of ['paraf', 'verify', 'ratify'] as const) {
      const r = await request(step);
      await submitDecision(f.deps, linkParts(r.link), { decision: 'APPROVE' });
    }
    await archiveReport(f.deps, { reportId: REPORT_ID });
    const archived = await f.repo.get(REPORT_ID);
    const pdf = await f.store.get(archived?.archive?.pdf.key ?? '', archived?.archive?.pdf.versionId ?? '');
    const text = pdfTextOf(Buffer.from(pdf.body));
    const lead = shippedConfig().units[0]?.people.TIMSAKIP;
    expect(text).toContain(lead?.name ?? '?');
    expect(text).not.toMatch(/disusun sistem/i);
  });
});

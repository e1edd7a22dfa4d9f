/**
 * The Mutu Baku clock on in-memory fakes with a controllable clock: one reminder at 75 %, escalation to the role
 * above at the due time and again each further day, never a failure, and the emailed link still works late.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { keepMutuBaku } from '../../functions/usecases/keep-mutu-baku.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:x';
const HOUR = 3600_000;
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

/** The execution intake started (what the waits see as $$.Execution.Id). */
const exec = async () => (await f.repo.get(REPORT_ID))?.executionArn ?? '';
const subjects = () => f.mailer.sent.map((m) => `${m.to.join(',')}|${m.subject}`);

describe('keepMutuBaku', () => {
  it('reminds the Sekretaris once at 75 %, escalates to the Camat at the due time and each further day', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    const link = linkInMail(f.mailer.sent.at(-1)?.text ?? '');
    f.mailer.sent = [];

    f.clock.advance(17 * HOUR);
    expect(await keepMutuBaku(f.deps)).toEqual({ reminded: [], escalated: [], completed: [] });
    f.clock.advance(1 * HOUR + 1);
    expect((await keepMutuBaku(f.deps)).reminded).toEqual([REPORT_ID]);
    expect((await keepMutuBaku(f.deps)).reminded).toEqual([]);
    expect(subjects()).toEqual([
      'sekcam@example.go.id|[Pengingat] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci',
    ]);
    expect(f.mailer.sent[0]?.text).toContain('Tahap "Verifikasi laporan"');
    // The reminder carries the very link mailed before.
    expect(linkInMail(f.mailer.sent[0]?.text ?? '')).toBe(link);

    f.clock.advance(6 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([]);
    const escalation = subjects().slice(1);
    expect(escalation).toEqual([
      expect.stringMatching(
        /^sekcam@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/,
      ),
      expect.stringMatching(/^camat@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/),
    ]);
    const events = await f.repo.events(REPORT_ID);
    expect(events.filter((e) => e.action === 'PENGINGAT')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'MUTU_BAKU_TERLAMPAUI')).toHaveLength(1);

    f.clock.advance(24 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect((await f.repo.events(REPORT_ID)).filter((e) => e.action === 'MUTU_BAKU_TERLAMPAUI')).toHaveLength(2);
    // A whole Mutu Baku past the head of the unit: the city (KOTA) is told as well.
    expect(subjects().slice(3)).toEqual([
      expect.stringMatching(
        /^sekcam@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/,
      ),
      expect.stringMatching(/^camat@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/),
      expect.stringMatching(
        /^bagian.organisasi@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/,
      ),
    ]);
    expect((await f.repo.events(REPORT_ID)).at(-1)?.detail).toMatchObject({ escalation: 2, to: 'CAMAT,KOTA' });

    // Late is not failed: still waiting, and the old link decides.
    expect((await f.repo.get(REPORT_ID))?.status).toBe('MENUNGGU_VERIFIKASI');
    expect((await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' })).outcome).toBe('RECORDED');
  });

  it('a late ratification goes to the city (KOTA) at once: nobody in the unit is above its head', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
    await requestDecision(f.deps, { taskToken: 't2', reportId: REPORT_ID, executionArn: EXEC, step: 'ratify' });
    f.mailer.sent = [];
    f.clock.advance(25 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect(subjects()).toEqual([
      expect.stringMatching(/^camat@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/),
      expect.stringMatching(
        /^bagian.organisasi@example.go.id\|\[Eskalasi\] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci$/,
      ),
    ]);
  });

  it('without a city role configured, escalation stops at the head of the unit', async () => {
    f = fakeDeps({ city: undefined });
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    f.mailer.sent = [];
    f.clock.advance(49 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect(f.mailer.sent.flatMap((m) => m.to)).not.toContain('bagian.organisasi@example.go.id');
    expect(f.mailer.sent.flatMap((m) => m.to)).toContain('camat@example.go.id');
  });

  it('one unit whose list cannot be read does not hold up the others; the run still reports the failure', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    const list = f.repo.list.bind(f.repo);
    f.repo.list = async (unit: string) => {
      if (unit === 'sukamaju') throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
      return list(unit);
    };
    f.mailer.sent = [];
    f.clock.advance(25 * HOUR);
    await expect(keepMutuBaku(f.deps)).rejects.toThrow('throttled');
    expect(f.mailer.sent.map((m) => m.subject)).toContainEqual(expect.stringContaining('[Eskalasi]'));
    expect((await f.repo.get(REPORT_ID))?.escalation?.count).toBe(1);
  });

  it('escalates a late corrected upload to the TIMSAKIP lead and the uploader', async () => {
    const bad = new TextEncoder().encode('tahun;periode\n2026;TW1\n');
    await uploadAndAssemble(f.deps, bad);
    await requestRevision(f.deps, {
      taskToken: 'r1',
      reportId: REPORT_ID,
      executionArn: EXEC,
      request: { reason: 'DATA_INVALID' },
    });
    f.mailer.sent = [];
    f.clock.advance(25 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    const to = f.mailer.sent.flatMap((m) => m.to);
    expect(to).toEqual(expect.arrayContaining(['timsakip@example.go.id', 'staf@example.go.id']));
    expect(f.mailer.sent[0]?.text).toContain(`${f.deps.publicBaseUrl}/unggah?laporan=${REPORT_ID}`);
  });

  it('two clock runs at once send one reminder; a failed mail is sent again by the next run', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    f.mailer.sent = [];
    f.clock.advance(19 * HOUR);
    const [a, b] = await Promise.all([keepMutuBaku(f.deps), keepMutuBaku(f.deps)]);
    expect([...a.reminded, ...b.reminded]).toEqual([REPORT_ID]);
    expect(f.mailer.sent).toHaveLength(1);

    f.clock.advance(6 * HOUR);
    f.mailer.failures = 1;
    await expect(keepMutuBaku(f.deps)).rejects.toThrow('smtp down');
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect(f.mailer.sent.filter((m) => m.subject.includes('[Eskalasi]'))).toHaveLength(2);
  });

  it('leaves reports that wait on nobody alone', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    f.clock.advance(100 * HOUR);
    expect(await keepMutuBaku(f.deps)).toEqual({ reminded: [], escalated: [], completed: [] });
    expect(f.mailer.sent).toHaveLength(0);
  });

  it('no reminder for a decision already taken, though the index still lists it pending', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: await exec(), step: 'verify' });
    const link = linkInMail(f.mailer.sent.at(-1)?.text ?? '');
    f.repo.freezeIndex();
    // Decided; the workflow has not asked for the next step yet, so the report still reads MENUNGGU_VERIFIKASI.
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    f.mailer.sent = [];
    f.clock.advance(19 * HOUR);
    expect(await keepMutuBaku(f.deps)).toEqual({ reminded: [], escalated: [], completed: [] });
    f.clock.advance(6 * HOUR);
    expect(await keepMutuBaku(f.deps)).toEqual({ reminded: [], escalated: [], completed: [] });
    expect(f.mailer.sent).toHaveLength(0);
  });

  it('acts on the report as it is, not as a lagging index shows it: no escalation for a round already over', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: await exec(), step: 'verify' });
    const link = linkInMail(f.mailer.sent.at(-1)?.text ?? '');
    f.repo.freezeIndex(); // the index keeps showing revision 1 waiting since t0
    f.clock.advance(1 * HOUR);
    await submitDecision(f.deps, linkParts(link), { decision: 'REVISE', note: 'Perbaiki realisasi.' });
    await requestRevision(f.deps, {
      taskToken: 'r1',
      reportId: REPORT_ID,
      executionArn: await exec(),
      request: { reason: 'REVISE', step: 'verify', note: 'Perbaiki realisasi.' },
    });
    await uploadAndAssemble(f.deps, sample('perbaikan-1'));
    await requestDecision(f.deps, { taskToken: 't2', reportId: REPORT_ID, executionArn: await exec(), step: 'verify' });
    expect((await f.repo.get(REPORT_ID))?.revision).toBe(2);
    f.mailer.sent = [];
    // Past revision 1's due time, 23.5 of revision 2's 24 hours: a reminder of revision 2 is what is owed.
    f.clock.advance(23.5 * HOUR);
    expect(await keepMutuBaku(f.deps)).toEqual({ reminded: [REPORT_ID], escalated: [], completed: [] });
    expect(subjects()).toEqual([expect.stringMatching(/^sekcam@example.go.id\|\[Pengingat\] /)]);
    const events = await f.repo.events(REPORT_ID);
    expect(events.filter((e) => e.action === 'MUTU_BAKU_TERLAMPAUI')).toHaveLength(0);
  });
});

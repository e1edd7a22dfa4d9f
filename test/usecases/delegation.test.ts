/**
 * Plh / Plt (issue 14, item 2): who acts for an official while they are away. Real: the delegation rules, the
 * use cases (request, take, clock, re-addressing), link signing. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DelegationError,
  delegationSpan,
  officialTitle,
  parseDelegationTime,
} from '../../functions/core/delegation.ts';
import type { DirectoryActor } from '../../functions/core/directory.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { completeDecision } from '../../functions/usecases/complete-decision.ts';
import {
  cancelDelegation,
  listDelegations,
  readdressPending,
  setDelegation,
  whoActs,
} from '../../functions/usecases/delegation.ts';
import { setPerson, unitDirectory } from '../../functions/usecases/directory.ts';
import { keepMutuBaku } from '../../functions/usecases/keep-mutu-baku.ts';
import { myTasks } from '../../functions/usecases/my-tasks.ts';
import { reportPageFor } from '../../functions/usecases/portal-reports.ts';
import { findPublicVerification } from '../../functions/usecases/public-verification.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { DecisionRedirectedError, submitDecision, viewDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

const HOUR = 3600_000;
const OPERATOR: DirectoryActor = { name: 'Operator TIMSAKIP', source: 'CLI' };
const P = people();
let f: ReturnType<typeof fakeDeps>;
let EXEC = '';

beforeEach(() => {
  f = fakeDeps();
});

/** The clock starts on Monday 6 April 2026, 09:00 WIB. */
const plhCamat = (over: Partial<Parameters<typeof setDelegation>[1]> = {}) =>
  setDelegation(f.deps, {
    unit: 'karawaci',
    role: 'CAMAT',
    delegateNip: P.KASI.nip,
    from: '2026-04-06',
    until: '2026-04-08',
    reason: 'cuti',
    actor: OPERATOR,
    ...over,
  });

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DelegationError);
  return (err as DelegationError).problems;
}

const mailsTo = (email: string) => f.mailer.sent.filter((m) => m.to.includes(email));

/** Upload, assemble, the Sekretaris verifies; the ratification is requested (to whoever acts for the Camat). */
async function ratifyRequested() {
  await uploadAndAssemble(f.deps, sample('awal'));
  EXEC = (await f.repo.get(REPORT_ID))?.executionArn ?? '';
  await requestDecision(f.deps, { taskToken: 'tok-verify', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
  await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
  const out = await requestDecision(f.deps, {
    taskToken: 'tok-ratify',
    reportId: REPORT_ID,
    executionArn: EXEC,
    step: 'ratify',
  });
  return { ...out, link: linkInMail(f.mailer.sent.at(-1)?.text ?? '') };
}

describe('the delegation rules', () => {
  it('a date without a time is a whole day in WIB: from 00:00 to 23:59:59', async () => {
    expect(parseDelegationTime('2026-12-01', 'from')).toBe('2026-11-30T17:00:00.000Z');
    expect(parseDelegationTime('2026-12-03', 'until')).toBe('2026-12-03T16:59:59.000Z');
    expect(parseDelegationTime('2026-12-01T13:30', 'from')).toBe('2026-12-01T06:30:00.000Z');
    expect(parseDelegationTime('2026-12-01T13:30:00Z', 'from')).toBe('2026-12-01T13:30:00.000Z');
    expect(parseDelegationTime('2026-02-30', 'from')).toBeUndefined();
    expect(parseDelegationTime('besok', 'from')).toBeUndefined();
    const d = await plhCamat();
    expect(d).toMatchObject({
      unit: 'karawaci',
      role: 'CAMAT',
      kind: 'PLH',
      official: { nip: P.CAMAT.nip },
      delegate: { nip: P.KASI.nip, ownRole: 'KASI' },
      // 6 April has begun (the clock is at 09:00 WIB): the delegation holds from now, not from 00:00.
      from: '2026-04-06T02:00:00.000Z',
      until: '2026-04-08T16:59:59.000Z',
      reason: 'cuti',
      setBy: OPERATOR,
    });
    expect(await f.directory.delegationChanges('karawaci')).toEqual([
      expect.objectContaining({ action: 'PLH_DITETAPKAN', actor: OPERATOR, delegation: d }),
    ]);
  });

  it('refuses with precise messages: until before from, the official himself, an unknown NIP, a role or kind', async () => {
    expect(await problemsOf(plhCamat({ from: '2026-04-08', until: '2026-04-06' }))).toEqual([
      'tanggal selesai harus sesudah tanggal mulai',
    ]);
    expect(await problemsOf(plhCamat({ delegateNip: P.CAMAT.nip }))).toEqual([
      `Plh/Plt tidak boleh pejabat yang digantikan sendiri (${P.CAMAT.name}, NIP ${P.CAMAT.nip}); pilih pejabat lain di unit ini`,
    ]);
    expect(await problemsOf(plhCamat({ delegateNip: '1990 0101 201501 1 999' }))).toEqual([
      'NIP 199001012015011999 tidak terdaftar di direktori unit Kecamatan Karawaci (karawaci); Plh/Plt harus pegawai unit yang sama — periksa NIP-nya atau daftarkan orangnya dengan "lapkin people set"',
    ]);
    // A person of another unit is not in this unit's directory.
    const sukamaju = people(f.config, 'sukamaju');
    expect((await problemsOf(plhCamat({ delegateNip: sukamaju.KASI.nip })))[0]).toContain('tidak terdaftar');
    expect(await problemsOf(plhCamat({ role: 'STAF', kind: 'wakil' }))).toEqual([
      'peran "STAF" tidak dapat didelegasikan; pilih salah satu peran pengambil keputusan: TIMSAKIP, SEKRETARIS_CAMAT, CAMAT',
      'jenis harus PLH (pelaksana harian) atau PLT (pelaksana tugas)',
    ]);
    expect(await problemsOf(plhCamat({ from: '2026-03-01', until: '2026-03-02' }))).toEqual([
      'tanggal selesai sudah lewat; Plh/Plt hanya dapat ditetapkan untuk waktu sekarang atau mendatang',
    ]);
    expect(await f.directory.delegations('karawaci')).toEqual([]);
  });

  it('refuses a Plh who is only a staff member, or who is away himself then; an official acting as Plh cannot go away', async () => {
    expect(await problemsOf(plhCamat({ delegateNip: P.STAF.nip }))).toEqual([
      `${P.STAF.name} hanya memegang jabatan Staf Pelaksana; Plh/Plt ditunjuk dari pejabat di unit ini (Sekretaris Camat, Kepala Seksi, Ketua TIMSAKIP)`,
    ]);
    // The team lead on leave cannot stand in for the Camat at the same time …
    await setDelegation(f.deps, {
      unit: 'karawaci',
      role: 'TIMSAKIP',
      delegateNip: P.KASI.nip,
      from: '2026-04-07',
      until: '2026-04-09',
      reason: 'cuti',
      actor: OPERATOR,
    });
    const away = await problemsOf(plhCamat({ delegateNip: P.TIMSAKIP.nip, from: '2026-04-08', until: '2026-04-10' }));
    expect(away).toEqual([
      expect.stringMatching(new RegExp(`^${P.TIMSAKIP.name} sendiri berhalangan pada waktu itu \\(digantikan Plh\\. `)),
    ]);
    // … and a Plh cannot be sent away while he stands in for someone.
    await plhCamat({ delegateNip: P.SEKRETARIS_CAMAT.nip, from: '2026-04-10', until: '2026-04-12' });
    const busy = await problemsOf(
      setDelegation(f.deps, {
        unit: 'karawaci',
        role: 'SEKRETARIS_CAMAT',
        delegateNip: P.KASI.nip,
        from: '2026-04-11',
        until: '2026-04-11',
        actor: OPERATOR,
      }),
    );
    expect(busy).toEqual([
      expect.stringMatching(new RegExp(`^${P.SEKRETARIS_CAMAT.name} menjadi Plh\\. Camat Karawaci pada waktu itu`)),
    ]);
  });

  it('a delegation withdrawn before it began shows its start and that it never held, not an end before its start', async () => {
    const later = await plhCamat({ from: '2026-04-09', until: '2026-04-10' });
    const withdrawn = await cancelDelegation(f.deps, { unit: 'karawaci', id: later.id, actor: OPERATOR });
    expect(delegationSpan(withdrawn)).toBe('9 April 2026 pukul 00.00 WIB, dibatalkan sebelum berlaku');
    expect(delegationSpan(withdrawn, 'en')).toMatch(/, withdrawn before it began$/);
    expect(delegationSpan(later)).toBe('9 April 2026 pukul 00.00 WIB s.d. 10 April 2026 pukul 23.59 WIB');
  });

  it('an empty date asks for one, rather than saying it cannot be read', async () => {
    expect(await problemsOf(plhCamat({ from: '', until: ' ' }))).toEqual([
      'tanggal mulai wajib diisi',
      'tanggal selesai wajib diisi',
    ]);
  });

  it('a delegation ended early leaves the rest of the day free: a new one from today starts now', async () => {
    const first = await plhCamat({ from: '2026-04-06', until: '2026-04-06' });
    f.clock.advance(2 * HOUR);
    await cancelDelegation(f.deps, { unit: 'karawaci', id: first.id, actor: OPERATOR });
    f.clock.advance(HOUR);
    // The portal only takes whole days: "from 6 April" means from now when 6 April has begun.
    const next = await plhCamat({ delegateNip: P.SEKRETARIS_CAMAT.nip, from: '2026-04-06', until: '2026-04-07' });
    expect(next.from).toBe(f.clock.now().toISOString());
  });

  it('refuses a delegation overlapping another of the same unit and role, naming it; other roles are free', async () => {
    const first = await plhCamat();
    const problems = await problemsOf(
      plhCamat({ delegateNip: P.SEKRETARIS_CAMAT.nip, from: '2026-04-08', until: '2026-04-10' }),
    );
    expect(problems).toEqual([
      `waktu ini beririsan dengan delegasi lain untuk Camat Karawaci: Plh. ${P.KASI.name} (NIP ${P.KASI.nip}), 6 April 2026 pukul 09.00 WIB s.d. 8 April 2026 pukul 23.59 WIB (id ${first.id}); batalkan delegasi itu lebih dahulu atau pilih waktu lain`,
    ]);
    // The day after it ends is free; so is another role at the same time.
    await plhCamat({ delegateNip: P.SEKRETARIS_CAMAT.nip, from: '2026-04-09', until: '2026-04-10' });
    await setDelegation(f.deps, {
      unit: 'karawaci',
      role: 'SEKRETARIS_CAMAT',
      delegateNip: P.KASI.nip,
      kind: 'plt',
      from: '2026-04-06',
      // Not past the 8th: from the 9th the Sekretaris stands in for the Camat (a Plh cannot be away then).
      until: '2026-04-08',
      actor: OPERATOR,
    });
    expect((await listDelegations(f.deps, 'karawaci')).map((d) => `${d.role}:${d.kind}`)).toEqual([
      'CAMAT:PLH',
      'SEKRETARIS_CAMAT:PLT',
      'CAMAT:PLH',
    ]);
    // Once cancelled, its time is free again; the cancellation is audited.
    await cancelDelegation(f.deps, { unit: 'karawaci', id: first.id, actor: OPERATOR });
    await plhCamat({ delegateNip: P.TIMSAKIP.nip, from: '2026-04-07', until: '2026-04-08' });
    expect((await f.directory.delegationChanges('karawaci')).map((c) => c.action)).toEqual([
      'PLH_DITETAPKAN',
      'PLH_DITETAPKAN',
      'PLH_DITETAPKAN',
      'PLH_DIBATALKAN',
      'PLH_DITETAPKAN',
    ]);
    expect(await problemsOf(cancelDelegation(f.deps, { unit: 'karawaci', id: first.id, actor: OPERATOR }))).toEqual([
      `delegasi ${first.id} sudah berakhir; tidak ada yang dibatalkan`,
    ]);
  });

  it('who acts: the official, or the Plh with the title "Plh. Camat Karawaci" while the delegation holds', async () => {
    await plhCamat({ from: '2026-04-07', until: '2026-04-07' });
    const today = await whoActs(f.deps, 'karawaci', 'CAMAT', f.clock.now());
    expect(today.person.nip).toBe(P.CAMAT.nip);
    expect(today.delegation).toBeUndefined();
    const tomorrow = await whoActs(f.deps, 'karawaci', 'CAMAT', new Date('2026-04-07T05:00:00Z'));
    expect(tomorrow.person).toMatchObject({ name: P.KASI.name, nip: P.KASI.nip, title: 'Plh. Camat Karawaci' });
    expect(tomorrow.actingFor).toMatchObject({ name: P.CAMAT.name, nip: P.CAMAT.nip, title: 'Camat Karawaci' });
    expect((await whoActs(f.deps, 'karawaci', 'CAMAT', new Date('2026-04-07T17:00:00Z'))).person.nip).toBe(P.CAMAT.nip);
    // An OPD's head: "Kepala Dinas" of "Dinas Arsip dan Perpustakaan", not "Kepala Dinas Dinas …".
    expect(officialTitle((await unitDirectory(f.deps, 'dinas-arsip')).profile, 'CAMAT')).toBe(
      'Kepala Dinas Arsip dan Perpustakaan',
    );
  });
});

describe('requests while a delegation holds', () => {
  it('a new request goes to the Plh, who ratifies from the mail: the trail records the Plh and whom they acted for', async () => {
    await plhCamat();
    const { decisionId, link } = await ratifyRequested();
    const mail = f.mailer.sent.at(-1);
    expect(mail?.to).toEqual([P.KASI.email]);
    expect(mail?.text).toContain(
      `sebagai Plh. Camat Karawaci, menggantikan ${P.CAMAT.name} (Camat Karawaci) yang sedang berhalangan.`,
    );
    expect(await f.repo.getDecision(decisionId)).toMatchObject({
      role: 'CAMAT',
      assignee: { name: P.KASI.name, nip: P.KASI.nip, title: 'Plh. Camat Karawaci' },
      actingFor: { name: P.CAMAT.name, nip: P.CAMAT.nip, title: 'Camat Karawaci', kind: 'PLH' },
    });
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    expect((await f.repo.get(REPORT_ID))?.status).toBe('DISAHKAN');
    const ratified = (await f.repo.events(REPORT_ID)).findLast((e) => e.action === 'KEPUTUSAN');
    expect(ratified).toMatchObject({
      actor: {
        role: 'CAMAT',
        name: P.KASI.name,
        nip: P.KASI.nip,
        title: 'Plh. Camat Karawaci',
        actingFor: { name: P.CAMAT.name, nip: P.CAMAT.nip, title: 'Camat Karawaci' },
      },
      detail: { step: 'ratify', mark: 'tanda tangan' },
    });
  });

  it('a delegation starting while a decision is pending re-addresses it: the old link says dialihkan, the new one works', async () => {
    const { decisionId, link: camatLink } = await ratifyRequested();
    expect(f.mailer.sent.at(-1)?.to).toEqual([P.CAMAT.email]);
    const camat = { nip: P.CAMAT.nip, unit: 'karawaci', name: P.CAMAT.name, email: P.CAMAT.email, roles: ['CAMAT'] };
    const kasi = { nip: P.KASI.nip, unit: 'karawaci', name: P.KASI.name, email: P.KASI.email, roles: ['KASI'] };
    expect(await myTasks(f.deps, camat as never, f.clock.now())).toHaveLength(1);

    f.clock.advance(HOUR);
    await plhCamat();
    const moved = await readdressPending(f.deps, 'karawaci', { role: 'CAMAT' });
    expect(moved).toEqual([
      expect.objectContaining({ decisionId, from: expect.objectContaining({ nip: P.CAMAT.nip }) }),
    ]);
    // Run again: nothing more to do, no second mail.
    expect(await readdressPending(f.deps, 'karawaci')).toEqual([]);
    const plhMails = mailsTo(P.KASI.email);
    expect(plhMails).toHaveLength(1);
    expect(plhMails[0]?.subject).toBe('[Perlu pengesahan] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
    expect(plhMails[0]?.text).toContain(`sebelumnya ditujukan kepada ${P.CAMAT.name} (Camat)`);
    const plhLink = linkInMail(plhMails[0]?.text ?? '');
    expect(plhLink).not.toBe(camatLink);

    const decision = await f.repo.getDecision(decisionId);
    expect(decision?.redirectedFrom).toEqual([
      { name: P.CAMAT.name, nip: P.CAMAT.nip, title: P.CAMAT.title, at: f.clock.now().toISOString() },
    ]);
    const event = (await f.repo.events(REPORT_ID)).at(-1);
    expect(event).toMatchObject({
      action: 'DIALIHKAN',
      status: 'MENUNGGU_PENGESAHAN',
      detail: { decisionId, from: { nip: P.CAMAT.nip }, to: { nip: P.KASI.nip, title: 'Plh. Camat Karawaci' } },
    });
    // The timeline names who the request now goes to, with the title they act under (not "lapkin (sistem)").
    expect(event?.actor).toMatchObject({ name: P.KASI.name, nip: P.KASI.nip, title: 'Plh. Camat Karawaci' });
    const camatPerson = { nip: P.CAMAT.nip, unit: 'karawaci', roles: ['CAMAT' as const], name: '', email: '' };
    const page = await reportPageFor(f.deps, camatPerson, REPORT_ID, f.clock.now());
    const redirected = page?.timeline.find((t) => t.action === 'DIALIHKAN');
    expect(redirected?.to).toMatchObject({ name: P.KASI.name, title: 'Plh. Camat Karawaci' });

    // The Camat's link and task: a clear answer, nothing changed.
    const refused = await viewDecision(f.deps, linkParts(camatLink)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DecisionRedirectedError);
    expect((refused as DecisionRedirectedError).decision.assignee.name).toBe(P.KASI.name);
    await expect(submitDecision(f.deps, linkParts(camatLink), { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      DecisionRedirectedError,
    );
    await expect(viewDecision(f.deps, { decisionId, person: camat as never })).rejects.toBeInstanceOf(
      DecisionRedirectedError,
    );
    expect(await myTasks(f.deps, camat as never, f.clock.now())).toEqual([]);
    expect((await myTasks(f.deps, kasi as never, f.clock.now())).map((t) => t.decisionId)).toEqual([decisionId]);
    expect((await f.repo.getDecision(decisionId))?.state).toBe('PENDING');

    // The Plh's link works.
    await submitDecision(f.deps, linkParts(plhLink), { decision: 'APPROVE' });
    expect((await f.repo.get(REPORT_ID))?.status).toBe('DISAHKAN');
    expect((await f.repo.events(REPORT_ID)).findLast((e) => e.action === 'KEPUTUSAN')?.actor).toMatchObject({
      nip: P.KASI.nip,
      title: 'Plh. Camat Karawaci',
    });
  });

  it('a delegation that starts and ends later: the clock re-addresses to the Plh, then back to the official', async () => {
    await plhCamat({ from: '2026-04-06T12:00', until: '2026-04-06T15:00' }); // 12.00–15.00 WIB
    const { decisionId, link: camatLink } = await ratifyRequested();
    expect(f.mailer.sent.at(-1)?.to).toEqual([P.CAMAT.email]);
    expect((await keepMutuBaku(f.deps)).readdressed).toBeUndefined();

    f.clock.advance(3.5 * HOUR); // 12.30 WIB
    expect((await keepMutuBaku(f.deps)).readdressed).toEqual([decisionId]);
    expect((await f.repo.getDecision(decisionId))?.assignee.nip).toBe(P.KASI.nip);
    const plhLink = linkInMail(mailsTo(P.KASI.email).at(-1)?.text ?? '');

    f.clock.advance(3 * HOUR); // 15.30 WIB: the Plh's time is over before he decided
    expect((await keepMutuBaku(f.deps)).readdressed).toEqual([decisionId]);
    const back = await f.repo.getDecision(decisionId);
    expect(back?.assignee).toMatchObject({ nip: P.CAMAT.nip, title: P.CAMAT.title });
    expect(back?.actingFor).toBeUndefined();
    expect(back?.redirectedFrom?.map((r) => r.nip)).toEqual([P.CAMAT.nip, P.KASI.nip]);
    const again = mailsTo(P.CAMAT.email).at(-1);
    expect(again?.text).toContain(`dialihkan kembali kepada Bapak/Ibu dari ${P.KASI.name} (Plh. Camat Karawaci)`);
    // The Plh's link now points on; the Camat's first link is his again (signed for his NIP).
    await expect(viewDecision(f.deps, linkParts(plhLink))).rejects.toBeInstanceOf(DecisionRedirectedError);
    await submitDecision(f.deps, linkParts(camatLink), { decision: 'APPROVE' });
    expect((await f.repo.events(REPORT_ID)).filter((e) => e.action === 'DIALIHKAN')).toHaveLength(2);
    expect((await f.repo.events(REPORT_ID)).findLast((e) => e.action === 'KEPUTUSAN')?.actor).toMatchObject({
      nip: P.CAMAT.nip,
      title: P.CAMAT.title,
    });
  });

  it('a delegation cancelled before the decision: the request goes back to the official at once', async () => {
    const d = await plhCamat();
    const { decisionId } = await ratifyRequested();
    expect((await f.repo.getDecision(decisionId))?.assignee.nip).toBe(P.KASI.nip);
    await cancelDelegation(f.deps, { unit: 'karawaci', id: d.id, actor: OPERATOR });
    expect(await readdressPending(f.deps, 'karawaci', { role: 'CAMAT' })).toHaveLength(1);
    expect((await f.repo.getDecision(decisionId))?.assignee.nip).toBe(P.CAMAT.nip);
    expect(mailsTo(P.CAMAT.email).at(-1)?.subject).toContain('[Perlu pengesahan]');
  });

  it('a `people set` while a delegation holds: the request stays with the Plh, then goes to the new official', async () => {
    const d = await plhCamat();
    const { decisionId } = await ratifyRequested();
    await setPerson(f.deps, {
      unit: 'karawaci',
      role: 'CAMAT',
      actor: OPERATOR,
      person: {
        name: 'Camat Baru, S.STP.',
        nip: '198001012005011001',
        email: 'camat.baru@example.go.id',
        title: 'Camat',
      },
    });
    expect(await readdressPending(f.deps, 'karawaci')).toEqual([]);
    expect((await f.repo.getDecision(decisionId))?.assignee.nip).toBe(P.KASI.nip);
    await cancelDelegation(f.deps, { unit: 'karawaci', id: d.id, actor: OPERATOR });
    expect(await readdressPending(f.deps, 'karawaci')).toHaveLength(1);
    expect((await f.repo.getDecision(decisionId))?.assignee).toMatchObject({ nip: '198001012005011001' });
  });

  it('a decision taken meanwhile is not re-addressed', async () => {
    const { decisionId, link } = await ratifyRequested();
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    await plhCamat();
    expect(await readdressPending(f.deps, 'karawaci')).toEqual([]);
    expect((await f.repo.getDecision(decisionId))?.assignee.nip).toBe(P.CAMAT.nip);
    // Completing it again changes nothing either (its actor stays the Camat).
    const used = await f.repo.getDecision(decisionId);
    if (used) await completeDecision(f.deps, used);
    expect(mailsTo(P.KASI.email)).toEqual([]);
  });
});

describe('the Mutu Baku clock through delegations', () => {
  it('reminds and escalates to the Plh: the verifier’s Plh is reminded, the escalation goes to the Plh. Camat', async () => {
    await setDelegation(f.deps, {
      unit: 'karawaci',
      role: 'SEKRETARIS_CAMAT',
      delegateNip: P.TIMSAKIP.nip,
      from: '2026-04-06',
      until: '2026-04-10',
      reason: 'dinas luar',
      actor: OPERATOR,
    });
    await plhCamat({ reason: 'cuti' });
    await uploadAndAssemble(f.deps, sample('awal'));
    EXEC = (await f.repo.get(REPORT_ID))?.executionArn ?? '';
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    expect(f.mailer.sent.at(-1)?.to).toEqual([P.TIMSAKIP.email]);
    f.mailer.sent = [];
    f.clock.advance(18 * HOUR + 1);
    expect((await keepMutuBaku(f.deps)).reminded).toEqual([REPORT_ID]);
    expect(f.mailer.sent.map((m) => m.to.join())).toEqual([P.TIMSAKIP.email]);
    f.clock.advance(6 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    expect(f.mailer.sent.slice(1).map((m) => m.to.join())).toEqual([P.TIMSAKIP.email, P.KASI.email]);
    expect(f.mailer.sent.map((m) => m.to.join())).not.toContain(P.CAMAT.email);
    expect(f.mailer.sent.map((m) => m.to.join())).not.toContain(P.SEKRETARIS_CAMAT.email);
  });
});

describe('the documents of a report ratified by a Plh', () => {
  it('the approval block, the disposition sheet and the verification page show "Plh. Camat Karawaci" and the Plh', async () => {
    await plhCamat();
    const { link } = await ratifyRequested();
    await submitDecision(f.deps, linkParts(link), { decision: 'APPROVE' });
    await archiveReport(f.deps, { reportId: REPORT_ID });
    // The documented mail says who signed: the Plh, under the title he signed with.
    expect(f.mailer.sent.at(-1)?.text).toContain('telah disahkan Plh. Camat Karawaci');
    const archived = await f.repo.get(REPORT_ID);
    const read = async (ref: { key: string; versionId: string } | undefined) =>
      pdfTextOf(Buffer.from((await f.store.get(ref?.key ?? '', ref?.versionId ?? '')).body));
    const report = await read(archived?.archive?.pdf);
    // The signature block: the Plh's line above the delegate's own name and NIP.
    expect(report).toContain('Plh. CAMAT KARAWACI');
    expect(report).toContain(P.KASI.name);
    expect(report).toContain(`NIP. ${P.KASI.nip}`);
    expect(report).not.toContain(P.CAMAT.name);
    // The sheet's narrow columns wrap words onto lines: read it as running text.
    const disposition = (await read(archived?.archive?.disposition)).replace(/\s+/g, ' ');
    expect(disposition).toContain('Plh. Camat Karawaci');
    expect(disposition).toContain(P.KASI.name);
    const page = await findPublicVerification(f.deps, archived?.verificationCode ?? '', 'id');
    expect(page?.ratifiedBy).toMatchObject({ name: P.KASI.name, title: 'Plh. Camat Karawaci' });
  });
});

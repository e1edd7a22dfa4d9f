/**
 * The directory use cases (`lapkin people set|remove`) and what a change does to a decision already pending.
 * Real: use cases, ledger, link signing. Faked: every port (MemoryDirectory for the table).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CITY_UNIT, type Person } from '../../functions/core/config.ts';
import type { DirectoryActor } from '../../functions/core/directory.ts';
import { DirectoryChangeError, UnknownUnitError } from '../../functions/core/errors.ts';
import { cityPerson, removePerson, seedDirectory, setPerson } from '../../functions/usecases/directory.ts';
import { keepMutuBaku } from '../../functions/usecases/keep-mutu-baku.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision, viewDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people, testConfig } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

const HOUR = 3600_000;
const BY: DirectoryActor = { name: 'Operator Kota', email: 'operator@example.go.id', source: 'CLI' };
const PLT: Person = {
  name: 'Budi Santoso, S.STP.',
  nip: '198801012010011001',
  email: 'plt.sekcam@example.go.id',
  title: 'Plt. Sekretaris Camat',
};
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

const problemsOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DirectoryChangeError);
  return (err as DirectoryChangeError).problems;
};

describe('setPerson', () => {
  it('reads a NIP written in its usual groups, and refuses one that cannot be a NIP (birth date, TMT, gender)', async () => {
    const input = { unit: 'karawaci', role: 'SEKRETARIS_CAMAT', actor: BY };
    const grouped = await setPerson(f.deps, { ...input, person: { nip: '19880101 201001 1 002' } });
    expect(grouped.after?.nip).toBe('198801012010011002');
    for (const nip of ['000000000000000000', '198813012010011002', '198801012010131002', '198801012010013002'])
      expect(await problemsOf(setPerson(f.deps, { ...input, person: { nip } })), nip).toEqual([
        expect.stringContaining('NIP tidak sah'),
      ]);
  });

  it('refuses a 17-digit NIP and a bad address, with every problem in Bahasa Indonesia, and stores nothing', async () => {
    const input = { unit: 'karawaci', role: 'SEKRETARIS_CAMAT', actor: BY };
    expect(await problemsOf(setPerson(f.deps, { ...input, person: { nip: '19880101201001100' } }))).toEqual([
      'NIP harus terdiri atas 18 digit angka',
    ]);
    expect(await problemsOf(setPerson(f.deps, { ...input, person: { nip: '19880101201001100a' } }))).toEqual([
      'NIP harus terdiri atas 18 digit angka',
    ]);
    expect(await problemsOf(setPerson(f.deps, { ...input, person: { nip: '1988', email: 'budi@' } }))).toEqual([
      'NIP harus terdiri atas 18 digit angka',
      'alamat email tidak valid',
    ]);
    expect(await problemsOf(setPerson(f.deps, { ...input, person: { email: 'budi example.go.id' } }))).toEqual([
      'alamat email tidak valid',
    ]);
    expect((await f.directory.changes('karawaci')).filter((c) => c.actor.source === 'CLI')).toEqual([]);
    expect((await f.directory.people('karawaci')).find((e) => e.role === 'SEKRETARIS_CAMAT')?.nip).toBe(
      people(f.config).SEKRETARIS_CAMAT.nip,
    );
  });

  it('a vacant role needs the whole person: each missing field is named', async () => {
    await removePerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY });
    expect(
      await problemsOf(setPerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY, person: { nip: PLT.nip } })),
    ).toEqual(expect.arrayContaining(['nama wajib diisi', 'alamat email tidak valid', 'jabatan wajib diisi']));
  });

  it('refuses an unknown unit and an unknown role (naming the roles there are)', async () => {
    await expect(
      setPerson(f.deps, { unit: 'karawacii', role: 'CAMAT', actor: BY, person: PLT }),
    ).rejects.toBeInstanceOf(UnknownUnitError);
    expect(await problemsOf(setPerson(f.deps, { unit: 'karawaci', role: 'BUPATI', actor: BY, person: PLT }))).toEqual([
      'peran "BUPATI" tidak dikenal; pilih salah satu: CAMAT, SEKRETARIS_CAMAT, KASI, TIMSAKIP, STAF',
    ]);
    // KOTA is the city's role, not a unit's; the city has no other.
    expect(await problemsOf(setPerson(f.deps, { unit: 'karawaci', role: 'KOTA', actor: BY, person: PLT }))).toEqual([
      expect.stringContaining('peran "KOTA" tidak dikenal'),
    ]);
    expect(await problemsOf(setPerson(f.deps, { unit: CITY_UNIT, role: 'CAMAT', actor: BY, person: PLT }))).toEqual([
      expect.stringContaining('hanya KOTA'),
    ]);
  });

  it('every change is a DirectoryChange with actor, before and after; fields not given keep their value', async () => {
    const old = people(f.config).SEKRETARIS_CAMAT;
    const change = await setPerson(f.deps, {
      unit: 'karawaci',
      role: 'SEKRETARIS_CAMAT',
      actor: BY,
      person: { name: PLT.name, nip: PLT.nip },
    });
    expect(change).toMatchObject({
      unit: 'karawaci',
      role: 'SEKRETARIS_CAMAT',
      action: 'DIUBAH',
      actor: BY,
      version: 2,
      at: f.clock.now().toISOString(),
      before: old,
      after: { name: PLT.name, nip: PLT.nip, email: old.email, title: old.title },
    });
    const removed = await removePerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY });
    expect(removed).toMatchObject({ action: 'DIHAPUS', actor: BY, before: people(f.config).KASI, version: 2 });
    expect(removed.after).toBeUndefined();
    const again = await setPerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY, person: PLT });
    expect(again).toMatchObject({ action: 'DITETAPKAN', after: PLT, version: 3 });
    expect(again.before).toBeUndefined();
    const log = await f.directory.changes('karawaci');
    expect(log.filter((c) => c.actor.source === 'CLI').map((c) => `${c.role}:${c.action}:${c.version}`)).toEqual([
      'SEKRETARIS_CAMAT:DIUBAH:2',
      'KASI:DIHAPUS:2',
      'KASI:DITETAPKAN:3',
    ]);
    // The other units are untouched.
    expect((await f.directory.changes('sukamaju')).every((c) => c.actor.source === 'KONFIGURASI')).toBe(true);
  });

  it('a change that changes nothing is refused, not recorded', async () => {
    const same = people(f.config).SEKRETARIS_CAMAT;
    for (const person of [{ title: same.title }, { nip: same.nip, email: same.email }])
      expect(
        await problemsOf(setPerson(f.deps, { unit: 'karawaci', role: 'SEKRETARIS_CAMAT', actor: BY, person })),
      ).toEqual([expect.stringContaining('tidak ada yang berubah')]);
    expect((await f.directory.changes('karawaci')).filter((c) => c.actor.source === 'CLI')).toEqual([]);
  });

  it('the city person: changed field by field like a unit person, from the configured one', async () => {
    const configured = testConfig().city?.people.KOTA as Person;
    const change = await setPerson(f.deps, {
      unit: CITY_UNIT,
      role: 'KOTA',
      actor: BY,
      person: { email: 'inspektorat@example.go.id' },
    });
    expect(change).toMatchObject({ action: 'DIUBAH', before: configured });
    expect(change.after).toEqual({ ...configured, email: 'inspektorat@example.go.id' });
    expect((await cityPerson(f.deps))?.email).toBe('inspektorat@example.go.id');
  });
});

describe('removePerson', () => {
  it('refuses a role an SOP step needs, and an already empty role', async () => {
    for (const role of ['CAMAT', 'SEKRETARIS_CAMAT', 'TIMSAKIP'])
      expect(await problemsOf(removePerson(f.deps, { unit: 'karawaci', role, actor: BY }))).toEqual([
        expect.stringContaining(`peran ${role} dibutuhkan oleh langkah SOP`),
      ]);
    await removePerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY });
    expect(await problemsOf(removePerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY }))).toEqual([
      'peran KASI pada unit karawaci sudah kosong',
    ]);
    await expect(removePerson(f.deps, { unit: 'nowhere', role: 'KASI', actor: BY })).rejects.toBeInstanceOf(
      UnknownUnitError,
    );
  });

  it('refuses to empty the city role: refused uploads and late escalations would go to nobody', async () => {
    expect(await problemsOf(removePerson(f.deps, { unit: CITY_UNIT, role: 'KOTA', actor: BY }))).toEqual([
      expect.stringContaining('peran KOTA dibutuhkan'),
    ]);
    expect((await cityPerson(f.deps))?.email).toBe(testConfig().city?.people.KOTA?.email);
  });
});

describe('seedDirectory again (lapkin up, a deploy)', () => {
  it('keeps a person set by the CLI and does not bring back a removed optional role', async () => {
    expect(await seedDirectory(f.deps)).toEqual({ units: 3, people: 16 });
    await setPerson(f.deps, { unit: 'karawaci', role: 'SEKRETARIS_CAMAT', actor: BY, person: PLT });
    await removePerson(f.deps, { unit: 'karawaci', role: 'KASI', actor: BY });
    const before = (await f.directory.changes('karawaci')).length;
    expect(await seedDirectory(f.deps)).toEqual({ units: 0, people: 0 });
    const now = await f.directory.people('karawaci');
    expect(now.find((e) => e.role === 'SEKRETARIS_CAMAT')).toMatchObject(PLT);
    expect(now.find((e) => e.role === 'KASI')).toBeUndefined();
    expect(await f.directory.changes('karawaci')).toHaveLength(before);
  });
});

describe('a `people set` while a decision is pending', () => {
  it('changes the next request, not the pending one: assignee, reminder, escalation and link stay with the old person', async () => {
    const old = people(f.config).SEKRETARIS_CAMAT;
    await uploadAndAssemble(f.deps, sample('awal'));
    const exec = async () => (await f.repo.get(REPORT_ID))?.executionArn ?? '';
    const first = await requestDecision(f.deps, {
      taskToken: 't1',
      reportId: REPORT_ID,
      executionArn: await exec(),
      step: 'verify',
    });
    const link = linkInMail(f.mailer.sent.at(-1)?.text ?? '');
    f.mailer.sent = [];

    await setPerson(f.deps, { unit: 'karawaci', role: 'SEKRETARIS_CAMAT', actor: BY, person: PLT });

    // The pending decision still names the old Sekretaris, and its link (bound to the old NIP) still opens it.
    expect((await f.repo.getDecision(first.decisionId))?.assignee).toEqual(old);
    expect((await viewDecision(f.deps, linkParts(link))).decision.assignee.nip).toBe(old.nip);
    // A re-entered wait (same revision) keeps the assignee and sends nothing.
    expect(
      await requestDecision(f.deps, {
        taskToken: 't1b',
        reportId: REPORT_ID,
        executionArn: await exec(),
        step: 'verify',
      }),
    ).toEqual({ decisionId: first.decisionId, mailed: false });
    expect((await f.repo.getDecision(first.decisionId))?.assignee).toEqual(old);

    // The reminder and the escalation go to the old person, with the very link mailed before.
    f.clock.advance(18 * HOUR + 1);
    expect((await keepMutuBaku(f.deps)).reminded).toEqual([REPORT_ID]);
    f.clock.advance(6 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated).toEqual([REPORT_ID]);
    const to = f.mailer.sent.flatMap((m) => m.to);
    expect(to).toContain(old.email);
    expect(to).toContain(people(f.config).CAMAT.email);
    expect(to).not.toContain(PLT.email);
    for (const m of f.mailer.sent.filter((x) => x.to.includes(old.email))) expect(linkInMail(m.text)).toBe(link);
    expect(f.mailer.sent.every((m) => !m.text.includes(PLT.name))).toBe(true);

    // The old Sekretaris decides; the trail (and so the disposition sheet) names them as they were.
    await submitDecision(f.deps, linkParts(link), { decision: 'REVISE', note: 'Lengkapi narasi capaian.' });
    const paraf = (await f.repo.events(REPORT_ID)).find((e) => e.action === 'KEPUTUSAN');
    expect(paraf?.actor).toMatchObject({ name: old.name, nip: old.nip, email: old.email, title: old.title });

    // The next request (revision 2) goes to the new person, with a link bound to the new NIP.
    await requestRevision(f.deps, {
      taskToken: 'r1',
      reportId: REPORT_ID,
      executionArn: await exec(),
      request: { reason: 'REVISE', step: 'verify', note: 'Lengkapi narasi capaian.' },
    });
    await uploadAndAssemble(f.deps, sample('perbaikan-1'));
    f.mailer.sent = [];
    const next = await requestDecision(f.deps, {
      taskToken: 't2',
      reportId: REPORT_ID,
      executionArn: await exec(),
      step: 'verify',
    });
    expect(next.decisionId).not.toBe(first.decisionId);
    expect((await f.repo.get(REPORT_ID))?.revision).toBe(2);
    expect((await f.repo.getDecision(next.decisionId))?.assignee).toEqual(PLT);
    expect(f.mailer.sent.map((m) => m.to)).toEqual([[PLT.email]]);
    const newLink = linkInMail(f.mailer.sent[0]?.text ?? '');
    expect((await viewDecision(f.deps, linkParts(newLink))).decision.assignee.nip).toBe(PLT.nip);
    // The first decision, taken, still names the old person.
    expect((await f.repo.getDecision(first.decisionId))?.assignee).toEqual(old);
  });
});

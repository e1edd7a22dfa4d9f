/**
 * Many units, one deployment: two units with the same period running at once never see each other's people,
 * mails, reports or decisions. Real: use cases, ledger, documents, link signing. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../functions/ports/mailer.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { setPerson } from '../../functions/usecases/directory.ts';
import { keepMutuBaku } from '../../functions/usecases/keep-mutu-baku.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { listPendingDecisions, listReports } from '../../functions/usecases/unit-reports.ts';
import { fakeDeps, organization, people } from '../fakes/deps.ts';
import { linkInMail, linkParts, sample } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

const HOUR = 3600_000;
const UNITS = ['karawaci', 'sukamaju'] as const;
type Unit = (typeof UNITS)[number];
const reportId = (u: Unit) => `${u}-2026-TW1`;
const other = (u: Unit): Unit => (u === 'karawaci' ? 'sukamaju' : 'karawaci');
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

/** Every address and name of a unit's people (and its uploader). */
function identities(u: Unit) {
  const ps = Object.values(people(f.config, u));
  const uploader = u === 'karawaci' ? 'staf@example.go.id' : 'staf.sukamaju@example.go.id';
  return {
    emails: new Set([...ps.map((p) => p.email), uploader]),
    names: ps.map((p) => p.name),
    nips: ps.map((p) => p.nip),
  };
}

/** The unit a mail is about, from the report id or the unit's name in it. */
function unitOfMail(m: MailMessage): Unit {
  const about = UNITS.filter((u) => m.text.includes(reportId(u)) || m.text.includes(organization(f.config, u).name));
  expect(about, `${m.subject} names exactly one unit`).toHaveLength(1);
  return about[0] as Unit;
}

async function uploadAndAssemble(u: Unit) {
  const key = `masuk/${u}/2026/TW1/data-kinerja-tw1.csv`;
  const { versionId } = await f.store.put({
    key,
    body: sample('awal'),
    contentType: 'text/csv',
    metadata: { 'uploader-email': [...identities(u).emails].find((e) => e.startsWith('staf')) ?? '' },
  });
  await receiveUpload(f.deps, { key, versionId });
  await assembleReport(f.deps, { reportId: reportId(u), source: { key, versionId } });
}

const exec = async (u: Unit) => (await f.repo.get(reportId(u)))?.executionArn ?? '';

async function decide(u: Unit, step: 'verify' | 'ratify') {
  await requestDecision(f.deps, {
    taskToken: `${u}-${step}`,
    reportId: reportId(u),
    executionArn: await exec(u),
    step,
  });
  const mail = f.mailer.sent.at(-1) as MailMessage;
  expect(unitOfMail(mail)).toBe(u);
  await submitDecision(f.deps, linkParts(linkInMail(mail.text)), { decision: 'APPROVE', note: 'Paraf.' });
}

/** No mail about one unit goes to, or names, anyone of the other unit. */
function expectMailsSeparate(mails: MailMessage[]) {
  expect(mails.length).toBeGreaterThan(0);
  for (const m of mails) {
    const u = unitOfMail(m);
    const own = identities(u);
    const foreign = identities(other(u));
    for (const to of [...m.to, ...(m.cc ?? [])]) {
      expect(foreign.emails.has(to), `${m.subject} → ${to}`).toBe(false);
      expect(own.emails.has(to) || to === f.config.city?.people.KOTA?.email, `${m.subject} → ${to}`).toBe(true);
    }
    for (const name of foreign.names) expect(m.text, m.subject).not.toContain(name);
  }
}

describe('two units with the same period at once', () => {
  it("never see each other's people, mails, reports or decisions", async () => {
    // Interleaved, as two offices working the same quarter would.
    await uploadAndAssemble('karawaci');
    await uploadAndAssemble('sukamaju');
    for (const u of UNITS)
      await requestDecision(f.deps, {
        taskToken: `${u}-verify`,
        reportId: reportId(u),
        executionArn: await exec(u),
        step: 'verify',
      });
    expectMailsSeparate(f.mailer.sent);
    const requests = f.mailer.sent.filter((m) => m.subject.includes('[Perlu verifikasi]'));
    expect(requests.map((m) => m.to)).toEqual([
      [people(f.config, 'karawaci').SEKRETARIS_CAMAT.email],
      [people(f.config, 'sukamaju').SEKRETARIS_CAMAT.email],
    ]);
    const verifyLink = new Map(requests.map((m) => [unitOfMail(m), linkInMail(m.text)]));

    // Reports and pending decisions, per unit partition.
    for (const u of UNITS) {
      expect((await f.repo.list(u)).map((r) => r.reportId)).toEqual([reportId(u)]);
      expect((await listReports(f.deps, { unit: u })).map((r) => r.unit)).toEqual([u]);
      const pending = await f.repo.pendingDecisions(u);
      expect(pending.map((d) => d.reportId)).toEqual([reportId(u)]);
      expect(pending[0]?.assignee).toEqual(people(f.config, u).SEKRETARIS_CAMAT);
      expect(await f.repo.pendingDecisions(u, reportId(other(u)))).toEqual([]);
      expect((await listPendingDecisions(f.deps, { unit: u })).map((d) => d.unit)).toEqual([u]);
    }
    expect((await f.repo.list('dinas-arsip')).length).toBe(0);
    expect((await listReports(f.deps)).map((r) => r.reportId).sort()).toEqual(UNITS.map(reportId));

    // Reminders and escalations (twice: the second one reaches the city too) go to each unit's own people.
    f.mailer.sent = [];
    f.clock.advance(18 * HOUR + 1);
    expect((await keepMutuBaku(f.deps)).reminded.sort()).toEqual(UNITS.map(reportId));
    f.clock.advance(6 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated.sort()).toEqual(UNITS.map(reportId));
    f.clock.advance(24 * HOUR);
    expect((await keepMutuBaku(f.deps)).escalated.sort()).toEqual(UNITS.map(reportId));
    expectMailsSeparate(f.mailer.sent);
    for (const u of UNITS) {
      const about = f.mailer.sent.filter((m) => unitOfMail(m) === u).flatMap((m) => m.to);
      expect(about).toEqual(
        expect.arrayContaining([people(f.config, u).SEKRETARIS_CAMAT.email, people(f.config, u).CAMAT.email]),
      );
    }
    expect(f.mailer.sent.flatMap((m) => m.to)).toContain(f.config.city?.people.KOTA?.email);

    // A change in one unit's directory does not reach the other's next request.
    await setPerson(f.deps, {
      unit: 'karawaci',
      role: 'CAMAT',
      actor: { name: 'Operator', source: 'CLI' },
      person: { name: 'Plt. Camat Karawaci', nip: '197001012000011001', email: 'plt.camat@example.go.id' },
    });

    // Both decided and archived: each disposition sheet names its own unit's people only.
    f.mailer.sent = [];
    for (const u of UNITS)
      await submitDecision(f.deps, linkParts(verifyLink.get(u) as string), { decision: 'APPROVE', note: 'Paraf.' });
    for (const u of UNITS) await decide(u, 'ratify');
    const ratifyRequests = f.mailer.sent.filter((m) => m.subject.includes('[Perlu pengesahan]'));
    expect(ratifyRequests.map((m) => m.to)).toEqual([
      ['plt.camat@example.go.id'],
      [people(f.config, 'sukamaju').CAMAT.email],
    ]);
    for (const u of UNITS) {
      const archive = await archiveReport(f.deps, { reportId: reportId(u) });
      expect(archive.disposition.key.startsWith(`arsip/${u}/2026/TW1/`)).toBe(true);
      const sheet = pdfTextOf(
        Buffer.from((await f.store.get(archive.disposition.key, archive.disposition.versionId)).body),
      );
      expect(sheet).toContain(organization(f.config, u).name.toUpperCase());
      expect(sheet).toContain(people(f.config, u).SEKRETARIS_CAMAT.name);
      for (const name of identities(other(u)).names) expect(sheet).not.toContain(name);
      for (const nip of identities(other(u)).nips) expect(sheet).not.toContain(nip);
      expect(sheet.toUpperCase()).not.toContain(organization(f.config, other(u)).name.toUpperCase());
    }
    expectMailsSeparate(f.mailer.sent.filter((m) => !m.to.includes('plt.camat@example.go.id')));
    for (const u of UNITS) expect((await f.repo.get(reportId(u)))?.status).toBe('TERDOKUMENTASI');
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LapkinConfig, unitHasParaf } from '../../functions/core/config.ts';
import type { UnitDirectory } from '../../functions/core/directory.ts';
import type { Report } from '../../functions/core/report.ts';
import { pkUploadKey, uploadKey } from '../../functions/core/upload-key.ts';
import { delegateNow, endDelegationNow } from '../../functions/usecases/delegation.ts';
import { personIn, unitDirectory } from '../../functions/usecases/directory.ts';
import { openDecisionPage, postDecision } from '../local/decide-client.ts';
import { decisionLinkIn, type LocalMail, MailboxClient } from '../local/maildev-client.ts';
import { type LocalStack, PROJECT_ROOT, startLocalStack } from '../local/stack.ts';
import { checkMailIsolation, type IsolationProblem, type SentMail, type UnitPeople } from './mail-isolation.ts';

export const SAMPLE_DIR = join(PROJECT_ROOT, 'infra/local/sample');
/** The unit's Perjanjian Kinerja 2026 with its Rencana Aksi, sent before the first quarter. */
const PK_SAMPLE = 'perjanjian-kinerja-2026.csv';
const SAMPLES = ['kinerja-tw1-awal.csv', 'kinerja-tw1-perbaikan-1.csv', 'kinerja-tw1-perbaikan-2.csv'] as const;

export interface DemoResult {
  report: Report;
  stack: LocalStack;
}

export interface DemoOptions {
  config: LapkinConfig;
  stateDir: string;
  randomPorts?: boolean;
  say?: (line: string) => void;
  keepRunning?: boolean;
}

/**
 * A person deciding from their inbox: the next mail to `to` whose subject matches, its link opened (the confirm
 * page) and the decision posted, both through the real HTTP endpoint.
 */
async function decideFromMail(
  mail: MailboxClient,
  d: { to: string; subject: string | RegExp; decision: 'APPROVE' | 'REVISE'; note?: string; say: (l: string) => void },
): Promise<void> {
  const m = await mail.next(d.to, d.subject);
  const link = decisionLinkIn(m);
  const page = await openDecisionPage(link);
  if (page.status !== 200) throw new Error(`decision page answered ${page.status}`);
  const res = await postDecision(link, d.decision, d.note ?? '');
  if (res.status !== 200) throw new Error(`decision POST answered ${res.status}`);
  d.say(`${d.to}: ${d.decision}${d.note ? ` — "${d.note}"` : ''}`);
}

/** The local stack with every state transition said as a progress line. */
async function startDemoStack(opts: DemoOptions, say: (line: string) => void): Promise<LocalStack> {
  const stack = await startLocalStack({
    config: opts.config,
    stateDir: opts.stateDir,
    randomPorts: opts.randomPorts ?? true,
    log: say,
    onTransition: (n) => {
      const id = (n.input as { reportId?: string } | undefined)?.reportId ?? n.executionName;
      say(`  ${new Date().toISOString().slice(11, 19)}  ${id}  ▶ ${n.state}`);
    },
  });
  say(`local stack up — decisions ${stack.urls.http}, mail ${stack.urls.mail}`);
  return stack;
}

/**
 * The SOP walked end to end on the local stack, every decision through the real HTTP endpoint with the link
 * read from the real email in MailDev: the team lead initials every assembled revision (with an arahan on the
 * first); the Sekretaris sends the report back once, then approves; the Camat sends it back once, then both
 * approve; the ratified report is archived.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const say = opts.say ?? (() => undefined);
  const stack = await startDemoStack(opts, say);
  const { steps } = opts.config;
  // The first unit of the configuration runs the one-report demo (Kecamatan Karawaci in the sample).
  const first = opts.config.units[0];
  if (!first) throw new Error('no unit configured');
  const { organization } = first;
  // Who is asked is the directory's answer (seeded from the configuration, perhaps changed since).
  const unit = await unitDirectory(stack.deps(), organization.unitCode);
  const sekcam = personIn(unit, steps.verify);
  const camat = personIn(unit, steps.ratify);
  const team = personIn(unit, steps.revision);
  // The team lead initials every assembled revision first, when the unit runs that step (the SOP's paraf).
  const lead = unitHasParaf(opts.config, organization.unitCode) ? personIn(unit, steps.paraf) : undefined;
  const mail = new MailboxClient(stack.urls.mail);
  const key = uploadKey(organization.unitCode, 2026, 'TW1', 'data-kinerja-tw1.csv');

  const upload = async (file: string) => {
    const body = await readFile(join(SAMPLE_DIR, file));
    const { versionId } = await stack.store.put({
      key,
      body,
      contentType: 'text/csv',
      metadata: { 'uploader-email': (unit.people.STAF ?? team).email },
    });
    say(`upload ${file} → ${key} (versionId ${versionId})`);
  };
  const decide = (to: string, subject: string, decision: 'APPROVE' | 'REVISE', note = '') =>
    decideFromMail(mail, { to, subject, decision, note, say });
  const paraf = async (note = '') => {
    if (lead) await decide(lead.email, '[Perlu paraf]', 'APPROVE', note);
  };

  try {
    // Once a year, first: the team lead sends the unit's Perjanjian Kinerja; the quarter is checked against it.
    const pkKey = pkUploadKey(organization.unitCode, 2026, PK_SAMPLE);
    await stack.store.put({
      key: pkKey,
      body: await readFile(join(SAMPLE_DIR, PK_SAMPLE)),
      contentType: 'text/csv',
      metadata: { 'uploader-email': team.email },
    });
    say(`upload ${PK_SAMPLE} → ${pkKey} (the Perjanjian Kinerja 2026)`);
    await mail.next(team.email, '[Perjanjian Kinerja diterima]');
    await upload(SAMPLES[0]);
    await paraf('Data telah dicocokkan dengan data dukung; mohon perhatian pada indikator di bawah target.');
    await decide(
      sekcam.email,
      '[Perlu verifikasi]',
      'REVISE',
      'Narasi faktor penghambat dan tindak lanjut belum memadai; lengkapi untuk indikator di bawah target.',
    );
    await mail.next(team.email, '[Perlu perbaikan]');
    await upload(SAMPLES[1]);
    await paraf();
    await decide(sekcam.email, '[Perlu verifikasi]', 'APPROVE');
    await decide(
      camat.email,
      '[Perlu pengesahan]',
      'REVISE',
      'Realisasi anggaran perlu dicocokkan dengan laporan keuangan triwulan; perbaiki lalu ajukan kembali.',
    );
    await mail.next(team.email, '[Perlu perbaikan]');
    await upload(SAMPLES[2]);
    await paraf();
    await decide(sekcam.email, '[Perlu verifikasi]', 'APPROVE');
    // The Camat is away before the final signature: the operator names a Plh and the request goes to them.
    const plh = await camatAway(stack, mail, organization.unitCode, camat, unit, say);
    await decide(plh.email, '[Perlu pengesahan]', 'APPROVE');
    await mail.next(team.email, '[Terdokumentasi]');
    // The Camat is back: the Plh ends, so the next report's requests go to the Camat again.
    say(
      `${camat.name} (Camat) is back — operator: lapkin delegate cancel --unit ${organization.unitCode} --id ${plh.delegationId}`,
    );
    await endDelegationNow(stack.deps(), {
      unit: organization.unitCode,
      id: plh.delegationId,
      actor: { name: 'Operator TIMSAKIP (demo)', source: 'CLI' },
    });
    const report = await stack.deps().repo.get(`${organization.unitCode}-2026-TW1`);
    if (!report) throw new Error('the demo report is missing');
    if (!opts.keepRunning) await stack.stop();
    return { report, stack };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/** Today (and tomorrow) as the office's calendar has it: dates in WIB. */
const wibDate = (t: number) => new Date(t + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The Camat has been asked to ratify, then goes on leave: as an operator would with `lapkin delegate`, a Plh. Camat
 * is set for today and tomorrow (ended again once the report is documented: the Camat is back) — the Kepala Seksi, not the Sekretaris who verified the report (an office keeps the
 * verifier and the signer apart). The pending request is re-addressed at once: the Plh gets it with their own link,
 * and the Camat's link now says where it went.
 */
async function camatAway(
  stack: LocalStack,
  mail: MailboxClient,
  unitCode: string,
  camat: { name: string; email: string },
  unit: UnitDirectory,
  say: (line: string) => void,
): Promise<{ name: string; email: string; nip: string; delegationId: string }> {
  const asked = await mail.next(camat.email, '[Perlu pengesahan]');
  const camatLink = decisionLinkIn(asked);
  const kasi = personIn(unit, 'KASI');
  const deps = stack.deps();
  const now = deps.clock.now().getTime();
  const [from, until] = [wibDate(now), wibDate(now + 86_400_000)];
  say(
    `${camat.name} (Camat) is away — operator: lapkin delegate --unit ${unitCode} --role CAMAT --to ${kasi.nip} --from ${from} --until ${until} --reason "cuti"`,
  );
  const { delegation: d, readdressed } = await delegateNow(deps, {
    unit: unitCode,
    role: 'CAMAT',
    delegateNip: kasi.nip,
    kind: 'PLH',
    from,
    until,
    reason: 'cuti',
    actor: { name: 'Operator TIMSAKIP (demo)', source: 'CLI' },
  });
  say(`  Plh. Camat: ${d.delegate.name} (NIP ${d.delegate.nip}), ${from} to ${until} WIB, id ${d.id}`);
  for (const r of readdressed)
    say(`  ${r.reportId}: request re-addressed from ${r.from.name} to ${r.to.name}, ${r.to.title}`);
  const old = await openDecisionPage(camatLink);
  const answer = /Permintaan ini telah dialihkan kepada .*?(?=\. Tautan)/.exec(old.html)?.[0];
  say(`  the Camat's link now answers ${old.status}: "${answer ?? '?'}"`);
  return { ...kasi, delegationId: d.id };
}

export interface UnitDemoOutcome {
  unit: UnitPeople;
  /** The unit's report at the end (absent if the run of this unit broke off: see `error`). */
  report?: Report;
  error?: string;
  /** Every mail about this unit's report, with its recipients. */
  mails: SentMail[];
}

export interface UnitsDemoResult {
  units: UnitDemoOutcome[];
  /** Mails that reached someone outside the unit their report belongs to (or named no unit's report). */
  problems: IsolationProblem[];
  /** Every report TERDOKUMENTASI and no problem. */
  ok: boolean;
  stack: LocalStack;
}

const TAHUN = 2026;

/**
 * `lapkin demo --units`: one report in every configured unit at once (the same period, TW1 2026), each decided by
 * its own Sekretaris and head of unit from the links in their mails, all approved. At the end every mail in
 * MailDev is attributed to the unit whose report it is about and checked against that unit's people in the
 * directory: a mail that reached anyone else is a problem, named with its subject and recipients.
 */
export async function runUnitsDemo(opts: DemoOptions): Promise<UnitsDemoResult> {
  const say = opts.say ?? (() => undefined);
  const stack = await startDemoStack(opts, say);
  try {
    const deps = stack.deps();
    const units = await Promise.all(opts.config.units.map((u) => unitDirectory(deps, u.organization.unitCode)));
    if (units.length === 0) throw new Error('no unit configured');
    const runs = await Promise.allSettled(units.map((u) => runUnitReport(stack, opts.config, u, say)));
    const people = units.map(unitPeople);
    const mails = (await new MailboxClient(stack.urls.mail).all()).map(sentMail);
    const { byUnit, problems } = checkMailIsolation(mails, people);
    const outcomes: UnitDemoOutcome[] = people.map((unit, i) => {
      const run = runs[i] as PromiseSettledResult<Report>;
      return {
        unit,
        mails: byUnit[unit.unitCode] ?? [],
        ...(run.status === 'fulfilled' ? { report: run.value } : { error: (run.reason as Error).message }),
      };
    });
    if (!opts.keepRunning) await stack.stop();
    const ok = problems.length === 0 && outcomes.every((o) => o.report?.status === 'TERDOKUMENTASI');
    return { units: outcomes, problems, ok, stack };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/** One unit's report: upload, the team lead initials (if the unit runs that step), the Sekretaris approves, the head of unit approves, documented. */
async function runUnitReport(
  stack: LocalStack,
  config: LapkinConfig,
  unit: UnitDirectory,
  say: (line: string) => void,
): Promise<Report> {
  const code = unit.profile.unitCode;
  const sekretaris = personIn(unit, config.steps.verify);
  const head = personIn(unit, config.steps.ratify);
  const team = personIn(unit, config.steps.documentation);
  // Waits on this unit's own report only: a mail about another unit's report to the same person is not taken.
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const about = (what: string) => new RegExp(`^${literal(what)} .* — ${literal(unit.profile.organization.name)}$`);
  const mail = new MailboxClient(stack.urls.mail);
  const key = uploadKey(code, TAHUN, 'TW1', 'data-kinerja-tw1.csv');
  const { versionId } = await stack.store.put({
    key,
    body: await readFile(join(SAMPLE_DIR, SAMPLES[0])),
    contentType: 'text/csv',
    metadata: { 'uploader-email': (unit.people.STAF ?? team).email },
  });
  say(`upload ${SAMPLES[0]} → ${key} (versionId ${versionId})`);
  if (unitHasParaf(config, code)) {
    const lead = personIn(unit, config.steps.paraf);
    await decideFromMail(mail, { to: lead.email, subject: about('[Perlu paraf]'), decision: 'APPROVE', say });
  }
  await decideFromMail(mail, { to: sekretaris.email, subject: about('[Perlu verifikasi]'), decision: 'APPROVE', say });
  await decideFromMail(mail, { to: head.email, subject: about('[Perlu pengesahan]'), decision: 'APPROVE', say });
  await mail.next(team.email, about('[Terdokumentasi]'));
  const report = await stack.deps().repo.get(`${code}-${TAHUN}-TW1`);
  if (!report) throw new Error(`the report of ${code} is missing`);
  return report;
}

function unitPeople(unit: UnitDirectory): UnitPeople {
  return {
    unitCode: unit.profile.unitCode,
    name: unit.profile.organization.name,
    emails: Object.values(unit.people).map((p) => p.email.toLowerCase()),
  };
}

/** MailDev's mail as the check needs it: every recipient, to and copies alike. */
function sentMail(m: LocalMail): SentMail {
  const copies = m as LocalMail & { cc?: { address: string }[]; bcc?: { address: string }[] };
  const recipients = [...m.to, ...(copies.cc ?? []), ...(copies.bcc ?? [])].map((a) => a.address.toLowerCase());
  return { id: m.id, subject: m.subject, recipients: [...new Set(recipients)] };
}

/** What `lapkin demo --units` prints at the end: per unit its report, every mail and its recipients, the verdict. */
export function unitsDemoSummary(r: UnitsDemoResult): string[] {
  const out: string[] = [];
  const bad = new Set(r.problems.map((p) => p.mail.id));
  for (const u of r.units) {
    const rep = u.report;
    out.push(
      `\n${u.unit.name} (${u.unit.unitCode}): ${rep ? `report ${rep.reportId} ${rep.status}, revision ${rep.revision}` : `no report — ${u.error}`}`,
    );
    for (const m of u.mails)
      out.push(`  ${bad.has(m.id) ? '✗' : '✓'} ${m.subject}\n      → ${m.recipients.join(', ')}`);
  }
  const mails = r.units.reduce((n, u) => n + u.mails.length, 0);
  if (r.problems.length === 0)
    out.push(
      `\nevery mail about a unit's report went only to that unit's people (${mails} mails, ${r.units.length} units)`,
    );
  else {
    out.push(`\nMAIL LEFT ITS UNIT — ${r.problems.length} mail(s):`);
    for (const p of r.problems) out.push(`  ${p.message}`);
  }
  return out;
}

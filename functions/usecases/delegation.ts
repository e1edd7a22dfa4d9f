import { randomBytes } from 'node:crypto';
import { type Person, ROLES, type Role } from '../core/config.ts';
import { DECISION_STEPS } from '../core/decision-steps.ts';
import {
  DELEGATION_KINDS,
  type Delegation,
  type DelegationChange,
  DelegationError,
  type DelegationKind,
  delegateTitle,
  delegationAt,
  describeDelegation,
  effectiveUntil,
  isCurrentOrFuture,
  KEEP_ENDED_MS,
  officialTitle,
  overlaps,
  parseDelegationTime,
} from '../core/delegation.ts';
import type { DirectoryActor, UnitDirectory } from '../core/directory.ts';
import { personOnly } from '../core/directory.ts';
import { DecisionAlreadyTakenError, RoleVacantError } from '../core/errors.ts';
import { normalizeNip } from '../core/nip.ts';
import type { ActingFor, Decision, Redirect } from '../core/report.ts';
import { StaleDirectoryError } from '../ports/directory.ts';
import type { Deps } from './deps.ts';
import { type DirectoryDeps, unitDirectory } from './directory.ts';
import { mailDecisionRequest } from './request-decision.ts';

/** The roles a delegation may name: the ones that decide a step (paraf, verify, ratify), from the configuration. */
export function delegableRoles(config: DirectoryDeps['config']): Role[] {
  return [...new Set<Role>(DECISION_STEPS.map((step) => config.steps[step]))];
}

/** Who is asked for a role at a time: the official, or their Plh / Plt with the official they act for. */
export interface Acting {
  /** The person to address (a Plh carries the title they decide under: "Plh. Camat Karawaci"). */
  person: Person;
  /** The official holding the role in the directory. */
  official: Person;
  delegation?: Delegation;
  actingFor?: ActingFor;
}

/**
 * "Who acts for role R of unit U at time T", from the unit as read and its delegations. A delegation whose
 * delegate is no longer in the unit (mutasi since) does not hold: the official is asked.
 */
export function actingIn(unit: UnitDirectory, delegations: Delegation[], role: Role, at: Date): Acting {
  const official = unit.people[role];
  if (!official) throw new RoleVacantError(unit.profile.unitCode, role);
  const d = delegationAt(delegations, role, at);
  const delegate = d ? Object.values(unit.people).find((p) => p?.nip === d.delegate.nip) : undefined;
  if (!d || !delegate) return { person: official, official };
  return {
    person: { ...personOnly(delegate), title: delegateTitle(unit.profile, d) },
    official,
    delegation: d,
    actingFor: {
      name: official.name,
      nip: official.nip,
      title: officialTitle(unit.profile, role),
      kind: d.kind,
      delegationId: d.id,
    },
  };
}

/** The same, reading the unit and its delegations now. */
export async function whoActs(deps: DirectoryDeps, unitCode: string, role: Role, at: Date): Promise<Acting> {
  const [unit, delegations] = await Promise.all([unitDirectory(deps, unitCode), deps.directory.delegations(unitCode)]);
  return actingIn(unit, delegations, role, at);
}

export interface DelegationInput {
  unit: string;
  role: string;
  /** The delegate's NIP (groups and dots allowed, as printed). */
  delegateNip: string;
  kind?: string;
  from: string;
  until: string;
  reason?: string;
  actor: DirectoryActor;
}

export const REASON_MAX = 200;

/**
 * Sets a delegation (Plh / Plt), after checking every rule; every problem is reported at once, in Bahasa
 * Indonesia. Audited as a delegation change. Pending decisions are NOT re-addressed here (the CLI on a stopped
 * stack has no mailer): call readdressPending after it when the stack can mail, else the Mutu Baku clock does it.
 */
export async function setDelegation(deps: DirectoryDeps, input: DelegationInput): Promise<Delegation> {
  const problems: string[] = [];
  const roles = delegableRoles(deps.config);
  const role = input.role as Role;
  if (!(roles as string[]).includes(input.role))
    problems.push(
      `peran "${input.role}" tidak dapat didelegasikan; pilih salah satu peran pengambil keputusan: ${roles.join(', ')}`,
    );
  const kind = (input.kind ?? 'PLH').toUpperCase();
  if (!(DELEGATION_KINDS as readonly string[]).includes(kind))
    problems.push('jenis harus PLH (pelaksana harian) atau PLT (pelaksana tugas)');
  const from = parseDelegationTime(input.from ?? '', 'from');
  const until = parseDelegationTime(input.until ?? '', 'until');
  const unreadable = (what: string, raw: string | undefined) =>
    raw?.trim()
      ? `${what} "${raw}" tidak terbaca; gunakan TTTT-BB-HH atau TTTT-BB-HHTjj:mm (WIB)`
      : `${what} wajib diisi`;
  if (!from) problems.push(unreadable('tanggal mulai', input.from));
  if (!until) problems.push(unreadable('tanggal selesai', input.until));
  const now = deps.clock.now();
  if (from && until && until <= from) problems.push('tanggal selesai harus sesudah tanggal mulai');
  else if (until && Date.parse(until) < now.getTime())
    problems.push('tanggal selesai sudah lewat; Plh/Plt hanya dapat ditetapkan untuk waktu sekarang atau mendatang');
  const reason = (input.reason ?? '').trim();
  if (reason.length > REASON_MAX) problems.push(`alasan paling banyak ${REASON_MAX} karakter`);

  const unit = await unitDirectory(deps, input.unit); // UnknownUnitError for a unit nobody configured
  const official = problems.length && !(roles as string[]).includes(input.role) ? undefined : unit.people[role];
  if ((roles as string[]).includes(input.role) && !official)
    problems.push(`peran ${role} pada unit ${input.unit} kosong; tidak ada pejabat yang digantikan`);
  const nip = normalizeNip(input.delegateNip ?? '');
  const delegateEntry = Object.entries(unit.people).find(([, p]) => p?.nip === nip);
  if (!/^\d{18}$/.test(nip)) problems.push('NIP Plh/Plt harus terdiri atas 18 digit angka');
  else if (official && nip === official.nip)
    problems.push(
      `Plh/Plt tidak boleh pejabat yang digantikan sendiri (${official.name}, NIP ${official.nip}); pilih pejabat lain di unit ini`,
    );
  else if (!delegateEntry)
    problems.push(
      `NIP ${nip} tidak terdaftar di direktori unit ${unit.profile.organization.name} (${input.unit}); Plh/Plt harus pegawai unit yang sama — periksa NIP-nya atau daftarkan orangnya dengan "lapkin people set"`,
    );
  if (problems.length || !official || !from || !until || !delegateEntry) throw new DelegationError(problems);

  const [ownRole, delegatePerson] = delegateEntry as [string, Person];
  // A day that has begun counts from now (the portal takes whole days): a delegation acts from now on, never in the
  // past — so a Plh ended early this morning leaves the rest of the day free for another.
  const start = Date.parse(from) < now.getTime() ? now.toISOString() : from;
  const span = { from: start, until };
  await refuseUnfitDelegate(deps, unit, role, official, delegatePerson, span);
  for (let attempt = 0; ; attempt++) {
    const stored = await deps.directory.delegationsOf(input.unit, role);
    const clash = stored.list.find((d) => overlaps(d, span));
    if (clash)
      throw new DelegationError([
        `waktu ini beririsan dengan delegasi lain untuk ${officialTitle(unit.profile, role)}: ${describeDelegation(clash)} (id ${clash.id}); batalkan delegasi itu lebih dahulu atau pilih waktu lain`,
      ]);
    const at = now.toISOString();
    const delegation: Delegation = {
      id: randomBytes(4).toString('hex'),
      unit: input.unit,
      role,
      official: personOnly(official),
      delegate: { ...personOnly(delegatePerson), ownRole },
      kind: kind as DelegationKind,
      from: start,
      until,
      reason,
      setBy: input.actor,
      setAt: at,
    };
    const change: DelegationChange = {
      unit: input.unit,
      role,
      at,
      actor: input.actor,
      action: 'PLH_DITETAPKAN',
      delegation,
    };
    try {
      await deps.directory.putDelegations(
        input.unit,
        role,
        [...kept(stored.list, now), delegation],
        stored.version,
        change,
      );
      return delegation;
    } catch (err) {
      if (!(err instanceof StaleDirectoryError) || attempt >= 3) throw err;
    }
  }
}

/**
 * Who may stand in, beyond the form's rules (SE Kepala BKN 1/2021: a Plh/Plt is an official of the same unit):
 * not a person who holds only the staff role; not a person who is away himself for part of the time (he has a
 * Plh of his own then); and the official being replaced must not be standing in for someone else then.
 */
async function refuseUnfitDelegate(
  deps: DirectoryDeps,
  unit: UnitDirectory,
  role: Role,
  official: Person,
  delegate: Person,
  span: { from: string; until: string },
): Promise<void> {
  const t = unit.profile.roleTitles;
  const held = ROLES.filter((r) => unit.people[r]?.nip === delegate.nip);
  if (held.every((r) => r === 'STAF')) {
    const officials = ROLES.filter((r) => r !== 'STAF' && r !== role).map((r) => t[r]);
    throw new DelegationError([
      `${delegate.name} hanya memegang jabatan ${t.STAF}; Plh/Plt ditunjuk dari pejabat di unit ini (${officials.join(', ')})`,
    ]);
  }
  const all = await deps.directory.delegations(unit.profile.unitCode);
  const away = all.find((d) => d.official.nip === delegate.nip && overlaps(d, span));
  if (away)
    throw new DelegationError([
      `${delegate.name} sendiri berhalangan pada waktu itu (digantikan ${describeDelegation(away)}); pilih pejabat lain`,
    ]);
  const standingIn = all.find((d) => d.delegate.nip === official.nip && overlaps(d, span));
  if (standingIn)
    throw new DelegationError([
      `${official.name} menjadi ${delegateTitle(unit.profile, standingIn)} pada waktu itu (${describeDelegation(standingIn)}); akhiri delegasi itu lebih dahulu atau pilih waktu lain`,
    ]);
}

/** The stored list without delegations that ended long ago (their history stays in the change events). */
const kept = (list: Delegation[], now: Date) =>
  list.filter((d) => now.getTime() - Date.parse(effectiveUntil(d)) < KEEP_ENDED_MS);

/**
 * Ends a delegation early (or withdraws one that has not started): it holds no longer from now on. Audited.
 * `allowed` may refuse it (the portal lets only the official or an operator cancel).
 */
export async function cancelDelegation(
  deps: DirectoryDeps,
  input: { unit: string; id: string; actor: DirectoryActor; allowed?: (d: Delegation) => boolean },
): Promise<Delegation> {
  for (let attempt = 0; ; attempt++) {
    const found = (await deps.directory.delegations(input.unit)).find((d) => d.id === input.id);
    if (!found) throw new DelegationError([`delegasi "${input.id}" tidak ditemukan pada unit ${input.unit}`]);
    if (input.allowed && !input.allowed(found))
      throw new DelegationError(['hanya pejabat yang digantikan atau operator yang dapat membatalkan delegasi ini']);
    const now = deps.clock.now();
    const stored = await deps.directory.delegationsOf(input.unit, found.role);
    const current = stored.list.find((d) => d.id === input.id);
    if (!current) continue;
    if (current.cancelledAt || Date.parse(effectiveUntil(current)) < now.getTime())
      throw new DelegationError([`delegasi ${input.id} sudah berakhir; tidak ada yang dibatalkan`]);
    const at = now.toISOString();
    const cancelled: Delegation = { ...current, cancelledAt: at, cancelledBy: input.actor };
    const change: DelegationChange = {
      unit: input.unit,
      role: found.role,
      at,
      actor: input.actor,
      action: 'PLH_DIBATALKAN',
      delegation: cancelled,
    };
    try {
      await deps.directory.putDelegations(
        input.unit,
        found.role,
        stored.list.map((d) => (d.id === input.id ? cancelled : d)),
        stored.version,
        change,
      );
      return cancelled;
    } catch (err) {
      if (!(err instanceof StaleDirectoryError) || attempt >= 3) throw err;
    }
  }
}

/** The delegations of a unit (or of one role) that hold now or will, soonest first; `all` adds the ended ones. */
export async function listDelegations(
  deps: DirectoryDeps,
  unitCode: string,
  opts: { role?: Role; all?: boolean } = {},
): Promise<Delegation[]> {
  await unitDirectory(deps, unitCode); // UnknownUnitError
  const now = deps.clock.now();
  return (await deps.directory.delegations(unitCode))
    .filter((d) => (!opts.role || d.role === opts.role) && (opts.all || isCurrentOrFuture(d, now)))
    .sort((a, b) => a.from.localeCompare(b.from));
}

export interface Readdressed {
  decisionId: string;
  reportId: string;
  from: Redirect;
  to: { name: string; nip: string; title: string };
}

/**
 * Sets a delegation and brings that role's pending requests to who acts now: what a caller that can mail does (the
 * portal, the running local stack). The CLI on a stopped stack or an AWS table calls setDelegation alone and leaves
 * the re-addressing to the Mutu Baku clock.
 */
export async function delegateNow(
  deps: Deps,
  input: DelegationInput,
): Promise<{ delegation: Delegation; readdressed: Readdressed[] }> {
  const delegation = await setDelegation(deps, input);
  return { delegation, readdressed: await readdressPending(deps, input.unit, { role: delegation.role }) };
}

/** Ends (or withdraws) a delegation and brings that role's pending requests back: cancelDelegation + re-address. */
export async function endDelegationNow(
  deps: Deps,
  input: Parameters<typeof cancelDelegation>[1],
): Promise<{ delegation: Delegation; readdressed: Readdressed[] }> {
  const delegation = await cancelDelegation(deps, input);
  return { delegation, readdressed: await readdressPending(deps, input.unit, { role: delegation.role }) };
}

/**
 * Re-addresses the pending decisions of a unit (or of one role of it) whose assignee is not who acts now: to a
 * Plh / Plt when a delegation starts, back to the official when it ends or is cancelled (a request addressed to an
 * official stays with them after a `people set`: only delegations move it). For each one:
 * 1. the decision's assignee changes by a conditional write (on the assignee read: of two runs, one wins), the
 *    previous one kept in `redirectedFrom` — their link now answers "dialihkan kepada …";
 * 2. a DIALIHKAN event in the report's trail;
 * 3. the new assignee gets the request mail with their own signed link (a mail that failed is sent again by the
 *    next run: the decision has no `mailSentAt` until it went out).
 * Run when a delegation holding now is set or cancelled, and by the Mutu Baku clock for those starting or ending
 * later.
 */
export async function readdressPending(
  deps: Deps,
  unitCode: string,
  opts: { role?: Role } = {},
): Promise<Readdressed[]> {
  const [unit, delegations, pending] = await Promise.all([
    unitDirectory(deps, unitCode),
    deps.directory.delegations(unitCode),
    deps.repo.pendingDecisions(unitCode),
  ]);
  const done: Readdressed[] = [];
  for (const listed of pending) {
    if (opts.role && listed.role !== opts.role) continue;
    const decision = await deps.repo.getDecision(listed.decisionId); // the index may lag: read it again
    if (decision?.state !== 'PENDING') continue;
    const r = await readdressOne(deps, decision, unit, delegations);
    if (r) done.push(r);
  }
  return done;
}

/**
 * One pending decision brought to who acts now (see readdressPending). Returns what changed, or undefined when
 * it was addressed right already (a re-addressing whose mail failed is mailed again).
 */
export async function readdressOne(
  deps: Deps,
  decision: Decision,
  unit: UnitDirectory,
  delegations: Delegation[],
): Promise<Readdressed | undefined> {
  const now = deps.clock.now();
  let acting: Acting;
  try {
    acting = actingIn(unit, delegations, decision.role, now);
  } catch (err) {
    if (err instanceof RoleVacantError) return undefined; // nobody to give it to: it stays where it is
    throw err;
  }
  // Only delegations move a pending request: to the delegate while one holds, back to the official once the one
  // it was addressed through is over. A `people set` since the request does not (its link stays with that person).
  const moves = acting.delegation !== undefined || decision.actingFor !== undefined;
  if (!moves || acting.person.nip === decision.assignee.nip) {
    if (decision.redirectedFrom?.length && !decision.mailSentAt) await mailRedirected(deps, decision, unit);
    return undefined;
  }
  const at = now.toISOString();
  const from: Redirect = {
    name: decision.assignee.name,
    nip: decision.assignee.nip,
    title: decision.assignee.title,
    at,
  };
  const to = {
    name: acting.person.name,
    nip: acting.person.nip,
    email: acting.person.email,
    title: acting.person.title,
  };
  let updated: Decision;
  try {
    updated = await deps.repo.updateDecision(
      decision.decisionId,
      'PENDING',
      {
        assignee: to,
        actingFor: acting.actingFor,
        redirectedFrom: [...(decision.redirectedFrom ?? []), from],
        mailSentAt: undefined,
      },
      decision.assignee.nip,
    );
  } catch (err) {
    // Decided meanwhile, or another run re-addressed it first: nothing left to do here.
    if (err instanceof DecisionAlreadyTakenError) return undefined;
    throw err;
  }
  await deps.ledger.record(decision.reportId, {
    action: 'DIALIHKAN',
    // Who the request goes to now, with the title they act under: the timeline shows "Kepada: …, Plh. Camat …".
    actor: { name: to.name, role: decision.role, nip: to.nip, email: to.email, title: to.title },
    note: acting.delegation
      ? `dialihkan kepada ${to.name} (${to.title}) selama ${acting.official.name} berhalangan`
      : `dialihkan kembali kepada ${to.name} (${to.title})`,
    detail: {
      decisionId: decision.decisionId,
      step: decision.step,
      role: decision.role,
      from: { name: from.name, nip: from.nip, title: from.title },
      to: { name: to.name, nip: to.nip, title: to.title },
      ...(acting.actingFor ? { actingFor: acting.actingFor } : {}),
    },
  });
  await mailRedirected(deps, updated, unit);
  return { decisionId: decision.decisionId, reportId: decision.reportId, from, to };
}

async function mailRedirected(deps: Deps, decision: Decision, unit: UnitDirectory): Promise<void> {
  const report = await deps.repo.get(decision.reportId);
  if (!report) return;
  await mailDecisionRequest(deps, report, decision, unit);
}

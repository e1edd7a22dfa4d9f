import { formatDateTime } from '../i18n/format.ts';
import type { Person, Role } from './config.ts';
import type { DirectoryActor, UnitProfile } from './directory.ts';

/**
 * Plh / Plt: while an official is away (cuti, dinas luar, …) another official of the unit acts for them in one
 * SOP role. Plh (pelaksana harian) stands in for a short absence; Plt (pelaksana tugas) for a longer one (a vacancy
 * or a long leave). While a delegation holds, requests, reminders and escalations of that role go to the delegate
 * and what they decide is recorded as "Plh. Camat Karawaci" with their own name and NIP.
 */
export const DELEGATION_KINDS = ['PLH', 'PLT'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/** The prefix of the title a delegate signs with: "Plh. Camat Karawaci", "Plt. Kepala Dinas …". */
export const KIND_PREFIX: Record<DelegationKind, string> = { PLH: 'Plh.', PLT: 'Plt.' };

export interface DelegatePerson extends Person {
  /** The delegate's own role in the unit (usually another official: KASI, SEKRETARIS_CAMAT …). */
  ownRole?: string;
}

export interface Delegation {
  /** Short, unique in the unit: what `lapkin delegate cancel --id` and the portal's cancel button name. */
  id: string;
  unit: string;
  /** The role delegated: a step role (paraf / verify / ratify). */
  role: Role;
  /** Who is away, as the directory had them when the delegation was set. */
  official: Person;
  delegate: DelegatePerson;
  kind: DelegationKind;
  /** ISO times (UTC); the delegation holds from `from` to `until`, both included (a whole day ends 23:59:59 WIB). */
  from: string;
  until: string;
  reason: string;
  setBy: DirectoryActor;
  setAt: string;
  /** Ended early (or withdrawn before it started): it holds no longer from this time on. */
  cancelledAt?: string;
  cancelledBy?: DirectoryActor;
}

/** One audit event of the delegations: set or ended early, by whom, when. */
export interface DelegationChange {
  unit: string;
  role: Role;
  at: string;
  actor: DirectoryActor;
  action: 'PLH_DITETAPKAN' | 'PLH_DIBATALKAN';
  delegation: Delegation;
}

/**
 * The last moment a delegation holds (included): its end, or the moment before it was cancelled if that came
 * first. A delegation cancelled before it started ends before it starts: it never holds.
 */
export function effectiveUntil(d: Pick<Delegation, 'until' | 'cancelledAt'>): string {
  if (!d.cancelledAt) return d.until;
  return new Date(Math.min(Date.parse(d.cancelledAt) - 1, Date.parse(d.until))).toISOString();
}

/** Whether the delegation still matters: it holds now or will. */
export const isCurrentOrFuture = (d: Delegation, now: Date): boolean =>
  Date.parse(effectiveUntil(d)) >= now.getTime() && Date.parse(effectiveUntil(d)) >= Date.parse(d.from);

export const holdsAt = (d: Delegation, at: Date): boolean => {
  const t = at.getTime();
  return Date.parse(d.from) <= t && t <= Date.parse(effectiveUntil(d));
};

/** Two delegations overlap when each starts before the other ends (a cancelled one only until it was cancelled). */
export const overlaps = (a: Delegation, b: Pick<Delegation, 'from' | 'until'>): boolean => {
  const end = Date.parse(effectiveUntil(a));
  return Date.parse(a.from) <= end && Date.parse(a.from) <= Date.parse(b.until) && Date.parse(b.from) <= end;
};

/** The delegation of a role that holds at `at`, if any (at most one: overlaps are refused). */
export function delegationAt(list: Delegation[], role: Role, at: Date): Delegation | undefined {
  return list.find((d) => d.role === role && holdsAt(d, at));
}

const WIB_OFFSET = '+07:00';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A time as typed on the CLI or in the portal's form. A date without a time is a whole day in WIB (the office's
 * clock): `from` starts at 00:00:00 WIB, `until` ends at 23:59:59 WIB. A time without a zone is WIB too; one with
 * a zone (Z, +07:00) is taken as given. Undefined when unreadable.
 */
export function parseDelegationTime(raw: string, edge: 'from' | 'until'): string | undefined {
  const s = raw.trim();
  let iso: string;
  if (DATE_ONLY.test(s)) {
    iso = `${s}T00:00:00${WIB_OFFSET}`;
    const start = Date.parse(iso);
    if (Number.isNaN(start) || new Date(start + 7 * 3600_000).toISOString().slice(0, 10) !== s) return undefined;
    return new Date(edge === 'until' ? start + 86_399_000 : start).toISOString();
  }
  if (LOCAL_TIME.test(s)) iso = `${s.length === 16 ? `${s}:00` : s}${WIB_OFFSET}`;
  else iso = s;
  const t = Date.parse(iso);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  return new Date(t).toISOString();
}

/**
 * The official's title with the unit's name, as a letter writes it: "Camat Karawaci" (a kecamatan's place name),
 * "Kepala Dinas Arsip dan Perpustakaan" (not "Kepala Dinas Dinas …"). A title in the directory that already names
 * the unit is kept as it is.
 */
export function officialTitle(profile: Pick<UnitProfile, 'kind' | 'organization' | 'roleTitles'>, role: Role): string {
  const roleT = profile.roleTitles[role].trim();
  const name = profile.organization.name.trim();
  const place = profile.kind === 'KECAMATAN' ? name.replace(/^kecamatan\s+/i, '').trim() || name : name;
  if (roleT.toLowerCase().includes(place.toLowerCase())) return roleT;
  const words = roleT.split(/\s+/);
  const last = words.at(-1) ?? '';
  if (words.length > 1 && place.toLowerCase().startsWith(`${last.toLowerCase()} `))
    return `${words.slice(0, -1).join(' ')} ${place}`;
  return `${roleT} ${place}`;
}

/** "Plh. Camat Karawaci": the title a delegate decides under. */
export function delegateTitle(
  profile: Pick<UnitProfile, 'kind' | 'organization' | 'roleTitles'>,
  d: Pick<Delegation, 'role' | 'kind'>,
): string {
  return `${KIND_PREFIX[d.kind]} ${officialTitle(profile, d.role)}`;
}

/**
 * A delegation's period in words: "1 Desember 2026 pukul 00.00 WIB s.d. 3 Desember 2026 pukul 23.59 WIB", ended
 * early at its cancellation; one withdrawn before it began never held, so it shows no end before its start.
 */
export function delegationSpan(d: Delegation, lang: 'id' | 'en' = 'id'): string {
  if (Date.parse(effectiveUntil(d)) < Date.parse(d.from))
    return lang === 'id'
      ? `${formatDateTime(d.from, lang)}, dibatalkan sebelum berlaku`
      : `${formatDateTime(d.from, lang)}, withdrawn before it began`;
  const [from, until] = [formatDateTime(d.from, lang), formatDateTime(effectiveUntil(d), lang)];
  return lang === 'id' ? `${from} s.d. ${until}` : `${from} to ${until}`;
}

/** Whether a delegation was withdrawn before it began (it never held). */
export const withdrawnBeforeStart = (d: Delegation): boolean => Date.parse(effectiveUntil(d)) < Date.parse(d.from);

/** One line naming a delegation for messages: "Bambang … (NIP …), 1 Desember 2026 pukul 00.00 WIB s.d. …". */
export function describeDelegation(d: Delegation, lang: 'id' | 'en' = 'id'): string {
  return `${KIND_PREFIX[d.kind]} ${d.delegate.name} (NIP ${d.delegate.nip}), ${delegationSpan(d, lang)}`;
}

/** Why a delegation was refused: every problem, in Bahasa Indonesia (the CLI and the portal's form show them). */
export class DelegationError extends Error {
  override name = 'DelegationError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Delegations whose end lies further back than this are dropped from the stored list (the history keeps them). */
export const KEEP_ENDED_MS = 365 * 86_400_000;

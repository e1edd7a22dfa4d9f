import { createHash, randomBytes } from 'node:crypto';
import { CITY_UNIT } from '../core/config.ts';
import { holdsAt } from '../core/delegation.ts';
import { SESSION_HOURS, type Session, type SessionPerson } from '../core/session.ts';
import type { Deps } from './deps.ts';

export type SessionDeps = Pick<Deps, 'sessions' | 'directory' | 'clock' | 'config'>;

export const sessionHash = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');

/** A session id as a cookie may carry it: 32 random bytes, base64url (43 characters). Anything else is no id. */
const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Starts a session for a person of the directory (after a sign-in proved they own the address). Always a new
 * id: a session id set before sign-in (fixation) is never promoted. Returns the id for the cookie; only its hash
 * is stored.
 */
export async function startSession(
  deps: SessionDeps,
  who: { nip: string; unit: string },
): Promise<{ id: string; session: Session }> {
  const id = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const session: Session = {
    idHash: sessionHash(id),
    nip: who.nip,
    unit: who.unit,
    csrf: randomBytes(24).toString('base64url'),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await deps.sessions.put(session);
  return { id, session };
}

/**
 * The session behind a cookie's id and its person now, or undefined (no such session, expired, or the NIP no
 * longer holds any role in the unit — a person moved out loses access on their next request).
 */
export async function resumeSession(
  deps: SessionDeps,
  id: string | undefined,
): Promise<{ session: Session; person: SessionPerson } | undefined> {
  if (!id || !ID_SHAPE.test(id)) return undefined;
  const session = await deps.sessions.get(sessionHash(id));
  if (!session || Date.parse(session.expiresAt) <= deps.clock.now().getTime()) return undefined;
  // The unit's people and its delegations, read together: a Plh's task list is in the menu while it holds.
  const [entries, delegations] = await Promise.all([
    deps.directory.people(session.unit),
    session.unit === CITY_UNIT ? [] : deps.directory.delegations(session.unit),
  ]);
  const mine = entries.filter((e) => e.nip === session.nip && e.email);
  const first = mine[0];
  if (!first) return undefined;
  const now = deps.clock.now();
  const acting = delegations.filter((d) => d.delegate.nip === session.nip && holdsAt(d, now)).map((d) => d.role);
  return {
    session,
    person: {
      nip: session.nip,
      unit: session.unit,
      name: first.name,
      email: first.email,
      roles: mine.map((e) => e.role),
      ...(acting.length ? { actingRoles: [...new Set(acting)] } : {}),
    },
  };
}

/** Sign-out: the session is gone server-side, whatever the browser keeps. */
export async function endSession(deps: SessionDeps, id: string | undefined): Promise<void> {
  if (id && ID_SHAPE.test(id)) await deps.sessions.delete(sessionHash(id));
}

/** Whether a person acts for the city (sees every unit) rather than one unit. */
export const isCity = (p: SessionPerson) => p.unit === CITY_UNIT;

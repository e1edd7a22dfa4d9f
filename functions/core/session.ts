import type { DirectoryRole } from './directory.ts';

/** How long a portal session lasts: one working day. */
export const SESSION_HOURS = 8;

/**
 * A portal session as stored: keyed by the SHA-256 of its id (the id itself lives only in the person's cookie, so
 * a read of the table cannot be replayed as a cookie). It binds a person (NIP) to one unit; their roles are read
 * from the directory on every request, never kept here, so a mutasi takes effect at once.
 */
export interface Session {
  idHash: string;
  nip: string;
  unit: string;
  /** Synchronizer token every POST form carries (CSRF), compared in constant time. */
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

/** Who is signed in, as a request sees it: the session's person with their roles in the unit now. */
export interface SessionPerson {
  nip: string;
  unit: string;
  name: string;
  email: string;
  /** Every role this NIP holds in the unit now (a person may be TIMSAKIP and STAF). KOTA for the city. */
  roles: DirectoryRole[];
  /**
   * The roles this NIP acts in now as Plh / Plt (a delegation holding now). They lead to Tugas saya only: a Plh
   * decides the requests addressed to them, and gains no other right of the role.
   */
  actingRoles?: DirectoryRole[];
}

/** The SOP's data collectors: who may upload performance data (Staf, Kepala Seksi, TIMSAKIP). */
export const UPLOADER_ROLES: readonly DirectoryRole[] = ['STAF', 'KASI', 'TIMSAKIP'];
/**
 * Who decides a step — the team lead's paraf, the Sekretaris' verification, the head of the unit's ratification
 * (config.steps) — so their pending decisions are their tasks. In a unit without the paraf step the team lead's
 * task list stays empty.
 */
export const DECIDER_ROLES: readonly DirectoryRole[] = ['TIMSAKIP', 'SEKRETARIS_CAMAT', 'CAMAT'];

export const canUpload = (p: Pick<SessionPerson, 'roles'>) => p.roles.some((r) => UPLOADER_ROLES.includes(r));
export const hasTasks = (p: Pick<SessionPerson, 'roles' | 'actingRoles'>) =>
  [...p.roles, ...(p.actingRoles ?? [])].some((r) => DECIDER_ROLES.includes(r));
/**
 * Who may name a Plh / Plt for their own position: the officials who decide a step, by the roles they hold
 * themselves (not those they act in); the /delegasi route checks the deployment's `steps` again.
 */
export const canDelegate = (p: Pick<SessionPerson, 'roles'>) => p.roles.some((r) => DECIDER_ROLES.includes(r));

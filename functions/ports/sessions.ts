import type { Session } from '../core/session.ts';

/** Server-side portal sessions, keyed by the hash of the cookie's id. */
export interface SessionRepository {
  put(session: Session): Promise<void>;
  /** The session under this hash, expired or not (the caller compares expiresAt: TTL deletion is lazy). */
  get(idHash: string): Promise<Session | undefined>;
  delete(idHash: string): Promise<void>;
}

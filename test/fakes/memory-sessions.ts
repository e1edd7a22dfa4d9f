import type { Session } from '../../functions/core/session.ts';
import type { SessionRepository } from '../../functions/ports/sessions.ts';

/** In-memory sessions with the adapter's semantics: put refuses an existing hash; expired ones stay until deleted. */
export class MemorySessions implements SessionRepository {
  items = new Map<string, Session>();

  async put(session: Session): Promise<void> {
    if (this.items.has(session.idHash)) throw new Error(`session ${session.idHash} exists`);
    this.items.set(session.idHash, structuredClone(session));
  }

  async get(idHash: string): Promise<Session | undefined> {
    const s = this.items.get(idHash);
    return s ? structuredClone(s) : undefined;
  }

  async delete(idHash: string): Promise<void> {
    this.items.delete(idHash);
  }
}

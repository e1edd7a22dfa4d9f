import type { SignInRequest } from '../../functions/core/sign-in.ts';
import type { SignInRepository } from '../../functions/ports/sign-in.ts';

/** In-memory sign-ins with the DynamoDB adapter's conditions: expired or dead requests stay until consumed. */
export class MemorySignIns implements SignInRepository {
  requests = new Map<string, SignInRequest>();
  latest = new Map<string, string>();
  counters = new Map<string, number>();

  async put(request: SignInRequest): Promise<void> {
    if (this.requests.has(request.tokenHash)) throw new Error(`sign-in ${request.tokenHash} exists`);
    this.requests.set(request.tokenHash, structuredClone(request));
    this.latest.set(request.emailHash, request.tokenHash);
  }

  async get(tokenHash: string): Promise<SignInRequest | undefined> {
    const r = this.requests.get(tokenHash);
    return r ? structuredClone(r) : undefined;
  }

  async latestFor(emailHash: string): Promise<SignInRequest | undefined> {
    const hash = this.latest.get(emailHash);
    return hash ? this.get(hash) : undefined;
  }

  async consume(tokenHash: string, now: Date, maxAttempts: number): Promise<SignInRequest | undefined> {
    const r = this.requests.get(tokenHash);
    if (!r || r.expiresAt <= now.toISOString() || r.attempts >= maxAttempts) return undefined;
    this.requests.delete(tokenHash);
    return structuredClone(r);
  }

  async countWrongCode(tokenHash: string, maxAttempts: number): Promise<number> {
    const r = this.requests.get(tokenHash);
    if (!r || r.attempts >= maxAttempts) return maxAttempts;
    r.attempts++;
    return r.attempts;
  }

  async countWithin(key: string, limit: number, _windowEndsAt: Date): Promise<boolean> {
    const n = this.counters.get(key) ?? 0;
    if (n >= limit) return false;
    this.counters.set(key, n + 1);
    return true;
  }
}

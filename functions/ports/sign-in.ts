import type { SignInRequest } from '../core/sign-in.ts';

/** Pending sign-ins (by the hash of the mailed token) and the counters that rate-limit asking for them. */
export interface SignInRepository {
  /** Stores a new request; it becomes its address's latest (the one the code page checks). */
  put(request: SignInRequest): Promise<void>;
  /** The request under this hash, alive or not (the caller compares expiresAt: TTL deletion is lazy). */
  get(tokenHash: string): Promise<SignInRequest | undefined>;
  /** The latest request of an address (by the hash of its lookup form), alive or not. */
  latestFor(emailHash: string): Promise<SignInRequest | undefined>;
  /**
   * Deletes the request if it is still alive at `now` (not expired, fewer than `maxAttempts` wrong codes) and
   * returns it: of two concurrent consumers exactly one gets it. undefined when it was used, expired or dead.
   */
  consume(tokenHash: string, now: Date, maxAttempts: number): Promise<SignInRequest | undefined>;
  /** Counts one wrong code (never past `maxAttempts`); returns the count now (maxAttempts: dead, or gone). */
  countWrongCode(tokenHash: string, maxAttempts: number): Promise<number>;
  /**
   * Counts one use of `key` in its window if fewer than `limit` were counted: true when counted, false when the
   * limit was reached (then nothing is counted). The counter disappears after `windowEndsAt`.
   */
  countWithin(key: string, limit: number, windowEndsAt: Date): Promise<boolean>;
}

/**
 * Signing in without a password: a person proves they read the mail sent to their address in the directory —
 * by opening its one-time link, or by typing its 6-digit code on another device.
 */

/** How long a mailed link and its code work. */
export const SIGN_IN_MINUTES = 15;
/** Wrong codes a request survives; at this count it is dead (its link too). */
export const MAX_CODE_ATTEMPTS = 5;
/**
 * Sign-in mails at most per address, and requests at most per source address, per clock hour; codes tried at most
 * per address per day (UTC) — over all its requests, so asking for new mails cannot buy more guesses than that.
 */
export const SIGN_IN_LIMITS = { perAddress: 5, perSource: 200, windowMinutes: 60, codeTriesPerDay: 10 } as const;

/** One unit the address may sign in to: the person's NIP there (the session binds NIP and unit). */
export interface SignInChoice {
  unit: string;
  nip: string;
}

/**
 * A pending sign-in as stored: keyed by the SHA-256 of the link's token (the token itself is only in the mail),
 * the code only as an HMAC. Who it signs in comes from the directory when it was asked for — never from a form.
 */
export interface SignInRequest {
  tokenHash: string;
  /** SHA-256 of the address's lookup form: the code page finds the address's latest request by it. */
  emailHash: string;
  choices: SignInChoice[];
  codeHmac: string;
  attempts: number;
  /** Where the person wanted to go (a path of this site, checked when asked for). */
  next?: string;
  createdAt: string;
  expiresAt: string;
}

/** A request is alive until it expires (TTL deletion is lazy) or has seen too many wrong codes. */
export const signInAlive = (r: SignInRequest, now: Date) =>
  Date.parse(r.expiresAt) > now.getTime() && r.attempts < MAX_CODE_ATTEMPTS;

/**
 * Where to go after signing in: only a path of this site (one leading "/", not "//" or "/\", which browsers read as
 * another host), never a URL — so a crafted sign-in link cannot send a fresh session to another site.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 512 || !value.startsWith('/')) return undefined;
  if (value.startsWith('//') || [...value].some((ch) => ch <= ' ' || ch === '\u007f' || ch === '\\')) return undefined;
  const base = 'http://portal.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  // Back to the sign-in or out is no destination.
  if (url.pathname === '/keluar' || url.pathname.startsWith('/masuk')) return undefined;
  return url.pathname + url.search + url.hash;
}

import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CITY_UNIT } from '../core/config.ts';
import { emailLookupKey } from '../core/directory.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import type { Session } from '../core/session.ts';
import {
  MAX_CODE_ATTEMPTS,
  SIGN_IN_LIMITS,
  SIGN_IN_MINUTES,
  type SignInChoice,
  type SignInRequest,
  safeNextPath,
  signInAlive,
} from '../core/sign-in.ts';
import type { Lang } from '../i18n/lang.ts';
import { signInMail } from '../mails/sign-in.tsx';
import type { Deps } from './deps.ts';
import { startSession } from './sessions.ts';

export type SignInDeps = Pick<
  Deps,
  'signIns' | 'sessions' | 'directory' | 'clock' | 'config' | 'mailer' | 'publicBaseUrl' | 'signingSecret'
>;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64url');
/** A mailed token: 32 random bytes, base64url (43 characters). Anything else is no token. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const CODE_SHAPE = /^\d{6}$/;

/** The code only as an HMAC under the deployment's secret, bound to its request: a table read cannot reveal it. */
async function codeHmac(deps: Pick<SignInDeps, 'signingSecret'>, tokenHash: string, code: string): Promise<string> {
  return createHmac('sha256', await deps.signingSecret())
    .update(`sign-in-code:${tokenHash}:${code}`, 'utf8')
    .digest('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The unit's name as people read it; the city's from the configuration (it has no unit profile). */
async function unitName(deps: SignInDeps, unit: string): Promise<string> {
  if (unit === CITY_UNIT) return deps.config.city?.name ?? 'Pemerintah Kota';
  return (await deps.directory.unit(unit))?.organization.name ?? unit;
}

/**
 * The units an address signs in to, as the directory has them now: the index finds the candidates, each unit is
 * then read consistently (the index lags on AWS; a person moved out since must not get in).
 */
async function choicesFor(deps: SignInDeps, email: string): Promise<{ name: string; choices: SignInChoice[] }> {
  const key = emailLookupKey(email);
  const units = [...new Set((await deps.directory.peopleByEmail(email)).map((e) => e.unit))].sort();
  const choices: SignInChoice[] = [];
  let name = '';
  for (const unit of units) {
    for (const e of await deps.directory.people(unit)) {
      if (!e.email || emailLookupKey(e.email) !== key) continue;
      name ||= e.name;
      if (!choices.some((c) => c.unit === unit && c.nip === e.nip)) choices.push({ unit, nip: e.nip });
    }
  }
  return { name, choices };
}

/** The window (a clock hour by default) a rate-limit counter counts in, and when it ends. */
function rateWindow(now: Date, minutes: number = SIGN_IN_LIMITS.windowMinutes): { id: string; endsAt: Date } {
  const ms = minutes * 60_000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { id: new Date(start).toISOString().slice(0, 16), endsAt: new Date(start + ms) };
}

/**
 * What happened to a sign-in request. The page shows the same answer for all of them but INVALID (an address that
 * cannot be one): whether an address belongs to somebody is never told, nor whether it was rate-limited.
 */
export type SignInRequestOutcome = 'SENT' | 'UNKNOWN' | 'LIMITED' | 'INVALID' | 'MAIL_FAILED';

/**
 * Somebody typed an address on /masuk. If it is a person's of the directory, a one-time link and a code go to it
 * (only the token's hash and the code's HMAC are stored). At most SIGN_IN_LIMITS per address and per source
 * address each hour — counted for unknown addresses too, so the limit tells nothing either.
 */
export async function requestSignIn(
  deps: SignInDeps,
  input: { email: string; sourceIp: string; lang: Lang; next?: string },
): Promise<SignInRequestOutcome> {
  const email = parseEmailAddress(input.email.trim());
  if (!email) return 'INVALID';
  const now = deps.clock.now();
  const window = rateWindow(now);
  const emailHash = sha256(emailLookupKey(email));
  if (
    !(await deps.signIns.countWithin(
      `SIGNIN#SOURCE#${sha256(input.sourceIp)}#${window.id}`,
      SIGN_IN_LIMITS.perSource,
      window.endsAt,
    )) ||
    !(await deps.signIns.countWithin(
      `SIGNIN#EMAIL#${emailHash}#${window.id}`,
      SIGN_IN_LIMITS.perAddress,
      window.endsAt,
    ))
  )
    return 'LIMITED';

  const { name, choices } = await choicesFor(deps, email);
  if (!choices.length) return 'UNKNOWN';

  const token = randomBytes(32).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const tokenHash = sha256(token);
  const next = safeNextPath(input.next);
  const request: SignInRequest = {
    tokenHash,
    emailHash,
    choices,
    codeHmac: await codeHmac(deps, tokenHash, code),
    attempts: 0,
    ...(next ? { next } : {}),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000).toISOString(),
  };
  await deps.signIns.put(request);
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  const mail = signInMail({
    lang: input.lang,
    name,
    unitNames: await Promise.all([...new Set(choices.map((c) => c.unit))].map((u) => unitName(deps, u))),
    link: `${base}/masuk/tautan/${token}`,
    codePage: `${base}/masuk/kode`,
    code,
    minutes: SIGN_IN_MINUTES,
  });
  try {
    await deps.mailer.send({ to: [email], ...mail });
  } catch {
    // Answered like every other request (an outage must not tell a known address from an unknown one); the
    // caller logs that a mail failed, never to whom.
    return 'MAIL_FAILED';
  }
  return 'SENT';
}

/** A unit the person may choose after proving the address (an address with roles in several units). */
export interface UnitChoice {
  unit: string;
  name: string;
}

export type SignInResult =
  | { outcome: 'SIGNED_IN'; id: string; session: Session; next?: string }
  /** Used, expired, dead after wrong codes, or the person is no longer in the unit. */
  | { outcome: 'GONE' }
  /** Proven, but the address holds roles in several units: nothing consumed until one is chosen. */
  | { outcome: 'CHOOSE'; choices: UnitChoice[]; next?: string }
  /** The code page only: a wrong code, or no live request for the address (answered alike). */
  | { outcome: 'WRONG_CODE' };

const choicesView = (deps: SignInDeps, r: SignInRequest) =>
  Promise.all(r.choices.map(async (c) => ({ unit: c.unit, name: await unitName(deps, c.unit) })));

/** The one choice, or the one the person chose among the request's own (a unit not among them is no choice). */
const chosen = (r: SignInRequest, unit: string | undefined): SignInChoice | undefined =>
  r.choices.length === 1 ? r.choices[0] : r.choices.find((c) => c.unit === unit);

/**
 * The link's GET: whether it still works, and the units to choose from. Changes nothing (mail scanners open
 * links): only the POST signs in.
 */
export async function viewSignInLink(
  deps: SignInDeps,
  token: string,
): Promise<{ choices: UnitChoice[]; next?: string } | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const request = await deps.signIns.get(sha256(token));
  if (!request || !signInAlive(request, deps.clock.now())) return undefined;
  return { choices: await choicesView(deps, request), ...(request.next ? { next: request.next } : {}) };
}

/**
 * Consumes a proven request (one conditional delete: a second use finds nothing) and starts a new session for
 * the chosen unit — if the NIP still holds a role with this address there now.
 */
async function finish(deps: SignInDeps, request: SignInRequest, choice: SignInChoice): Promise<SignInResult> {
  const used = await deps.signIns.consume(request.tokenHash, deps.clock.now(), MAX_CODE_ATTEMPTS);
  if (!used) return { outcome: 'GONE' };
  const still = (await deps.directory.people(choice.unit)).some(
    (e) => e.nip === choice.nip && e.email && sha256(emailLookupKey(e.email)) === used.emailHash,
  );
  if (!still) return { outcome: 'GONE' };
  const { id, session } = await startSession(deps, choice);
  return { outcome: 'SIGNED_IN', id, session, ...(used.next ? { next: used.next } : {}) };
}

/** The link's POST: signs in with the token from the mail (and the unit chosen on its page, if several). */
export async function signInWithLink(deps: SignInDeps, token: string, unit?: string): Promise<SignInResult> {
  if (!TOKEN_SHAPE.test(token)) return { outcome: 'GONE' };
  const request = await deps.signIns.get(sha256(token));
  if (!request || !signInAlive(request, deps.clock.now())) return { outcome: 'GONE' };
  const choice = chosen(request, unit);
  if (!choice) return { outcome: 'CHOOSE', choices: await choicesView(deps, request), next: request.next };
  return finish(deps, request, choice);
}

/**
 * The code page: the address and the 6 digits of its latest mail. A wrong code counts against that request (dead
 * after MAX_CODE_ATTEMPTS, its link too); the codes are compared in constant time.
 */
export async function signInWithCode(
  deps: SignInDeps,
  input: { email: string; code: string; unit?: string },
): Promise<SignInResult> {
  const email = parseEmailAddress(input.email.trim());
  const code = input.code.replace(/\s+/g, '');
  if (!email || !CODE_SHAPE.test(code)) return { outcome: 'WRONG_CODE' };
  const emailHash = sha256(emailLookupKey(email));
  const now = deps.clock.now();
  const request = await deps.signIns.latestFor(emailHash);
  if (!request || !signInAlive(request, now)) return { outcome: 'WRONG_CODE' };
  // Five wrong codes kill a request, and a new mail brings a new one: the day's tries per address bound the
  // guesses (1 in 100 000 a day at most). Past it only the link works, until the next day.
  const day = rateWindow(now, 24 * 60);
  if (
    !(await deps.signIns.countWithin(`SIGNIN#CODE#${emailHash}#${day.id}`, SIGN_IN_LIMITS.codeTriesPerDay, day.endsAt))
  )
    return { outcome: 'WRONG_CODE' };
  if (!sameSecret(await codeHmac(deps, request.tokenHash, code), request.codeHmac)) {
    await deps.signIns.countWrongCode(request.tokenHash, MAX_CODE_ATTEMPTS);
    return { outcome: 'WRONG_CODE' };
  }
  const choice = chosen(request, input.unit);
  if (!choice) return { outcome: 'CHOOSE', choices: await choicesView(deps, request), next: request.next };
  return finish(deps, request, choice);
}

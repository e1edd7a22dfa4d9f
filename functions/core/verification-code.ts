import { randomBytes } from 'node:crypto';

/**
 * The verification code printed on every archived document: 12 characters of Crockford base32 (60 random bits),
 * shown in groups of four ("K7M2-9QXD-4TNB"). It is the only key of the public /verifikasi/<code> page, so it
 * must not be guessable — 2^60 codes against a few thousand archived reports — and it must survive being typed
 * from paper: case, dashes and spaces do not matter, and the letters Crockford leaves out because they look
 * like digits (O, I, L) are read as those digits.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
const GROUP = 4;

/** What the table keeps for a code: which revision of which report it was printed on. */
export interface VerificationRecord {
  code: string;
  reportId: string;
  revision: number;
  createdAt: string;
}

/** A fresh random code (canonical form: 12 upper-case characters, no dashes). */
export function newVerificationCode(random: (n: number) => Uint8Array = randomBytes): string {
  // 32 divides 256: the low five bits of a uniform byte are a uniform character.
  return Array.from(random(CODE_LENGTH), (b) => CODE_ALPHABET[b & 31]).join('');
}

/**
 * The canonical code of what a person typed or scanned, or undefined when it cannot be one. U is not part of
 * the alphabet (Crockford keeps it out) and is refused rather than guessed.
 */
export function normalizeVerificationCode(input: string): string | undefined {
  if (input.length > 64) return undefined;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}

/** "K7M29QXD4TNB" → "K7M2-9QXD-4TNB": how it is printed and put in the URL. */
export function formatVerificationCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/** The public page a printed code (and its QR code) points to. */
export function verificationUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verifikasi/${formatVerificationCode(code)}`;
}

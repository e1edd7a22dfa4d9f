import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidLinkError } from './errors.ts';

/**
 * Decision links carry an opaque decision id, an expiry and an HMAC over both plus the assignee's NIP — never the
 * task token. A link signed for one decision or one person does not verify for another.
 */
function sign(secret: string, decisionId: string, assigneeNip: string, expiresEpoch: number): string {
  return createHmac('sha256', secret).update(`v1|${decisionId}|${assigneeNip}|${expiresEpoch}`).digest('base64url');
}

export function decisionLink(
  baseUrl: string,
  secret: string,
  d: { decisionId: string; assigneeNip: string; expiresAt: string },
): string {
  const e = Math.floor(new Date(d.expiresAt).getTime() / 1000);
  const s = sign(secret, d.decisionId, d.assigneeNip, e);
  return `${baseUrl.replace(/\/+$/, '')}/keputusan/${encodeURIComponent(d.decisionId)}?e=${e}&s=${s}`;
}

export const DECISION_ID_PATTERN = /^[a-z0-9]{20,64}$/;

/** Shape check only; the signature is checked against the stored decision by verifyDecisionLink. */
export function parseLinkParams(
  decisionId: string | undefined,
  e: string | undefined,
  s: string | undefined,
): { decisionId: string; expiresEpoch: number; signature: string } {
  if (!decisionId || !DECISION_ID_PATTERN.test(decisionId)) throw new InvalidLinkError('MALFORMED');
  if (!e || !/^\d{9,11}$/.test(e) || !s || !/^[A-Za-z0-9_-]{43}$/.test(s)) throw new InvalidLinkError('MALFORMED');
  return { decisionId, expiresEpoch: Number(e), signature: s };
}

export function verifyDecisionLink(
  secret: string,
  link: { decisionId: string; expiresEpoch: number; signature: string },
  assigneeNip: string,
  now: Date,
): void {
  const expected = Buffer.from(sign(secret, link.decisionId, assigneeNip, link.expiresEpoch));
  const given = Buffer.from(link.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new InvalidLinkError('BAD_SIGNATURE');
  if (now.getTime() / 1000 > link.expiresEpoch) throw new InvalidLinkError('EXPIRED');
}

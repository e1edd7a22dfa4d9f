/** Pure rules: which keys are uploads of which report, and how decision links are signed and checked. */
import { describe, expect, it } from 'vitest';
import { decisionLink, parseLinkParams, verifyDecisionLink } from '../../functions/core/decision-link.ts';
import { InvalidLinkError } from '../../functions/core/errors.ts';
import { decisionIdFor, executionNameFor } from '../../functions/core/execution-name.ts';
import { parseUploadKey } from '../../functions/core/upload-key.ts';

describe('parseUploadKey', () => {
  it('maps masuk/<unit>/<tahun>/<periode>/<file> to one report per unit and period', () => {
    expect(parseUploadKey('masuk/karawaci/2026/tw2/Data Kinerja.xlsx')).toEqual({
      unit: 'karawaci',
      tahun: 2026,
      periode: 'TW2',
      fileName: 'Data Kinerja.xlsx',
      reportId: 'karawaci-2026-TW2',
    });
  });
  it.each([
    'masuk/karawaci/2026/TW1',
    'masuk/karawaci/2026/TW1/a/b.csv',
    'masuk/KARAWACI/2026/TW1/a.csv',
    'masuk/karawaci/2026/TW1/a%2F..csv',
    'masuk//2026/TW1/a.csv',
  ])('refuses %s', (key) => expect(() => parseUploadKey(key)).toThrow());
});

describe('names', () => {
  it('execution names are stable per key + version and valid for Step Functions', () => {
    const a = executionNameFor('masuk/k/2026/TW1/a.csv', 'v1');
    expect(a).toBe(executionNameFor('masuk/k/2026/TW1/a.csv', 'v1'));
    expect(a).not.toBe(executionNameFor('masuk/k/2026/TW1/a.csv', 'v2'));
    expect(a).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(decisionIdFor('arn', 'verify', 1)).not.toBe(decisionIdFor('arn', 'verify', 2));
  });
});

describe('decision links', () => {
  const secret = 'k'.repeat(64);
  const now = new Date('2026-04-01T00:00:00Z');
  const link = decisionLink('https://x.example/', secret, {
    decisionId: 'a'.repeat(32),
    assigneeNip: '198003152005012002',
    expiresAt: '2026-05-01T00:00:00Z',
  });
  const parts = () => {
    const u = new URL(link);
    return parseLinkParams(
      u.pathname.split('/').pop(),
      u.searchParams.get('e') ?? undefined,
      u.searchParams.get('s') ?? undefined,
    );
  };

  it('verifies for the assignee it was signed for, and only for them', () => {
    expect(link.startsWith('https://x.example/keputusan/')).toBe(true);
    expect(() => verifyDecisionLink(secret, parts(), '198003152005012002', now)).not.toThrow();
    expect(() => verifyDecisionLink(secret, parts(), '197501012000031001', now)).toThrow(InvalidLinkError);
    expect(() => verifyDecisionLink('other'.repeat(10), parts(), '198003152005012002', now)).toThrow(InvalidLinkError);
  });
  it('expires', () => {
    expect(() => verifyDecisionLink(secret, parts(), '198003152005012002', new Date('2026-05-02T00:00:00Z'))).toThrow(
      /EXPIRED/,
    );
  });
  it('rejects malformed parameters before any lookup', () => {
    expect(() => parseLinkParams('ABC', '1', 's')).toThrow(/MALFORMED/);
    expect(() => parseLinkParams('a'.repeat(32), 'soon', 'x'.repeat(43))).toThrow(/MALFORMED/);
  });
});

/** The uploader's address from object metadata: exactly one conservative addr-spec, or nothing. */
import { describe, expect, it } from 'vitest';
import { parseEmailAddress } from '../../functions/core/email-address.ts';

describe('parseEmailAddress', () => {
  it('accepts ordinary addresses', () => {
    expect(parseEmailAddress('staf@example.go.id')).toBe('staf@example.go.id');
    expect(parseEmailAddress('siti.aminah+tw1@Kecamatan-Karawaci.Example.GO.ID')).toBe(
      'siti.aminah+tw1@kecamatan-karawaci.example.go.id',
    );
    expect(parseEmailAddress('a_b%c-d@x.co')).toBe('a_b%c-d@x.co');
  });

  it('refuses the attack string that passed before, and its relatives', () => {
    for (const bad of [
      `x'"onmouseover=alert(9)&y@evil.test,b`,
      'a@evil.test,b@evil.test',
      'a@evil.test, b@evil.test',
      'Staf <staf@example.go.id>',
      '<staf@example.go.id>',
      '"staf"@example.go.id',
      'staf@example.go.id\r\nBcc: x@evil.test',
      'staf@example.go.id\nx',
      'staf @example.go.id',
      'staf@example.go.id (comment)',
      'staf@example.go.id;x@evil.test',
      'a@b@c.id',
      'staf@[127.0.0.1]',
      'staf@localhost',
      'staf@-example.go.id',
      'staf@example-.go.id',
      'staf@example..go.id',
      'staf@example.go.1d',
      '.staf@example.go.id',
      'sta..f@example.go.id',
      'staf.@example.go.id',
      'stäf@example.go.id',
      '@example.go.id',
      'staf@',
      '',
      `${'a'.repeat(65)}@example.go.id`,
      `a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.id`,
    ]) {
      expect(parseEmailAddress(bad), bad).toBeUndefined();
    }
    expect(parseEmailAddress(undefined)).toBeUndefined();
  });

  it('allows up to 254 characters and no more', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(58)}.id`; // 189
    const ok = `${'a'.repeat(64)}@${domain}`; // 254
    expect(ok.length).toBe(254);
    expect(parseEmailAddress(ok)).toBe(ok);
    expect(parseEmailAddress(`${'a'.repeat(64)}@g${domain}`)).toBeUndefined();
  });
});

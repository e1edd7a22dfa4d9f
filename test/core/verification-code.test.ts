import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  formatVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
  verificationUrl,
} from '../../functions/core/verification-code.ts';

describe('verification codes', () => {
  it('are 12 Crockford base32 characters from crypto random, printed in groups of four', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
    }
    // Every byte value maps into the alphabet, all 32 characters reachable.
    expect(newVerificationCode(() => Uint8Array.from([0, 31, 32, 255, 10, 18, 19, 20, 21, 26, 27, 28]))).toBe(
      '0Z0ZAJKMNTVW',
    );
    expect(formatVerificationCode('K7M29QXD4TNB')).toBe('K7M2-9QXD-4TNB');
    expect(verificationUrl('https://portal.example.go.id/', 'K7M29QXD4TNB')).toBe(
      'https://portal.example.go.id/verifikasi/K7M2-9QXD-4TNB',
    );
  });

  it('are read back however they were typed: case, dashes, spaces and the look-alike letters O, I, L', () => {
    for (const typed of ['K7M2-9QXD-4TNB', 'k7m29qxd4tnb', ' k7m2 9qxd 4tnb ', 'K7M2--9QXD-4TNB'])
      expect(normalizeVerificationCode(typed)).toBe('K7M29QXD4TNB');
    expect(normalizeVerificationCode('O1IL-oil0-0000')).toBe('011101100000');
  });

  it('refuse anything that cannot be a printed code', () => {
    for (const bad of [
      '',
      'K7M2-9QXD-4TN',
      'K7M2-9QXD-4TNBX',
      'K7M2-9QXD-4TNU',
      'K7M2/9QXD/4TNB',
      '<script>',
      'x'.repeat(5000),
    ])
      expect(normalizeVerificationCode(bad)).toBeUndefined();
  });
});

/** zod/mini carries no messages of its own: the module every schema imports must give it English and the old name. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseEvent } from '../../functions/core/zod.ts';

describe('parseEvent', () => {
  const input = z.object({ reportId: z.string().check(z.minLength(1)) });

  it('returns the parsed event', () => {
    expect(parseEvent(input, { reportId: 'karawaci-2026-TW1', extra: 1 })).toEqual({ reportId: 'karawaci-2026-TW1' });
  });

  it('throws a ZodError whose message names the field and says what was expected, in English', () => {
    let error: Error | undefined;
    try {
      parseEvent(input, { reportId: 42 });
    } catch (err) {
      error = err as Error;
    }
    // The name is the errorType Lambda reports and RecordFailure keeps on a GAGAL report.
    expect(error?.name).toBe('ZodError');
    expect(error?.message).toContain('reportId');
    expect(error?.message).toContain('Invalid input: expected string, received number');
  });
});

/**
 * Every fixture file yields its specific problems, exactly (or none): the table in expected-problems.ts is the
 * contract, and a fixture without an entry fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { FIXTURE_PROBLEMS } from '../fixtures/expected-problems.ts';

const DIR = join(import.meta.dirname, '../fixtures/data');
const files = readdirSync(DIR).sort();

describe('fixtures', () => {
  it('every fixture has its expected problems listed', () => {
    expect(files.filter((f) => !(f in FIXTURE_PROBLEMS))).toEqual([]);
    expect(Object.keys(FIXTURE_PROBLEMS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s', async (name) => {
    const started = Date.now();
    const result = await parsePerformanceData(readFileSync(join(DIR, name)), name, { tahun: 2026, periode: 'TW1' });
    expect(result.ok ? [] : result.problems).toEqual(FIXTURE_PROBLEMS[name]);
    expect(result.ok).toBe(FIXTURE_PROBLEMS[name]?.length === 0);
    // The whole-column dropdowns of a hand-made template once took seconds and hundreds of MB to read.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

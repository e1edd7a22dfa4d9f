/**
 * Property tests: whatever bytes arrive in the bucket, the parser answers — valid rows or a list of problems,
 * each with a message — and never throws. A throw would fail the assemble Lambda instead of telling the
 * uploader what to fix.
 */

import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../functions/core/report.ts';
import { surelyMoreRecordsThan } from '../../functions/documents/upload/csv-prescan.ts';
import { type ParseResult, parsePerformanceData } from '../../functions/documents/upload/index.ts';
import { MAX_COLUMNS } from '../../functions/documents/upload/limits.ts';
import { makeZip, stored, WORKBOOK_PARTS } from '../fixtures/zip.ts';

const RUNS = { numRuns: 200 };
const HEADER =
  'tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi;tindak_lanjut;keterangan';

function wellFormed(r: ParseResult): void {
  if (r.ok) {
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(Number.isFinite(row.target) && row.target >= 0).toBe(true);
      expect(Number.isFinite(row.realisasi) && row.realisasi >= 0).toBe(true);
      expect(['naik', 'turun']).toContain(row.polaritas);
    }
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.row === null || Number.isInteger(p.row)).toBe(true);
  }
}

const expectedArb = fc.option(
  fc.record({
    tahun: fc.integer({ min: 1990, max: 2100 }),
    periode: fc.constantFrom<Period>('TW1', 'TW2', 'TW3', 'TW4', 'TAHUNAN'),
  }),
  { nil: null },
);
const langArb = fc.constantFrom<'id' | 'en'>('id', 'en');

/** Cells built from what real sheets hold, and from what breaks parsers: quotes, separators, signs, BOMs. */
const cellArb = fc.oneof(
  fc.constantFrom('', '2026', 'TW1', 'tw 2', 'naik', 'turun', 'up', 'constructor', '__proto__', 'IK-01', 'ik-01'),
  fc.constantFrom('82', '83,45', '1.234,56', '1,234.56', '1.500', '-5', '0', '1e309', 'NaN', 'Rp 1.000', '95 %'),
  fc.constantFrom('"', '""', '";"', ';', ',', '\r', '\n', '\uFEFF', '=1+1', '\u0000', '…'),
  fc.string({ maxLength: 12 }),
);
const csvArb = fc
  .tuple(fc.boolean(), fc.constantFrom(';', ','), fc.array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 8 }))
  .map(([withHeader, sep, rows]) => {
    const lines = rows.map((cells) => cells.join(sep));
    return (withHeader ? [HEADER.replaceAll(';', sep), ...lines] : lines).join('\n');
  });

describe('parsePerformanceData never throws', () => {
  it('on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), expectedArb, langArb, async (bytes, expected, lang) => {
        wellFormed(await parsePerformanceData(bytes, 'unggahan.bin', expected, { lang }));
      }),
      RUNS,
    );
  });

  it('on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000, unit: 'binary' }), expectedArb, async (text, expected) => {
        wellFormed(await parsePerformanceData(new TextEncoder().encode(text), 'data.csv', expected));
      }),
      RUNS,
    );
  });

  it('on CSV-ish text: the header, separators, quotes and number styles in any order', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, expectedArb, langArb, async (text, expected, lang) => {
        wellFormed(await parsePerformanceData(new TextEncoder().encode(text), 'data.csv', expected, { lang }));
      }),
      RUNS,
    );
  });

  it('on bytes that start like a ZIP, and on ZIPs with random parts', async () => {
    const zipish = fc.oneof(
      fc.uint8Array({ maxLength: 1024 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc
        .array(fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 200 })), { maxLength: 4 })
        .map((parts) => makeZip([...WORKBOOK_PARTS, ...parts.map(([n, t]) => stored(`xl/${n}`, t))])),
      // A valid ZIP cut short anywhere: uploads do arrive truncated.
      fc
        .nat({ max: 400 })
        .map((cut) =>
          makeZip([...WORKBOOK_PARTS, stored('xl/worksheets/sheet1.xml', '<worksheet/>')]).subarray(0, cut),
        ),
    );
    await fc.assert(
      fc.asyncProperty(zipish, async (bytes) => {
        wellFormed(await parsePerformanceData(bytes, 'data.xlsx', { tahun: 2026, periode: 'TW1' }));
      }),
      RUNS,
    );
  });
});

/** Non-blank records as csv-parse reads them with the parser's options, or null when it finds the text broken. */
function csvParseCount(text: string, delimiter: string): number | null {
  try {
    const records: string[][] = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true });
    return records.filter((r) => r.slice(0, MAX_COLUMNS).some((c) => c.trim() !== '')).length;
  } catch {
    return null;
  }
}

describe('the byte scan before csv-parse never counts more rows than csv-parse finds', () => {
  it('on CSV-ish text with quotes, separators, blank cells and line ends', async () => {
    const spaced = fc.oneof(
      csvArb,
      csvArb.map((t) => t.replaceAll('\n', ';\n ')),
    );
    fc.assert(
      fc.property(spaced, fc.nat({ max: 6 }), (text, n) => {
        if (!surelyMoreRecordsThan(new TextEncoder().encode(text), n)) return;
        for (const delimiter of [';', ',']) {
          const count = csvParseCount(text, delimiter);
          if (count !== null) expect(count).toBeGreaterThan(n);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

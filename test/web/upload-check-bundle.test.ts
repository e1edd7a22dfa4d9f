/**
 * The browser runs the same validator as the server: the BUNDLED upload-check worker (infra/static-build.ts, as
 * the page loads it) is run in a bare JavaScript context — no Buffer, process, setImmediate or Node module, only
 * what a browser worker has — on every fixture, the zip bombs, broken ZIPs, wrong encodings and limit cases, and
 * must answer exactly the problems and warnings checkPerformanceData answers on the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { constants, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPerformanceData, type DataSettings, dataSettings } from '../../functions/documents/check-data.ts';
import type { CheckReply, CheckRequest } from '../../functions/web/browser/upload-protocol.ts';
import { buildBrowserAssets } from '../../infra/static-build.ts';
import { testConfig } from '../fakes/deps.ts';
import { sample } from '../fakes/flow.ts';
import { deflated, makeZip, stored, WORKBOOK_PARTS } from '../fixtures/zip.ts';

const DIR = join(import.meta.dirname, '../fixtures/data');
const config = testConfig();
const SETTINGS: DataSettings = dataSettings(config);

interface Case {
  name: string;
  bytes: Uint8Array;
  fileName: string;
  settings?: DataSettings;
  lang?: 'id' | 'en';
}

function cases(): Case[] {
  const out: Case[] = readdirSync(DIR)
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(DIR, f)), fileName: f }));
  const valid = readFileSync(join(DIR, 'valid.xlsx'));
  const sheet = (xml: string) => Buffer.from(xml);
  out.push(
    { name: 'sample (valid CSV)', bytes: sample('awal'), fileName: 'kinerja.csv' },
    { name: 'sample in English', bytes: sample('awal'), fileName: 'kinerja.csv', lang: 'en' },
    {
      name: 'bad-numbers in English',
      bytes: readFileSync(join(DIR, 'bad-numbers.csv')),
      fileName: 'x.csv',
      lang: 'en',
    },
    {
      name: 'zip declaring 200 MB',
      bytes: makeZip([...WORKBOOK_PARTS, deflated('xl/worksheets/sheet1.xml', 1024, 200 * 1024 * 1024)]),
      fileName: 'x.xlsx',
    },
    {
      name: 'zip inflating beyond its declared size',
      bytes: makeZip([...WORKBOOK_PARTS, deflated('xl/worksheets/sheet1.xml', 4 * 1024 * 1024, 1000)]),
      fileName: 'x.xlsx',
    },
    {
      name: 'zip inflating short of its declared size',
      bytes: makeZip([
        ...WORKBOOK_PARTS,
        { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(sheet('<worksheet/>')), method: 8, declaredSize: 900 },
      ]),
      fileName: 'x.xlsx',
    },
    {
      name: 'zip with garbage after a sync flush',
      bytes: makeZip([
        ...WORKBOOK_PARTS,
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.concat([
            deflateRawSync(sheet('<worksheet><sheetData>'), { finishFlush: constants.Z_SYNC_FLUSH }),
            Buffer.from([0xff, 0xff, 0xff, 0xff]),
          ]),
          method: 8,
          declaredSize: 5000,
        },
      ]),
      fileName: 'x.xlsx',
    },
    {
      name: 'zip with an unknown compression',
      bytes: makeZip([
        ...WORKBOOK_PARTS,
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('BZh9'), method: 12, declaredSize: 4 },
      ]),
      fileName: 'x.xlsx',
    },
    { name: 'zip with 10 001 parts declared', bytes: makeZip(WORKBOOK_PARTS, 10_001), fileName: 'x.xlsx' },
    {
      name: 'zip that is not a workbook',
      bytes: makeZip([stored('[Content_Types].xml', '<Types/>'), stored('word/document.xml', '<w/>')]),
      fileName: 'x.docx',
    },
    {
      name: 'damaged zip',
      bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      fileName: 'x.xlsx',
    },
    { name: 'valid.xlsx cut short', bytes: valid.subarray(0, Math.floor(valid.length / 2)), fileName: 'x.xlsx' },
    {
      name: '10 MB of one-character rows (row limit)',
      bytes: (() => {
        const b = Buffer.alloc(10 * 1024 * 1024 - 1024, 'x\n');
        b.write('tahun;periode;kode_indikator;sasaran_strategis;indikator;satuan;polaritas;target;realisasi\n');
        return b;
      })(),
      fileName: 'x.csv',
    },
    {
      name: 'over maxFileMB',
      bytes: Buffer.alloc(1024 * 1024 + 1, 0x41),
      fileName: 'x.csv',
      settings: { ...SETTINGS, dataLimits: { ...SETTINGS.dataLimits, maxFileMB: 1 } },
    },
    { name: 'UTF-16 text', bytes: Buffer.from('\uFEFFtahun;periode\n', 'utf16le'), fileName: 'x.csv' },
    { name: 'empty file', bytes: new Uint8Array(0), fileName: 'x.csv' },
  );
  return out;
}

/** The worker bundle in a context holding only what a browser worker has (and no Node global). */
type Worker = (request: CheckRequest) => Promise<Extract<CheckReply, { type: 'done' }>>;
let runWorker: Worker;
let bundle = '';

beforeAll(async () => {
  const { manifest, files } = await buildBrowserAssets();
  bundle = new TextDecoder().decode(files.get(manifest['upload-check'] as string));
  runWorker = (request) =>
    new Promise((resolve, reject) => {
      const context: Record<string, unknown> = { TextDecoder, TextEncoder, setTimeout, clearTimeout };
      context.self = context;
      context.postMessage = (reply: CheckReply) => {
        if (reply.type === 'done') resolve(reply);
        else if (reply.type === 'failed') reject(new Error(reply.message));
      };
      vm.createContext(context);
      vm.runInContext(bundle, context);
      const onmessage = context.onmessage as (event: { data: CheckRequest }) => void;
      onmessage({ data: request });
    });
}, 60_000);

describe('the bundled upload-check worker', () => {
  it('needs nothing of Node: no require, process, Buffer or setImmediate in its context', () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).not.toMatch(/require\(["']node:/);
  });

  it.each(cases())('answers what the server answers: $name', async (c) => {
    const settings = c.settings ?? SETTINGS;
    const expected = { tahun: 2026, periode: 'TW1' as const };
    const server = await checkPerformanceData(c.bytes, c.fileName, expected, settings, c.lang);
    const browser = await runWorker({
      file: new Blob([c.bytes]),
      fileName: c.fileName,
      expected,
      settings,
      lang: c.lang ?? 'id',
    });
    expect(browser.problems).toEqual(server.problems);
    expect(browser.warnings).toEqual(server.warnings);
    expect(browser.valid).toBe(server.valid);
    expect(browser.rows).toBe(server.indicators.length);
  });
});

/**
 * P7 — the upload check in the browser against the same check in Node: a valid file of `rows` indicators
 * checked by checkPerformanceData in this process (the server's path), and by the bundled upload-check worker
 * (infra/static-build.ts, what /unggah loads) in Debian's chromium, timed inside the page from posting the File
 * to the worker until its answer (file read, structured clone and the check: what a person waits for). The
 * worker is created once and warmed up like the Node side; its first, cold answer (script load + parse + first
 * run) is reported apart. The ratio browser ÷ Node is the measure.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPerformanceData, dataSettings } from '../../functions/documents/check-data.ts';
import { buildBrowserAssets } from '../../infra/static-build.ts';
import { launchChromium } from '../../test/browser/chromium.ts';
import { testConfig } from '../../test/fakes/deps.ts';
import type { ChildOutcome, Target } from '../harness.ts';
import { generatedCsv } from '../lib/data.ts';

export interface P7Options {
  rows: number;
  warmup: number;
  reps: number;
}

export interface P7Result {
  rows: number;
  bytes: number;
  reps: number;
  nodeMs: number[];
  browserMs: number[];
  browserColdMs: number;
  nodeMedianMs: number;
  browserMedianMs: number;
  ratio: number;
  chromium: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

export async function runP7(o: P7Options): Promise<P7Result> {
  const config = testConfig();
  const settings = dataSettings(config);
  const expected = { tahun: 2026, periode: 'TW1' as const };
  const csv = generatedCsv(o.rows);

  // Node: the server's path, in this process.
  const nodeMs: number[] = [];
  for (let i = 0; i < o.warmup + o.reps; i++) {
    const t = performance.now();
    const r = await checkPerformanceData(csv, 'kinerja.csv', expected, settings);
    const ms = performance.now() - t;
    if (!r.valid) throw new Error(`P7 input is not valid: ${r.problems[0]?.message}`);
    if (i >= o.warmup) nodeMs.push(round(ms));
  }

  // Chromium: the bundled worker, served from a loopback server (a worker needs a real origin).
  const { manifest, files } = await buildBrowserAssets();
  const worker = files.get(manifest['upload-check'] as string) as Uint8Array;
  const server = createServer((req, res) => {
    if (req.url === '/w.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(worker);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>P7</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    // Passed as text: tsx's transform would add helpers (__name) to a function that the page does not have.
    const params = JSON.stringify({
      text: new TextDecoder().decode(csv),
      settings,
      expected,
      runs: 1 + o.warmup + o.reps,
    });
    const timings = (await page.evaluate(`(async ({ text, settings, expected, runs }) => {
      const worker = new Worker('/w.js');
      const once = () => new Promise((resolve, reject) => {
        const t = performance.now();
        worker.onmessage = (e) => {
          if (e.data.type === 'progress') return;
          if (e.data.type !== 'done' || !e.data.valid) reject(new Error(JSON.stringify(e.data).slice(0, 300)));
          else resolve(performance.now() - t);
        };
        const file = new File([text], 'kinerja.csv', { type: 'text/csv' });
        worker.postMessage({ file, fileName: file.name, expected, settings, lang: 'id' });
      });
      const out = [];
      for (let i = 0; i < runs; i++) out.push(await once());
      worker.terminate();
      return out;
    })(${params})`)) as number[];
    const browserColdMs = round(timings[0] as number);
    const browserMs = timings.slice(1 + o.warmup).map(round);
    const nodeMedianMs = round(median(nodeMs));
    const browserMedianMs = round(median(browserMs));
    return {
      rows: o.rows,
      bytes: csv.byteLength,
      reps: o.reps,
      nodeMs,
      browserMs,
      browserColdMs,
      nodeMedianMs,
      browserMedianMs,
      ratio: Math.round((browserMedianMs / nodeMedianMs) * 100) / 100,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Informational: the check runs where the person is; the page must not make them wait much longer than the server. */
export const P7_RATIO_LIMIT = 3;

export function p7Targets(outcome: ChildOutcome<P7Result> | undefined): Target[] {
  if (!outcome) return [];
  const r = outcome.result;
  return [
    {
      id: 'P7',
      what: `the upload check of a ${r?.rows ?? '?'}-row file in chromium (worker) ÷ the same check in Node`,
      result: r ? `${r.browserMedianMs} ms ÷ ${r.nodeMedianMs} ms = ${r.ratio}×` : (outcome.error ?? 'failed'),
      target: `≤ ${P7_RATIO_LIMIT}×`,
      met: !!r && r.ratio <= P7_RATIO_LIMIT,
      reason: !r
        ? `did not finish: ${outcome.error}`
        : r.ratio <= P7_RATIO_LIMIT
          ? 'holds: one bundle of the same code (csv-parse core, the fflate ZIP reader, the validator) in V8 on both sides; the browser adds reading the File and the worker round trip'
          : `the worker is ${r.ratio}× slower than Node`,
    },
  ];
}

export function renderP7(
  outcome: ChildOutcome<P7Result> | undefined,
  table: (h: string[], rows: string[][]) => string,
) {
  const r = outcome?.result;
  if (!outcome || !r) return `Did not run${outcome?.error ? `: ${outcome.error}` : ': not selected'}.`;
  return [
    `A valid CSV of ${r.rows} indicators (${(r.bytes / 1024).toFixed(0)} KB) checked by \`checkPerformanceData\`: in Node (this process, the server's path) and by the bundled \`upload-check\` worker in chromium ${r.chromium}, timed in the page from posting the File to the answer; medians of ${r.reps} runs after warm-up.`,
    '',
    table(
      ['where', 'median', 'runs', 'cold first run'],
      [
        ['Node', `${r.nodeMedianMs} ms`, r.nodeMs.join(', '), '–'],
        ['chromium (worker)', `${r.browserMedianMs} ms`, r.browserMs.join(', '), `${r.browserColdMs} ms`],
        ['ratio', `${r.ratio}×`, '', ''],
      ],
    ),
  ].join('\n');
}

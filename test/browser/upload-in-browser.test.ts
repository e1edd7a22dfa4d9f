/**
 * A Staf member uploads in a real browser (Debian's chromium driven by playwright-core) against a running local
 * stack: a bad file's problems appear in the page (row, column, value, reason) and nothing is stored; a good file
 * goes to the stack's S3 POST route with a progress bar, and the report starts. Screenshots at 390 px and
 * 1200 px go to artifacts/browser/ (git-ignored) for a person to look at.
 */

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPerformanceData } from '../../functions/documents/check-data.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, ROOT, testConfig } from '../fakes/deps.ts';
import { sample } from '../fakes/flow.ts';
import { waitFor } from '../fakes/wait-for.ts';
import { launchChromium } from './chromium.ts';
import { screenshot } from './screenshot.ts';

const SHOTS = join(ROOT, 'artifacts/browser');
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startLocalStack({
    config: testConfig(),
    stateDir: mkdtempSync(join(tmpdir(), 'lapkin-upload-browser-')),
    randomPorts: true,
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A browser signed in as the unit's Staf, or another role (a session started server-side, its cookie set). */
async function signedIn(
  width: number,
  role: 'STAF' | 'TIMSAKIP' = 'STAF',
): Promise<{ context: BrowserContext; page: Page }> {
  const who = people(testConfig())[role];
  const { id } = await startSession(stack.deps(), { nip: who.nip, unit: 'karawaci' });
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    deviceScaleFactor: 1,
  });
  await context.addCookies([{ name: 'lapkin_sesi', value: id, url: stack.urls.http }]);
  const page = await context.newPage();
  return { context, page };
}

async function choose(page: Page, tahun: string, periode: string) {
  await page.selectOption('#tahun', tahun);
  await page.selectOption('#periode', periode);
}

/** A valid TW1 2026 file large enough for the progress bar to be seen moving: the sample plus more indicators. */
function largeValidCsv(): Buffer {
  const text = new TextDecoder().decode(sample('awal'));
  const first = text.split('\n')[1] as string;
  const more: string[] = [];
  for (let i = 100; i < 700; i++) more.push(first.replace('IK-01', `IK-${i}`));
  return Buffer.from(`${text.trimEnd()}\n${more.join('\n')}\n`);
}

const uploads = async () => (await stack.store.listKeys('masuk/')).length;

describe('uploading in a browser', () => {
  it('shows a bad file’s problems and stores nothing; sends a good one with progress and the report starts', async () => {
    const phone = await signedIn(390);
    const desk = await signedIn(1200);
    for (const [name, { page }] of [
      ['390', phone],
      ['1200', desk],
    ] as const) {
      await page.goto(`${stack.urls.http}/unggah`);
      expect(await page.locator('h1').textContent()).toBe('Unggah data kinerja');
      // The script enabled the button (without it the page says the check needs JavaScript).
      await expect.poll(() => page.locator('#kirim').isEnabled()).toBe(true);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(Number(name));
      await screenshot(page, { path: join(SHOTS, `upload-01-empty-${name}.png`), fullPage: true });
    }

    // A bad file: every problem in the page, nothing sent.
    for (const [name, { page }] of [
      ['390', phone],
      ['1200', desk],
    ] as const) {
      await choose(page, '2026', 'TW1');
      await page.setInputFiles('#berkas', join(ROOT, 'test/fixtures/data/bad-numbers.csv'));
      await page.click('#kirim');
      await page.locator('#masalah:not([hidden])').waitFor({ timeout: 15_000 });
      const rows = page.locator('#masalah tbody tr');
      expect(await rows.count()).toBe(3);
      expect((await rows.nth(0).locator('td').allTextContents()).map((t) => t.trim())).toEqual([
        '2',
        'realisasi',
        'delapan puluh',
        'Bukan angka yang valid.',
      ]);
      expect(await page.locator('#status').textContent()).toContain('Ditemukan 3 masalah');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(Number(name));
      await screenshot(page, { path: join(SHOTS, `upload-02-problems-${name}.png`), fullPage: true });
    }
    expect(await uploads()).toBe(0);

    // A good file: checked, signed, sent to the bucket with a progress bar; the report starts.
    const file = largeValidCsv();
    const check = await checkPerformanceData(file, 'kinerja.csv', { tahun: 2026, periode: 'TW1' }, testConfig());
    expect(check.problems).toEqual([]);
    const { page } = phone;
    // Slow the upload down so the bar can be seen moving (DevTools network throttling of this page only).
    const cdp = await phone.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: 1_000_000,
      uploadThroughput: 40_000,
    });
    await choose(page, '2026', 'TW1');
    await page.setInputFiles('#berkas', { name: 'kinerja-tw1.csv', mimeType: 'text/csv', buffer: file });
    await page.click('#kirim');
    await page.locator('#kemajuan:not([hidden])').waitFor({ timeout: 15_000 });
    expect(await page.locator('#masalah').isHidden()).toBe(true);
    await screenshot(page, { path: join(SHOTS, `upload-03-sending-390.png`), fullPage: true });
    await page.locator('#status a').waitFor({ timeout: 30_000 });
    expect(await page.locator('#status').textContent()).toContain(
      'Berkas terkirim; laporan karawaci-2026-TW1 sedang diproses.',
    );
    expect(await page.locator('#status a').getAttribute('href')).toBe('/laporan/karawaci-2026-TW1');
    expect(await page.locator('#kemajuan-bar').evaluate((el) => (el as unknown as { value: number }).value)).toBe(100);
    expect(await page.locator('#kemajuan-persen').textContent()).toBe('100 %');
    await screenshot(page, { path: join(SHOTS, `upload-04-sent-390.png`), fullPage: true });

    const report = await waitFor(
      async () => {
        const r = await stack.deps().repo.get('karawaci-2026-TW1');
        return r?.status === 'MENUNGGU_VERIFIKASI' ? r : undefined;
      },
      30_000,
      'report started and assembled',
    );
    expect(report.uploaderEmail).toBe(people(testConfig()).STAF.email);
    expect(report.summary?.indicatorCount).toBe(check.indicators.length);
    const stored = await stack.store.listKeys('masuk/');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^masuk\/karawaci\/2026\/TW1\/[0-9a-f-]{36}\.csv$/);

    // The same on a desk: a correction of TW2 2026 after the upload, shown sent.
    const tw2 = Buffer.from(new TextDecoder().decode(sample('awal')).replaceAll(';TW1;', ';TW2;'));
    await choose(desk.page, '2026', 'TW2');
    await desk.page.setInputFiles('#berkas', { name: 'kinerja-tw2.csv', mimeType: 'text/csv', buffer: tw2 });
    await desk.page.click('#kirim');
    await desk.page.locator('#status a').waitFor({ timeout: 30_000 });
    await screenshot(desk.page, { path: join(SHOTS, `upload-04-sent-1200.png`), fullPage: true });
    await waitFor(async () => (await stack.deps().repo.get('karawaci-2026-TW2')) !== undefined, 30_000, 'TW2 report');

    // TW2 is now in review: a further upload would not be used, and the page says so before sending anything.
    await choose(desk.page, '2026', 'TW2');
    await desk.page.setInputFiles('#berkas', { name: 'kinerja-tw2.csv', mimeType: 'text/csv', buffer: tw2 });
    await desk.page.click('#kirim');
    await expect
      .poll(() => desk.page.locator('#status.error').textContent(), { timeout: 15_000 })
      .toContain('Laporan karawaci-2026-TW2 sedang dalam tahap');

    // The bucket's refusals, in Bahasa Indonesia: an expired form, a file over the size range (for TW3, which has
    // no report yet, so the form is signed).
    for (const [code, message, expected] of [
      ['AccessDenied', 'Invalid according to Policy: Policy expired.', 'Formulir unggah sudah kedaluwarsa'],
      ['EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 'terlalu besar'],
    ]) {
      await desk.page.route('**/_lokal/s3/**', (route) =>
        route.fulfill({
          status: code === 'AccessDenied' ? 403 : 400,
          contentType: 'application/xml',
          body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
        }),
      );
      await choose(desk.page, '2026', 'TW3');
      await desk.page.setInputFiles('#berkas', {
        name: 'kinerja-tw3.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(new TextDecoder().decode(tw2).replaceAll(';TW2;', ';TW3;')),
      });
      await desk.page.click('#kirim');
      await expect
        .poll(() => desk.page.locator('#status.error').textContent(), { timeout: 15_000 })
        .toContain(expected);
      await desk.page.unroute('**/_lokal/s3/**');
    }
    await screenshot(desk.page, { path: join(SHOTS, 'upload-05-refused-1200.png'), fullPage: true });
    await phone.context.close();
    await desk.context.close();
  });

  it('the team lead sends the PK; a short upload is then checked against it in the browser', async () => {
    const { context, page } = await signedIn(390, 'TIMSAKIP');
    await page.goto(`${stack.urls.http}/unggah`);
    await expect.poll(() => page.locator('#kirim').isEnabled()).toBe(true);
    await choose(page, '2025', 'PK');
    await page.setInputFiles('#berkas', join(ROOT, 'infra/local/sample/perjanjian-kinerja-2026.csv'));
    await page.click('#kirim');
    await expect
      .poll(() => page.locator('#status.ok').textContent(), { timeout: 30_000 })
      .toContain('Perjanjian Kinerja 2025 terkirim');
    await screenshot(page, { path: join(SHOTS, 'upload-06-pk-sent-390.png'), fullPage: true });
    await waitFor(
      async () => (await stack.store.listKeys('pk/karawaci/2025/')).length > 0 || undefined,
      30_000,
      'PK stored',
    );
    // Kode and realisasi only, and IK-08 left out: the page checks it against the PK as the assembly will.
    const short = [
      'kode_indikator;realisasi;tindak_lanjut',
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => `IK-0${i};90;Dipantau.`),
    ];
    await choose(page, '2025', 'TW1');
    await page.setInputFiles('#berkas', {
      name: 'tw1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(short.join('\n')),
    });
    await page.click('#kirim');
    await page.locator('#masalah:not([hidden])').waitFor({ timeout: 15_000 });
    expect(await page.locator('#masalah tbody').textContent()).toContain('IK-08');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, { path: join(SHOTS, 'upload-07-against-pk-390.png'), fullPage: true });
    await context.close();
  });
});

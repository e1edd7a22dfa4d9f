/**
 * The public verification page in a real browser (Debian's chromium driven by playwright-core): a visitor opens
 * the page of an archived report's code, picks the archived PDF — "cocok", naming the document — then a copy
 * with one byte changed — "tidak cocok". The file's SHA-256 is computed in the page (Web Crypto, a secure
 * context: the portal on 127.0.0.1) and never sent: the test watches every request the page makes.
 * Screenshots at 390 and 1200 px go to artifacts/browser/ (git-ignored) for a person to look at.
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../functions/web/app.tsx';
import { browserAssets } from '../../infra/static-build.ts';
import { archivedReport, TW2 } from '../fakes/archived.ts';
import { fakeDeps, ROOT } from '../fakes/deps.ts';
import { launchChromium } from './chromium.ts';
import { screenshot } from './screenshot.ts';

const SHOTS = join(ROOT, 'artifacts/browser');
const f = fakeDeps();
let server: ServerType;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const assets = await browserAssets();
  const app = createPortalApp({ deps: () => f.deps, secureCookies: false, assets: () => assets });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The printed QR code points to this portal.
  f.deps.publicBaseUrl = base;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function resultOf(page: Page, expected: RegExp): Promise<string> {
  const result = page.locator('#hasil');
  await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 10_000 }).toMatch(expected);
  return (await result.textContent()) ?? '';
}

describe('the verification page in a browser', () => {
  it('matches the archived PDF ("cocok") and refuses a changed copy ("tidak cocok") without uploading either', async () => {
    const { code, archive } = await archivedReport(f);
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-verify-'));
    const original = Buffer.from((await f.store.get(archive.pdf.key, archive.pdf.versionId)).body);
    const changed = Buffer.from(original);
    // One byte of the document's own text changed: the same size, a different file.
    const at = changed.lastIndexOf('Producer');
    changed[at] = 'p'.charCodeAt(0);
    writeFileSync(join(dir, 'laporan-kinerja.pdf'), original);
    writeFileSync(join(dir, 'laporan-kinerja-diubah.pdf'), changed);
    const disposition = Buffer.from((await f.store.get(archive.disposition.key, archive.disposition.versionId)).body);
    writeFileSync(join(dir, 'lembar-disposisi.pdf'), disposition);
    const path = `/verifikasi/${code.match(/.{4}/g)?.join('-')}`;

    for (const [width, height, name] of [
      [390, 844, 'phone'],
      [1200, 900, 'desktop'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
      await page.goto(`${base}${path}`);
      expect(await page.locator('h1').textContent()).toBe('Verifikasi keaslian dokumen');
      // The script shows the drop zone; the page is never wider than the screen.
      await expect.poll(() => page.locator('#cocokkan').isVisible()).toBe(true);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await screenshot(page, { path: join(SHOTS, `verify-${name}-1-before.png`), fullPage: true });

      await page.setInputFiles('#berkas', join(dir, 'laporan-kinerja.pdf'));
      expect(await resultOf(page, /cocok/)).toContain('cocok — sama dengan Laporan Kinerja (PDF, disahkan)');
      expect(await page.locator('tr.matched td').first().textContent()).toBe('Laporan Kinerja (PDF, disahkan)');
      await page.locator('#hasil').scrollIntoViewIfNeeded();
      await screenshot(page, { path: join(SHOTS, `verify-${name}-2-cocok.png`), fullPage: true });

      await page.setInputFiles('#berkas', join(dir, 'laporan-kinerja-diubah.pdf'));
      expect(await resultOf(page, /tidak cocok/)).toContain('tidak cocok');
      expect(await page.locator('tr.matched').count()).toBe(0);
      await screenshot(page, { path: join(SHOTS, `verify-${name}-3-tidak-cocok.png`), fullPage: true });

      // The disposition sheet is one of the archived documents too.
      await page.setInputFiles('#berkas', join(dir, 'lembar-disposisi.pdf'));
      expect(await resultOf(page, /cocok — /)).toContain('sama dengan Lembar disposisi (PDF)');

      // Nothing was sent: only the page and its script were ever requested.
      expect(requests.filter((r) => !r.startsWith('GET /static/'))).toEqual([`GET ${path}`]);
      await page.close();
    }
  }, 120_000);

  it('without JavaScript still shows the hashes and how to compute one, and no drop zone', async () => {
    const { code, archive } = await archivedReport(f, { reportId: TW2.reportId, key: TW2.key, body: TW2.body() });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/verifikasi/${code}`);
    expect(await page.locator('#cocokkan').isVisible()).toBe(false);
    expect(await page.locator(`tr[data-sha256="${archive.pdf.sha256}"]`).isVisible()).toBe(true);
    expect(await page.locator('text=certutil -hashfile laporan.pdf SHA256').isVisible()).toBe(true);
    await screenshot(page, { path: join(SHOTS, 'verify-phone-no-js.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('a code typed from paper finds its page; an unknown one gets the 404 page with the form again', async () => {
    // Another unit's report: each test of this file archives its own.
    const { code } = await archivedReport(f, {
      reportId: 'sukamaju-2026-TW1',
      key: 'masuk/sukamaju/2026/TW1/data-kinerja-tw1.csv',
    });
    for (const [width, name] of [
      [390, 'phone'],
      [1200, 'desktop'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${base}/verifikasi`);
      expect(await page.locator('h1').textContent()).toBe('Verifikasi keaslian dokumen');
      await screenshot(page, { path: join(SHOTS, `verify-${name}-0-form.png`), fullPage: true });
      await page.fill('#kode', 'zzzz zzzz zzzz');
      await page.click('button[type="submit"]');
      expect(await page.locator('h1').textContent()).toBe('Kode verifikasi tidak dikenal');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await screenshot(page, { path: join(SHOTS, `verify-${name}-4-unknown.png`), fullPage: true });
      // Typed as a person reads it off paper: lower case, spaces, O for zero.
      await page.fill(
        '#kode',
        code
          .toLowerCase()
          .replaceAll('0', 'o')
          .replace(/(.{4})/g, '$1 '),
      );
      await page.click('button[type="submit"]');
      expect(await page.locator('h1').textContent()).toBe('Verifikasi keaslian dokumen');
      expect(new URL(page.url()).pathname).toBe(`/verifikasi/${code.match(/.{4}/g)?.join('-')}`);
      await page.close();
    }
  }, 60_000);
});

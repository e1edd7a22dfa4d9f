/**
 * What a Sekretaris Camat and a Camat see, in a real browser (Debian's chromium driven by playwright-core) on a
 * phone-sized screen: the link from the mail in MailDev, the confirm page, a refused REVISE without a note, the
 * approval and its result page, and the local console following the report to TERDOKUMENTASI. Screenshots go
 * to artifacts/browser/ (git-ignored) for a person to look at.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionLinkIn, MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, ROOT, testConfig } from '../fakes/deps.ts';
import { sample } from '../fakes/flow.ts';
import { waitFor } from '../fakes/wait-for.ts';

const SHOTS = join(ROOT, 'artifacts/browser');
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startLocalStack({
    config: testConfig(),
    stateDir: mkdtempSync(join(tmpdir(), 'lapkin-browser-')),
    randomPorts: true,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The text of the first match, once the page has settled after a navigation. */
async function textOf(page: Page, selector: string): Promise<string> {
  await page.waitForLoadState('load');
  return ((await page.locator(selector).first().textContent({ timeout: 10_000 })) ?? '').trim();
}

async function consoleStatus(page: Page, reportId: string, expected: string) {
  for (let i = 0; i < 50; i++) {
    await page.goto(`${stack.urls.http}/konsol`);
    const status = await page.locator(`tr[data-report="${reportId}"] .badge`).getAttribute('data-status');
    if (status === expected) return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`console never showed ${expected}`);
}

describe('decision pages in a browser', () => {
  it('confirm, refuse REVISE without a note, approve, and watch the report move in the console', async () => {
    const config = testConfig();
    const id = 'karawaci-2026-TW1';
    await stack.store.put({ key: 'masuk/karawaci/2026/TW1/data.csv', body: sample('awal'), contentType: 'text/csv' });
    const mail = new MailboxClient(stack.urls.mail);
    const link = decisionLinkIn(await mail.next(people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]'));

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const desk = await browser.newPage({ viewport: { width: 1200, height: 800 } });

    await phone.goto(link);
    expect(await textOf(phone, 'h1')).toBe('Verifikasi Laporan Kinerja');
    expect(await phone.locator('text=Unduh laporan (PDF)').count()).toBe(1);
    await phone.screenshot({ path: join(SHOTS, '01-confirm-verify.png'), fullPage: true });
    expect(await consoleStatus(desk, id, 'MENUNGGU_VERIFIKASI')).toBe('MENUNGGU_VERIFIKASI');
    await desk.screenshot({ path: join(SHOTS, '02-console-waiting.png'), fullPage: true });

    await phone.click('button[value="REVISE"]');
    expect(await textOf(phone, '[role="alert"]')).toContain('Catatan wajib diisi');
    await phone.screenshot({ path: join(SHOTS, '03-revise-needs-note.png'), fullPage: true });
    expect((await stack.deps().repo.get(id))?.status).toBe('MENUNGGU_VERIFIKASI');

    await phone.click('button[value="APPROVE"]');
    expect(await textOf(phone, 'h1')).toBe('Keputusan tercatat: disetujui');
    await phone.screenshot({ path: join(SHOTS, '04-approved.png'), fullPage: true });
    expect(await consoleStatus(desk, id, 'MENUNGGU_PENGESAHAN')).toBe('MENUNGGU_PENGESAHAN');

    // The same link again: a clear "already decided" page.
    await phone.goto(link);
    expect(await textOf(phone, 'h1')).toBe('Sudah diputuskan');
    await phone.screenshot({ path: join(SHOTS, '05-already-decided.png'), fullPage: true });

    const ratify = decisionLinkIn(await mail.next(people(config).CAMAT.email, '[Perlu pengesahan]'));
    await phone.goto(ratify);
    expect(await textOf(phone, 'h1')).toBe('Pengesahan Laporan Kinerja');
    await phone.screenshot({ path: join(SHOTS, '06-confirm-ratify.png'), fullPage: true });
    await phone.click('button[value="APPROVE"]');
    expect(await textOf(phone, 'h1')).toBe('Keputusan tercatat: disetujui');

    expect(await consoleStatus(desk, id, 'TERDOKUMENTASI')).toBe('TERDOKUMENTASI');
    await desk.screenshot({ path: join(SHOTS, '07-console-documented.png'), fullPage: true });
    await desk.click(`a[href="/konsol/laporan/${id}"]`);
    expect(await textOf(desk, 'h1')).toBe(id);
    expect(await desk.locator('text=Terdokumentasi').count()).toBeGreaterThan(0);
    expect(await desk.locator('text=disetujui').count()).toBe(2);
    await desk.screenshot({ path: join(SHOTS, '08-timeline.png'), fullPage: true });
    // The EMF metrics the handlers emitted are collected; the funnel counts reports.
    await desk.goto(`${stack.urls.http}/konsol`);
    await waitFor(() => stack.metrics.totals.counts.ReportsDocumented === 1, 5000, 'documented metric');
    expect(stack.metrics.totals.decisions['APPROVE/CAMAT']).toBe(1);
    expect(await textOf(desk, '.cards [data-stage="documented"] b')).toBe('1');

    // The city view on a phone: every unit a card, the page itself never wider than the screen.
    await phone.goto(`${stack.urls.http}/konsol`);
    for (const unit of ['karawaci', 'sukamaju', 'dinas-arsip'])
      expect(await phone.locator(`tr[data-unit="${unit}"]`).isVisible()).toBe(true);
    expect(await textOf(phone, 'tr[data-unit="karawaci"] td[data-stage="documented"]')).toBe('1');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(SHOTS, '09-console-units-phone.png'), fullPage: true });
    await phone.goto(`${stack.urls.http}/konsol?unit=karawaci`);
    expect(await textOf(phone, 'h1')).toContain('Kecamatan Karawaci');
    await phone.screenshot({ path: join(SHOTS, '10-console-one-unit-phone.png'), fullPage: true });
  });
});

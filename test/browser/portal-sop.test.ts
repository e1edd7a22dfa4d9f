/**
 * The whole SOP through the portal alone, in a real browser (Debian's chromium driven by playwright-core) on the
 * local stack: each person signs in from the mail MailDev received (the link on the phone, the 6-digit code on a
 * desk computer), the Staf sees a bad file's problems in the page before anything is sent and uploads a good one
 * with progress, the Sekretaris and the Camat decide from Tugas saya, and anyone verifies the ratified PDF by
 * dropping it on the public verification page. Screenshots at 390 px and 1200 px go to artifacts/portal/
 * (git-ignored) for a person to look at.
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionLinkIn, MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, ROOT, shippedConfig } from '../fakes/deps.ts';
import { sample } from '../fakes/flow.ts';
import { waitFor } from '../fakes/wait-for.ts';
import { launchChromium } from './chromium.ts';
import { screenshot } from './screenshot.ts';

const SHOTS = join(ROOT, 'artifacts/portal');
const REPORT_ID = 'karawaci-2026-TW1';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1200, height: 900 };
let stack: LocalStack;
let browser: Browser;
let inbox: MailboxClient;
// The shipped configuration: Karawaci runs the team lead's paraf before the Sekretaris.
const crew = people(shippedConfig(), 'karawaci');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startLocalStack({
    config: shippedConfig(),
    stateDir: mkdtempSync(join(tmpdir(), 'lapkin-portal-')),
    randomPorts: true,
  });
  inbox = new MailboxClient(stack.urls.mail);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function shot(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  await screenshot(page, { path: join(SHOTS, `${width}-${name}.png`), fullPage: true });
  // Phone first: nothing on any page scrolls sideways.
  expect(await page.evaluate('document.documentElement.scrollWidth'), name).toBeLessThanOrEqual(width);
}

async function h1(page: Page): Promise<string> {
  await page.waitForLoadState('load');
  return ((await page.locator('h1').first().textContent()) ?? '').trim();
}

/** A person's own browser: asks for a sign-in mail on /masuk, opens it like they would. */
async function signIn(who: { email: string }, size: typeof PHONE, via: 'link' | 'code'): Promise<Page> {
  const ctx: BrowserContext = await browser.newContext({ viewport: size });
  const page = await ctx.newPage();
  await page.goto(`${stack.urls.http}/`);
  expect(new URL(page.url()).pathname).toBe('/masuk');
  await page.fill('#email', who.email);
  await page.click('button[type="submit"]');
  await page.waitForLoadState('load');
  const mail = await inbox.next(who.email, '[Masuk]');
  if (via === 'link') {
    const link = /(https?:\/\/\S+\/masuk\/tautan\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeDefined();
    await page.goto(link as string);
    // The link's page only asks; pressing the button signs in (a mail scanner's GET does nothing).
    await page.click('button[type="submit"]');
  } else {
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code, mail.text).toBeDefined();
    await page.goto(`${stack.urls.http}/masuk/kode`);
    await page.fill('#email', who.email);
    await page.fill('#kode', code as string);
    await page.click('button[type="submit"]');
  }
  await page.waitForLoadState('load');
  expect(new URL(page.url()).pathname).toBe('/');
  const cookie = (await ctx.cookies()).find((c) => c.name === 'lapkin_sesi');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  return page;
}

/** Tugas saya → the report's task → approve. Returns the result page's heading. */
async function approveFromTasks(page: Page, label: string): Promise<string> {
  await page.goto(`${stack.urls.http}/tugas`);
  const task = page.locator(`li[data-report="${REPORT_ID}"] a.title`).first();
  await task.waitFor({ timeout: 15_000 });
  await shot(page, `${label}-tugas`);
  await task.click();
  await page.locator('button[value="APPROVE"]').waitFor();
  await shot(page, `${label}-konfirmasi`);
  await page.click('button[value="APPROVE"]');
  const heading = await h1(page);
  await shot(page, `${label}-hasil`);
  return heading;
}

describe('the SOP through the portal alone', () => {
  it('sign in, check and upload, decide from Tugas saya, verify the ratified PDF', async () => {
    // ── Staf, on a phone: signs in from the mailed link ──────────────────────────────────────────────
    const staf = await signIn(crew.STAF, PHONE, 'link');
    await shot(staf, 'staf-beranda');
    await staf.goto(`${stack.urls.http}/unggah`);
    await staf.locator('#kirim:not([disabled])').waitFor({ timeout: 15_000 });
    await staf.selectOption('#tahun', '2026');
    await staf.selectOption('#periode', 'TW1');

    // A bad file: every problem is listed in the page, nothing is sent.
    await staf.setInputFiles('#berkas', join(ROOT, 'test/fixtures/data/bad-numbers.csv'));
    await staf.click('#kirim');
    await staf.locator('#masalah:not([hidden])').waitFor({ timeout: 15_000 });
    expect(await staf.locator('#masalah tbody tr').count()).toBeGreaterThan(0);
    await shot(staf, 'staf-masalah');
    expect(await stack.store.listVersions(`masuk/karawaci/2026/TW1/`)).toHaveLength(0);
    expect(await stack.deps().repo.get(REPORT_ID)).toBeUndefined();

    // A good file goes straight to the (local) bucket with a progress bar, and starts the report.
    await staf.setInputFiles('#berkas', {
      name: 'kinerja-tw1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sample('awal')),
    });
    await staf.click('#kirim');
    await staf.locator('#kemajuan:not([hidden])').waitFor({ timeout: 15_000 });
    await staf.locator('#status a').waitFor({ timeout: 30_000 });
    expect(await staf.locator('#kemajuan-persen').textContent()).toBe('100 %');
    await shot(staf, 'staf-terkirim');
    await waitFor(
      async () => (await stack.deps().repo.get(REPORT_ID))?.status === 'MENUNGGU_PARAF',
      60_000,
      "report awaiting the team lead's paraf",
    );
    await staf.click('#status a');
    expect(await h1(staf)).toContain('Laporan Kinerja');
    expect(await staf.locator('[data-next="decision"]').textContent()).toContain('paraf ketua tim');
    await shot(staf, 'staf-laporan');

    // ── Ketua TIMSAKIP (the team lead), on a phone: initials it from Tugas saya ─────────────────────
    const lead = await signIn(crew.TIMSAKIP, PHONE, 'link');
    expect(await approveFromTasks(lead, 'ketua-tim')).toBe('Keputusan tercatat: disetujui');
    await waitFor(
      async () => (await stack.deps().repo.get(REPORT_ID))?.status === 'MENUNGGU_VERIFIKASI',
      60_000,
      'report awaiting verification',
    );

    // ── Sekretaris, at a desk: the link opened on the phone, so the 6-digit code ─────────────────────
    const sek = await signIn(crew.SEKRETARIS_CAMAT, DESK, 'code');
    expect(await approveFromTasks(sek, 'sekretaris')).toBe('Keputusan tercatat: disetujui');
    await waitFor(
      async () => (await stack.deps().repo.get(REPORT_ID))?.status === 'MENUNGGU_PENGESAHAN',
      60_000,
      'report awaiting ratification',
    );

    // ── Camat, on a phone ───────────────────────────────────────────────────────────────────────────
    const camat = await signIn(crew.CAMAT, PHONE, 'link');
    // The emailed decision link still works (and opens in a new tab from the mail): a send-back needs a note.
    const request = await inbox.next(crew.CAMAT.email, '[Perlu pengesahan]');
    expect(request.html).toMatch(/<a [^>]*href="[^"]*\/keputusan\/[^"]*"[^>]*target="_blank"/);
    await camat.goto(decisionLinkIn(request));
    await camat.click('button[value="REVISE"]');
    expect(await camat.locator('[role="alert"]').first().textContent()).toContain('Mohon isi catatan');
    await shot(camat, 'camat-tautan-tanpa-catatan');
    expect(await approveFromTasks(camat, 'camat')).toBe('Keputusan tercatat: disetujui');
    const documented = await waitFor(
      async () => {
        const r = await stack.deps().repo.get(REPORT_ID);
        return r?.status === 'TERDOKUMENTASI' ? r : undefined;
      },
      90_000,
      'report documented',
    );

    // The report page now offers the archive; the Staf downloads the ratified PDF from it.
    await staf.goto(`${stack.urls.http}/laporan/${REPORT_ID}`);
    await shot(staf, 'staf-laporan-selesai');
    const pdfHref = await staf
      .locator('a[href*="_dokumen"]')
      .evaluateAll((as) =>
        as
          .map((a) => (a as unknown as { href: string }).href)
          .find((h) => decodeURIComponent(h).includes('disahkan.pdf')),
      );
    expect(pdfHref).toBeDefined();
    const pdf = Buffer.from(await (await staf.request.get(pdfHref as string)).body());
    const dir = mkdtempSync(join(tmpdir(), 'lapkin-portal-pdf-'));
    writeFileSync(join(dir, 'laporan.pdf'), pdf);
    const changed = Buffer.from(pdf);
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1;
    writeFileSync(join(dir, 'laporan-diubah.pdf'), changed);

    // ── Anyone, no sign-in: the code printed on the PDF, its page, the PDF dropped on it ────────────
    const code = documented.verificationCode as string;
    for (const size of [PHONE, DESK]) {
      const visitor = await (await browser.newContext({ viewport: size })).newPage();
      await visitor.goto(`${stack.urls.http}/verifikasi/${code}`);
      expect(await h1(visitor)).toBe('Verifikasi keaslian dokumen');
      await visitor.locator('#cocokkan').waitFor();
      await visitor.setInputFiles('#berkas', join(dir, 'laporan.pdf'));
      await expect
        .poll(() => visitor.locator('#hasil').textContent(), { timeout: 10_000 })
        .toContain('cocok — sama dengan');
      await shot(visitor, 'verifikasi-cocok');
      await visitor.setInputFiles('#berkas', join(dir, 'laporan-diubah.pdf'));
      await expect.poll(() => visitor.locator('#hasil').textContent(), { timeout: 10_000 }).toContain('tidak cocok');
      await shot(visitor, 'verifikasi-tidak-cocok');
    }
  }, 240_000);
});

/**
 * /delegasi in a real browser (Debian's chromium driven by playwright-core) at 390 px and 1200 px: the Camat
 * fills the form (a problem shown in the form first), sets a Plh for today, sees it listed; the request he had
 * been asked moves to the Plh and his emailed link answers "dialihkan". No horizontal scroll anywhere.
 * Screenshots go to artifacts/browser/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../functions/core/config.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people, ROOT } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { portalOf } from '../fakes/portal.ts';
import { launchChromium } from './chromium.ts';
import { screenshot } from './screenshot.ts';

const SHOTS = join(ROOT, 'artifacts/browser');
let f: ReturnType<typeof fakeDeps>;
let server: ServerType;
let base = '';
let browser: Browser;
let camatLink = '';
const P = people();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  f = fakeDeps();
  await seedDirectory(f.deps);
  const portal = portalOf(f.deps);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: portal.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  f.deps.publicBaseUrl = base; // same-origin POSTs from this browser, links to this server
  await uploadAndAssemble(f.deps, sample('awal'));
  const executionArn = (await f.repo.get(REPORT_ID))?.executionArn ?? '';
  await requestDecision(f.deps, { taskToken: 't-v', reportId: REPORT_ID, executionArn, step: 'verify' });
  await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
  await requestDecision(f.deps, { taskToken: 't-r', reportId: REPORT_ID, executionArn, step: 'ratify' });
  camatLink = linkInMail(f.mailer.sent.at(-1)?.text ?? '');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function signedIn(who: Pick<Person, 'nip'>, width: 390 | 1200): Promise<BrowserContext> {
  const { id } = await startSession(f.deps, { nip: who.nip, unit: 'karawaci' });
  const ctx = await browser.newContext({
    viewport: { width, height: width === 390 ? 844 : 800 },
    deviceScaleFactor: 1,
  });
  await ctx.addCookies([{ name: 'lapkin_sesi', value: id, url: base }]);
  return ctx;
}

async function fits(page: Page, width: number) {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

const save = (page: Page, name: string) =>
  screenshot(page, { path: join(SHOTS, `portal-${name}.png`), fullPage: true });

describe('/delegasi in a browser', () => {
  it('the Camat sets a Plh for today at 390 px and 1200 px; his link then says dialihkan', async () => {
    for (const width of [390, 1200] as const) {
      const page = await (await signedIn(P.CAMAT, width)).newPage();
      await page.goto(`${base}/delegasi`);
      await fits(page, width);
      await save(page, `delegasi-${width}`);
      if (width === 390) {
        // A problem first: the end before the start, shown in the form with what was typed.
        await page.selectOption('#nip', P.KASI.nip);
        await page.fill('#mulai', '2026-04-08');
        await page.fill('#sampai', '2026-04-06');
        await page.fill('#alasan', 'cuti tahunan');
        await page.click('button.btn-ok');
        expect(await page.locator('.error').textContent()).toContain('tanggal selesai harus sesudah tanggal mulai');
        expect(await page.inputValue('#alasan')).toBe('cuti tahunan');
        await fits(page, width);
        await save(page, `delegasi-salah-${width}`);
        await page.fill('#mulai', '2026-04-06');
        await page.fill('#sampai', '2026-04-08');
        await page.click('button.btn-ok');
        expect(await page.locator('[role=status]').textContent()).toContain('Plh / Plt telah ditetapkan');
        expect(await page.locator('[data-delegation]').count()).toBe(1);
      }
      await page.goto(`${base}/delegasi?ok=1`);
      await fits(page, width);
      await save(page, `delegasi-ditetapkan-${width}`);

      const old = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
      await old.goto(camatLink);
      expect(await old.locator('h1').textContent()).toBe('Permintaan telah dialihkan');
      expect(await old.locator('main').textContent()).toContain(
        `Permintaan ini telah dialihkan kepada ${P.KASI.name}, Plh. Camat Karawaci`,
      );
      await fits(old, width);
      await save(old, `dialihkan-${width}`);
    }
  });
});

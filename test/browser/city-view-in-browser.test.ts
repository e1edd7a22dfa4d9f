/**
 * The city view (the operator's view that replaced the local console) in a real browser (Debian's chromium
 * driven by playwright-core) at 390 px and 1200 px: reports of several units, the pending decisions, the table of
 * units (a card per unit on a phone), the local operator counters opened — no horizontal scroll. The language
 * switch goes back to the same filtered page in English, and the choice sticks for the next page. The portal app
 * runs on in-memory ports behind @hono/node-server. Screenshots go to artifacts/browser/ (git-ignored).
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_UNIT, type Person } from '../../functions/core/config.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, ROOT } from '../fakes/deps.ts';
import { linkInMail, linkParts, sample } from '../fakes/flow.ts';
import { portalOf } from '../fakes/portal.ts';
import { launchChromium } from './chromium.ts';
import { screenshot } from './screenshot.ts';

const SHOTS = join(ROOT, 'artifacts/browser');
const HOUR = 3600_000;
let f: ReturnType<typeof fakeDeps>;
let server: ServerType;
let base = '';
let browser: Browser;

async function assembled(unit: string, periode: string) {
  const key = `masuk/${unit}/2026/${periode}/data-kinerja.csv`;
  const text = new TextDecoder().decode(sample('awal')).replaceAll(';TW1;', `;${periode};`);
  const { versionId } = await f.store.put({
    key,
    body: new TextEncoder().encode(text),
    contentType: 'text/csv',
    metadata: { 'uploader-email': 'staf@example.go.id' },
  });
  await receiveUpload(f.deps, { key, versionId });
  await assembleReport(f.deps, { reportId: `${unit}-2026-${periode}`, source: { key, versionId } });
}

async function ask(reportId: string, step: 'verify' | 'ratify') {
  const executionArn = (await f.repo.get(reportId))?.executionArn ?? '';
  await requestDecision(f.deps, { taskToken: `t-${reportId}-${step}`, reportId, executionArn, step });
  return linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? ''));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  f = fakeDeps();
  await seedDirectory(f.deps);
  // TW1 of three units: karawaci waits for verification (late by the end), sukamaju is documented, dinas-arsip
  // waits for its head's signature; karawaci TW2 waits for verification too (another period, still listed).
  await assembled('karawaci', 'TW1');
  await ask('karawaci-2026-TW1', 'verify');
  f.clock.advance(2 * HOUR);
  await assembled('sukamaju', 'TW1');
  await submitDecision(f.deps, await ask('sukamaju-2026-TW1', 'verify'), { decision: 'APPROVE' });
  await submitDecision(f.deps, await ask('sukamaju-2026-TW1', 'ratify'), { decision: 'APPROVE' });
  await archiveReport(f.deps, { reportId: 'sukamaju-2026-TW1' });
  f.clock.advance(HOUR);
  await assembled('dinas-arsip', 'TW1');
  await submitDecision(f.deps, await ask('dinas-arsip-2026-TW1', 'verify'), { decision: 'APPROVE' });
  await ask('dinas-arsip-2026-TW1', 'ratify');
  f.clock.advance(HOUR);
  await assembled('karawaci', 'TW2');
  await ask('karawaci-2026-TW2', 'verify');
  f.clock.advance(22 * HOUR);

  const portal = portalOf(f.deps, {
    operatorFacts: () => ({
      counts: {
        ReportsReceived: 4,
        CorrectionsReceived: 0,
        RevisionsRequested: 0,
        RemindersSent: 1,
        SlaBreaches: 1,
        Decisions: 4,
      },
      byUnit: { karawaci: { ReportsReceived: 2, SlaBreaches: 1 } },
      mailUrl: 'http://127.0.0.1:1080',
    }),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: portal.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  f.deps.publicBaseUrl = base;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function city(width: 390 | 1200): Promise<BrowserContext> {
  const kota = f.config.city?.people.KOTA as Person;
  const { id } = await startSession(f.deps, { nip: kota.nip, unit: CITY_UNIT });
  const ctx = await browser.newContext({
    viewport: { width, height: width === 390 ? 844 : 800 },
    deviceScaleFactor: 1,
  });
  await ctx.addCookies([{ name: 'lapkin_sesi', value: id, url: base }]);
  return ctx;
}

const scrollWidth = 'document.documentElement.scrollWidth';

/** The whole page, for a person to look at. */
async function save(page: Page, name: string) {
  await screenshot(page, { path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the city view in a browser', () => {
  it('fits 390 px and 1200 px: pending decisions, units as cards on a phone, the operator counters open', async () => {
    for (const width of [390, 1200] as const) {
      const page = await (await city(width)).newPage();
      await page.goto(`${base}/laporan?tahun=2026&periode=TW1`);
      expect(await page.locator('[data-pending]').count()).toBe(3);
      expect(await page.locator('tr[data-unit]').count()).toBe(3);
      await page.click('details.operator > summary');
      expect(await page.locator('details.operator dt').first().isVisible()).toBe(true);
      expect(await page.evaluate(scrollWidth)).toBeLessThanOrEqual(width);
      // On a phone each unit is a card (its rows stacked), on a desk a table row.
      const row = await page.locator('tr[data-unit="karawaci"]').boundingBox();
      if (width === 390) expect(row?.height ?? 0).toBeGreaterThan(200);
      else expect(row?.height ?? 1000).toBeLessThan(90);
      await save(page, `portal-kota-${width}`);
      const unit = await (await city(width)).newPage();
      await unit.goto(`${base}/laporan?unit=karawaci`);
      expect(await unit.evaluate(scrollWidth)).toBeLessThanOrEqual(width);
      await save(unit, `portal-kota-unit-${width}`);
    }
  });

  it('the language switch goes back to the same filtered page in English, and the next page stays English', async () => {
    const page = await (await city(390)).newPage();
    await page.goto(`${base}/laporan?unit=karawaci&tahun=2026`);
    await page.click('nav.lang-switch a[hreflang="en"]');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/laporan?unit=karawaci&tahun=2026');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Performance reports');
    await page.click('header.top a[href="/laporan"]');
    await page.waitForLoadState('load');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, { path: join(SHOTS, 'portal-kota-en-390.png'), fullPage: true });
  });
});

/**
 * Reports and Tugas saya in a real browser (Debian's chromium driven by playwright-core) at 390 px and 1200 px:
 * no horizontal scroll, each report a card on a phone, the decision buttons above the long lists, and a Camat
 * deciding from Tugas saya. The portal app runs on in-memory ports behind @hono/node-server; the browser is
 * signed in with a session cookie (the sign-in pages are tested on their own). Screenshots go to
 * artifacts/browser/ (git-ignored) for a person to look at.
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
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people, ROOT } from '../fakes/deps.ts';
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
const ids: Record<string, string> = {};

async function assembled(unit: string, periode: string, body = sample('awal')) {
  const key = `masuk/${unit}/2026/${periode}/data-kinerja.csv`;
  const text = new TextDecoder().decode(body).replaceAll(';TW1;', `;${periode};`);
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
  const { decisionId } = await requestDecision(f.deps, {
    taskToken: `t-${reportId}-${step}`,
    reportId,
    executionArn,
    step,
  });
  return { decisionId, link: linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')) };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  f = fakeDeps();
  await seedDirectory(f.deps);
  // karawaci TW1: sent back by the Sekretaris, corrected (revision 2 with its diff), waiting for verification.
  await assembled('karawaci', 'TW1');
  const first = await ask('karawaci-2026-TW1', 'verify');
  const note = 'Realisasi IK-04 perlu dicek ulang; lengkapi faktor penghambat dan tindak lanjut.';
  await submitDecision(f.deps, first.link, { decision: 'REVISE', note });
  await requestRevision(f.deps, {
    taskToken: 'rev-1',
    reportId: 'karawaci-2026-TW1',
    executionArn: (await f.repo.get('karawaci-2026-TW1'))?.executionArn ?? '',
    request: { reason: 'REVISE', step: 'verify', note },
  });
  f.clock.advance(3 * HOUR);
  await assembled('karawaci', 'TW1', sample('perbaikan-1'));
  ids.verify = (await ask('karawaci-2026-TW1', 'verify')).decisionId;
  // karawaci TW2: initialled by the Sekretaris, waiting for the Camat's signature.
  f.clock.advance(HOUR);
  await assembled('karawaci', 'TW2');
  await submitDecision(f.deps, (await ask('karawaci-2026-TW2', 'verify')).link, {
    decision: 'APPROVE',
    note: 'Sesuai.',
  });
  ids.ratify = (await ask('karawaci-2026-TW2', 'ratify')).decisionId;
  // karawaci TW3: a second task of the Sekretaris, asked later.
  f.clock.advance(HOUR);
  await assembled('karawaci', 'TW3');
  await ask('karawaci-2026-TW3', 'verify');
  // sukamaju TW1: documented.
  await assembled('sukamaju', 'TW1');
  await submitDecision(f.deps, (await ask('sukamaju-2026-TW1', 'verify')).link, { decision: 'APPROVE' });
  await submitDecision(f.deps, (await ask('sukamaju-2026-TW1', 'ratify')).link, { decision: 'APPROVE' });
  await archiveReport(f.deps, { reportId: 'sukamaju-2026-TW1' });
  f.clock.advance(23 * HOUR); // the oldest verification is now late

  const portal = portalOf(f.deps);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: portal.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  f.deps.publicBaseUrl = base; // same-origin POSTs from this browser
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A browser context of a signed-in person at a width (phone: 390 × 844 at 2×; desk: 1200 × 800). */
async function signedIn(who: Pick<Person, 'nip'>, unit: string, width: 390 | 1200): Promise<BrowserContext> {
  const { id } = await startSession(f.deps, { nip: who.nip, unit });
  const ctx = await browser.newContext({
    viewport: { width, height: width === 390 ? 844 : 800 },
    deviceScaleFactor: 1,
  });
  await ctx.addCookies([{ name: 'lapkin_sesi', value: id, url: base }]);
  return ctx;
}

async function shot(page: Page, path: string, name: string, width: number) {
  await page.goto(`${base}${path}`);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  await save(page, `${name}-${width}`);
}

/** The whole page, for a person to look at. */
async function save(page: Page, name: string) {
  await screenshot(page, { path: join(SHOTS, `portal-${name}.png`), fullPage: true });
}

describe('reports and tasks in a browser', () => {
  it('every page fits 390 px and 1200 px; the Camat decides from Tugas saya', async () => {
    const K = people(f.config, 'karawaci');
    for (const width of [390, 1200] as const) {
      const staff = await (await signedIn(K.STAF, 'karawaci', width)).newPage();
      await shot(staff, '/laporan', 'laporan', width);
      expect(await staff.locator('ul.cards > li').count()).toBe(3);
      await shot(staff, '/laporan/karawaci-2026-TW1', 'laporan-detail', width);
      await staff.click('details.diff-section > summary');
      await save(staff, `laporan-detail-diff-${width}`);
      expect(await staff.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      const city = await (await signedIn(f.config.city?.people.KOTA as Person, CITY_UNIT, width)).newPage();
      await shot(city, '/laporan?tahun=2026', 'laporan-kota', width);
      expect(await city.locator('ul.cards.reports > li').count()).toBe(4);

      const sekcam = await (await signedIn(K.SEKRETARIS_CAMAT, 'karawaci', width)).newPage();
      await shot(sekcam, '/tugas', 'tugas', width);
      expect(await sekcam.locator('ul.cards > li').count()).toBe(2);
      await shot(sekcam, `/tugas/${ids.verify}`, 'tugas-verifikasi', width);

      const camat = await (await signedIn(K.CAMAT, 'karawaci', width)).newPage();
      await shot(camat, `/tugas/${ids.ratify}`, 'tugas-pengesahan', width);
      // The buttons come before the long lists (collapsed): on a phone within the first two screens.
      const button = await camat.locator('button[value="APPROVE"]').boundingBox();
      expect(button?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(2 * 844);
      await camat.click('details.below-target > summary');
      await save(camat, `tugas-pengesahan-open-${width}`);
    }

    const camat = await (await signedIn(K.CAMAT, 'karawaci', 390)).newPage();
    await camat.goto(`${base}/tugas`);
    await camat.click(`a[href="/tugas/${ids.ratify}"] >> nth=0`);
    await camat.click('button[value="APPROVE"]');
    await camat.waitForLoadState('load');
    expect(((await camat.locator('h1').textContent()) ?? '').trim()).toBe('Keputusan tercatat: disetujui');
    await screenshot(camat, { path: join(SHOTS, 'portal-tugas-hasil-390.png'), fullPage: true });
    expect((await f.repo.get('karawaci-2026-TW2'))?.status).toBe('DISAHKAN');
  });
});

/**
 * The local stack's own HTTP routes are safe to leave running on a developer's machine: no response carries a
 * task token (views get an allow-listed view model, not the stored record), a cross-site request can change
 * nothing (a web page open in the same browser cannot upload, retry or decide), and a malformed upload is
 * answered with its reason instead of an internal error. Real local stack; requests over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_UNIT, type Person } from '../../functions/core/config.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { postDecision } from '../../infra/local/decide-client.ts';
import { decisionLinkIn, MailboxClient } from '../../infra/local/maildev-client.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, testConfig } from '../fakes/deps.ts';
import { KEY, REPORT_ID, sample } from '../fakes/flow.ts';
import { waitFor } from '../fakes/wait-for.ts';

let stack: LocalStack;
let link: string;
const tokens: string[] = [];
/** The city person's session cookie: the operator signs in as the configured KOTA person, like anyone else. */
let city: string;

beforeAll(async () => {
  const config = testConfig();
  stack = await startLocalStack({ config, stateDir: mkdtempSync(join(tmpdir(), 'lapkin-routes-')), randomPorts: true });
  await stack.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
  const mail = new MailboxClient(stack.urls.mail);
  link = decisionLinkIn(await mail.next(people(config).SEKRETARIS_CAMAT.email, '[Perlu verifikasi]'));
  expect((await postDecision(link, 'REVISE', 'Lengkapi narasi.')).status).toBe(200);
  // The report now waits for a corrected upload: its record holds the revision wait's token.
  const report = await waitFor(
    async () => {
      const r = await stack.deps().repo.get(REPORT_ID);
      return r?.revisionTaskToken ? r : undefined;
    },
    10_000,
    'revision wait',
  );
  tokens.push(report.revisionTaskToken as string);
  for (const e of await stack.deps().repo.events(REPORT_ID)) {
    const id = e.detail?.decisionId;
    if (typeof id === 'string') tokens.push((await stack.deps().repo.getDecision(id))?.taskToken ?? '');
  }
  expect(tokens.filter(Boolean).length).toBeGreaterThanOrEqual(2);
  const kota = config.city?.people.KOTA as Person;
  city = `lapkin_sesi=${(await startSession(stack.deps(), { nip: kota.nip, unit: CITY_UNIT })).id}`;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('no local response carries a task token', () => {
  it('on every route', async () => {
    const http = stack.urls.http;
    const decisionPath = new URL(link).pathname;
    const signedIn = { headers: { cookie: city } };
    const timeline = await (await fetch(`${http}/laporan/${REPORT_ID}`, signedIn)).text();
    const download = /href="([^"]*_dokumen[^"]*)"/.exec(timeline)?.[1]?.replace(/&amp;/g, '&');
    expect(download).toBeDefined();
    const requests: [string, RequestInit?][] = [
      [`${http}/`],
      [`${http}/`, signedIn],
      [`${http}/konsol`],
      [`${http}/konsol/laporan/${REPORT_ID}`],
      [`${http}/laporan`, signedIn],
      [`${http}/laporan?unit=karawaci&lang=en`, signedIn],
      [`${http}/laporan/${REPORT_ID}`, signedIn],
      [`${http}/_lokal/laporan`],
      [`${http}/_lokal/laporan/${REPORT_ID}`],
      [`${http}/_lokal/laporan/tidak-ada`],
      [`${http}/_lokal/audit/${REPORT_ID}`],
      [link],
      [`${http}${decisionPath}`],
      [download as string],
      [`${http}/_lokal/laporan/${REPORT_ID}/ulang`, { method: 'POST' }],
      [`${http}/tidak-ada`],
    ];
    for (const [url, init] of requests) {
      const res = await fetch(url, init);
      const body = await res.text();
      const head = JSON.stringify([...res.headers]);
      for (const token of tokens.filter(Boolean)) {
        expect(body, url).not.toContain(token);
        expect(head, url).not.toContain(token);
      }
      expect(body, url).not.toMatch(/revisionTaskToken|taskToken|lapkin-local-token-/);
    }
    const one = (await (await fetch(`${http}/_lokal/laporan/${REPORT_ID}`)).json()) as {
      report: Record<string, unknown>;
    };
    // The view still says what a person needs.
    expect(one.report).toMatchObject({ reportId: REPORT_ID, status: 'PERLU_REVISI', revisionNote: 'Lengkapi narasi.' });
    expect(Object.keys(one.report)).not.toContain('lastEvent');
  });
});

describe('the console is the portal’s city view now', () => {
  const page = async (query = '') =>
    (await fetch(`${stack.urls.http}/laporan${query}`, { headers: { cookie: city } })).text();
  const card = (html: string, label: string) => Number(new RegExp(`<b>(\\d+)</b>${label}<`).exec(html)?.[1]);

  it('counts reports (one report sent back once) and lists every unit of the directory', async () => {
    const html = await page();
    expect(card(html, 'Diterima')).toBe(1);
    expect(card(html, 'Dikembalikan')).toBe(1);
    for (const unit of ['karawaci', 'sukamaju', 'dinas-arsip']) expect(html).toContain(`<tr data-unit="${unit}">`);
    expect(html).toContain(`data-report="${REPORT_ID}"`);
    // The local stack's operator counters (what CloudWatch would have), collapsed, on the city's view.
    expect(html).toContain('<details class="operator">');
    expect(Number(/<dt>ReportsReceived<\/dt><dd>(\d+)<\/dd>/.exec(html)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('?unit=U shows that unit alone', async () => {
    const other = await page('?unit=sukamaju');
    expect(other).not.toContain(`data-report="${REPORT_ID}"`);
    expect(other).not.toContain('<tr data-unit="karawaci">');
    expect(card(other, 'Diterima')).toBe(0);
    const own = await page('?unit=karawaci');
    expect(own).toContain(`data-report="${REPORT_ID}"`);
    expect(await page('?unit=tidak-ada')).toContain('tidak dikenal');
  });

  it('/konsol and /konsol/laporan/:id answer 301 to the portal, filters and language kept', async () => {
    const go = async (path: string) => {
      const res = await fetch(`${stack.urls.http}${path}`, { redirect: 'manual' });
      return [res.status, res.headers.get('location')];
    };
    expect(await go('/konsol')).toEqual([301, '/laporan']);
    expect(await go('/konsol?unit=karawaci&periode=2026-TW1&lang=en')).toEqual([
      301,
      '/laporan?unit=karawaci&tahun=2026&periode=TW1&lang=en',
    ]);
    expect(await go(`/konsol/laporan/${REPORT_ID}?lang=en`)).toEqual([301, `/laporan/${REPORT_ID}?lang=en`]);
    // Without a session the portal asks the operator to sign in first, then comes back.
    const res = await fetch(`${stack.urls.http}/laporan/${REPORT_ID}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/masuk?lanjut=');
  });
});

describe('cross-site requests change nothing', () => {
  const key = 'masuk/karawaci/2026/TW3/data.csv';
  const upload = (headers: Record<string, string>) =>
    fetch(`${stack.urls.http}/_lokal/unggah?key=${encodeURIComponent(key)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...headers },
      body: sample('awal'),
    });

  it('an upload from another origin or site is refused with 403 and stores nothing', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: new URL(stack.urls.http).origin, 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await upload(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain('Cross-site');
    }
    expect(await stack.store.listVersions(key)).toHaveLength(0);
  });

  it('retry and decisions from another origin are refused too; the page itself and the CLI still work', async () => {
    const evil = { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
    const retry = await fetch(`${stack.urls.http}/_lokal/laporan/${REPORT_ID}/ulang`, {
      method: 'POST',
      headers: evil,
    });
    expect(retry.status).toBe(403);
    const decide = await fetch(link, { method: 'POST', headers: evil, body: 'keputusan=APPROVE' });
    expect(decide.status).toBe(403);
    // A portal page refuses with its own page in Bahasa Indonesia, not the local routes' JSON.
    expect(decide.headers.get('content-type')).toContain('text/html');
    expect(await decide.text()).toContain('Permintaan ditolak');
    // Same origin (the browser on the page itself) and no Origin at all (the CLI) are let through.
    const own = await upload({ origin: new URL(stack.urls.http).origin, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(201);
    // The decision page's form under its no-referrer policy: Origin null, but Fetch Metadata says same origin.
    const page = await upload({ origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(page.status).toBe(201);
    const cli = await upload({});
    expect(cli.status).toBe(201);
    expect(await stack.store.listVersions(key)).toHaveLength(3);
  });
});

describe('ids no key can have', () => {
  it('a report or task id longer than any table key is a 404 page, not a database error', async () => {
    const long = 'a'.repeat(2100);
    for (const path of [`/laporan/${long}`, `/laporan/karawaci-2026-${long}`, `/tugas/${long}`]) {
      const res = await fetch(`${stack.urls.http}${path}`, { headers: { cookie: city } });
      expect(res.status, path.slice(0, 30)).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });
});

describe('DNS rebinding', () => {
  it('a request naming another host (a page whose name resolves to 127.0.0.1) is refused on every route', async () => {
    const { request } = await import('node:http');
    const port = Number(new URL(stack.urls.http).port);
    const ask = (method: string, path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(method === 'POST' ? 'x' : undefined);
      });
    expect(await ask('GET', `/_lokal/laporan/${REPORT_ID}`, `evil.example:${port}`)).toBe(403);
    expect(await ask('GET', '/', `evil.example:${port}`)).toBe(403);
    expect(await ask('POST', '/_lokal/unggah?key=masuk/karawaci/2026/TW4/x.csv', `evil.example:${port}`)).toBe(403);
    expect(await ask('GET', `/_lokal/laporan/${REPORT_ID}`, `localhost:${port}`)).toBe(200);
    expect(await ask('GET', `/_lokal/laporan/${REPORT_ID}`, `127.0.0.1:${port}`)).toBe(200);
    expect(await stack.store.listVersions('masuk/karawaci/2026/TW4/x.csv')).toHaveLength(0);
  });
});

describe('upload parameters', () => {
  it.each([
    ['', 'key'],
    ['laporan/karawaci/2026/TW1/laporan-kinerja-karawaci-2026-TW1.pdf', 'masuk/'],
  ])('key "%s" is answered 400 with the reason in both languages', async (key, mention) => {
    const res = await fetch(`${stack.urls.http}/_lokal/unggah?key=${encodeURIComponent(key)}`, {
      method: 'POST',
      body: 'x',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { pesan: string; message: string };
    expect(body.pesan).toContain(mention);
    expect(body.message).toContain(mention);
  });

  it('no key parameter at all is a 400 too', async () => {
    const res = await fetch(`${stack.urls.http}/_lokal/unggah`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(400);
  });
});

/**
 * The language a person chooses sticks: `?lang=en|id` sets the `lapkin_bahasa` cookie (a preference: SameSite=Lax,
 * path /, one year, HttpOnly), and the next pages — whose links carry no ?lang — are in that language. Every page
 * has an "English / Bahasa Indonesia" switch that links to the same page (its filters kept) in the other language.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { portalOf } from '../fakes/portal.ts';

let f: ReturnType<typeof fakeDeps>;
let portal: ReturnType<typeof portalOf>;

beforeEach(async () => {
  f = fakeDeps();
  await seedDirectory(f.deps);
  portal = portalOf(f.deps);
});

const langOf = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];

describe('the language choice', () => {
  it('?lang=en sets the cookie; later requests without ?lang keep English; ?lang=id switches back', async () => {
    const first = await portal.request('/masuk?lang=en');
    expect(langOf(first.body)).toBe('en');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lapkin_bahasa=en;/);
    expect(cookie).toContain('Max-Age=31536000');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // the local http:// stack

    const later = await portal.request('/masuk', { headers: { cookie: 'lapkin_bahasa=en' } });
    expect(langOf(later.body)).toBe('en');
    // Nothing to change: no cookie again.
    expect(later.headers.get('set-cookie')).toBeNull();
    expect(
      (await portal.request('/masuk?lang=en', { headers: { cookie: 'lapkin_bahasa=en' } })).headers.get('set-cookie'),
    ).toBeNull();

    const back = await portal.request('/masuk?lang=id', { headers: { cookie: 'lapkin_bahasa=en' } });
    expect(langOf(back.body)).toBe('id');
    expect(back.headers.get('set-cookie')).toMatch(/^lapkin_bahasa=id;/);
    // No choice at all: the configured language; a cookie of another value is ignored.
    expect(langOf((await portal.request('/masuk')).body)).toBe('id');
    expect(langOf((await portal.request('/masuk', { headers: { cookie: 'lapkin_bahasa=fr' } })).body)).toBe('id');
    expect((await portal.request('/masuk?lang=fr')).headers.get('set-cookie')).toBeNull();
  });

  it('a signed-in page reached by a nav link (no ?lang) stays English by the cookie', async () => {
    const { id } = await startSession(f.deps, { nip: people(f.config).STAF.nip, unit: 'karawaci' });
    const cookie = `lapkin_sesi=${id}; lapkin_bahasa=en`;
    const page = await portal.request('/laporan', { headers: { cookie } });
    expect(langOf(page.body)).toBe('en');
    expect(page.body).toContain('>Reports</a>');
    expect(page.body).toContain('href="/laporan"');
  });

  it('on HTTPS the cookie is Secure', async () => {
    const secure = portalOf(f.deps, { secureCookies: true });
    expect((await secure.request('/masuk?lang=en')).headers.get('set-cookie')).toContain('Secure');
  });
});

describe('the language switch', () => {
  it('on every page: the other language a link, the current one plain text; the page never echoes its URL', async () => {
    const { id } = await startSession(f.deps, { nip: people(f.config).STAF.nip, unit: 'karawaci' });
    const html = (await portal.request('/laporan?tahun=2026&periode=TW1', { headers: { cookie: `lapkin_sesi=${id}` } }))
      .body;
    expect(html).toContain(
      '<a href="/bahasa/en" hreflang="en" lang="en" referrerpolicy="same-origin">English</a> / <span aria-current="true">Bahasa Indonesia</span>',
    );
    const en = (await portal.request('/masuk?lang=en')).body;
    expect(en).toContain(
      '<a href="/bahasa/id" hreflang="id" lang="id" referrerpolicy="same-origin">Bahasa Indonesia</a>',
    );
    expect(en).toContain('<span aria-current="true">English</span>');
  });

  it('/bahasa/en keeps the choice and goes back to the page it was clicked on, its query kept', async () => {
    const origin = new URL(f.deps.publicBaseUrl).origin;
    const from = `${origin}/laporan?tahun=2026&periode=TW1&lang=id`;
    const res = await portal.request('/bahasa/en', { headers: { referer: from } });
    expect(res.statusCode).toBe(303);
    // The page's own ?lang would override the choice: dropped.
    expect(res.headers.get('location')).toBe('/laporan?tahun=2026&periode=TW1');
    expect(res.headers.get('set-cookie')).toMatch(/^lapkin_bahasa=en;/);
    const back = await portal.request('/bahasa/id', { headers: { referer: `${origin}/keputusan/d1?sig=abc` } });
    expect(back.headers.get('location')).toBe('/keputusan/d1?sig=abc');
    expect(back.headers.get('set-cookie')).toMatch(/^lapkin_bahasa=id;/);
    // No Referer, another site's, or nonsense: the home page.
    for (const referer of [undefined, 'https://evil.example/laporan', 'not a url']) {
      const r = await portal.request('/bahasa/en', referer ? { headers: { referer } } : {});
      expect(r.statusCode).toBe(303);
      expect(r.headers.get('location')).toBe('/');
    }
    // An unknown language changes nothing.
    expect((await portal.request('/bahasa/fr')).headers.get('set-cookie')).toBeNull();
  });
});

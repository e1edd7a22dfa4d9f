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
  it('links to this page, its query kept, in the other language; the current one is plain text', async () => {
    const { id } = await startSession(f.deps, { nip: people(f.config).STAF.nip, unit: 'karawaci' });
    const html = (await portal.request('/laporan?tahun=2026&periode=TW1', { headers: { cookie: `lapkin_sesi=${id}` } }))
      .body;
    expect(html).toContain(
      '<a href="/laporan?tahun=2026&amp;periode=TW1&amp;lang=en" hreflang="en" lang="en">English</a>',
    );
    expect(html).toContain('<span aria-current="true">Bahasa Indonesia</span>');

    const en = (await portal.request('/masuk?lang=en')).body;
    expect(en).toContain('<a href="/masuk?lang=id" hreflang="id" lang="id">Bahasa Indonesia</a>');
    expect(en).toContain('<span aria-current="true">English</span>');
  });
});

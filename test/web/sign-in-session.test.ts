/**
 * After signing in: the home page (who, which unit, which roles — all from the directory — and the pages those
 * roles need), sign-out with its CSRF token, a directory change ending a session, `lanjut` only to this site, an
 * address with roles in several units choosing one, and form fields that try to choose unit or role.
 */
import { describe, expect, it } from 'vitest';
import type { DirectoryActor } from '../../functions/core/directory.ts';
import { setPerson } from '../../functions/usecases/directory.ts';
import { resumeSession } from '../../functions/usecases/sessions.ts';
import { people, testConfig } from '../fakes/deps.ts';
import { codeIn, linkIn, sessionCookie, signInWorld } from './sign-in-helpers.ts';

const P = people();
const BY: DirectoryActor = { name: 'Operator Kota', source: 'CLI' };

/** Signs `email` in through the mailed link; the cookie header and the session's CSRF token. */
async function signIn(w: Awaited<ReturnType<typeof signInWorld>>, email: string, fields: Record<string, string> = {}) {
  await w.post('/masuk', { email, ...(fields.lanjut ? { lanjut: fields.lanjut } : {}) });
  const res = await w.post(`/masuk/tautan/${linkIn(w.f.mailer.sent.at(-1))}`, fields);
  const id = sessionCookie(res.headers)?.value ?? '';
  const found = await resumeSession(w.f.deps, id);
  return { res, id, cookie: `lapkin_sesi=${id}`, csrf: found?.session.csrf ?? '', person: found?.person };
}

describe('the home page', () => {
  it('sends a browser without a session to /masuk', async () => {
    const w = await signInWorld();
    const res = await w.get('/');
    expect(res.statusCode).toBe(303);
    expect(res.headers.get('location')).toBe('/masuk');
  });

  it('greets a staff member with the unit, the role title, and Unggah data + Laporan (no Tugas saya)', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.STAF.email);
    const home = await w.get('/', { cookie: s.cookie });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`Selamat datang, Bapak/Ibu ${P.STAF.name}`);
    expect(home.body).toContain('Kecamatan Karawaci');
    expect(home.body).toContain('>Staf Pelaksana</dd>');
    const main = home.body.slice(home.body.indexOf('<main'));
    expect(main).toContain('href="/unggah"');
    expect(main).toContain('href="/laporan"');
    expect(main).not.toContain('href="/tugas"');
  });

  it('the team lead (Ketua TIMSAKIP) uploads and has Tugas saya: the paraf is theirs to give', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.TIMSAKIP.email);
    const home = (await w.get('/', { cookie: s.cookie })).body;
    const main = home.slice(home.indexOf('<main'));
    expect(main).toContain('href="/unggah"');
    expect(main).toContain('href="/tugas"');
    expect(home.slice(0, home.indexOf('<main'))).toContain('href="/tugas"');
    expect(main).toContain('paraf');
  });

  it("shows a dinas's own titles; its head gets Tugas saya and Laporan, no upload", async () => {
    const w = await signInWorld();
    const kadis = people(testConfig(), 'dinas-arsip').CAMAT;
    const s = await signIn(w, kadis.email);
    const main = (await w.get('/', { cookie: s.cookie })).body;
    expect(main).toContain('Dinas Arsip dan Perpustakaan');
    expect(main).toContain('>Kepala Dinas</dd>');
    const body = main.slice(main.indexOf('<main'));
    expect(body).toContain('href="/tugas"');
    expect(body).toContain('href="/laporan"');
    expect(body).not.toContain('href="/unggah"');
  });

  it('lists every role a NIP holds in the unit', async () => {
    const w = await signInWorld();
    // The team lead also acts as Kepala Seksi (the same person, NIP and address).
    await setPerson(w.f.deps, { unit: 'karawaci', role: 'KASI', person: P.TIMSAKIP, actor: BY });
    const s = await signIn(w, P.TIMSAKIP.email);
    expect(s.person?.roles.sort()).toEqual(['KASI', 'TIMSAKIP']);
    const home = (await w.get('/', { cookie: s.cookie })).body;
    expect(home).toMatch(/>(Kepala Seksi, Ketua TIMSAKIP|Ketua TIMSAKIP, Kepala Seksi)<\/dd>/);
  });

  it('the city (KOTA) sees all units', async () => {
    const w = await signInWorld();
    const kota = testConfig().city?.people.KOTA;
    const s = await signIn(w, kota?.email ?? '');
    expect(w.f.mailer.sent.at(-1)?.subject).toBe('[Masuk] Portal lapkin — Pemerintah Kota Tangerang');
    expect(s.person).toMatchObject({ unit: '_kota', roles: ['KOTA'] });
    const home = (await w.get('/', { cookie: s.cookie })).body;
    expect(home).toContain('Semua unit');
    expect(home).toContain('Laporan semua unit');
  });
});

describe('signing out', () => {
  it('without the CSRF token: 403 and the session lives on; with it: the session is gone and the cookie cleared', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.STAF.email);
    const refused = await w.post('/keluar', {}, { cookie: s.cookie });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Formulir kedaluwarsa');
    expect(await resumeSession(w.f.deps, s.id)).toBeDefined();

    const out = await w.post('/keluar', { csrf: s.csrf }, { cookie: s.cookie });
    expect(out.statusCode).toBe(303);
    expect(out.headers.get('location')).toBe('/masuk?keluar=1');
    expect(await resumeSession(w.f.deps, s.id)).toBeUndefined();
    const cleared = sessionCookie(out.headers);
    expect(cleared?.value).toBe('');
    expect(cleared?.attrs).toContain('Max-Age=0');
    const page = await w.get('/masuk?keluar=1', { cookie: s.cookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bapak/Ibu telah keluar');
    expect((await w.get('/', { cookie: s.cookie })).statusCode).toBe(303);
  });

  it('the header of a signed-in page carries the sign-out form with the token', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.STAF.email);
    const home = (await w.get('/', { cookie: s.cookie })).body;
    expect(home).toContain(`<form method="post" action="/keluar"`);
    expect(home).toContain(`name="csrf" value="${s.csrf}"`);
  });
});

describe('the directory decides', () => {
  it('a session whose NIP left the unit is no longer signed in', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.STAF.email);
    expect((await w.get('/', { cookie: s.cookie })).statusCode).toBe(200);
    await setPerson(w.f.deps, {
      unit: 'karawaci',
      role: 'STAF',
      person: { name: 'Staf Baru', nip: '199501012020011001', email: 'staf.baru@example.go.id', title: 'Staf' },
      actor: BY,
    });
    expect(await resumeSession(w.f.deps, s.id)).toBeUndefined();
    expect((await w.get('/', { cookie: s.cookie })).headers.get('location')).toBe('/masuk');
  });

  it('a link asked for before the person left the unit signs nobody in', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.KASI.email });
    await setPerson(w.f.deps, {
      unit: 'karawaci',
      role: 'KASI',
      person: { name: 'Kasi Baru', nip: '199501012020011001', email: 'kasi.baru@example.go.id', title: 'Kepala Seksi' },
      actor: BY,
    });
    const res = await w.post(`/masuk/tautan/${linkIn(w.f.mailer.sent[0])}`, {});
    expect(res.statusCode).toBe(410);
    expect(w.f.sessions.items.size).toBe(0);
  });

  it('form fields naming a unit or a role change nothing', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.STAF.email, { unit: 'sukamaju', role: 'CAMAT', roles: 'CAMAT', nip: P.CAMAT.nip });
    expect(s.person).toMatchObject({ unit: 'karawaci', nip: P.STAF.nip, roles: ['STAF'] });
    await w.post('/masuk', { email: P.STAF.email, unit: 'sukamaju', role: 'KOTA' });
    const code = codeIn(w.f.mailer.sent.at(-1));
    const res = await w.post('/masuk/kode', { email: P.STAF.email, kode: code, unit: 'dinas-arsip', role: 'CAMAT' });
    const byCode = await resumeSession(w.f.deps, sessionCookie(res.headers)?.value);
    expect(byCode?.person).toMatchObject({ unit: 'karawaci', roles: ['STAF'] });
  });
});

describe('where to go after signing in', () => {
  it('`lanjut` is followed only to a path of this site', async () => {
    const w = await signInWorld();
    for (const evil of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/masuk',
    ]) {
      const s = await signIn(w, P.STAF.email, { lanjut: evil });
      expect(s.res.headers.get('location')).toBe('/');
      w.f.clock.advance(60 * 60_000); // the address's hourly limit
    }
    const s = await signIn(w, P.STAF.email, { lanjut: '/laporan?periode=TW1' });
    expect(s.res.headers.get('location')).toBe('/laporan?periode=TW1');
  });

  it('a page asked for before signing in is where the mailed link leads', async () => {
    const w = await signInWorld();
    const page = await w.get('/masuk?lanjut=%2Ftugas');
    expect(page.body).toContain('name="lanjut" value="/tugas"');
    await w.post('/masuk', { email: P.CAMAT.email, lanjut: '/tugas' });
    const token = linkIn(w.f.mailer.sent[0]);
    expect((await w.get(`/masuk/tautan/${token}`)).body).toContain('name="lanjut" value="/tugas"');
    const res = await w.post(`/masuk/tautan/${token}`, {});
    expect(res.headers.get('location')).toBe('/tugas');
  });

  it('a signed-in browser opening /masuk goes home', async () => {
    const w = await signInWorld();
    const s = await signIn(w, P.STAF.email);
    const res = await w.get('/masuk?lanjut=https%3A%2F%2Fevil.example', { cookie: s.cookie });
    expect(res.statusCode).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });
});

describe('one address in several units', () => {
  const twoUnits = async () => {
    const w = await signInWorld();
    // The same person (NIP, address) also holds a role in another unit.
    await setPerson(w.f.deps, { unit: 'sukamaju', role: 'KASI', person: P.STAF, actor: BY });
    await w.post('/masuk', { email: P.STAF.email });
    return w;
  };

  it('the mail names both units; the link page asks which, and signs in to the chosen one', async () => {
    const w = await twoUnits();
    expect(w.f.mailer.sent[0]?.subject).toBe('[Masuk] Portal lapkin — Kecamatan Karawaci, Kecamatan Sukamaju');
    const token = linkIn(w.f.mailer.sent[0]);
    const page = await w.get(`/masuk/tautan/${token}`);
    expect(page.body).toContain('name="unit" value="karawaci"');
    expect(page.body).toContain('name="unit" value="sukamaju"');
    // No choice, or a unit not among the address's own: asked again, nothing consumed.
    for (const unit of [undefined, 'dinas-arsip']) {
      const res = await w.post(`/masuk/tautan/${token}`, unit ? { unit } : {});
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Mohon pilih salah satu unit');
      expect(sessionCookie(res.headers)).toBeUndefined();
    }
    const res = await w.post(`/masuk/tautan/${token}`, { unit: 'sukamaju' });
    const s = await resumeSession(w.f.deps, sessionCookie(res.headers)?.value);
    expect(s?.person).toMatchObject({ unit: 'sukamaju', roles: ['KASI'] });
    expect((await w.post(`/masuk/tautan/${token}`, { unit: 'karawaci' })).statusCode).toBe(410);
  });

  it('with the code: the right code first, then the unit', async () => {
    const w = await twoUnits();
    const code = codeIn(w.f.mailer.sent[0]);
    const choose = await w.post('/masuk/kode', { email: P.STAF.email, kode: code });
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('name="unit" value="sukamaju"');
    const res = await w.post('/masuk/kode', { email: P.STAF.email, kode: code, unit: 'karawaci' });
    const s = await resumeSession(w.f.deps, sessionCookie(res.headers)?.value);
    expect(s?.person).toMatchObject({ unit: 'karawaci', roles: ['STAF'] });
  });
});

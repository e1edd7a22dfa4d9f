/**
 * Sign-in without passwords through the portal's pages: the mailed one-time link (GET shows a button, POST signs
 * in once), the 6-digit code for another device, the neutral answer for unknown addresses, the rate limits, and
 * nothing secret in any log line. Real: routes, use cases, sessions, mail template. Faked: every port.
 */
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SIGN_IN_MINUTES } from '../../functions/core/sign-in.ts';
import { resumeSession } from '../../functions/usecases/sessions.ts';
import { people } from '../fakes/deps.ts';
import { codeIn, linkIn, sessionCookie, signInWorld } from './sign-in-helpers.ts';

const P = people();
const UNKNOWN = 'tidak.terdaftar@example.go.id';

describe('asking for a sign-in mail', () => {
  it('answers an unknown address with the very page of a known one, and mails nobody', async () => {
    const w = await signInWorld();
    const unknown = await w.post('/masuk', { email: UNKNOWN });
    expect(w.f.mailer.sent).toHaveLength(0);
    expect(w.f.signIns.requests.size).toBe(0);
    const known = await w.post('/masuk', { email: P.STAF.email });
    expect(w.f.mailer.sent).toHaveLength(1);
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    expect(unknown.body).toContain('Mohon periksa email Bapak/Ibu');
    expect(unknown.body.replaceAll(UNKNOWN, 'X')).toBe(known.body.replaceAll(P.STAF.email, 'X'));
  });

  it('takes at least the configured time for every address, so timing does not tell a known one', async () => {
    // A known address costs a mail (SES: 100–300 ms), an unknown one nothing: both answers wait out the floor.
    const w = await signInWorld({ signInAnswerMs: 150 });
    for (const email of [UNKNOWN, P.STAF.email]) {
      const t = performance.now();
      const res = await w.post('/masuk', { email });
      expect(res.statusCode).toBe(200);
      expect(performance.now() - t, email).toBeGreaterThanOrEqual(145);
    }
    expect(w.f.mailer.sent).toHaveLength(1);
  });

  it('mails one link and one code to a person of the directory, in the formal register, and stores only hashes', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.SEKRETARIS_CAMAT.email });
    expect(w.f.mailer.sent).toHaveLength(1);
    const mail = w.f.mailer.sent[0];
    expect(mail?.to).toEqual([P.SEKRETARIS_CAMAT.email]);
    expect(mail?.subject).toBe('[Masuk] Portal lapkin — Kecamatan Karawaci');
    const token = linkIn(mail);
    const code = codeIn(mail);
    for (const part of [mail?.text ?? '', mail?.html ?? '']) {
      expect(part).toContain(`Yth. Bapak/Ibu ${P.SEKRETARIS_CAMAT.name}`);
      expect(part).toContain(`https://lapkin.example.go.id/masuk/tautan/${token}`);
      expect(part).toContain(code);
      expect(part).toContain(`berlaku ${SIGN_IN_MINUTES} menit dan hanya dapat digunakan satu kali`);
      expect(part).toContain('Mohon abaikan email ini bila Bapak/Ibu tidak meminta');
    }
    // Every link of the mail opens in a tab of its own.
    const anchors = mail?.html.match(/<a [^>]*>/g) ?? [];
    expect(anchors.length).toBeGreaterThanOrEqual(2);
    for (const a of anchors) expect(a).toMatch(/target="_blank" rel="noopener noreferrer"/);
    // The table never holds the token or the code, only what they hash to.
    const stored = JSON.stringify([...w.f.signIns.requests.values(), ...w.f.signIns.latest.entries()]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(code);
    const [request] = w.f.signIns.requests.values();
    expect(request).toMatchObject({
      choices: [{ unit: 'karawaci', nip: P.SEKRETARIS_CAMAT.nip }],
      attempts: 0,
      expiresAt: new Date(w.f.clock.now().getTime() + 15 * 60_000).toISOString(),
    });
  });

  it('finds the address whatever its case, and mails in English on ?lang=en', async () => {
    const w = await signInWorld();
    const res = await w.post('/masuk?lang=en', { email: P.STAF.email.toUpperCase() });
    expect(res.body).toContain('Check your email');
    expect(w.f.mailer.sent[0]?.subject).toBe('[Sign in] lapkin portal — Kecamatan Karawaci');
    expect(w.f.mailer.sent[0]?.text).toContain(`Dear ${P.STAF.name}`);
  });

  it('refuses what cannot be an address (the only different answer), and mails nobody', async () => {
    const w = await signInWorld();
    const res = await w.post('/masuk', { email: 'staf@example.go.id, camat@example.go.id' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Alamat email ini tidak valid');
    expect(w.f.mailer.sent).toHaveLength(0);
  });

  it('lets offices behind one public address (NAT) sign in within the hour: 15 people asking 3 times each', async () => {
    const w = await signInWorld();
    w.fromIp('198.51.100.20');
    const everyone = ['karawaci', 'sukamaju', 'dinas-arsip'].flatMap((unit) => Object.values(people(undefined, unit)));
    expect(everyone).toHaveLength(15);
    for (let round = 0; round < 3; round++)
      for (const person of everyone) await w.post('/masuk', { email: person.email });
    // 45 requests from one address: every one mailed (each address stays under its own 5 an hour).
    expect(w.f.mailer.sent).toHaveLength(45);
  });

  it('limits mails per address (5 an hour) and requests per source (200 an hour), with the same answer', async () => {
    const w = await signInWorld();
    const pages = new Set<string>();
    for (let i = 0; i < 7; i++) pages.add((await w.post('/masuk', { email: P.KASI.email })).body);
    expect(w.f.mailer.sent).toHaveLength(5);
    expect(pages.size).toBe(1);
    // An hour later the address may ask again.
    w.f.clock.advance(60 * 60_000);
    await w.post('/masuk', { email: P.KASI.email });
    expect(w.f.mailer.sent).toHaveLength(6);

    // One source asking for many addresses: 200 requests an hour, known or not, then nothing more is mailed.
    w.fromIp('203.0.113.9');
    const before = w.f.mailer.sent.length;
    for (let i = 0; i < SIGN_IN_LIMITS.perSource - 1; i++) await w.post('/masuk', { email: `orang${i}@example.go.id` });
    await w.post('/masuk', { email: P.TIMSAKIP.email });
    expect(w.f.mailer.sent.length).toBe(before + 1);
    const limited = await w.post('/masuk', { email: P.CAMAT.email });
    expect(limited.statusCode).toBe(200);
    expect(limited.body.replaceAll(P.CAMAT.email, 'X')).toBe(
      (await w.post('/masuk', { email: UNKNOWN })).body.replaceAll(UNKNOWN, 'X'),
    );
    expect(w.f.mailer.sent.length).toBe(before + 1);
    // Another source is not held back by this one.
    w.fromIp('203.0.113.10');
    await w.post('/masuk', { email: P.CAMAT.email });
    expect(w.f.mailer.sent.length).toBe(before + 2);
  });

  it('refuses a form far larger than an address (413), mailing nobody', async () => {
    const w = await signInWorld();
    const body = new URLSearchParams({ email: P.STAF.email, pad: 'x'.repeat(9000) }).toString();
    const res = await w.portal.request('/masuk', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
      body,
    });
    expect(res.statusCode).toBe(413);
    expect(w.f.mailer.sent).toHaveLength(0);
  });

  it('answers as usual when the mail cannot go, and logs that without the address', async () => {
    const w = await signInWorld();
    w.f.mailer.failures = 1;
    const res = await w.post('/masuk', { email: P.STAF.email });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Mohon periksa email Bapak/Ibu');
    expect(w.logLines.some((l) => l.includes('sign-in mail not sent'))).toBe(true);
    expect(w.logLines.join('\n')).not.toContain(P.STAF.email);
  });
});

describe('the mailed link', () => {
  it('GET only shows a "Masuk" button (nothing changes); POST signs in once with a new session', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.STAF.email });
    const token = linkIn(w.f.mailer.sent[0]);
    const stored = structuredClone([...w.f.signIns.requests.entries()]);

    for (let i = 0; i < 2; i++) {
      const page = await w.get(`/masuk/tautan/${token}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/<form method="post" action="\/masuk\/tautan\/[A-Za-z0-9_-]{43}">/);
      expect(page.body).toContain('>Masuk</button>');
      expect(sessionCookie(page.headers)).toBeUndefined();
    }
    expect(
      await w.portal.app.request(`https://lapkin.example.go.id/masuk/tautan/${token}`, { method: 'HEAD' }),
    ).toHaveProperty('status', 200);
    expect([...w.f.signIns.requests.entries()]).toEqual(stored);
    expect(w.f.sessions.items.size).toBe(0);

    const res = await w.post(`/masuk/tautan/${token}`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = sessionCookie(res.headers);
    expect(cookie?.name).toBe('lapkin_sesi');
    expect(cookie?.attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=28800']));
    expect(cookie?.attrs).not.toContain('Secure');
    const signedIn = await resumeSession(w.f.deps, cookie?.value);
    expect(signedIn?.person).toMatchObject({ nip: P.STAF.nip, unit: 'karawaci', roles: ['STAF'] });

    // Used: the same link again is a clear page and nothing else.
    const again = await w.post(`/masuk/tautan/${token}`, {});
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Tautan masuk sudah digunakan atau kedaluwarsa');
    expect(sessionCookie(again.headers)).toBeUndefined();
    expect((await w.get(`/masuk/tautan/${token}`)).statusCode).toBe(410);
    expect(w.f.sessions.items.size).toBe(1);
  });

  it('on HTTPS the cookie is __Host- and Secure', async () => {
    const w = await signInWorld({ secureCookies: true });
    await w.post('/masuk', { email: P.STAF.email });
    const res = await w.post(`/masuk/tautan/${linkIn(w.f.mailer.sent[0])}`, {});
    const cookie = sessionCookie(res.headers);
    expect(cookie?.name).toBe('__Host-lapkin_sesi');
    expect(cookie?.attrs).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=28800', 'Secure']),
    );
    expect(cookie?.attrs.some((a) => a.startsWith('Domain'))).toBe(false);
  });

  it('an expired link is refused (410) on GET and POST, with no session', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.STAF.email });
    const token = linkIn(w.f.mailer.sent[0]);
    w.f.clock.advance(SIGN_IN_MINUTES * 60_000);
    expect((await w.get(`/masuk/tautan/${token}`)).statusCode).toBe(410);
    const res = await w.post(`/masuk/tautan/${token}`, {});
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('Tautan masuk sudah digunakan atau kedaluwarsa');
    expect(sessionCookie(res.headers)).toBeUndefined();
    expect(w.f.sessions.items.size).toBe(0);
  });

  it('a made-up or malformed token is the same 410 page', async () => {
    const w = await signInWorld();
    for (const t of ['x'.repeat(43), 'short', '%00']) {
      expect((await w.get(`/masuk/tautan/${t}`)).statusCode).toBe(410);
      expect((await w.post(`/masuk/tautan/${t}`, {})).statusCode).toBe(410);
    }
  });

  it('replaces a session the browser already had (no fixation): the old one ends', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.STAF.email });
    const first = sessionCookie((await w.post(`/masuk/tautan/${linkIn(w.f.mailer.sent[0])}`, {})).headers);
    const old = await resumeSession(w.f.deps, first?.value);
    await w.post(
      '/masuk',
      { email: P.STAF.email, csrf: old?.session.csrf ?? '' },
      { cookie: `lapkin_sesi=${first?.value}` },
    );
    const token = linkIn(w.f.mailer.sent[1]);
    const res = await w.post(
      `/masuk/tautan/${token}`,
      { csrf: old?.session.csrf ?? '' },
      { cookie: `lapkin_sesi=${first?.value}` },
    );
    const second = sessionCookie(res.headers);
    expect(second?.value).toBeTruthy();
    expect(second?.value).not.toBe(first?.value);
    expect(await resumeSession(w.f.deps, first?.value)).toBeUndefined();
    expect(await resumeSession(w.f.deps, second?.value)).toBeDefined();
  });
});

describe('the code, for another device', () => {
  it('signs in with the address and the 6 digits of its latest mail', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.TIMSAKIP.email });
    const page = await w.get('/masuk/kode');
    expect(page.body).toContain('<label for="kode">Kode 6 angka</label>');
    const res = await w.post('/masuk/kode', { email: P.TIMSAKIP.email, kode: codeIn(w.f.mailer.sent[0]) });
    expect(res.statusCode).toBe(303);
    const signedIn = await resumeSession(w.f.deps, sessionCookie(res.headers)?.value);
    expect(signedIn?.person).toMatchObject({ nip: P.TIMSAKIP.nip, roles: ['TIMSAKIP'] });
    // The request is used: its link is dead too.
    expect((await w.post(`/masuk/tautan/${linkIn(w.f.mailer.sent[0])}`, {})).statusCode).toBe(410);
  });

  it('five wrong codes kill the request (the right code and the link then fail too)', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.KASI.email });
    const code = codeIn(w.f.mailer.sent[0]);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      const res = await w.post('/masuk/kode', { email: P.KASI.email, kode: wrong });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Kode salah atau sudah tidak berlaku');
    }
    const right = await w.post('/masuk/kode', { email: P.KASI.email, kode: code });
    expect(right.statusCode).toBe(422);
    expect(sessionCookie(right.headers)).toBeUndefined();
    expect((await w.post(`/masuk/tautan/${linkIn(w.f.mailer.sent[0])}`, {})).statusCode).toBe(410);
    expect(w.f.sessions.items.size).toBe(0);
  });

  it('four wrong codes leave the right one working', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.KASI.email });
    const code = codeIn(w.f.mailer.sent[0]);
    for (let i = 0; i < 4; i++)
      await w.post('/masuk/kode', { email: P.KASI.email, kode: '000000' === code ? '111111' : '000000' });
    expect((await w.post('/masuk/kode', { email: P.KASI.email, kode: code })).statusCode).toBe(303);
  });

  it('ten code tries a day per address, over all its mails: then only the link works, until the next day', async () => {
    const w = await signInWorld();
    for (let mail = 0; mail < 2; mail++) {
      await w.post('/masuk', { email: P.KASI.email });
      const code = codeIn(w.f.mailer.sent.at(-1));
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) await w.post('/masuk/kode', { email: P.KASI.email, kode: wrong });
    }
    await w.post('/masuk', { email: P.KASI.email });
    const third = w.f.mailer.sent.at(-1);
    const refused = await w.post('/masuk/kode', { email: P.KASI.email, kode: codeIn(third) });
    expect(refused.statusCode).toBe(422);
    expect(sessionCookie(refused.headers)).toBeUndefined();
    // Untouched by the refused try: the link of the same mail still signs in.
    expect((await w.post(`/masuk/tautan/${linkIn(third)}`, {})).statusCode).toBe(303);
    // The next day (UTC) codes work again.
    w.f.clock.advance(24 * 60 * 60_000);
    await w.post('/masuk', { email: P.KASI.email });
    const next = await w.post('/masuk/kode', { email: P.KASI.email, kode: codeIn(w.f.mailer.sent.at(-1)) });
    expect(next.statusCode).toBe(303);
  });

  it('answers an unknown address, an expired code and a wrong code alike', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.STAF.email });
    const code = codeIn(w.f.mailer.sent[0]);
    const unknown = await w.post('/masuk/kode', { email: UNKNOWN, kode: code });
    w.f.clock.advance(SIGN_IN_MINUTES * 60_000);
    const expired = await w.post('/masuk/kode', { email: P.STAF.email, kode: code });
    expect(unknown.statusCode).toBe(422);
    expect(expired.statusCode).toBe(422);
    expect(unknown.body.replaceAll(UNKNOWN, 'X')).toBe(expired.body.replaceAll(P.STAF.email, 'X'));
    expect(w.f.sessions.items.size).toBe(0);
  });
});

describe('logs', () => {
  it('no log line holds a token, a code or a session id', async () => {
    const w = await signInWorld();
    await w.post('/masuk', { email: P.STAF.email });
    await w.post('/masuk', { email: P.CAMAT.email });
    const [staf, camat] = w.f.mailer.sent;
    await w.get(`/masuk/tautan/${linkIn(staf)}`);
    const a = sessionCookie((await w.post(`/masuk/tautan/${linkIn(staf)}`, {})).headers)?.value ?? '';
    await w.post(`/masuk/tautan/${linkIn(staf)}`, {});
    await w.post('/masuk/kode', { email: P.CAMAT.email, kode: '123456' });
    const b =
      sessionCookie((await w.post('/masuk/kode', { email: P.CAMAT.email, kode: codeIn(camat) })).headers)?.value ?? '';
    const s = await resumeSession(w.f.deps, a);
    await w.get('/', { cookie: `lapkin_sesi=${a}` });
    await w.post('/keluar', { csrf: s?.session.csrf ?? '' }, { cookie: `lapkin_sesi=${a}` });
    expect(a && b).toBeTruthy();
    const logged = w.logLines.join('\n');
    expect(w.logLines.length).toBeGreaterThan(5);
    expect(logged).toContain('/masuk/tautan/:token');
    for (const secret of [linkIn(staf), linkIn(camat), codeIn(staf), codeIn(camat), a, b, s?.session.csrf ?? 'x'])
      expect(logged).not.toContain(secret);
  });
});

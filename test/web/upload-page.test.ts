/**
 * /unggah and /unggah/formulir through the portal app: sign-in required, data collectors only (a clear 403 page
 * for the others), the period of the report to correct from ?laporan= (own unit only), and the signed form built
 * from the session whatever the JSON request says — behind the session's CSRF token.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../functions/core/report.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { lastQuarter } from '../../functions/web/routes/upload.tsx';
import type { StaticAssets } from '../../functions/web/static-assets.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { portalOf } from '../fakes/portal.ts';

const assets: StaticAssets = { path: (name) => `/static/${name}.000000000000.js`, get: () => undefined };

async function signedIn(role: 'STAF' | 'CAMAT' | 'TIMSAKIP' = 'STAF') {
  const f = fakeDeps();
  await seedDirectory(f.deps);
  const person = people(f.config)[role];
  const { id, session } = await startSession(f.deps, { nip: person.nip, unit: 'karawaci' });
  const { request } = portalOf(f.deps, { assets: () => assets });
  const cookie = `lapkin_sesi=${id}`;
  const form = (body: unknown, csrf: string | null = session.csrf) =>
    request('/unggah/formulir', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(body),
    });
  return { f, person, request, cookie, form, csrf: session.csrf };
}

function report(over: Partial<Report>): Report {
  return {
    reportId: 'karawaci-2025-TW3',
    unit: 'karawaci',
    tahun: 2025,
    periode: 'TW3',
    status: 'PERLU_REVISI',
    step: 'revision',
    revision: 1,
    source: { key: 'masuk/karawaci/2025/TW3/a.csv', versionId: 'v1' },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    eventSeq: 1,
    lastEventHash: '',
    ...over,
  } as Report;
}

describe('the upload page', () => {
  it('asks for sign-in first', async () => {
    const { request } = portalOf(fakeDeps().deps, { assets: () => assets });
    const res = await request('/unggah');
    expect(res.statusCode).toBe(303);
    expect(res.headers.get('location')).toBe('/masuk?lanjut=%2Funggah');
  });

  it('is refused with a clear page to people who do not collect data', async () => {
    const { request, cookie } = await signedIn('CAMAT');
    const res = await request('/unggah', { headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Unggah data hanya untuk Staf, Kepala Seksi dan TIMSAKIP');
  });

  it('offers tahun, periode (the quarter just ended) and the file, with the worker and the check settings', async () => {
    const { request, cookie, csrf, f } = await signedIn();
    const res = await request('/unggah', { headers: { cookie } });
    expect(res.statusCode).toBe(200);
    // The fixed clock is 6 April 2026: TW1 2026 has just ended.
    expect(lastQuarter(f.deps.clock.now())).toEqual({ tahun: 2026, periode: 'TW1' });
    expect(lastQuarter(new Date('2026-02-10T00:00:00Z'))).toEqual({ tahun: 2025, periode: 'TW4' });
    expect(res.body).toContain('<option value="2026" selected="">2026</option>');
    expect(res.body).toMatch(/<option value="TW1" selected="">Triwulan I \(TW1\)<\/option>/);
    expect(res.body).toContain('accept=".csv,.xlsx"');
    expect(res.body).toContain('data-worker="/static/upload-check.000000000000.js"');
    expect(res.body).toContain('src="/static/upload-page.000000000000.js"');
    expect(res.body).toContain(`name="csrf" value="${csrf}"`);
    expect(res.body).toContain('memerlukan JavaScript');
    expect(res.body).toContain('&quot;maxFileMB&quot;:10');
  });

  it('pre-fills the period of a report to correct (own unit only) and shows its revision note', async () => {
    const { request, cookie, f } = await signedIn();
    f.repo.reports.set('karawaci-2025-TW3', report({ revisionNote: 'Lengkapi <faktor> penghambat IK-03.' }));
    f.repo.reports.set(
      'sukamaju-2025-TW3',
      report({ reportId: 'sukamaju-2025-TW3', unit: 'sukamaju', revisionNote: 'RAHASIA' }),
    );
    const mine = await request('/unggah?laporan=karawaci-2025-TW3', { headers: { cookie } });
    expect(mine.body).toContain('Perbaikan untuk laporan karawaci-2025-TW3');
    expect(mine.body).toContain('Lengkapi &lt;faktor&gt; penghambat IK-03.');
    expect(mine.body).toContain('<option value="2025" selected="">2025</option>');
    expect(mine.body).toMatch(/<option value="TW3" selected="">/);
    const theirs = await request('/unggah?laporan=sukamaju-2025-TW3', { headers: { cookie } });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('RAHASIA');
    expect(theirs.body).toContain('tidak ditemukan di unit Bapak/Ibu');
  });

  it('says at once that a report named by an old revision link is documented, and does not offer it as a correction', async () => {
    const { request, cookie, f } = await signedIn();
    f.repo.reports.set('karawaci-2025-TW3', report({ status: 'TERDOKUMENTASI', revisionNote: 'Catatan lama.' }));
    const res = await request('/unggah?laporan=karawaci-2025-TW3', { headers: { cookie } });
    expect(res.body).not.toContain('Perbaikan untuk laporan');
    expect(res.body).not.toContain('Catatan lama.');
    expect(res.body).toContain(
      'Laporan karawaci-2025-TW3 telah terdokumentasi; unggahan baru untuk periode ini tidak akan digunakan. Mohon pilih periode lain.',
    );
  });
});

describe('the upload form request', () => {
  it('answers the form for the session’s unit and ignores a key, size, unit or metadata sent with it', async () => {
    const { form, f, person } = await signedIn('TIMSAKIP');
    const res = await form({
      tahun: 2026,
      periode: 'TW1',
      jenis: 'csv',
      key: 'masuk/sukamaju/2026/TW1/x.csv',
      unit: 'sukamaju',
      size: 999_999_999,
      'x-amz-meta-uploader-email': 'penyusup@example.com',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = JSON.parse(res.body) as { url: string; fields: Record<string, string>; reportId: string };
    expect(answer.reportId).toBe('karawaci-2026-TW1');
    expect(answer.fields.key).toMatch(/^masuk\/karawaci\/2026\/TW1\/[0-9a-f-]{36}\.csv$/);
    const [signed] = f.uploads.requests;
    expect(signed?.maxBytes).toBe(10 * 1024 * 1024);
    expect(signed?.metadata).toEqual({ 'uploader-email': person.email, 'uploader-nip': person.nip });
  });

  it('needs the CSRF token, a data collector and a valid period', async () => {
    const staf = await signedIn();
    expect((await staf.form({ tahun: 2026, periode: 'TW1', jenis: 'csv' }, null)).statusCode).toBe(403);
    expect((await staf.form({ tahun: 2026, periode: 'TW1', jenis: 'csv' }, 'salah')).statusCode).toBe(403);
    const bad = await staf.form({ tahun: 2026, periode: 'TW9', jenis: 'csv' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).pesan).toContain('Periode tidak valid');
    expect((await staf.form('bukan objek')).statusCode).toBe(400);
    const camat = await signedIn('CAMAT');
    const refused = await camat.form({ tahun: 2026, periode: 'TW1', jenis: 'csv' });
    expect(refused.statusCode).toBe(403);
    expect(JSON.parse(refused.body).pesan).toContain('Unggah data hanya untuk Staf, Kepala Seksi dan TIMSAKIP');
    const { request } = portalOf(fakeDeps().deps);
    const anonymous = await request('/unggah/formulir', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.statusCode).toBe(401);
    expect(staf.f.uploads.requests.length + camat.f.uploads.requests.length).toBe(0);
  });
});

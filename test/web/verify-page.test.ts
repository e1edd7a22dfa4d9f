/**
 * The public verification page (/verifikasi/:code), through the portal app on fakes: no sign-in, exactly the
 * facts printed on the archived documents, nothing internal (keys, versionIds, the report id, tokens, NIP,
 * e-mail), the code read however it was typed, and one 404 page for every code that does not resolve.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../functions/i18n/format.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import type { StaticAssets } from '../../functions/web/static-assets.ts';
import { archivedReport, ratifiedReport } from '../fakes/archived.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';
import { portalOf } from '../fakes/portal.ts';

const assets: StaticAssets = { path: (name) => `/static/${name}.0123456789ab.js`, get: () => undefined };
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

const portal = () => portalOf(f.deps, { assets: () => assets });
const grouped = (hex: string) => hex.match(/.{8}/g)?.join(' ') ?? hex;
const dashed = (code: string) => code.match(/.{4}/g)?.join('-') ?? code;

describe('GET /verifikasi/:code', () => {
  it('shows, without sign-in, the printed facts of the archived revision — and nothing internal', async () => {
    const { code, report, archive } = await archivedReport(f);
    const res = await portal().request(`/verifikasi/${dashed(code)}`);
    expect(res.statusCode).toBe(200);
    const page = res.body;

    const sek = people(f.config).SEKRETARIS_CAMAT;
    const camat = people(f.config).CAMAT;
    const events = await f.repo.events(report.reportId);
    const decided = (role: string) =>
      events.find((e) => e.action === 'KEPUTUSAN' && e.actor.role === role)?.at as string;
    const facts = [
      'Kecamatan Karawaci',
      'Laporan Kinerja Triwulan I Tahun 2026',
      dashed(code),
      sek.name,
      `NIP ${sek.nip}`,
      'Sekretaris Camat',
      formatDateTime(decided('SEKRETARIS_CAMAT')),
      camat.name,
      `NIP ${camat.nip}`,
      'Camat',
      formatDateTime(decided('CAMAT')),
      formatDateTime(report.documentedAt as string),
    ];
    for (const fact of facts) expect(page).toContain(fact);
    expect(formatDateTime(decided('SEKRETARIS_CAMAT'))).not.toBe(formatDateTime(decided('CAMAT')));
    // Each name with its own title and time.
    const cell = (fact: string) => new RegExp(`data-fact="${fact}">(.*?)</td>`).exec(page)?.[1] ?? '';
    expect(cell('verified')).toContain(sek.name);
    expect(cell('verified')).toContain('<span>Sekretaris Camat</span>');
    expect(cell('verified')).toContain(formatDateTime(decided('SEKRETARIS_CAMAT')));
    expect(cell('ratified')).toContain(camat.name);
    expect(cell('ratified')).toContain('<span>Camat</span>');
    expect(cell('ratified')).toContain(formatDateTime(decided('CAMAT')));
    // With its NIP, as the approval block and the disposition sheet print it (a Plh is named by their own NIP).
    expect(cell('verified')).toContain(`NIP ${sek.nip}`);
    expect(cell('ratified')).toContain(`NIP ${camat.nip}`);
    expect(page).toMatch(/<th scope="row">Revisi<\/th><td>1<\/td>/);
    // Each archived document's SHA-256, as printed (groups of 8) and for the script (data-sha256).
    for (const ref of Object.values(archive)) {
      expect(page).toContain(`data-sha256="${ref.sha256}"`);
      expect(page).toContain(grouped(ref.sha256 as string));
    }

    // Exactly the printed facts: each is on the archived disposition sheet or report PDF (the sheet's own
    // SHA-256 is the fingerprint of the file itself). Table cells wrap: compared with line breaks as spaces.
    const printed = [
      pdfTextOf(Buffer.from((await f.store.get(archive.disposition.key, archive.disposition.versionId)).body)),
      pdfTextOf(Buffer.from((await f.store.get(archive.pdf.key, archive.pdf.versionId)).body)),
    ]
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const fact of facts) expect(printed).toContain(fact);
    for (const ref of [archive.pdf, archive.xlsx, archive.source])
      expect(printed).toContain(grouped(ref.sha256 as string));

    // Nothing a visitor could use beyond comparing: no storage key or version, report id, token, address (the
    // NIPs shown are printed on both documents).
    const internal = [
      report.reportId,
      'arsip/',
      'masuk/',
      'laporan/',
      'versionId',
      'task-token-',
      sek.email,
      camat.email,
      'staf@example.go.id',
      ...Object.values(archive).flatMap((r) => [r.key, `"${r.versionId}"`, `>${r.versionId}<`]),
      ...[...f.repo.decisions.keys()],
    ];
    for (const secret of internal) expect(page).not.toContain(secret);
    // The script that matches a dropped file; its section hidden until the script shows it.
    expect(page).toContain('<script src="/static/verify-drop.0123456789ab.js" defer');
    expect(page).toMatch(/<section id="cocokkan" hidden/);
    expect(page).toContain('aria-live="polite"');
    // Without the script: how to compute a SHA-256 by hand.
    expect(page).toContain('sha256sum');
    expect(page).toContain('certutil -hashfile laporan.pdf SHA256');
  });

  it('reads the code however it was typed: lower case, no dashes, O for 0 and I or L for 1', async () => {
    const { code } = await archivedReport(f);
    const canonical = (await portal().request(`/verifikasi/${dashed(code)}`)).body;
    const variants = [
      code.toLowerCase(),
      code,
      dashed(code).toLowerCase(),
      code.replaceAll('0', 'O').replaceAll('1', 'l'),
      code.replaceAll('0', 'o').replaceAll('1', 'I'),
    ];
    for (const typed of variants) {
      const res = await portal().request(`/verifikasi/${encodeURIComponent(typed)}`);
      expect(res.statusCode, typed).toBe(200);
      expect(res.body).toBe(canonical);
    }
  });

  it('answers every code that does not resolve with the same 404 page, never echoing what was typed', async () => {
    const { code } = await archivedReport(f);
    const unknown = code === 'K7M29QXD4TNB' ? 'K7M29QXD4TNC' : 'K7M29QXD4TNB';
    const answers = await Promise.all(
      [unknown, 'ZZZZ-ZZZZ-ZZZZ', 'abc', 'K7M2-9QXD-4TNU', '%3Cb%3Ehalo%3C%2Fb%3E', `${code}0`, 'x'.repeat(300)].map(
        (c) => portal().request(`/verifikasi/${c}`),
      ),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Kode verifikasi tidak dikenal');
      expect(res.body).toBe(answers[0]?.body);
      expect(res.body).not.toContain('halo');
    }
  });

  it('a code claimed by an archive run that has not finished does not resolve yet', async () => {
    const reportId = await ratifiedReport(f);
    f.repo.failingReplaces = 1;
    await expect(archiveReport(f.deps, { reportId })).rejects.toThrow('injected');
    const [claimed] = [...f.repo.verifications.keys()];
    const early = await portal().request(`/verifikasi/${claimed}`);
    expect(early.statusCode).toBe(404);
    await archiveReport(f.deps, { reportId });
    expect((await portal().request(`/verifikasi/${claimed}`)).statusCode).toBe(200);
  });

  it('speaks English with ?lang=en', async () => {
    const { code } = await archivedReport(f);
    const res = await portal().request(`/verifikasi/${code}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Performance Report Quarter 1 2026');
    expect(res.body).toContain('Disposition sheet (PDF)');
    expect((await portal().request('/verifikasi/nope?lang=en')).body).toContain('Unknown verification code');
  });
});

describe('GET /verifikasi', () => {
  it('asks for the code, and sends a typed one to its page', async () => {
    const ask = await portal().request('/verifikasi');
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('<label for="kode">Kode verifikasi</label>');
    const go = await portal().request('/verifikasi?kode=k7m2%209qxd%204tnb');
    expect(go.statusCode).toBe(303);
    expect(go.headers.get('location')).toBe('/verifikasi/K7M2-9QXD-4TNB');
    const bad = await portal().request('/verifikasi?kode=%3Cscript%3E');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('Kode verifikasi tidak dikenal');
    expect(bad.body).not.toContain('<script>');
  });
});

/**
 * The portal's Reports (/laporan) and Tugas saya (/tugas) as a signed-in browser reaches them: partitioned by the
 * session's unit (the city reads every unit), the timeline names who acted, no task token ever reaches a page,
 * document links live 5 minutes, and a task is taken only by its assignee through the same decision use case as
 * the emailed link. Real: use cases, ledger, documents, pages, the hono app. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CITY_UNIT, type Person } from '../../functions/core/config.ts';
import type { Decision } from '../../functions/core/report.ts';
import type { DocumentStore } from '../../functions/ports/document-store.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { seedDirectory, setPerson } from '../../functions/usecases/directory.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, linkParts, sample } from '../fakes/flow.ts';
import { portalOf, signedInBrowser } from '../fakes/portal.ts';

type Unit = 'karawaci' | 'sukamaju';
let f: ReturnType<typeof fakeDeps>;
let decided: Decision[];
let portal: ReturnType<typeof portalOf>;

beforeEach(async () => {
  f = fakeDeps();
  await seedDirectory(f.deps);
  decided = [];
  portal = portalOf(f.deps, { onDecided: (d) => decided.push(d), logError: (m, x) => console.error(m, x) });
});

const id = (u: Unit, periode = 'TW1') => `${u}-2026-${periode}`;

/** A report of the unit and period, uploaded and assembled (the sample is TW1: other periods are relabelled). */
async function assembled(u: Unit, periode = 'TW1', body = sample('awal')) {
  const key = `masuk/${u}/2026/${periode}/data-kinerja.csv`;
  const text = new TextDecoder().decode(body).replaceAll(';TW1;', `;${periode};`);
  const { versionId } = await f.store.put({
    key,
    body: new TextEncoder().encode(text),
    contentType: 'text/csv',
    metadata: { 'uploader-email': 'staf@example.go.id' },
  });
  await receiveUpload(f.deps, { key, versionId });
  await assembleReport(f.deps, { reportId: id(u, periode), source: { key, versionId } });
}

async function ask(reportId: string, step: 'verify' | 'ratify', taskToken = `tok-${reportId}-${step}`) {
  const executionArn = (await f.repo.get(reportId))?.executionArn ?? '';
  const { decisionId } = await requestDecision(f.deps, { taskToken, reportId, executionArn, step });
  const mail = f.mailer.sent.at(-1);
  if (!mail) throw new Error('no decision mail');
  return { decisionId, link: linkInMail(mail.text) };
}

/** A signed-in browser of a person of the directory. */
function browser(who: Pick<Person, 'nip'>, unit: string) {
  return signedInBrowser(f.deps, portal, who, unit);
}
const staff = (u: Unit) => browser(people(f.config, u).STAF, u);
const sekcam = (u: Unit) => browser(people(f.config, u).SEKRETARIS_CAMAT, u);
const camat = (u: Unit) => browser(people(f.config, u).CAMAT, u);
const city = () => browser(f.config.city?.people.KOTA as Person, CITY_UNIT);
const reportsIn = (html: string) => [...html.matchAll(/data-report="([^"]+)"/g)].map((m) => m[1]);

describe('/laporan — partitioned by the session’s unit', () => {
  it('a unit reads its own reports only; another unit’s report is 403, an unknown one 404; the city reads all', async () => {
    await assembled('karawaci');
    await assembled('sukamaju');

    const a = await staff('karawaci');
    const b = await staff('sukamaju');
    expect(reportsIn((await a.get('/laporan')).body)).toEqual([id('karawaci')]);
    const listB = await b.get('/laporan');
    expect(listB.statusCode).toBe(200);
    expect(reportsIn(listB.body)).toEqual([id('sukamaju')]);
    expect(listB.body).not.toContain('karawaci');
    // A unit filter in the URL is the city's only: a unit's session ignores it.
    expect(reportsIn((await b.get('/laporan?unit=karawaci')).body)).toEqual([id('sukamaju')]);

    const refused = await b.get(`/laporan/${id('karawaci')}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Tidak berwenang');
    expect(refused.body).not.toContain('Kecamatan Karawaci');
    expect((await b.get('/laporan/sukamaju-2031-TW1')).statusCode).toBe(404);
    expect((await a.get(`/laporan/${id('karawaci')}`)).statusCode).toBe(200);

    const kota = await city();
    const cityList = (await kota.get('/laporan')).body;
    expect(reportsIn(cityList).sort()).toEqual([id('karawaci'), id('sukamaju')]);
    // Every unit of the directory in the overview, one without reports too; the funnel counts reports.
    expect([...cityList.matchAll(/<tr data-unit="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([
      'dinas-arsip',
      'karawaci',
      'sukamaju',
    ]);
    expect(cityList).toMatch(
      /data-unit="dinas-arsip"><td class="unit"><a [^>]+>[^<]+<\/a><br\/><span class="muted">belum ada laporan/,
    );
    expect(cityList).toMatch(/data-stage="received"><b>2<\/b>/);
    expect(cityList).toMatch(/data-stage="assembled"><b>2<\/b>/);
    expect(reportsIn((await kota.get('/laporan?unit=sukamaju&tahun=&periode=')).body)).toEqual([id('sukamaju')]);
    expect(reportsIn((await kota.get('/laporan?tahun=2025')).body)).toEqual([]);
    expect((await kota.get(`/laporan/${id('karawaci')}`)).statusCode).toBe(200);
    expect((await kota.get(`/laporan/${id('sukamaju')}`)).statusCode).toBe(200);
  });

  it('lists newest first with status, step, due time and Mutu Baku age, filtered by period', async () => {
    await assembled('karawaci', 'TW1');
    await assembled('karawaci', 'TW2');
    await ask(id('karawaci', 'TW2'), 'verify');
    f.clock.advance(30 * 3600_000); // past the 24 h of the verification
    const a = await staff('karawaci');
    const page = await a.get('/laporan');
    expect(reportsIn(page.body)).toEqual([id('karawaci', 'TW2'), id('karawaci', 'TW1')]);
    expect(page.body).toContain('Menunggu verifikasi Sekretaris Camat');
    expect(page.body).toContain('Verifikasi laporan');
    expect(page.body).toContain('terlambat 6 jam');
    expect(reportsIn((await a.get('/laporan?tahun=2026&periode=TW1')).body)).toEqual([id('karawaci', 'TW1')]);
  });

  it('without a session: to the sign-in page, coming back here after', async () => {
    const res = await portal.request('/laporan/karawaci-2026-TW1');
    expect(res.statusCode).toBe(303);
    expect(res.headers.get('location')).toBe(`/masuk?lanjut=${encodeURIComponent('/laporan/karawaci-2026-TW1')}`);
  });
});

describe('/laporan/:id — the report page', () => {
  it('shows who acted (not who was asked), what happens next, no task token, and 5-minute document links', async () => {
    const expiries: number[] = [];
    const inner = f.store.downloadUrl.bind(f.store);
    const port: DocumentStore = f.store;
    port.downloadUrl = async (key, versionId, seconds) => {
      expiries.push(seconds);
      return inner(key, versionId);
    };
    const R = id('karawaci');
    const secretary = people(f.config).SEKRETARIS_CAMAT;
    const team = people(f.config).TIMSAKIP;
    await assembled('karawaci');
    const verify = await ask(R, 'verify', 'verify-token-ABC123');
    await submitDecision(f.deps, linkParts(verify.link), { decision: 'APPROVE', note: 'Sudah sesuai.' });
    const ratify = await ask(R, 'ratify', 'ratify-token-DEF456');
    await submitDecision(f.deps, linkParts(ratify.link), { decision: 'REVISE', note: 'Perbaiki realisasi IK-04.' });
    await requestRevision(f.deps, {
      taskToken: 'revision-token-GHI789',
      reportId: R,
      executionArn: (await f.repo.get(R))?.executionArn ?? '',
      request: { reason: 'REVISE', step: 'ratify', note: 'Perbaiki realisasi IK-04.' },
    });
    // A mutasi after the paraf: the trail still names who initialled, not who holds the role now.
    await setPerson(f.deps, {
      unit: 'karawaci',
      role: 'SEKRETARIS_CAMAT',
      person: { name: 'Pengganti Sekretaris', nip: '198501012010011001', email: 'pengganti@example.go.id' },
      actor: { name: 'uji', source: 'CLI' },
    });

    const a = await staff('karawaci');
    const waiting = await a.get(`/laporan/${R}`);
    expect(waiting.statusCode).toBe(200);
    expect((await f.repo.get(R))?.revisionTaskToken).toBe('revision-token-GHI789');
    expect(waiting.body).toContain(`menunggu unggahan perbaikan dari ${team.name}`);
    expect(waiting.body).toContain('Perbaiki realisasi IK-04.');
    // The staff member who can upload the correction finds the way there on the report page itself.
    expect(waiting.body).toContain(`href="/unggah?laporan=${R}"`);

    // Corrected upload: revision 2 with its diff, and the verification asked again.
    await assembled('karawaci', 'TW1', sample('perbaikan-1'));
    await ask(R, 'verify', 'verify2-token-JKL012');
    const page = await a.get(`/laporan/${R}`);
    for (const token of ['verify-token-ABC123', 'ratify-token-DEF456', 'revision-token-GHI789', 'verify2-token-JKL012'])
      expect(page.body).not.toContain(token);
    expect(page.body).not.toContain('taskToken');

    // The timeline: the request was the system's, addressed to the Sekretaris; the paraf was hers.
    const entry = (action: string) =>
      [...page.body.matchAll(/<li data-seq="\d+" data-action="([A-Z_]+)"[^>]*>([\s\S]*?)<\/li>/g)]
        .filter((m) => m[1] === action)
        .map((m) => m[2] ?? '');
    const asked = entry('VERIFIKASI_DIMINTA')[0] ?? '';
    expect(asked).toContain('data-actor="lapkin"');
    expect(asked).toContain(`Kepada: ${secretary.name}, ${secretary.title}`);
    const [paraf, sentBack] = entry('KEPUTUSAN');
    expect(paraf).toContain(`data-actor="${secretary.name}"`);
    expect(paraf).toContain('Sudah sesuai.');
    expect(paraf).not.toContain('Pengganti Sekretaris');
    expect(sentBack).toContain(`data-actor="${people(f.config).CAMAT.name}"`);
    expect(sentBack).toContain('dikembalikan untuk revisi');

    // What happens next: the verification of revision 2, by the one asked now (after the mutasi).
    expect(page.body).toContain('Menunggu verifikasi (paraf) dari Pengganti Sekretaris');
    // The revision diff, rendered as markup (not an escaped HTML string).
    expect(page.body).toContain('Perubahan dibanding revisi 1');
    expect(page.body).toContain('<td style="white-space:nowrap">IK-04</td><td>Realisasi</td>');
    expect(page.body).not.toContain('&lt;td');
    // Each revision's documents, every link made to live 5 minutes at most.
    expect(page.body).toContain('Revisi 2 — disusun');
    expect(page.body).toContain('Revisi 1 — disusun');
    expect(page.body.match(/data-doc="pdf"/g)).toHaveLength(2);
    expect(page.body).toContain('memory://laporan/karawaci/2026/TW1/');
    expect(expiries.length).toBeGreaterThanOrEqual(6);
    for (const s of expiries) expect(s).toBeLessThanOrEqual(300);
    // In English too.
    const en = (await a.get(`/laporan/${R}?lang=en`)).body;
    expect(en).toContain('What happens next');
    expect(en).toContain(`Waiting for verification (paraf) by Pengganti Sekretaris`);
    expect(en).toContain('By: lapkin (system)');
  });
});

describe('/tugas — Tugas saya', () => {
  it('lists the person’s own pending decisions, oldest first, late ones marked', async () => {
    await assembled('karawaci', 'TW2');
    await assembled('karawaci', 'TW1');
    await assembled('sukamaju', 'TW1');
    const older = await ask(id('karawaci', 'TW2'), 'verify');
    f.clock.advance(2 * 3600_000);
    const newer = await ask(id('karawaci', 'TW1'), 'verify');
    await ask(id('sukamaju'), 'verify');
    f.clock.advance(23 * 3600_000); // the older one is past its 24 h, the newer not yet

    const list = (await (await sekcam('karawaci')).get('/tugas')).body;
    const tasks = [...list.matchAll(/data-task="([^"]+)"/g)].map((m) => m[1]);
    expect(tasks).toEqual([older.decisionId, newer.decisionId]);
    const late = [...list.matchAll(/data-late="(true|false)"/g)].map((m) => m[1]);
    expect(late).toEqual(['true', 'false']);
    expect(list).toContain('(terlambat)');
    expect(list).not.toContain('tok-');
    // The Camat has nothing yet; the Sekretaris of another unit sees only theirs.
    expect((await (await camat('karawaci')).get('/tugas')).body).not.toContain('data-task=');
    const other = (await (await sekcam('sukamaju')).get('/tugas')).body;
    expect([...other.matchAll(/data-task="([^"]+)"/g)]).toHaveLength(1);
    expect(other).not.toContain(older.decisionId);
  });

  it('only the assignee opens or takes a task: others get 403 and nothing changes; POST needs the CSRF token', async () => {
    const R = id('karawaci');
    await assembled('karawaci');
    const { decisionId } = await ask(R, 'verify');
    const before = { report: await f.repo.get(R), events: (await f.repo.events(R)).length };
    const nothingChanged = async () => {
      expect((await f.repo.getDecision(decisionId))?.state).toBe('PENDING');
      expect(await f.repo.get(R)).toEqual(before.report);
      expect((await f.repo.events(R)).length).toBe(before.events);
      expect(f.workflow.sent).toHaveLength(0);
      expect(decided).toHaveLength(0);
    };

    for (const intruder of [await camat('karawaci'), await sekcam('sukamaju'), await city()]) {
      const seen = await intruder.get(`/tugas/${decisionId}`);
      expect(seen.statusCode).toBe(403);
      expect(seen.body).not.toContain('catatan');
      expect((await intruder.post(`/tugas/${decisionId}`, { keputusan: 'APPROVE' })).statusCode).toBe(403);
    }
    await nothingChanged();
    const mine = await sekcam('karawaci');
    expect((await mine.get('/tugas/0123456789abcdef0123456789abcdef')).statusCode).toBe(404);
    expect((await mine.post(`/tugas/${decisionId}`, { keputusan: 'APPROVE' }, { csrf: false })).statusCode).toBe(403);
    await nothingChanged();

    // The assignee: the same confirm view as the link, then the decision through the same use case.
    const view = await mine.get(`/tugas/${decisionId}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Verifikasi Laporan Kinerja');
    expect(view.body).toContain('name="csrf"');
    const huge = await mine.post(`/tugas/${decisionId}`, { keputusan: 'REVISE', catatan: 'x'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    await nothingChanged();
    const noNote = await mine.post(`/tugas/${decisionId}`, { keputusan: 'REVISE' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.body).toContain('Mohon isi catatan');
    await nothingChanged();
    const done = await mine.post(`/tugas/${decisionId}`, { keputusan: 'APPROVE', catatan: 'Sesuai.' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Keputusan tercatat: disetujui');
    expect(done.body).toContain('href="/tugas"');
    expect((await f.repo.getDecision(decisionId))?.state).toBe('USED');
    expect(f.workflow.sent).toHaveLength(1);
    expect(decided.map((d) => d.decisionId)).toEqual([decisionId]);
    const event = (await f.repo.events(R)).at(-1);
    expect(event).toMatchObject({ action: 'KEPUTUSAN', decision: 'APPROVE', note: 'Sesuai.' });
    expect(event?.actor.nip).toBe(people(f.config).SEKRETARIS_CAMAT.nip);
    // Taken: opening it again says so, posting again is a conflict and changes nothing.
    expect((await mine.get(`/tugas/${decisionId}`)).body).toContain('Sudah diputuskan');
    expect((await mine.post(`/tugas/${decisionId}`, { keputusan: 'APPROVE' })).statusCode).toBe(409);
    expect(f.workflow.sent).toHaveLength(1);
  });

  it('the confirm view lists the indicators below target with their capaian and the earlier paraf of the revision', async () => {
    const R = id('karawaci');
    await assembled('karawaci');
    const verify = await ask(R, 'verify');
    await (await sekcam('karawaci')).post(`/tugas/${verify.decisionId}`, { keputusan: 'APPROVE', catatan: 'Paraf.' });
    const ratify = await ask(R, 'ratify');

    const view = (await (await camat('karawaci')).get(`/tugas/${ratify.decisionId}`)).body;
    expect(view).toContain('Pengesahan Laporan Kinerja');
    // IK-06 (turun, 15 against 12: 75 %), IK-04 (72,5 of 90: 80,56 %), IK-05 (87,5 of 100): lowest first.
    const below = [...view.matchAll(/<li data-kode="([^"]+)">([\s\S]*?)<\/li>/g)];
    expect(below.map((m) => m[1])).toEqual(['IK-06', 'IK-04', 'IK-05']);
    expect(below[0]?.[2]).toContain('75,00 %');
    expect(below[1]?.[2]).toContain('80,56 %');
    expect(view).toContain('Indikator di bawah target (3)');
    const secretary = people(f.config).SEKRETARIS_CAMAT;
    expect(view).toContain(`Verifikasi (paraf): disetujui oleh ${secretary.name}, ${secretary.title}`);
    // The emailed link shows the same view.
    const byLink = (await portal.request(new URL(ratify.link).pathname + new URL(ratify.link).search)).body;
    expect(byLink).toContain(`Verifikasi (paraf): disetujui oleh ${secretary.name}`);
    expect(byLink).toContain('<li data-kode="IK-06">');
    // The Sekretaris' arahan shows under their paraf; the form says an arahan may go with an approval too.
    expect(view).toContain('“Paraf.”');
    expect(view).toContain(
      '<label for="catatan">Arahan / catatan (boleh diisi bila disetujui; wajib diisi bila dikembalikan untuk revisi)</label>',
    );
    expect(view).toMatch(/<textarea id="catatan" name="catatan" maxlength="2000" aria-describedby="catatan-petunjuk">/);
    // A signed-in official may still use the emailed link: its POST carries the session's CSRF token (the form
    // was read by the CSRF check before the size limit; a body without Content-Length was once a 500).
    const linkPath = new URL(ratify.link).pathname + new URL(ratify.link).search;
    const viaLink = await (await camat('karawaci')).post(linkPath, { keputusan: 'APPROVE' });
    expect(viaLink.statusCode).toBe(200);
    expect(viaLink.body).toContain('Keputusan tercatat: disetujui');
    expect((await f.repo.get(R))?.status).toBe('DISAHKAN');
    // The buttons come before any long list: the lists are collapsed.
    expect(view.indexOf('<details class="below-target">')).toBeLessThan(view.indexOf('value="APPROVE"'));
  });

  it('a report assembled before the stored list: the confirm view reads the indicators from the stored data', async () => {
    const R = id('karawaci');
    await assembled('karawaci');
    const stored = f.repo.reports.get(R);
    if (!stored?.summary) throw new Error('no summary');
    delete stored.summary.belowTargetList;
    const { decisionId } = await ask(R, 'verify');
    const view = (await (await sekcam('karawaci')).get(`/tugas/${decisionId}`)).body;
    expect([...view.matchAll(/<li data-kode="([^"]+)">/g)].map((m) => m[1])).toEqual(['IK-06', 'IK-04', 'IK-05']);
  });
});

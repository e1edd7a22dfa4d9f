/**
 * /delegasi — an official sets their own Plh / Plt in the portal: the form's problems shown in the form, the
 * CSRF token required, the pending request re-addressed at once, cancel, and nobody without a deciding role.
 * Real: use cases, pages, the hono app. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../functions/core/config.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { linkPath, portalOf, signedInBrowser } from '../fakes/portal.ts';

let f: ReturnType<typeof fakeDeps>;
let portal: ReturnType<typeof portalOf>;
const P = people();

beforeEach(async () => {
  f = fakeDeps();
  await seedDirectory(f.deps);
  portal = portalOf(f.deps, { logError: (m, x) => console.error(m, x) });
});

function browser(who: Pick<Person, 'nip'>, unit = 'karawaci') {
  return signedInBrowser(f.deps, portal, who, unit);
}

const form = (over: Record<string, string> = {}) => ({
  peran: 'CAMAT',
  nip: P.KASI.nip,
  jenis: 'PLH',
  mulai: '2026-04-06',
  sampai: '2026-04-08',
  alasan: 'cuti tahunan',
  ...over,
});

describe('/delegasi', () => {
  it('shows the form to a deciding official, with the unit’s people to choose from and the menu entry', async () => {
    const camat = await browser(P.CAMAT);
    const page = await camat.get('/delegasi');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/delegasi"');
    expect(page.body).toContain('name="csrf"');
    expect(page.body).toContain(`<option value="${P.KASI.nip}">${P.KASI.name} — Kepala Seksi</option>`);
    // Only officials are offered: a staff member cannot be Plh/Plt.
    expect(page.body).not.toContain(`<option value="${P.STAF.nip}"`);
    // Not himself.
    expect(page.body).not.toContain(`<option value="${P.CAMAT.nip}"`);
    expect(page.body).toContain('Belum ada Plh / Plt untuk jabatan Bapak/Ibu.');
  });

  it('refuses a person without a deciding role (page and POST), and a POST without the CSRF token', async () => {
    const staff = await browser(P.STAF);
    expect((await staff.get('/delegasi')).statusCode).toBe(403);
    expect((await staff.get('/')).body).not.toContain('href="/delegasi"');
    expect((await staff.post('/delegasi', form({ peran: 'STAF' }))).statusCode).toBe(403);
    const camat = await browser(P.CAMAT);
    expect((await camat.post('/delegasi', form(), { csrf: false })).statusCode).toBe(403);
    expect(await f.directory.delegations('karawaci')).toEqual([]);
  });

  it('shows the problems in the form, keeping what was typed; a position the official does not hold is refused', async () => {
    const camat = await browser(P.CAMAT);
    const bad = await camat.post('/delegasi', form({ mulai: '2026-04-09', sampai: '2026-04-08', nip: P.CAMAT.nip }));
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('tanggal selesai harus sesudah tanggal mulai');
    expect(bad.body).toContain('Plh/Plt tidak boleh pejabat yang digantikan sendiri');
    expect(bad.body).toContain('value="2026-04-09"');
    expect(bad.body).toContain('value="cuti tahunan"');
    const other = await camat.post('/delegasi', form({ peran: 'SEKRETARIS_CAMAT' }));
    expect(other.statusCode).toBe(422);
    expect(other.body).toContain('Bapak/Ibu hanya dapat menetapkan Plh/Plt untuk jabatan sendiri');
    expect(await f.directory.delegations('karawaci')).toEqual([]);
  });

  it('sets a Plh holding now: the pending request goes to the Plh at once; ending it brings it back', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const executionArn = (await f.repo.get(REPORT_ID))?.executionArn ?? '';
    await requestDecision(f.deps, { taskToken: 't-v', reportId: REPORT_ID, executionArn, step: 'verify' });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
    const { decisionId } = await requestDecision(f.deps, {
      taskToken: 't-r',
      reportId: REPORT_ID,
      executionArn,
      step: 'ratify',
    });
    const camatLink = linkInMail(f.mailer.sent.at(-1)?.text ?? '');

    const camat = await browser(P.CAMAT);
    const set = await camat.post('/delegasi', form());
    expect(set.statusCode).toBe(303);
    expect(set.headers.get('location')).toBe('/delegasi?ok=1');
    const page = await camat.get('/delegasi?ok=1');
    expect(page.body).toContain('Plh / Plt telah ditetapkan.');
    expect(page.body).toContain('Plh. Camat Karawaci');
    expect(page.body).toContain(`${P.KASI.name}<span class="nip">NIP ${P.KASI.nip}</span>`);
    expect(page.body).toContain('sedang berlaku');
    // Re-addressed: the Plh got the request; the Camat's link and task say where it went.
    expect(f.mailer.sent.at(-1)?.to).toEqual([P.KASI.email]);
    const old = await portal.request(linkPath(camatLink));
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain(`Permintaan ini telah dialihkan kepada ${P.KASI.name}, Plh. Camat Karawaci`);
    expect((await camat.get(`/tugas/${decisionId}`)).body).toContain('Permintaan telah dialihkan');
    expect((await camat.get('/tugas')).body).not.toContain(decisionId);
    const kasi = await browser(P.KASI);
    const kasiTasks = (await kasi.get('/tugas')).body;
    expect(kasiTasks).toContain(decisionId);
    // While he acts as Plh, the Kasi's menu and home page lead to Tugas saya (he holds no deciding role himself).
    expect(kasiTasks.slice(0, kasiTasks.indexOf('<main'))).toContain('href="/tugas"');
    const kasiHome = (await kasi.get('/')).body;
    expect(kasiHome.slice(kasiHome.indexOf('<main'))).toContain('href="/tugas"');
    // The page is for officials who decide a step; the Kasi holds none (he acts only through the delegation).
    expect((await kasi.get('/delegasi')).statusCode).toBe(403);

    // A second one overlapping: refused in the form, naming the first.
    const again = await camat.post('/delegasi', form({ nip: P.SEKRETARIS_CAMAT.nip, mulai: '2026-04-07' }));
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('beririsan dengan delegasi lain untuk Camat Karawaci');

    const [d] = await f.directory.delegations('karawaci');
    const cancel = await camat.post(`/delegasi/${d?.id}/batal`, {});
    expect(cancel.statusCode).toBe(303);
    expect((await camat.get('/delegasi?batal=1')).body).toContain('Plh / Plt telah diakhiri.');
    expect((await f.repo.getDecision(decisionId))?.assignee.nip).toBe(P.CAMAT.nip);
    expect(f.mailer.sent.at(-1)?.to).toEqual([P.CAMAT.email]);
    expect((await f.directory.delegationChanges('karawaci')).map((c) => [c.action, c.actor.source])).toEqual([
      ['PLH_DITETAPKAN', 'PORTAL'],
      ['PLH_DIBATALKAN', 'PORTAL'],
    ]);
    // Another official cannot end it (not their position).
    const sek = await browser(P.SEKRETARIS_CAMAT);
    await camat.post('/delegasi', form({ mulai: '2026-04-09', sampai: '2026-04-10' }));
    const [, next] = await f.directory.delegations('karawaci');
    const refused = await sek.post(`/delegasi/${next?.id}/batal`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('hanya pejabat yang digantikan atau operator yang dapat membatalkan delegasi ini');
    // The refusal is headed as what was tried: ending one, not setting one.
    expect(refused.body).toContain('Plh / Plt belum dapat diakhiri:');
    expect(refused.body).not.toContain('belum dapat ditetapkan');
  });
});

/**
 * Many units on one local stack (dynalite, local Step Functions with the ASL, versioned store, MailDev, the
 * decision HTTP server): `lapkin demo --units` runs a report in each configured unit at once, every decision
 * taken from the link in the real mail. Nothing is faked. Checked from outside the demo's own verdict: every mail
 * in MailDev goes to the people of one unit only and names that unit; the repository's per-unit reads (list,
 * pendingDecisions) see only their unit; an upload for a unit nobody configured is refused, and the city hears it.
 */
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runUnitsDemo } from '../../infra/cli/demo.ts';
import { type LocalMail, MailboxClient } from '../../infra/local/maildev-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { lapkin } from '../cli/lapkin-run.ts';
import { organization, people, ROOT, testConfig } from '../fakes/deps.ts';

let stack: LocalStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const config = testConfig();
const UNITS = config.units.map((u) => u.organization.unitCode);
const emailsOf = (unit: string) => Object.values(people(config, unit)).map((p) => p.email.toLowerCase());
const recipients = (m: LocalMail) => {
  const copies = m as LocalMail & { cc?: { address: string }[] };
  return [...m.to, ...(copies.cc ?? [])].map((a) => a.address.toLowerCase());
};
/** The units whose people a mail reached. */
const unitsReached = (m: LocalMail) => UNITS.filter((u) => recipients(m).some((r) => emailsOf(u).includes(r)));

describe('lapkin demo --units (runUnitsDemo)', () => {
  it('documents one report per unit at once; mails, reports and pending decisions never cross units; an unknown unit is refused to the city', async () => {
    expect(UNITS).toEqual(['karawaci', 'sukamaju', 'dinas-arsip']);
    const stateDir = mkdtempSync(join(tmpdir(), 'lapkin-units-'));
    const result = await runUnitsDemo({ config, stateDir, keepRunning: true });
    stack = result.stack;
    const deps = stack.deps();

    // Every unit's report went the whole way, in the same period, side by side.
    expect(result.units.map((u) => [u.unit.unitCode, u.report?.reportId, u.report?.status])).toEqual(
      UNITS.map((u) => [u, `${u}-2026-TW1`, 'TERDOKUMENTASI']),
    );
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);

    // Mail isolation, judged by the recipients (the demo judges by the subject): each mail reaches the people of
    // exactly one unit, nobody else, and names that unit — the dinas' mails say "Dinas Arsip dan Perpustakaan".
    const mails = await new MailboxClient(stack.urls.mail).all();
    expect(mails).toHaveLength(3 * UNITS.length); // verify, ratify, documented per unit
    for (const m of mails) {
      const reached = unitsReached(m);
      expect(reached, m.subject).toHaveLength(1);
      const unit = reached[0] as string;
      expect(
        recipients(m).filter((r) => !emailsOf(unit).includes(r)),
        m.subject,
      ).toEqual([]);
      const name = organization(config, unit).name;
      expect(m.subject).toMatch(/^\[[^\]]+\] Laporan Kinerja /);
      expect(m.subject.endsWith(` — ${name}`), m.subject).toBe(true);
      for (const other of UNITS.filter((u) => u !== unit)) {
        expect(m.text, m.subject).not.toContain(organization(config, other).name);
        expect(m.text, m.subject).not.toContain(`/${other}/`);
      }
    }
    const dinas = mails.filter((m) => unitsReached(m)[0] === 'dinas-arsip');
    expect(dinas.map((m) => m.subject.slice(0, m.subject.indexOf(']') + 1))).toEqual(
      expect.arrayContaining(['[Perlu verifikasi]', '[Perlu pengesahan]']),
    );
    for (const m of dinas) expect(m.text).toContain('Dinas Arsip dan Perpustakaan');
    // What the demo prints per unit is the same partition.
    for (const u of result.units) expect(u.mails).toHaveLength(3);

    // Reports and pending decisions read per unit (the index partitioned by unit) on the real dynalite adapter.
    for (const u of UNITS) expect((await deps.repo.list(u)).map((r) => r.reportId)).toEqual([`${u}-2026-TW1`]);
    const tw2 = join(ROOT, 'infra/local/sample/kinerja-tw2.csv');
    const inbox = new MailboxClient(stack.urls.mail);
    // Three uploads through the CLI at once, as three offices would: the next period in two units, and one for
    // a unit nobody configured.
    const upload = (unit: string) =>
      lapkin(['upload', tw2, '--unit', unit, '--tahun', '2026', '--periode', 'TW2', '--state-dir', stateDir]);
    const [karawaciUp, sukamajuUp, refused] = await Promise.all(
      ['karawaci', 'sukamaju', 'kecamatan-fiktif'].map(upload),
    );
    expect(karawaciUp?.stdout, karawaciUp?.stderr).toContain('report karawaci-2026-TW2 started');
    expect(sukamajuUp?.stdout, sukamajuUp?.stderr).toContain('report sukamaju-2026-TW2 started');
    // Each new report waits for its own Sekretaris; the third unit has nothing pending.
    for (const u of ['karawaci', 'sukamaju'])
      await inbox.next(
        people(config, u).SEKRETARIS_CAMAT.email,
        /^\[Perlu verifikasi\] Laporan Kinerja Triwulan II 2026 — /,
      );
    for (const u of ['karawaci', 'sukamaju']) {
      const pending = await deps.repo.pendingDecisions(u);
      expect(pending.map((d) => [d.reportId, d.assignee.email])).toEqual([
        [`${u}-2026-TW2`, people(config, u).SEKRETARIS_CAMAT.email],
      ]);
      expect((await deps.repo.list(u)).map((r) => r.reportId).sort()).toEqual([`${u}-2026-TW1`, `${u}-2026-TW2`]);
    }
    expect(await deps.repo.pendingDecisions('dinas-arsip')).toEqual([]);
    expect(await deps.repo.pendingDecisions('karawaci', 'sukamaju-2026-TW2')).toEqual([]);

    // The CLI refuses a unit nobody configured before sending anything: nothing is stored under its folder.
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('unit "kecamatan-fiktif" is not in the directory');
    expect(refused?.stdout).not.toContain('uploaded');
    expect(await stack.store.listKeys('masuk/kecamatan-fiktif/')).toEqual([]);
    // Put there by another S3 client all the same: intake refuses it and the city (KOTA) is told, no unit is.
    await stack.store.put({
      key: 'masuk/kecamatan-fiktif/2026/TW2/kinerja-tw2.csv',
      body: await readFile(tw2),
      contentType: 'text/csv',
    });
    const kota = config.city?.people.KOTA?.email as string;
    const notice = await inbox.next(kota, '[Unggahan ditolak]');
    expect(notice.text).toContain('unit pada folder tidak terdaftar di lapkin');
    expect(notice.text).toContain('masuk/kecamatan-fiktif/2026/TW2/kinerja-tw2.csv');
    expect(recipients(notice)).toEqual([kota]);
    expect(await deps.repo.get('kecamatan-fiktif-2026-TW2')).toBeUndefined();
    expect(await deps.repo.list('kecamatan-fiktif')).toEqual([]);
  }, 60_000);
});

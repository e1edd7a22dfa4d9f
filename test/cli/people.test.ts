/**
 * `lapkin people list|set|remove|history` and `lapkin status --unit`, both ways the CLI reaches the directory:
 * on the table of a stopped stack (its state dir, seeded on first use), and over HTTP from a running one — here
 * the local HTTP server on in-memory fakes, named in the state dir's stack.json as the real stack writes it (no
 * LevelDB, MailDev or engine to start). The directory routes keep refusing cross-site browser requests.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryChange } from '../../functions/core/directory.ts';
import { runPeople } from '../../infra/cli/people.ts';
import { PEOPLE_OPTIONS } from '../../infra/cli/people-options.ts';
import { LocalHttpServer } from '../../infra/local/http-server.ts';
import { writeStackFile } from '../../infra/local/stack-file.ts';
import { fakeDeps, people, testConfig } from '../fakes/deps.ts';
import { REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { lapkin, type Run } from './lapkin-run.ts';

/** `lapkin people …` in this process: main.ts's parsing of the people options, then the same runPeople. */
async function peopleInProcess(args: string[]): Promise<Run> {
  const { values, positionals } = parseArgs({
    args: args.slice(1),
    options: { ...PEOPLE_OPTIONS, 'state-dir': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  let stdout = '';
  let stderr = '';
  const code = await runPeople({
    config: testConfig(),
    stateDir: values['state-dir'] as string,
    positionals,
    values,
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

const PLT = {
  name: 'Budi Santoso, S.STP.',
  nip: '198801012010011001',
  email: 'plt.sekcam@example.go.id',
  title: 'Plt. Sekretaris Camat',
};
const setArgs = (dir: string, extra: string[] = []) => [
  'people',
  'set',
  '--unit',
  'karawaci',
  '--role',
  'SEKRETARIS_CAMAT',
  '--name',
  PLT.name,
  '--nip',
  PLT.nip,
  '--email',
  PLT.email,
  '--title',
  PLT.title,
  '--by',
  'Operator Kota <operator@example.go.id>',
  '--state-dir',
  dir,
  ...extra,
];

describe('lapkin people on a stopped stack (its table, seeded on first use)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-people-'));

  it('lists the configured units, their people per role with the unit’s titles, and the city', async () => {
    // A real CLI process (main.ts's wiring); the rest of this file runs the same runPeople in-process.
    const r = await lapkin(['people', 'list', '--json', '--state-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const listing = JSON.parse(r.stdout);
    expect(listing.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['dinas-arsip', 'karawaci', 'sukamaju']);
    const arsip = listing.units[0];
    expect(arsip.people[0]).toMatchObject({ role: 'CAMAT', roleTitle: 'Kepala Dinas', required: true });
    expect(arsip.people[0].person.email).toBe('kadis.arsip@example.go.id');
    expect(listing.city.people[0]).toMatchObject({ role: 'KOTA', person: testConfig().city?.people.KOTA });
    const text = await peopleInProcess(['people', 'list', '--unit', 'dinas-arsip', '--state-dir', dir]);
    expect(text.stdout).toContain('dinas-arsip — Dinas Arsip dan Perpustakaan (OPD)');
    expect(text.stdout).toMatch(/SEKRETARIS_CAMAT\s+Sekretaris Dinas\s+Ratna Sari/);
    expect(text.stdout).not.toContain('karawaci');
  });

  it('set changes one person (an audit event: who, before, after); the change survives the next seed', async () => {
    const r = await peopleInProcess(setArgs(dir));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('karawaci/SEKRETARIS_CAMAT  DIUBAH  oleh Operator Kota <operator@example.go.id> (CLI)');
    expect(r.stdout).toContain(`sesudah: ${PLT.name} · NIP ${PLT.nip}`);
    expect(r.stdout).toContain('Keputusan yang sedang menunggu tetap pada penerimanya semula');
    // A field not given keeps its value.
    const title = await peopleInProcess([
      'people',
      'set',
      '--unit',
      'karawaci',
      '--role',
      'kasi',
      '--title',
      'Kasi Pemerintahan',
      '--state-dir',
      dir,
    ]);
    expect(title.code, title.stderr).toBe(0);

    const list = JSON.parse(
      (await peopleInProcess(['people', 'list', '--unit', 'karawaci', '--json', '--state-dir', dir])).stdout,
    );
    const byRole = Object.fromEntries(
      list.units[0].people.map((p: { role: string; person: unknown }) => [p.role, p.person]),
    );
    expect(byRole.SEKRETARIS_CAMAT).toEqual(PLT);
    expect(byRole.KASI).toEqual({ ...people().KASI, title: 'Kasi Pemerintahan' });

    const h = await peopleInProcess([
      'people',
      'history',
      '--unit',
      'karawaci',
      '--role',
      'SEKRETARIS_CAMAT',
      '--json',
      '--state-dir',
      dir,
    ]);
    const changes = JSON.parse(h.stdout).changes as DirectoryChange[];
    expect(changes.map((c) => `${c.action}:${c.actor.source}`)).toEqual(['DITETAPKAN:KONFIGURASI', 'DIUBAH:CLI']);
    expect(changes[1]).toMatchObject({
      actor: { name: 'Operator Kota', email: 'operator@example.go.id', source: 'CLI' },
      before: people().SEKRETARIS_CAMAT,
      after: PLT,
    });
  });

  it('remove empties an optional role (not brought back by the seed) and refuses one a step needs', async () => {
    const r = await peopleInProcess(['people', 'remove', '--unit', 'karawaci', '--role', 'KASI', '--state-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('karawaci/KASI  DIHAPUS');
    const list = await peopleInProcess(['people', 'list', '--unit', 'karawaci', '--state-dir', dir]);
    expect(list.stdout).toMatch(/KASI\s+Kepala Seksi\s+\(kosong\)\n/);
    expect(list.stdout).toMatch(/CAMAT\s+Camat\s+Drs\. Arif/);
    const camat = await peopleInProcess([
      'people',
      'remove',
      '--unit',
      'karawaci',
      '--role',
      'CAMAT',
      '--state-dir',
      dir,
    ]);
    expect(camat.code).toBe(1);
    expect(camat.stderr).toContain('peran CAMAT dibutuhkan oleh langkah SOP dan tidak dapat dikosongkan');
  });

  it('the city person: --role KOTA without --unit', async () => {
    const r = await peopleInProcess([
      'people',
      'set',
      '--role',
      'KOTA',
      '--email',
      'inspektorat@example.go.id',
      '--state-dir',
      dir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('KOTA  DIUBAH');
    const h = await peopleInProcess(['people', 'history', '--role', 'KOTA', '--state-dir', dir]);
    expect(h.stdout).toContain(
      'sesudah: Hendra Gunawan, S.H., M.Si. · NIP 197202022000121001 · inspektorat@example.go.id',
    );
  });

  it('every refusal exits non-zero with what was wrong', async () => {
    const cases: [string[], number, string | RegExp][] = [
      [
        ['people', 'set', '--unit', 'karawacii', '--role', 'CAMAT', '--title', 'x'],
        1,
        'Unit "karawacii" tidak ada di direktori. Unit yang dikenal: dinas-arsip, karawaci, sukamaju.',
      ],
      [
        ['people', 'set', '--unit', 'karawaci', '--role', 'BUPATI', '--title', 'x'],
        1,
        'peran "BUPATI" tidak dikenal; pilih salah satu: CAMAT, SEKRETARIS_CAMAT, KASI, TIMSAKIP, STAF',
      ],
      [
        ['people', 'set', '--unit', 'karawaci', '--role', 'CAMAT', '--nip', '19750101200003100', '--email', 'camat@'],
        1,
        'NIP harus terdiri atas 18 digit angka; alamat email tidak valid',
      ],
      [['people', 'history', '--unit', 'nowhere'], 1, 'Unit yang dikenal: dinas-arsip, karawaci, sukamaju'],
      [['people', 'set', '--unit', 'karawaci', '--role', 'KOTA', '--title', 'x'], 2, 'KOTA is the city-level role'],
      [
        ['people', 'set', '--unit', 'karawaci', '--role', 'CAMAT'],
        2,
        'needs at least one of --name, --nip, --email, --title',
      ],
      [['people', 'set', '--unit', 'karawaci', '--name', 'x'], 2, 'people set needs --role'],
      [
        ['people', 'remove', '--role', 'KASI'],
        2,
        'people remove needs --unit (one of karawaci, sukamaju, dinas-arsip)',
      ],
      [['people', 'list', '--name', 'x'], 2, 'people list does not take --name'],
      [['people', 'set', '--unit', 'karawaci', '--role', 'CAMAT', '--name', ' '], 2, '--name cannot be empty'],
      [
        ['people', 'set', '--unit', 'karawaci', '--role', 'CAMAT', '--title', 'x', '--by', 'Ani <ani@>'],
        2,
        '"ani@" is not an e-mail address',
      ],
      [['people', 'rename'], 2, 'give one of: list, set, remove, history (not "rename")'],
      [
        ['status', '--unit', 'nowhere'],
        1,
        'unit "nowhere" is not in the directory; known units: dinas-arsip, karawaci, sukamaju',
      ],
      [['status', REPORT_ID, '--unit', 'karawaci'], 2, 'give a report id or --unit, not both'],
    ];
    const check = (r: Awaited<ReturnType<typeof lapkin>>, [args, code, reason]: (typeof cases)[number]) => {
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr).toContain(reason);
      expect(r.stderr).not.toMatch(/TypeError|\n\s+at /);
    };
    // The people refusals run in this process (the same runPeople the CLI calls, one at a time: one opener per
    // table); `status`, and one refusal, as real CLI processes, so the wiring of main.ts is covered too.
    const spawned = (c: (typeof cases)[number]) => c[0][0] === 'status' || c[0][1] === 'rename';
    for (const c of cases.filter((x) => !spawned(x))) check(await peopleInProcess([...c[0], '--state-dir', dir]), c);
    const runs = await Promise.all(cases.filter(spawned).map(([args]) => lapkin([...args, '--state-dir', dir])));
    for (const [i, r] of runs.entries()) check(r, cases.filter(spawned)[i] as (typeof cases)[number]);
    // Nothing refused was stored.
    const h = JSON.parse(
      (await peopleInProcess(['people', 'history', '--unit', 'karawaci', '--json', '--state-dir', dir])).stdout,
    );
    expect(h.changes.filter((c: DirectoryChange) => c.role === 'CAMAT')).toHaveLength(1);
  });

  it('status --unit on a stopped stack: that unit only', async () => {
    const r = await lapkin(['status', '--unit', 'sukamaju', '--state-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('belum ada laporan');
  });
});

describe('lapkin people against a running stack (over HTTP)', () => {
  const f = fakeDeps();
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-people-http-'));
  let server: LocalHttpServer;
  let base = '';

  beforeAll(async () => {
    server = new LocalHttpServer({
      portal: { deps: () => f.deps, secureCookies: false },
      deps: () => f.deps,
      store: f.store as never,
      secret: 'test',
    });
    base = await server.start(0);
    // What the running stack writes for the CLI of its state dir; this process is the "stack".
    writeStackFile(dir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      stateDir: dir,
      urls: { http: base, mail: base, smtp: base, dynamodb: base, stepFunctions: base },
    });
    await uploadAndAssemble(f.deps, sample('awal'));
  });
  afterAll(() => server.stop());

  it('set and list go through the stack (its table is never opened from the CLI)', async () => {
    const r = await lapkin(setArgs(dir));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('DIUBAH  oleh Operator Kota <operator@example.go.id> (CLI)');
    const stored = (await f.directory.people('karawaci')).find((e) => e.role === 'SEKRETARIS_CAMAT');
    expect(stored).toMatchObject(PLT);
    expect(existsSync(join(dir, 'dynamodb'))).toBe(false);

    const [list, history, bad, unknown] = await Promise.all([
      peopleInProcess(['people', 'list', '--unit', 'karawaci', '--state-dir', dir]),
      peopleInProcess(['people', 'history', '--unit', 'karawaci', '--state-dir', dir]),
      peopleInProcess(['people', 'set', '--unit', 'karawaci', '--role', 'CAMAT', '--nip', '123', '--state-dir', dir]),
      peopleInProcess(['people', 'list', '--unit', 'karawacii', '--state-dir', dir]),
    ]);
    expect(list.stdout).toMatch(/SEKRETARIS_CAMAT\s+Sekretaris Camat\s+Budi Santoso/);
    expect(history.stdout).toContain(`sebelum: ${people().SEKRETARIS_CAMAT.name}`);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NIP harus terdiri atas 18 digit angka');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unit yang dikenal: dinas-arsip, karawaci, sukamaju');
  });

  it('status --unit asks the stack for that unit only', async () => {
    const [mine, theirs, none] = await Promise.all([
      lapkin(['status', '--unit', 'karawaci', '--json', '--state-dir', dir]),
      lapkin(['status', '--unit', 'sukamaju', '--state-dir', dir]),
      lapkin(['status', '--unit', 'nowhere', '--state-dir', dir]),
    ]);
    expect(JSON.parse(mine.stdout).reports.map((r: { reportId: string }) => r.reportId)).toEqual([REPORT_ID]);
    expect(theirs.stdout.trim()).toBe('belum ada laporan');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('known units: dinas-arsip, karawaci, sukamaju');
  });

  it('the directory routes: a forged cross-site POST is refused, the CLI’s plain JSON POST is not', async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${base}/_lokal/direktori/orang`, { method: 'POST', headers, body: JSON.stringify(body) });
    const change = {
      action: 'set',
      unit: 'sukamaju',
      role: 'CAMAT',
      person: { email: 'attacker@evil.example' },
      by: { name: 'x' },
    };
    const refused = await Promise.all([
      post({ 'content-type': 'application/json', origin: 'http://evil.example' }, change),
      post({ 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' }, change),
      // A same-site form can only send form or text bodies: refused before anything is parsed.
      post({ 'content-type': 'text/plain' }, change),
    ]);
    expect(refused.map((r) => r.status)).toEqual([403, 403, 415]);
    expect((await f.directory.people('sukamaju')).find((e) => e.role === 'CAMAT')?.email).toBe(
      people(testConfig(), 'sukamaju').CAMAT.email,
    );
    const ok = await post({ 'content-type': 'application/json' }, { ...change, person: { title: 'Camat Sukamaju' } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { change: DirectoryChange }).change).toMatchObject({
      unit: 'sukamaju',
      actor: { name: 'x', source: 'CLI' },
      after: { title: 'Camat Sukamaju' },
    });
    const malformed = await post({ 'content-type': 'application/json' }, { action: 'drop', unit: 'x', role: 'y' });
    expect(malformed.status).toBe(400);
  });
});

import { userInfo } from 'node:os';
import { CITY_ROLE, CITY_UNIT, type LapkinConfig, type Person, ROLES } from '../../functions/core/config.ts';
import type { DirectoryChange } from '../../functions/core/directory.ts';
import { parseEmailAddress } from '../../functions/core/email-address.ts';
import { systemClock } from '../../functions/ports/clock.ts';
import type { DirectoryDeps } from '../../functions/usecases/directory.ts';
import {
  asRequestError,
  changeDirectory,
  type DirectoryChangeRequest,
  type DirectoryListing,
  DirectoryRequestError,
  type DirectoryUnitView,
  directoryHistory,
  directoryListing,
} from '../local/directory-routes.ts';
import { answeringStack } from '../local/stack-file.ts';
import { cliTime } from './format.ts';

/**
 * `lapkin people list|set|remove|history`: the directory of units and people, changed without a deploy.
 * The running local stack of the state dir is asked over HTTP (its LevelDB is locked while it runs); a stopped
 * one is opened directly, seeded first from the configuration so a fresh state shows the configured people.
 * Both ways run the same functions (infra/local/directory-routes.ts), so they answer alike.
 */

export interface DirectoryClient {
  list(unit?: string): Promise<DirectoryListing>;
  history(unit: string): Promise<{ unit: string; changes: DirectoryChange[] }>;
  change(req: DirectoryChangeRequest): Promise<DirectoryChange>;
}

/** The directory of the running stack at `base`, through its /_lokal/direktori routes. */
export function httpDirectory(base: string): DirectoryClient {
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${base}${path}`, init).catch(() => {
      throw new DirectoryRequestError(
        503,
        'BAD_REQUEST',
        `Stack lokal di ${base} tidak menjawab.`,
        `the local stack at ${base} does not answer`,
      );
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok)
      throw new DirectoryRequestError(
        res.status,
        (body.error as DirectoryRequestError['error']) ?? 'BAD_REQUEST',
        String(body.pesan ?? `HTTP ${res.status}`),
        String(body.message ?? `HTTP ${res.status}`),
        body.units as string[] | undefined,
      );
    return body as T;
  };
  return {
    list: (unit) => call(`/_lokal/direktori${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`),
    history: (unit) => call(`/_lokal/direktori/riwayat?unit=${encodeURIComponent(unit)}`),
    change: async (req) =>
      (
        await call<{ change: DirectoryChange }>('/_lokal/direktori/orang', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(req),
        })
      ).change,
  };
}

/** The directory read and changed in this process (a stopped stack's table, or a fake in tests). */
export function localDirectory(deps: DirectoryDeps): DirectoryClient {
  const guard = async <T>(run: () => Promise<T>) => {
    try {
      return await run();
    } catch (err) {
      throw await asRequestError(deps, err);
    }
  };
  return {
    list: (unit) => guard(() => directoryListing(deps, unit)),
    history: (unit) => guard(() => directoryHistory(deps, unit)),
    change: (req) => changeDirectory(deps, req),
  };
}

/** Runs `use` against the directory of the state dir's stack: over HTTP when it runs, else on its files. */
export async function withDirectory<T>(
  config: LapkinConfig,
  stateDir: string,
  use: (directory: DirectoryClient) => Promise<T>,
  /** The deployed table (stack output TableName): the same use cases, with the operator's AWS credentials. */
  awsTable?: string,
): Promise<T> {
  if (!awsTable) {
    const running = await answeringStack(stateDir);
    if (running) return use(httpDirectory(running.urls.http));
  }
  return withDirectoryDeps(config, stateDir, awsTable, (deps) => use(localDirectory(deps)));
}

/**
 * The directory use cases' deps on a stopped stack's files, or on a deployed table (`awsTable`), seeded first
 * from the configuration as `lapkin up` and a deploy do (what the table has wins). Not for a running local stack:
 * its LevelDB is locked (ask it over HTTP).
 */
export async function withDirectoryDeps<T>(
  config: LapkinConfig,
  stateDir: string,
  awsTable: string | undefined,
  use: (deps: DirectoryDeps) => Promise<T>,
): Promise<T> {
  if (awsTable) return withAwsDirectory(config, awsTable, use);
  const { withOfflineState } = await import('./offline-state.ts');
  const { seedDirectory } = await import('../../functions/usecases/directory.ts');
  return (await withOfflineState(
    stateDir,
    config.publicBaseUrl,
    async ({ directory }) => {
      const deps: DirectoryDeps = { config, directory, clock: systemClock };
      // First use (or a unit added to cdk.json since): the same seed `lapkin up` runs; what the table has wins.
      await seedDirectory(deps);
      return use(deps);
    },
    { create: true },
  )) as T;
}

async function withAwsDirectory<T>(
  config: LapkinConfig,
  table: string,
  use: (deps: DirectoryDeps) => Promise<T>,
): Promise<T> {
  const [{ DynamoDBClient }, { DynamoDBDocumentClient }, { DynamoDbDirectory, indexPeopleByEmail }, { seedDirectory }] =
    await Promise.all([
      import('@aws-sdk/client-dynamodb'),
      import('@aws-sdk/lib-dynamodb'),
      import('../../functions/adapters/dynamodb-directory.ts'),
      import('../../functions/usecases/directory.ts'),
    ]);
  const client = new DynamoDBClient({ region: process.env.AWS_REGION ?? config.aws.region });
  try {
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const directory = new DynamoDbDirectory(doc, table);
    const deps: DirectoryDeps = { config, directory, clock: systemClock };
    // People seeded before the sign-in's email index are indexed once (a mark item makes it one read after).
    await indexPeopleByEmail(doc, table);
    await seedDirectory(deps);
    return await use(deps);
  } finally {
    client.destroy();
  }
}

const WORDS = {
  id: {
    vacant: '(kosong)',
    required: 'wajib',
    city: 'tingkat kota',
    before: 'sebelum',
    after: 'sesudah',
    by: 'oleh',
    none: 'belum ada perubahan',
    pending:
      'Keputusan yang sedang menunggu tetap pada penerimanya semula; permintaan berikutnya ditujukan kepada orang ini.',
    version: 'versi',
  },
  en: {
    vacant: '(vacant)',
    required: 'required',
    city: 'city level',
    before: 'before',
    after: 'after',
    by: 'by',
    none: 'no changes yet',
    pending: 'Decisions already pending keep their assignee; the next request goes to this person.',
    version: 'version',
  },
};

const personLine = (p: Person) => `${p.name} · NIP ${p.nip} · ${p.email} · ${p.title}`;

function unitBlock(u: DirectoryUnitView, lang: 'id' | 'en'): string {
  const w = WORDS[lang];
  const head = u.unitCode === CITY_UNIT ? `${w.city} — ${u.name}` : `${u.unitCode} — ${u.name} (${u.kind})`;
  const width = Math.max(...u.people.map((p) => p.roleTitle.length));
  const lines = u.people.map(
    (p) =>
      `  ${p.role.padEnd(17)} ${p.roleTitle.padEnd(width)}  ${p.person ? personLine(p.person) : `${w.vacant}${p.required ? ` ${w.required}` : ''}`}`,
  );
  return [head, ...lines].join('\n');
}

export function listingText(listing: DirectoryListing, lang: 'id' | 'en'): string {
  return [...listing.units, ...(listing.city ? [listing.city] : [])].map((u) => unitBlock(u, lang)).join('\n\n');
}

const actorText = (c: DirectoryChange) =>
  `${c.actor.name}${c.actor.email ? ` <${c.actor.email}>` : ''} (${c.actor.source})`;

export function changeText(c: DirectoryChange, lang: 'id' | 'en'): string {
  const w = WORDS[lang];
  return [
    `${cliTime(c.at)}  ${c.unit === CITY_UNIT ? CITY_ROLE : `${c.unit}/${c.role}`}  ${c.action}  ${w.by} ${actorText(c)}  (${w.version} ${c.version})`,
    ...(c.before ? [`    ${w.before}: ${personLine(c.before)}`] : []),
    ...(c.after ? [`    ${w.after}: ${personLine(c.after)}`] : []),
  ].join('\n');
}

/** `--by "Nama <email>"`, `--by email` or `--by Nama`; without it, the account running the CLI. */
export function parseActor(raw: string | undefined): { name: string; email?: string } | string {
  if (raw === undefined) return { name: userInfo().username || 'lapkin-cli' };
  const text = raw.trim();
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(text);
  const [name, address] = m ? [m[1]?.trim() ?? '', m[2]?.trim()] : text.includes('@') ? ['', text] : [text, undefined];
  const email = address === undefined ? undefined : parseEmailAddress(address);
  if (address !== undefined && !email) return `--by: "${address}" is not an e-mail address (use --by "Name <email>")`;
  if (!name && !email) return '--by needs a name, e.g. --by "Nama Lengkap <nama@example.go.id>"';
  return { name: name || (email as string), ...(email ? { email } : {}) };
}

export interface PeopleArgs {
  config: LapkinConfig;
  stateDir: string;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const FIELDS = ['name', 'nip', 'email', 'title'] as const;
/** Which options each subcommand takes (besides --state-dir and --help). */
const ALLOWED: Record<string, string[]> = {
  list: ['unit', 'json', 'table'],
  set: ['unit', 'role', 'by', 'json', 'table', ...FIELDS],
  remove: ['unit', 'role', 'by', 'json', 'table'],
  history: ['unit', 'role', 'json', 'table'],
};

/** Exit code: 0 done, 1 refused (unknown unit, invalid person, …), 2 wrong usage. */
export async function runPeople(a: PeopleArgs): Promise<number> {
  const lang = a.config.language;
  const fail = (message: string, code = 1) => {
    a.err(`lapkin people: ${message}\n`);
    return code;
  };
  const [sub, ...extra] = a.positionals;
  if (!sub || !(sub in ALLOWED) || extra.length)
    return fail(
      `give one of: ${Object.keys(ALLOWED).join(', ')}${sub && !(sub in ALLOWED) ? ` (not "${sub}")` : ''}`,
      2,
    );
  const allowed = ALLOWED[sub] as string[];
  const given = Object.keys(a.values).filter((k) => a.values[k] !== undefined && k !== 'state-dir' && k !== 'help');
  const stray = given.filter((k) => !allowed.includes(k));
  if (stray.length) return fail(`people ${sub} does not take ${stray.map((k) => `--${k}`).join(', ')}`, 2);
  const v = a.values as Record<string, string | undefined> & { json?: boolean };
  const role = v.role?.trim().toUpperCase();
  let unit = v.unit?.trim();
  if (role === CITY_ROLE && unit && unit !== CITY_UNIT)
    return fail(`${CITY_ROLE} is the city-level role, not a role of unit "${unit}": leave out --unit`, 2);
  if (role === CITY_ROLE) unit = CITY_UNIT;
  if (sub === 'history' && role && !(ROLES as readonly string[]).includes(role) && role !== CITY_ROLE)
    return fail(`unknown role "${role}": one of ${[...ROLES, CITY_ROLE].join(', ')}`, 2);
  if ((sub === 'set' || sub === 'remove') && !role) return fail(`people ${sub} needs --role`, 2);
  if ((sub === 'set' || sub === 'remove' || sub === 'history') && !unit)
    return fail(
      `people ${sub} needs --unit (one of ${a.config.units.map((u) => u.organization.unitCode).join(', ')}), or --role ${CITY_ROLE} for the city`,
      2,
    );
  const person: Partial<Person> = {};
  for (const f of FIELDS) if (typeof v[f] === 'string') person[f] = (v[f] as string).trim();
  const empty = FIELDS.filter((f) => person[f] === '');
  if (empty.length) return fail(`${empty.map((f) => `--${f}`).join(', ')} cannot be empty`, 2);
  if (sub === 'set' && !Object.keys(person).length)
    return fail('people set needs at least one of --name, --nip, --email, --title', 2);
  const by = parseActor(v.by);
  if (typeof by === 'string') return fail(by, 2);

  const say = (text: string) => a.out(`${text}\n`);
  try {
    if (v.table !== undefined && !/^[A-Za-z0-9_.-]{3,255}$/.test(v.table))
      return fail('--table must be a DynamoDB table name (the stack output TableName)', 2);
    return await withDirectory(
      a.config,
      a.stateDir,
      async (dir) => {
        switch (sub) {
          case 'list': {
            const listing = await dir.list(unit);
            say(v.json ? JSON.stringify(listing, null, 2) : listingText(listing, lang));
            return 0;
          }
          case 'history': {
            const h = await dir.history(unit as string);
            const changes = role ? h.changes.filter((c) => c.role === role) : h.changes;
            if (v.json) say(JSON.stringify({ unit: h.unit, changes }, null, 2));
            else say(changes.length ? changes.map((c) => changeText(c, lang)).join('\n') : WORDS[lang].none);
            return 0;
          }
          default: {
            const change = await dir.change({
              action: sub as 'set' | 'remove',
              unit: unit as string,
              role: role as string,
              ...(sub === 'set' ? { person } : {}),
              by,
            });
            if (v.json) say(JSON.stringify({ change }, null, 2));
            else say(`${changeText(change, lang)}${change.after ? `\n${WORDS[lang].pending}` : ''}`);
            return 0;
          }
        }
      },
      v.table,
    );
  } catch (err) {
    if (!(err instanceof DirectoryRequestError)) throw err;
    const text = lang === 'en' ? err.message : err.pesan;
    const hint =
      err.error === 'UNKNOWN_UNIT'
        ? lang === 'en'
          ? ` The city: --role ${CITY_ROLE} without --unit.`
          : ` Tingkat kota: --role ${CITY_ROLE} tanpa --unit.`
        : '';
    return fail(`${text}${hint}`);
  }
}

/**
 * Whether `unit` is in the directory of the state dir's stack (for `lapkin status --unit`): undefined when it
 * is, else the refusal naming the known units. Without any local state yet, the configuration's units count.
 */
export async function unitProblem(config: LapkinConfig, stateDir: string, unit: string): Promise<string | undefined> {
  const known = (units: string[]) =>
    units.includes(unit) ? undefined : `unit "${unit}" is not in the directory; known units: ${units.join(', ')}`;
  const running = await answeringStack(stateDir);
  if (running) {
    try {
      await httpDirectory(running.urls.http).list(unit);
      return undefined;
    } catch (err) {
      if (err instanceof DirectoryRequestError && err.units) return known(err.units);
      throw err;
    }
  }
  const { withOfflineState } = await import('./offline-state.ts');
  const { listUnits } = await import('../../functions/usecases/directory.ts');
  const units = await withOfflineState(stateDir, config.publicBaseUrl, async ({ directory }) =>
    (await listUnits({ config, directory, clock: systemClock })).map((u) => u.unitCode),
  );
  return known(units ?? config.units.map((u) => u.organization.unitCode));
}

import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CITY_ROLE, CITY_UNIT, type Person, ROLES, requiredRoles } from '../../functions/core/config.ts';
import type { DirectoryChange, DirectoryEntry, DirectoryRole } from '../../functions/core/directory.ts';
import { parseEmailAddress } from '../../functions/core/email-address.ts';
import { DirectoryChangeError, UnknownUnitError } from '../../functions/core/errors.ts';
import { StaleDirectoryError } from '../../functions/ports/directory.ts';
import {
  cityPerson,
  type DirectoryDeps,
  listUnits,
  removePerson,
  setPerson,
} from '../../functions/usecases/directory.ts';

/**
 * The directory (units and people) as the `lapkin people` commands see it. One module for both ways the CLI
 * reaches the table: over HTTP from the running local stack (its LevelDB is locked while it runs), and directly
 * on the state files when the stack is stopped — the same functions, so both answer the same.
 */

/** One role of a unit: who holds it now, or nobody. */
export interface DirectoryPersonView {
  role: DirectoryRole;
  /** What this unit calls the role (roleTitles: Camat / Kepala Dinas …). */
  roleTitle: string;
  /** A step of the SOP needs someone here: the role cannot be removed, only given to someone else. */
  required: boolean;
  person?: Person;
  version?: number;
  updatedAt?: string;
}

export interface DirectoryUnitView {
  unitCode: string;
  name: string;
  kind: string;
  people: DirectoryPersonView[];
}

export interface DirectoryListing {
  units: DirectoryUnitView[];
  /** The city level (role KOTA), when the whole directory is listed or `unit` is the city. */
  city?: DirectoryUnitView;
}

/** A refusal with its HTTP status, in Bahasa Indonesia (`pesan`) and English (`message`). */
export class DirectoryRequestError extends Error {
  override name = 'DirectoryRequestError';
  constructor(
    readonly status: number,
    readonly error: 'UNKNOWN_UNIT' | 'INVALID' | 'STALE' | 'BAD_REQUEST',
    readonly pesan: string,
    message: string,
    /** The unit codes the directory knows, with an unknown unit. */
    readonly units?: string[],
  ) {
    super(message);
  }
}

const CITY_ROLE_TITLE = 'Pejabat tingkat kota (Bagian Organisasi / Inspektorat)';

function personView(entries: DirectoryEntry[], role: DirectoryRole, roleTitle: string, required: boolean) {
  const e = entries.find((x) => x.role === role);
  const view: DirectoryPersonView = { role, roleTitle, required };
  if (e) {
    view.person = { name: e.name, nip: e.nip, email: e.email, title: e.title };
    view.version = e.version;
    view.updatedAt = e.updatedAt;
  }
  return view;
}

async function cityView(deps: DirectoryDeps): Promise<DirectoryUnitView> {
  await cityPerson(deps); // seeds the configured KOTA person on first use (never after a change)
  const entries = await deps.directory.people(CITY_UNIT);
  return {
    unitCode: CITY_UNIT,
    name: deps.config.city?.name ?? 'Kota',
    kind: 'KOTA',
    people: [personView(entries, CITY_ROLE, CITY_ROLE_TITLE, false)],
  };
}

/** The known unit codes, for a refusal that names them. */
async function knownUnits(deps: DirectoryDeps): Promise<string[]> {
  return (await listUnits(deps)).map((u) => u.unitCode);
}

async function unknownUnit(deps: DirectoryDeps, unit: string): Promise<DirectoryRequestError> {
  const units = await knownUnits(deps);
  return new DirectoryRequestError(
    404,
    'UNKNOWN_UNIT',
    `Unit "${unit}" tidak ada di direktori. Unit yang dikenal: ${units.join(', ')}.`,
    `Unit "${unit}" is not in the directory. Known units: ${units.join(', ')}.`,
    units,
  );
}

/** Every unit with its people per role (vacant roles included), plus the city; or one unit, or the city only. */
export async function directoryListing(deps: DirectoryDeps, unit?: string): Promise<DirectoryListing> {
  if (unit === CITY_UNIT) return { units: [], city: await cityView(deps) };
  const profiles = await listUnits(deps);
  const chosen = unit ? profiles.filter((p) => p.unitCode === unit) : profiles;
  if (unit && !chosen.length) throw await unknownUnit(deps, unit);
  const required = requiredRoles(deps.config) as string[];
  const units = await Promise.all(
    chosen.map(async (p) => {
      const entries = await deps.directory.people(p.unitCode);
      return {
        unitCode: p.unitCode,
        name: p.organization.name,
        kind: p.kind,
        people: ROLES.map((r) => personView(entries, r, p.roleTitles[r], required.includes(r))),
      };
    }),
  );
  return unit ? { units } : { units, city: await cityView(deps) };
}

/** The change events of a unit (or the city), oldest first: who, when, before → after. */
export async function directoryHistory(
  deps: DirectoryDeps,
  unit: string,
): Promise<{ unit: string; changes: DirectoryChange[] }> {
  if (unit !== CITY_UNIT && !(await knownUnits(deps)).includes(unit)) throw await unknownUnit(deps, unit);
  return { unit, changes: await deps.directory.changes(unit) };
}

export interface DirectoryChangeRequest {
  action: 'set' | 'remove';
  unit: string;
  role: string;
  person?: Partial<Person>;
  by: { name: string; email?: string };
}

const bad = (pesan: string, message: string) => new DirectoryRequestError(400, 'BAD_REQUEST', pesan, message);

/** Checks the shape of a change request (from JSON): the fields the use cases then validate in depth. */
export function parseChangeRequest(raw: unknown): DirectoryChangeRequest {
  const b = (raw ?? {}) as Record<string, unknown>;
  if (b.action !== 'set' && b.action !== 'remove')
    throw bad('action harus "set" atau "remove".', 'action must be "set" or "remove".');
  if (typeof b.unit !== 'string' || !b.unit) throw bad('unit wajib diisi.', 'unit is required.');
  if (typeof b.role !== 'string' || !b.role) throw bad('role wajib diisi.', 'role is required.');
  const by = (b.by ?? {}) as Record<string, unknown>;
  if (typeof by.name !== 'string' || !by.name.trim() || by.name.length > 200)
    throw bad('by.name (siapa yang mengubah) wajib diisi.', 'by.name (who makes the change) is required.');
  let email: string | undefined;
  if (by.email !== undefined) {
    email = parseEmailAddress(typeof by.email === 'string' ? by.email : undefined);
    if (!email) throw bad('by.email bukan alamat email yang sah.', 'by.email is not a valid address.');
  }
  const person: Partial<Person> = {};
  const p = (b.person ?? {}) as Record<string, unknown>;
  for (const f of ['name', 'nip', 'email', 'title'] as const) {
    if (p[f] === undefined) continue;
    if (typeof p[f] !== 'string') throw bad(`person.${f} harus berupa teks.`, `person.${f} must be a string.`);
    person[f] = p[f].trim();
  }
  return {
    action: b.action,
    unit: b.unit,
    role: b.role,
    person,
    by: { name: by.name.trim(), ...(email ? { email } : {}) },
  };
}

/** `people set` / `people remove`: through the use cases, the person at the CLI as the actor of the change. */
export async function changeDirectory(deps: DirectoryDeps, req: DirectoryChangeRequest): Promise<DirectoryChange> {
  const input = { unit: req.unit, role: req.role, actor: { ...req.by, source: 'CLI' as const } };
  try {
    return req.action === 'set'
      ? await setPerson(deps, { ...input, person: req.person ?? {} })
      : await removePerson(deps, input);
  } catch (err) {
    throw await asRequestError(deps, err);
  }
}

/** The use cases' refusals as request errors (anything else is an internal error and stays one). */
export async function asRequestError(deps: DirectoryDeps, err: unknown): Promise<unknown> {
  if (err instanceof UnknownUnitError) return unknownUnit(deps, err.unit);
  if (err instanceof DirectoryChangeError)
    return new DirectoryRequestError(400, 'INVALID', err.problems.join('; '), err.problems.join('; '));
  if (err instanceof StaleDirectoryError)
    return new DirectoryRequestError(
      409,
      'STALE',
      'Data orang ini baru saja diubah oleh orang lain; ulangi perintahnya.',
      'Someone else changed this person at the same moment; run the command again.',
    );
  return err;
}

/**
 * The local stack's directory routes (the CLI's way in while the stack runs), under /_lokal:
 *   GET  /direktori[?unit=U]           units and people (+ the city)
 *   GET  /direktori/riwayat?unit=U     the change events of a unit
 *   POST /direktori/orang              {action:'set'|'remove', unit, role, person, by} (JSON only)
 * The server's Host and cross-site checks run before this (a browser page of another site is refused); a POST
 * must also be application/json, which no cross-site form can send without a CORS preflight the server never
 * answers.
 */
export function directoryRoutes(depsOf: () => DirectoryDeps) {
  const app = new Hono();
  const answer = async (c: Context, work: (deps: DirectoryDeps) => Promise<unknown>) => {
    const deps = depsOf();
    c.header('cache-control', 'no-store');
    try {
      return c.json(await work(deps));
    } catch (err) {
      const e = await asRequestError(deps, err);
      if (!(e instanceof DirectoryRequestError)) throw e;
      return c.json(
        { error: e.error, pesan: e.pesan, message: e.message, ...(e.units ? { units: e.units } : {}) },
        e.status as ContentfulStatusCode,
      );
    }
  };
  app.get('/direktori', (c) => answer(c, (deps) => directoryListing(deps, c.req.query('unit') || undefined)));
  app.get('/direktori/riwayat', (c) =>
    answer(c, async (deps) => {
      const unit = c.req.query('unit');
      if (!unit) throw bad('Parameter unit wajib diisi.', 'The unit parameter is required.');
      return directoryHistory(deps, unit);
    }),
  );
  app.post('/direktori/orang', (c) =>
    answer(c, async (deps) => {
      if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
        throw new DirectoryRequestError(
          415,
          'BAD_REQUEST',
          'Isi permintaan harus application/json.',
          'The request body must be application/json.',
        );
      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch {
        throw bad('Isi permintaan bukan JSON yang sah.', 'The request body is not valid JSON.');
      }
      return { change: await changeDirectory(deps, parseChangeRequest(raw)) };
    }),
  );
  app.all('/direktori/*', (c) =>
    c.json({ error: 'METHOD', pesan: 'Metode tidak didukung.', message: 'Method not allowed.' }, 405),
  );
  app.all('/direktori', (c) =>
    c.json({ error: 'METHOD', pesan: 'Metode tidak didukung.', message: 'Method not allowed.' }, 405),
  );
  return app;
}

import {
  CITY_ROLE,
  CITY_UNIT,
  type LapkinConfig,
  type Person,
  personSchema,
  ROLES,
  type Role,
  requiredRoles,
} from '../core/config.ts';
import {
  type DirectoryActor,
  type DirectoryChange,
  type DirectoryEntry,
  type DirectoryRole,
  personOnly,
  profileOf,
  type UnitDirectory,
  type UnitProfile,
} from '../core/directory.ts';
import { DirectoryChangeError, RoleVacantError, UnknownUnitError } from '../core/errors.ts';
import { nipProblem, normalizeNip } from '../core/nip.ts';
import type { Clock } from '../ports/clock.ts';
import { type DirectoryRepository, StaleDirectoryError } from '../ports/directory.ts';

/** What the directory use cases need: a subset of Deps, so the CLI can run them without a workflow or mailer. */
export interface DirectoryDeps {
  config: LapkinConfig;
  directory: DirectoryRepository;
  clock: Clock;
}

const SEED: DirectoryActor = { name: 'konfigurasi (cdk.json)', source: 'KONFIGURASI' };

/**
 * Seeds the directory from the configuration: every unit and person the table does not have yet. What the table
 * has wins — after the first seed, people change with `lapkin people set`, not by editing cdk.json — and a role
 * removed on purpose (a tombstone) is not brought back. Safe to run on every deploy, `lapkin up` and first use.
 */
export async function seedDirectory(deps: DirectoryDeps): Promise<{ units: number; people: number }> {
  let units = 0;
  let people = 0;
  for (const unit of deps.config.units) {
    const r = await seedUnit(deps, unit.organization.unitCode);
    units += r.unit ? 1 : 0;
    people += r.people;
  }
  for (const [role, person] of Object.entries(deps.config.city?.people ?? {})) {
    if (person && (await seedPerson(deps, CITY_UNIT, role as DirectoryRole, person))) people++;
  }
  return { units, people };
}

async function seedUnit(deps: DirectoryDeps, unitCode: string): Promise<{ unit: boolean; people: number }> {
  const unit = deps.config.units.find((u) => u.organization.unitCode === unitCode);
  if (!unit) return { unit: false, people: 0 };
  const created = await deps.directory.putUnitIfAbsent(profileOf(unit));
  let people = 0;
  for (const role of ROLES) {
    const person = unit.people[role];
    if (person && (await seedPerson(deps, unitCode, role, person))) people++;
  }
  return { unit: created, people };
}

async function seedPerson(deps: DirectoryDeps, unit: string, role: DirectoryRole, person: Person): Promise<boolean> {
  try {
    await deps.directory.setPerson(unit, role, person, 0, { at: deps.clock.now().toISOString(), actor: SEED });
    return true;
  } catch (err) {
    if (err instanceof StaleDirectoryError) return false; // there already (or removed on purpose)
    throw err;
  }
}

/**
 * A unit's profile and people now. A unit in the configuration but not yet in the table is seeded here (first
 * run on AWS before any deploy-time seed); a unit in neither is unknown.
 */
export async function unitDirectory(deps: DirectoryDeps, unitCode: string): Promise<UnitDirectory> {
  let found = await deps.directory.unitWithPeople(unitCode);
  if (!found.profile) {
    const seeded = await seedUnit(deps, unitCode);
    if (!seeded.unit && !deps.config.units.some((u) => u.organization.unitCode === unitCode))
      throw new UnknownUnitError(unitCode);
    found = await deps.directory.unitWithPeople(unitCode);
  }
  const { profile } = found;
  if (!profile) throw new UnknownUnitError(unitCode);
  const people: Partial<Record<Role, Person>> = {};
  for (const e of found.people) {
    if ((ROLES as readonly string[]).includes(e.role)) people[e.role as Role] = personOnly(e);
  }
  return { profile, people };
}

/** The person in `role` of a unit, or RoleVacantError (a step cannot be addressed to nobody). */
export function personIn(unit: UnitDirectory, role: Role): Person {
  const person = unit.people[role];
  if (!person) throw new RoleVacantError(unit.profile.unitCode, role);
  return person;
}

/** The unit's officials, head first, with their titles: the annual report's profile of the unit (Bab I). */
export function officialsOf(unit: UnitDirectory): { role: Role; title: string; name: string; nip: string }[] {
  return ROLES.flatMap((role) => {
    const p = unit.people[role];
    return p ? [{ role, title: unit.profile.roleTitles[role], name: p.name, nip: p.nip }] : [];
  });
}

/** The city-level person (KOTA), if one is set: escalations after the head of the unit go there too. */
export async function cityPerson(deps: DirectoryDeps): Promise<Person | undefined> {
  const entries = await deps.directory.people(CITY_UNIT);
  const kota = entries.find((e) => e.role === CITY_ROLE);
  if (kota) return personOnly(kota);
  const configured = deps.config.city?.people.KOTA;
  if (configured && !(await deps.directory.changes(CITY_UNIT)).length) {
    await seedPerson(deps, CITY_UNIT, CITY_ROLE, configured);
    return configured;
  }
  return undefined;
}

/** Every unit of the deployment; seeds the directory first when it is still empty. */
export async function listUnits(deps: DirectoryDeps): Promise<UnitProfile[]> {
  let units = await deps.directory.units();
  const missing = deps.config.units.filter((u) => !units.some((p) => p.unitCode === u.organization.unitCode));
  if (missing.length) {
    await seedDirectory(deps);
    // The index may lag behind the seed on AWS: list what the configuration names, read consistently.
    const fresh = await Promise.all(missing.map((u) => deps.directory.unit(u.organization.unitCode)));
    units = [...units, ...fresh.filter((p): p is UnitProfile => !!p)].sort((a, b) =>
      a.unitCode.localeCompare(b.unitCode),
    );
  }
  return units;
}

export interface PersonChangeInput {
  unit: string;
  role: string;
  actor: DirectoryActor;
}

function checkRole(unit: string, role: string): DirectoryRole {
  if (unit === CITY_UNIT) {
    if (role !== CITY_ROLE)
      throw new DirectoryChangeError([`peran "${role}" tidak ada pada tingkat kota (hanya ${CITY_ROLE})`]);
    return CITY_ROLE;
  }
  if (!(ROLES as readonly string[]).includes(role))
    throw new DirectoryChangeError([`peran "${role}" tidak dikenal; pilih salah satu: ${ROLES.join(', ')}`]);
  return role as Role;
}

async function currentEntry(deps: DirectoryDeps, unit: string, role: DirectoryRole) {
  if (unit !== CITY_UNIT)
    await unitDirectory(deps, unit); // UnknownUnitError for a unit nobody configured
  else await cityPerson(deps); // seeds the configured KOTA person first, as unitDirectory seeds a unit
  const entries: DirectoryEntry[] = await deps.directory.people(unit);
  const entry = entries.find((e) => e.role === role);
  // A removed role keeps its version in a tombstone: read it from the change history.
  const changes = entry ? [] : (await deps.directory.changes(unit)).filter((c) => c.role === role);
  return { entry, version: entry?.version ?? Math.max(0, ...changes.map((c) => c.version)) };
}

/**
 * `lapkin people set`: one person into one role of one unit. Validated (18-digit NIP, a real address, a name and
 * a title); every field not given keeps its current value. Decisions already pending keep their assignee: the
 * change applies from the next request on. The change is an audit event (who, before, after).
 */
export async function setPerson(
  deps: DirectoryDeps,
  input: PersonChangeInput & { person: Partial<Person> },
): Promise<DirectoryChange> {
  const role = checkRole(input.unit, input.role);
  for (let attempt = 0; ; attempt++) {
    const { entry, version } = await currentEntry(deps, input.unit, role);
    const given = dropUndefined(input.person);
    if (given.nip) given.nip = normalizeNip(given.nip);
    const merged = { ...(entry ? personOnly(entry) : {}), ...given };
    const parsed = personSchema.safeParse(merged);
    if (!parsed.success)
      throw new DirectoryChangeError(parsed.error.issues.map((i) => personProblem(String(i.path[0]))));
    const impossible = given.nip ? nipProblem(given.nip) : undefined;
    if (impossible) throw new DirectoryChangeError([impossible]);
    // A change that changes nothing would only add an audit event and a version: refused instead.
    if (entry && JSON.stringify(personOnly(entry)) === JSON.stringify(personOnly(parsed.data)))
      throw new DirectoryChangeError([`tidak ada yang berubah: ${role} pada unit ${input.unit} sudah berisi data ini`]);
    try {
      return await deps.directory.setPerson(input.unit, role, parsed.data, version, {
        at: deps.clock.now().toISOString(),
        actor: input.actor,
      });
    } catch (err) {
      if (!(err instanceof StaleDirectoryError) || attempt >= 3) throw err;
    }
  }
}

/** `lapkin people remove`: empties an optional role. A role a step needs cannot be left empty — set someone else. */
export async function removePerson(deps: DirectoryDeps, input: PersonChangeInput): Promise<DirectoryChange> {
  const role = checkRole(input.unit, input.role);
  if (input.unit !== CITY_UNIT && (requiredRoles(deps.config) as string[]).includes(role))
    throw new DirectoryChangeError([
      `peran ${role} dibutuhkan oleh langkah SOP dan tidak dapat dikosongkan; tetapkan penggantinya dengan "people set"`,
    ]);
  // The city role answers refused uploads of unknown units and late steps after the head of a unit: emptied, those
  // notices would reach nobody.
  if (input.unit === CITY_UNIT)
    throw new DirectoryChangeError([
      `peran ${CITY_ROLE} dibutuhkan untuk pemberitahuan unggahan yang ditolak dan eskalasi Mutu Baku, dan tidak dapat dikosongkan; tetapkan penggantinya dengan "people set"`,
    ]);
  const { entry, version } = await currentEntry(deps, input.unit, role);
  if (!entry) throw new DirectoryChangeError([`peran ${role} pada unit ${input.unit} sudah kosong`]);
  return deps.directory.setPerson(input.unit, role, undefined, version, {
    at: deps.clock.now().toISOString(),
    actor: input.actor,
  });
}

const dropUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

function personProblem(field: string): string {
  switch (field) {
    case 'nip':
      return 'NIP harus terdiri atas 18 digit angka';
    case 'email':
      return 'alamat email tidak valid';
    case 'name':
      return 'nama wajib diisi';
    case 'title':
      return 'jabatan wajib diisi';
    default:
      return `${field} tidak valid`;
  }
}

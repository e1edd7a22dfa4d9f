import {
  CITY_UNIT,
  type CityRole,
  DEFAULT_ROLE_TITLES,
  type Organization,
  type Person,
  ROLES,
  type Role,
  type UnitConfig,
  type UnitKind,
} from './config.ts';

/**
 * The directory: which units run the SOP on this deployment and who holds each role in them. Seeded from the
 * configuration, then changed without a deploy (`lapkin people set`). Use cases read people from here, never from
 * the configuration, so a mutasi or a Plt takes effect on the next request.
 */
export interface UnitProfile {
  unitCode: string;
  organization: Organization;
  kind: UnitKind;
  /** What this unit calls each SOP role (Camat / Kepala Dinas, …): always complete. */
  roleTitles: Record<Role, string>;
}

export type DirectoryRole = Role | CityRole;

export interface DirectoryEntry extends Person {
  unit: string;
  role: DirectoryRole;
  /** Conditional-write counter: 1 when first set, +1 per change. */
  version: number;
  updatedAt: string;
}

/** Who changed the directory: a person at the CLI (by name/email) or the configuration seed. */
export interface DirectoryActor {
  name: string;
  email?: string;
  source: 'KONFIGURASI' | 'CLI' | 'PORTAL';
}

/** One audit event of the directory: who changed which role of which unit, from what to what. */
export interface DirectoryChange {
  unit: string;
  role: DirectoryRole;
  /** Version of the entry after the change (a removal also counts). */
  version: number;
  at: string;
  actor: DirectoryActor;
  action: 'DITETAPKAN' | 'DIUBAH' | 'DIHAPUS';
  before?: Person;
  after?: Person;
}

/** A unit as one use case needs it: its profile and its people now. */
export interface UnitDirectory {
  profile: UnitProfile;
  people: Partial<Record<Role, Person>>;
}

export function profileOf(unit: UnitConfig): UnitProfile {
  const kind = unit.kind ?? 'KECAMATAN';
  return {
    unitCode: unit.organization.unitCode,
    organization: unit.organization,
    kind,
    roleTitles: Object.fromEntries(
      ROLES.map((r) => [r, unit.roleTitles?.[r] ?? DEFAULT_ROLE_TITLES[kind][r]]),
    ) as Record<Role, string>,
  };
}

export const isCity = (unit: string) => unit === CITY_UNIT;

/** The unit code in a report id `<unit>-<tahun>-<periode>` (unit codes may contain hyphens). */
export function unitOfReportId(reportId: string): string {
  return reportId.replace(/-\d{4}-[A-Z0-9]+$/, '');
}

/**
 * An address as the directory looks it up: case does not matter to anybody typing it (the local part is
 * case-sensitive by the letter of RFC 5321, never in practice), so one lower-case form per person.
 */
export const emailLookupKey = (email: string) => email.trim().toLowerCase();

export const personOnly = (p: Person): Person => ({ name: p.name, nip: p.nip, email: p.email, title: p.title });

/** The audit event of one directory write: who set which role of which unit from what (`before`) to what. */
export function directoryChange(a: {
  unit: string;
  role: DirectoryRole;
  version: number;
  at: string;
  actor: DirectoryActor;
  before: Person | undefined;
  after: Person | undefined;
}): DirectoryChange {
  return {
    unit: a.unit,
    role: a.role,
    version: a.version,
    at: a.at,
    actor: a.actor,
    action: a.after ? (a.before ? 'DIUBAH' : 'DITETAPKAN') : 'DIHAPUS',
    ...(a.before ? { before: personOnly(a.before) } : {}),
    ...(a.after ? { after: personOnly(a.after) } : {}),
  };
}

import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { DEFAULT_CAPAIAN_RULES, TARGET_ZERO_RULES, TURUN_FORMULAS } from './capaian-rules.ts';
import './zod.ts';

/**
 * The one configuration of lapkin: the `lapkin` context of cdk.json. The CDK app passes it to every function as
 * the LAPKIN_CONFIG environment variable; the local stack and the CLI read cdk.json directly. Same schema, same
 * defaults, one source.
 */

/**
 * The SOP's roles inside one unit. The ids keep the kecamatan's names (the SOP was written there); what a role is
 * *called* comes from the unit (`roleTitles`): CAMAT is the head of the unit, "Kepala Dinas" in a dinas.
 */
export const ROLES = ['CAMAT', 'SEKRETARIS_CAMAT', 'KASI', 'TIMSAKIP', 'STAF'] as const;
export type Role = (typeof ROLES)[number];
/** The city-level role (Bagian Organisasi / Inspektorat): sees every unit, gets escalations after the head of unit. */
export const CITY_ROLE = 'KOTA' as const;
export type CityRole = typeof CITY_ROLE;
/** Directory code of the city itself (not a valid unit code, so it never collides with one). */
export const CITY_UNIT = '_kota';

export const UNIT_KINDS = ['KECAMATAN', 'OPD'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What each role is called when a unit does not say: the SOP's own words for a kecamatan and for an OPD. */
export const DEFAULT_ROLE_TITLES: Record<UnitKind, Record<Role, string>> = {
  KECAMATAN: {
    CAMAT: 'Camat',
    SEKRETARIS_CAMAT: 'Sekretaris Camat',
    KASI: 'Kepala Seksi',
    TIMSAKIP: 'Ketua TIMSAKIP',
    STAF: 'Staf Pelaksana',
  },
  OPD: {
    CAMAT: 'Kepala OPD',
    SEKRETARIS_CAMAT: 'Sekretaris OPD',
    KASI: 'Kepala Bidang',
    TIMSAKIP: 'Ketua TIMSAKIP',
    STAF: 'Staf Pelaksana',
  },
};

const nonEmpty = () => z.string().check(z.minLength(1));
const positiveInt = () => z.int().check(z.positive());
const port = (value: number) => z._default(z.int().check(z.nonnegative()), value);

export const personSchema = z.object({
  name: nonEmpty(),
  nip: z.string().check(z.regex(/^\d{18}$/, 'NIP must be 18 digits')),
  email: z.email(),
  title: nonEmpty(),
});
const person = personSchema;
export type Person = z.infer<typeof person>;

export const UNIT_CODE = /^[a-z0-9-]{2,40}$/;
const organization = z.object({
  name: nonEmpty(),
  parent: nonEmpty(),
  unitCode: z.string().check(z.regex(UNIT_CODE, 'unitCode: 2–40 lowercase letters, digits or -')),
  address: z._default(z.string(), ''),
});
export type Organization = z.infer<typeof organization>;

const unitSchema = z.object({
  organization,
  kind: z._default(z.enum(UNIT_KINDS), 'KECAMATAN'),
  /** What the unit calls each role (Kepala Dinas, Sekretaris Dinas, …); missing ones come from `kind`. */
  roleTitles: z.optional(
    z.partial(
      z.object(Object.fromEntries(ROLES.map((r) => [r, nonEmpty()])) as Record<Role, ReturnType<typeof nonEmpty>>),
    ),
  ),
  /**
   * Which optional SOP steps this unit runs. `paraf`: the team lead initials the compiled report before the
   * Sekretaris verifies it — on unless the unit says otherwise, as the SOP's Pencatatan asks for it.
   */
  steps: z.optional(z.object({ paraf: z.optional(z.boolean()) })),
  /** People per role; the roles the SOP steps name (and TIMSAKIP, the head) must be there. */
  people: z.partial(z.object(Object.fromEntries(ROLES.map((r) => [r, person])) as Record<Role, typeof person>)),
});
export type UnitConfig = z.infer<typeof unitSchema>;

const hours = z.number().check(z.positive(), z.maximum(24 * 24));

export const configSchema = z.object({
  /** Every unit (kecamatan, OPD) on this deployment. Seeds the directory in the table; see core/directory.ts. */
  units: z.optional(z.array(unitSchema).check(z.minLength(1))),
  /** One unit in the shape before units existed: read as `units: [{ organization, people }]`. */
  organization: z.optional(organization),
  people: z.optional(
    z.partial(z.object(Object.fromEntries(ROLES.map((r) => [r, person])) as Record<Role, typeof person>)),
  ),
  /** The city above the units: its name and the KOTA role (Bagian Organisasi / Inspektorat). Optional. */
  city: z.optional(
    z.object({
      name: nonEmpty(),
      people: z.partial(z.object({ KOTA: person })),
    }),
  ),
  steps: z.object({
    /** The team lead who initials the compiled report (SOP: ketua tim kerja); units may switch the step off. */
    paraf: z._default(z.enum(ROLES), 'TIMSAKIP'),
    verify: z.enum(ROLES),
    ratify: z.enum(ROLES),
    revision: z.enum(ROLES),
    documentation: z.enum(ROLES),
  }),
  mutuBakuHours: z.object({
    collect: z._default(hours, 24),
    assemble: z._default(hours, 24),
    paraf: z._default(hours, 24),
    verify: z._default(hours, 24),
    ratify: z._default(hours, 24),
    revision: z._default(hours, 24),
    documentation: z._default(hours, 24),
  }),
  /** The reminder goes out at this fraction of a human step's Mutu Baku (0.75 = after 18 of 24 hours). */
  reminderAtFraction: z._default(z.number().check(z.gt(0), z.lt(1)), 0.75),
  /** How often the Mutu Baku clock looks at waiting reports, in minutes of real time on AWS. */
  mutuBakuClockMinutes: z._default(z.int().check(z.minimum(1), z.maximum(60)), 15),
  mail: z.object({ from: z.string().check(z.minLength(3)) }),
  publicBaseUrl: z.url(),
  language: z._default(z.enum(['id', 'en']), 'id'),
  linkExpiryHours: z._default(z.number().check(z.positive()), 720),
  /** How capaian becomes a kategori: bands checked top-down (`above` is exclusive), else `otherwise`. */
  ratingScale: z._default(
    z.object({
      bands: z.array(z.object({ above: z.number(), kategori: nonEmpty() })).check(z.minLength(1)),
      otherwise: nonEmpty(),
    }),
    {
      bands: [
        { above: 90, kategori: 'Sangat Tinggi' },
        { above: 75, kategori: 'Tinggi' },
        { above: 65, kategori: 'Sedang' },
        { above: 50, kategori: 'Rendah' },
      ],
      otherwise: 'Sangat Rendah',
    },
  ),
  /** Target 0 cannot divide: see TARGET_ZERO_RULES (a turun indicator aiming at zero is achieved at zero). */
  targetZero: z._default(z.enum(TARGET_ZERO_RULES), DEFAULT_CAPAIAN_RULES.targetZero),
  /** How capaian is computed where Pemda differ: the turun formula, and the cap on capaian in every average. */
  capaian: z.prefault(
    z.object({
      turunFormula: z._default(z.enum(TURUN_FORMULAS), DEFAULT_CAPAIAN_RULES.turunFormula),
      cap: z._default(z.number().check(z.gte(100), z.lte(1000)), DEFAULT_CAPAIAN_RULES.cap),
    }),
    {},
  ),
  dataLimits: z.prefault(
    z.object({
      maxFileMB: z._default(z.number().check(z.positive(), z.maximum(100)), 10),
      maxRows: z._default(positiveInt(), 20_000),
    }),
    {},
  ),
  /** AWS deployment settings, read by the CDK app only. */
  aws: z.prefault(
    z.object({
      region: z._default(z.string(), 'ap-southeast-3'),
      stackPrefix: z._default(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,30}$/)), 'Lapkin'),
      /** Years an archived (ratified) document is protected by S3 Object Lock in governance mode. */
      archiveRetentionYears: z._default(positiveInt().check(z.maximum(100)), 10),
      /** Days before noncurrent versions move to a colder storage class (they are never expired). */
      noncurrentToColdDays: z._default(positiveInt(), 90),
      logRetentionDays: z._default(positiveInt(), 365),
      api: z.prefault(
        z.object({
          throttleRatePerSecond: z._default(z.number().check(z.positive()), 10),
          throttleBurst: z._default(positiveInt(), 20),
          /** Optional custom domain for decision links (with an ACM certificate in the same region). */
          domainName: z.optional(z.string()),
          certificateArn: z.optional(z.string()),
        }),
        {},
      ),
      ses: z.prefault(
        z.object({
          /** Verified SES identity the mail is sent from: a domain or an address. */
          identity: z._default(z.string().check(z.minLength(3)), 'example.go.id'),
          configurationSetName: z._default(z.string(), 'lapkin'),
        }),
        {},
      ),
      /** Where CloudWatch alarms are mailed. */
      alarmEmail: z._default(z.email(), 'operator@example.go.id'),
    }),
    {},
  ),
  /** Local stack only: 1 = real time; 3600 makes an hour of Mutu Baku last one second. */
  local: z.prefault(
    z.object({
      stateDir: z._default(z.string(), '.lapkin'),
      clockSpeed: z._default(z.number().check(z.positive()), 1),
      ports: z.prefault(
        z.object({
          http: port(8787),
          mailWeb: port(1080),
          smtp: port(1025),
          dynamodb: port(4567),
          stepFunctions: port(8083),
        }),
        {},
      ),
    }),
    {},
  ),
});

type ParsedConfig = z.infer<typeof configSchema>;
/** The configuration after parsing: always a list of units (one-unit configurations are read into it). */
export type LapkinConfig = Omit<ParsedConfig, 'units' | 'organization' | 'people'> & { units: UnitConfig[] };
export type SopStep = keyof LapkinConfig['steps'];

/** Roles a unit cannot do without: the ones its SOP steps name, the head of the unit and the TIMSAKIP lead. */
export function requiredRoles(config: Pick<LapkinConfig, 'steps'>): Role[] {
  return [...new Set<Role>([...Object.values(config.steps), 'CAMAT', 'TIMSAKIP'])];
}

/** Whether a unit runs the team lead's paraf step (on unless its configuration switches it off). */
export function unitHasParaf(config: Pick<LapkinConfig, 'units'>, unitCode: string): boolean {
  return config.units.find((u) => u.organization.unitCode === unitCode)?.steps?.paraf !== false;
}

/** The title of a role in a unit: its own `roleTitles`, else the default for its kind. */
export function roleTitle(unit: Pick<UnitConfig, 'kind' | 'roleTitles'>, role: Role): string {
  return unit.roleTitles?.[role] ?? DEFAULT_ROLE_TITLES[unit.kind ?? 'KECAMATAN'][role];
}

function normalize(parsed: ParsedConfig): { config?: LapkinConfig; problems: string[] } {
  const { units, organization: org, people, ...rest } = parsed;
  const problems: string[] = [];
  if (units && (org || people)) problems.push('units: give either `units` or `organization` + `people`, not both');
  let list: UnitConfig[] = units ?? [];
  if (!units) {
    if (!org) problems.push('organization: required (or give `units`)');
    if (!people) problems.push('people: required (or give `units`)');
    if (org && people) list = [{ organization: org, kind: 'KECAMATAN', people }];
  }
  const seen = new Set<string>();
  list.forEach((u, i) => {
    const where = units ? `units.${i}` : '';
    const at = (field: string) => (where ? `${where}.${field}` : field);
    if (seen.has(u.organization.unitCode))
      problems.push(`${at('organization.unitCode')}: "${u.organization.unitCode}" appears twice`);
    seen.add(u.organization.unitCode);
    for (const role of requiredRoles(rest)) {
      if (!u.people[role]) problems.push(`${at(`people.${role}`)}: required (the SOP needs a ${role})`);
    }
  });
  return problems.length ? { problems } : { config: { ...rest, units: list }, problems };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(raw: unknown, source: string): LapkinConfig {
  const parsed = configSchema.safeParse(raw);
  const problems = parsed.success
    ? normalize(parsed.data).problems
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (problems.length) {
    throw new ConfigError(`Invalid lapkin configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return normalize(parsed.data as ParsedConfig).config as LapkinConfig;
}

/** Reads the `lapkin` context from a cdk.json file. */
export function loadConfigFile(path: string): LapkinConfig {
  let json: { context?: { lapkin?: unknown } };
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Cannot read configuration ${path}: ${(err as Error).message}`);
  }
  return parseConfig(json.context?.lapkin, `${path} (context.lapkin)`);
}

let cached: LapkinConfig | undefined;

/** Configuration for a function: LAPKIN_CONFIG (JSON, set by CDK and the local stack) or LAPKIN_CONFIG_FILE. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): LapkinConfig {
  if (cached && env === process.env) return cached;
  let config: LapkinConfig;
  if (env.LAPKIN_CONFIG) {
    let raw: unknown;
    try {
      raw = JSON.parse(env.LAPKIN_CONFIG);
    } catch (err) {
      throw new ConfigError(`LAPKIN_CONFIG is not valid JSON: ${(err as Error).message}`);
    }
    config = parseConfig(raw, 'LAPKIN_CONFIG');
  } else {
    config = loadConfigFile(env.LAPKIN_CONFIG_FILE ?? 'cdk.json');
  }
  if (env === process.env) cached = config;
  return config;
}

export function resetConfigCache(): void {
  cached = undefined;
}

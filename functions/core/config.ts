import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The one configuration of lapkin: the `lapkin` context of cdk.json. The CDK app passes it to every function as
 * the LAPKIN_CONFIG environment variable; the local stack and the CLI read cdk.json directly. Same schema, same
 * defaults, one source.
 */

export const ROLES = ['CAMAT', 'SEKRETARIS_CAMAT', 'KASI', 'TIMSAKIP', 'STAF'] as const;
export type Role = (typeof ROLES)[number];

const person = z.object({
  name: z.string().min(1),
  nip: z.string().regex(/^\d{18}$/, 'NIP must be 18 digits'),
  email: z.email(),
  title: z.string().min(1),
});
export type Person = z.infer<typeof person>;

const hours = z
  .number()
  .positive()
  .max(24 * 24);

export const configSchema = z.object({
  organization: z.object({
    name: z.string().min(1),
    parent: z.string().min(1),
    unitCode: z.string().regex(/^[a-z0-9-]{2,40}$/),
    address: z.string().default(''),
  }),
  people: z.object(Object.fromEntries(ROLES.map((r) => [r, person])) as Record<Role, typeof person>),
  steps: z.object({
    verify: z.enum(ROLES),
    ratify: z.enum(ROLES),
    revision: z.enum(ROLES),
    documentation: z.enum(ROLES),
  }),
  mutuBakuHours: z.object({
    collect: hours.default(24),
    assemble: hours.default(24),
    verify: hours.default(24),
    ratify: hours.default(24),
    revision: hours.default(24),
    documentation: hours.default(24),
  }),
  /** The reminder goes out at this fraction of a human step's Mutu Baku (0.75 = after 18 of 24 hours). */
  reminderAtFraction: z.number().gt(0).lt(1).default(0.75),
  /** How often the Mutu Baku clock looks at waiting reports, in minutes of real time on AWS. */
  mutuBakuClockMinutes: z.number().int().min(1).max(60).default(15),
  mail: z.object({ from: z.string().min(3) }),
  publicBaseUrl: z.url(),
  language: z.enum(['id', 'en']).default('id'),
  linkExpiryHours: z.number().positive().default(720),
  /** How capaian becomes a kategori: bands checked top-down (`above` is exclusive), else `otherwise`. */
  ratingScale: z
    .object({
      bands: z.array(z.object({ above: z.number(), kategori: z.string().min(1) })).min(1),
      otherwise: z.string().min(1),
    })
    .default({
      bands: [
        { above: 90, kategori: 'Sangat Tinggi' },
        { above: 75, kategori: 'Tinggi' },
        { above: 65, kategori: 'Sedang' },
        { above: 50, kategori: 'Rendah' },
      ],
      otherwise: 'Sangat Rendah',
    }),
  /** Target 0 cannot divide: capaian stays empty and the row needs a note (the only rule for now). */
  targetZero: z.enum(['EMPTY_WITH_NOTE']).default('EMPTY_WITH_NOTE'),
  dataLimits: z
    .object({
      maxFileMB: z.number().positive().max(100).default(10),
      maxRows: z.number().int().positive().default(20_000),
    })
    .prefault({}),
  /** AWS deployment settings, read by the CDK app only. */
  aws: z
    .object({
      region: z.string().default('ap-southeast-3'),
      stackPrefix: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9-]{0,30}$/)
        .default('Lapkin'),
      /** Years an archived (ratified) document is protected by S3 Object Lock in governance mode. */
      archiveRetentionYears: z.number().int().positive().max(100).default(10),
      /** Days before noncurrent versions move to a colder storage class (they are never expired). */
      noncurrentToColdDays: z.number().int().positive().default(90),
      logRetentionDays: z.number().int().positive().default(365),
      api: z
        .object({
          throttleRatePerSecond: z.number().positive().default(10),
          throttleBurst: z.number().int().positive().default(20),
          /** Optional custom domain for decision links (with an ACM certificate in the same region). */
          domainName: z.string().optional(),
          certificateArn: z.string().optional(),
        })
        .prefault({}),
      ses: z
        .object({
          /** Verified SES identity the mail is sent from: a domain or an address. */
          identity: z.string().min(3).default('example.go.id'),
          configurationSetName: z.string().default('lapkin'),
        })
        .prefault({}),
      /** Where CloudWatch alarms are mailed. */
      alarmEmail: z.email().default('operator@example.go.id'),
    })
    .prefault({}),
  /** Local stack only: 1 = real time; 3600 makes an hour of Mutu Baku last one second. */
  local: z
    .object({
      stateDir: z.string().default('.lapkin'),
      clockSpeed: z.number().positive().default(1),
      ports: z
        .object({
          http: z.number().int().nonnegative().default(8787),
          mailWeb: z.number().int().nonnegative().default(1080),
          smtp: z.number().int().nonnegative().default(1025),
          dynamodb: z.number().int().nonnegative().default(4567),
          stepFunctions: z.number().int().nonnegative().default(8083),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type LapkinConfig = z.infer<typeof configSchema>;
export type SopStep = keyof LapkinConfig['steps'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(raw: unknown, source: string): LapkinConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid lapkin configuration in ${source}:\n${detail}`);
  }
  return parsed.data;
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

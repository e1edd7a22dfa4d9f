import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import './zod.ts';

/**
 * The one configuration of lapkin: the `lapkin` context of cdk.json. The CDK app passes it to every function as
 * the LAPKIN_CONFIG environment variable; the local stack and the CLI read cdk.json directly. Same schema, same
 * defaults, one source.
 */

export const ROLES = ['CAMAT', 'SEKRETARIS_CAMAT', 'KASI', 'TIMSAKIP', 'STAF'] as const;
export type Role = (typeof ROLES)[number];

const nonEmpty = () => z.string().check(z.minLength(1));
const positiveInt = () => z.int().check(z.positive());
const port = (value: number) => z._default(z.int().check(z.nonnegative()), value);

const person = z.object({
  name: nonEmpty(),
  nip: z.string().check(z.regex(/^\d{18}$/, 'NIP must be 18 digits')),
  email: z.email(),
  title: nonEmpty(),
});
export type Person = z.infer<typeof person>;

const hours = z.number().check(z.positive(), z.maximum(24 * 24));

export const configSchema = z.object({
  organization: z.object({
    name: nonEmpty(),
    parent: nonEmpty(),
    unitCode: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
    address: z._default(z.string(), ''),
  }),
  people: z.object(Object.fromEntries(ROLES.map((r) => [r, person])) as Record<Role, typeof person>),
  steps: z.object({
    verify: z.enum(ROLES),
    ratify: z.enum(ROLES),
    revision: z.enum(ROLES),
    documentation: z.enum(ROLES),
  }),
  mutuBakuHours: z.object({
    collect: z._default(hours, 24),
    assemble: z._default(hours, 24),
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
  /** Target 0 cannot divide: capaian stays empty and the row needs a note (the only rule for now). */
  targetZero: z._default(z.enum(['EMPTY_WITH_NOTE']), 'EMPTY_WITH_NOTE'),
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

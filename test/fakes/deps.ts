import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFileSigner } from '../../functions/adapters/key-file-signer.ts';
import { type LapkinConfig, loadConfigFile, type Person, type Role } from '../../functions/core/config.ts';
import { signerSubject } from '../../functions/core/signer-subject.ts';
import { AuditCheckpoints } from '../../functions/usecases/audit-checkpoints.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { ReportLedger } from '../../functions/usecases/report-ledger.ts';
import {
  CapturingMailer,
  FakeWorkflow,
  FixedClock,
  MemoryDirectory,
  MemoryDocumentStore,
  MemoryReportRepository,
} from './memory-ports.ts';
import { MemorySessions } from './memory-sessions.ts';
import { MemorySignIns } from './memory-sign-in.ts';
import { CapturingUploadSigner } from './upload-signer.ts';

export const ROOT = join(import.meta.dirname, '../..');
/**
 * The tests' signing key: a real RSA key file (made on the first signature, then reused by every test process), so
 * archived PDFs carry real PAdES signatures that pdfsig checks.
 */
export const TEST_SIGNING_KEY_DIR = join(tmpdir(), 'lapkin-test-signing-key');

/** The configuration as shipped (cdk.json): the team lead's paraf on in the units that do not switch it off. */
export const shippedConfig = (): LapkinConfig => loadConfigFile(join(ROOT, 'cdk.json'));

/** A configuration whose units all run (`true`) or all skip (`false`) the team lead's paraf step. */
export const withParaf = (config: LapkinConfig, paraf: boolean): LapkinConfig => ({
  ...config,
  units: config.units.map((u) => ({ ...u, steps: { ...u.steps, paraf } })),
});

/**
 * What most tests run on: cdk.json without the paraf step, so a test of verification, ratification, revision or
 * the Mutu Baku clock drives only the steps it is about. The paraf step has its own tests (paraf*.test.ts, the
 * demo and the whole-SOP browser test), on `shippedConfig()` or `withParaf(…, true)`.
 */
export const testConfig = (): LapkinConfig => withParaf(shippedConfig(), false);

/** Every port as an in-memory fake: use cases run with no database, engine, mail or network. */
export function fakeDeps(overrides: Partial<LapkinConfig> = {}) {
  const repo = new MemoryReportRepository();
  const directory = new MemoryDirectory();
  const clock = new FixedClock();
  const store = new MemoryDocumentStore();
  const workflow = new FakeWorkflow();
  const mailer = new CapturingMailer();
  const sessions = new MemorySessions();
  const signIns = new MemorySignIns();
  const uploads = new CapturingUploadSigner();
  const config = { ...testConfig(), ...overrides };
  const deps: Deps = {
    config,
    repo,
    directory,
    sessions,
    signIns,
    ledger: new ReportLedger(
      repo,
      clock,
      new AuditCheckpoints(() => store, repo, clock, config.aws.archiveRetentionYears),
    ),
    store,
    uploads,
    workflow,
    mailer,
    signer: keyFileSigner(TEST_SIGNING_KEY_DIR, signerSubject(config)),
    clock,
    publicBaseUrl: 'https://lapkin.example.go.id',
    signingSecret: async () => 'test-secret-0123456789abcdef0123456789abcdef',
  };
  return { deps, repo, directory, sessions, signIns, clock, store, uploads, workflow, mailer, config };
}

/** The sample configuration's first unit (Kecamatan Karawaci): the unit most tests run their report in. */
export const UNIT = 'karawaci';

/** The people of a configured unit by role, every role filled (the sample configuration fills them all). */
export function people(config: LapkinConfig = testConfig(), unit = UNIT): Record<Role, Person> {
  const u = config.units.find((x) => x.organization.unitCode === unit);
  if (!u) throw new Error(`test configuration has no unit ${unit}`);
  return u.people as Record<Role, Person>;
}

export function organization(config: LapkinConfig = testConfig(), unit = UNIT) {
  const u = config.units.find((x) => x.organization.unitCode === unit);
  if (!u) throw new Error(`test configuration has no unit ${unit}`);
  return u.organization;
}

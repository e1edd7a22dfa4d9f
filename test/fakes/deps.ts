import { join } from 'node:path';
import { type LapkinConfig, loadConfigFile } from '../../functions/core/config.ts';
import { AuditCheckpoints } from '../../functions/usecases/audit-checkpoints.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { ReportLedger } from '../../functions/usecases/report-ledger.ts';
import {
  CapturingMailer,
  FakeWorkflow,
  FixedClock,
  MemoryDocumentStore,
  MemoryReportRepository,
} from './memory-ports.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const testConfig = (): LapkinConfig => loadConfigFile(join(ROOT, 'cdk.json'));

/** Every port as an in-memory fake: use cases run with no database, engine, mail or network. */
export function fakeDeps(overrides: Partial<LapkinConfig> = {}) {
  const repo = new MemoryReportRepository();
  const clock = new FixedClock();
  const store = new MemoryDocumentStore();
  const workflow = new FakeWorkflow();
  const mailer = new CapturingMailer();
  const config = { ...testConfig(), ...overrides };
  const deps: Deps = {
    config,
    repo,
    ledger: new ReportLedger(
      repo,
      clock,
      new AuditCheckpoints(() => store, repo, clock, config.aws.archiveRetentionYears),
    ),
    store,
    workflow,
    mailer,
    clock,
    publicBaseUrl: 'https://lapkin.example.go.id',
    signingSecret: async () => 'test-secret-0123456789abcdef0123456789abcdef',
  };
  return { deps, repo, clock, store, workflow, mailer, config };
}

import type { LapkinConfig } from '../core/config.ts';
import type { Clock } from '../ports/clock.ts';
import type { DirectoryRepository } from '../ports/directory.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { ReportRepository } from '../ports/report-repository.ts';
import type { SessionRepository } from '../ports/sessions.ts';
import type { SignInRepository } from '../ports/sign-in.ts';
import type { Signer } from '../ports/signer.ts';
import type { UploadSigner } from '../ports/upload-signer.ts';
import type { Workflow } from '../ports/workflow.ts';
import type { ReportLedger } from './report-ledger.ts';

/** The ports a use case may need, injected: tests pass fakes, handlers pass real adapters. */
export interface Deps {
  config: LapkinConfig;
  repo: ReportRepository;
  /** Units and people now (seeded from config.units): who a request goes to is read here, never from config. */
  directory: DirectoryRepository;
  ledger: ReportLedger;
  /** Portal sessions (server-side, by the hash of the cookie's id). */
  sessions: SessionRepository;
  /** Pending password-less sign-ins (by the hash of the mailed token) and their rate limits. */
  signIns: SignInRepository;
  store: DocumentStore;
  /** Signs the portal's direct uploads to the bucket (presigned POST; locally against the stack's S3 POST route). */
  uploads: UploadSigner;
  workflow: Workflow;
  mailer: Mailer;
  /** Signs the archived PDFs (PAdES): a KMS key on AWS, a key file under the state directory locally. */
  signer: Signer;
  clock: Clock;
  /** Base URL of the decision endpoint (API Gateway or the local server). */
  publicBaseUrl: string;
  /** HMAC secret for decision links; resolved lazily so only functions that sign or verify read it. */
  signingSecret: () => Promise<string>;
}

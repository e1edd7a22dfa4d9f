import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbDirectory } from '../adapters/dynamodb-directory.ts';
import { DynamoDbReportRepository } from '../adapters/dynamodb-report-repository.ts';
import { DynamoDbSessions } from '../adapters/dynamodb-sessions.ts';
import { DynamoDbSignIns } from '../adapters/dynamodb-sign-in.ts';
import { LocalDocumentStore } from '../adapters/local-document-store.ts';
import { SfnWorkflow } from '../adapters/sfn-workflow.ts';
import { configFromEnv, type LapkinConfig } from '../core/config.ts';
import { signerSubject, subjectLine } from '../core/signer-subject.ts';
import { systemClock } from '../ports/clock.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Signer } from '../ports/signer.ts';
import type { UploadSigner } from '../ports/upload-signer.ts';
import { AuditCheckpoints } from '../usecases/audit-checkpoints.ts';
import type { Deps } from '../usecases/deps.ts';
import { ReportLedger } from '../usecases/report-ledger.ts';
import { LazyDocumentStore, LazyMailer, once } from './lazy-adapters.ts';
import { resolveSigningSecret } from './signing-secret.ts';

/** The environment a function reads: process.env on Lambda, an explicit object for each local stack. */
export type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/**
 * Builds the real adapters from the environment, once per runtime (outside the handler, as Lambda reuses it).
 * The same code serves AWS and the local stack: only endpoints and the storage/mail kind differ.
 *   TABLE_NAME, DYNAMODB_ENDPOINT?      DOCUMENT_STORE=s3|local, BUCKET_NAME | LOCAL_STORE_DIR
 *   STATE_MACHINE_ARN, SFN_ENDPOINT?    MAIL_TRANSPORT=ses|smtp, SMTP_HOST, SMTP_PORT, SES_CONFIGURATION_SET?
 *   PUBLIC_BASE_URL? (else config)      SIGNING_SECRET (local) | SIGNING_SECRET_ARN (Secrets Manager)
 *   SIGNING_KEY_ID (KMS, AWS) | SIGNING_KEY_DIR (key file, local): read by withPdfSigner (archive only)
 *   AWS_ACCESS_KEY_ID/SECRET_ACCESS_KEY: only read from `env` next to a local endpoint (else the SDK's chain)
 * A local stack passes its own `env` object (never process.env), its configuration and its document store, so
 * two stacks in one process share nothing.
 */
export function buildDeps(
  env: Env = process.env,
  given: { config?: LapkinConfig; store?: DocumentStore; signer?: Signer } = {},
): Deps {
  const config = given.config ?? configFromEnv(env as NodeJS.ProcessEnv);
  const region = env.AWS_REGION ?? 'ap-southeast-3';
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY && (env.DYNAMODB_ENDPOINT || env.SFN_ENDPOINT)
      ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } }
      : {};
  // Locally every function shares one process and one client, so allow as many sockets as a burst of reports
  // needs; on Lambda (one request at a time per instance) the SDK default is right.
  const local = { requestHandler: { httpAgent: { maxSockets: 256, keepAlive: true } } };
  const dynamo = new DynamoDBClient({
    region,
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    ...(env.DYNAMODB_ENDPOINT ? { ...local, ...credentials } : {}),
  });
  const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const repo = new DynamoDbReportRepository(doc, required(env, 'TABLE_NAME'));
  const directory = new DynamoDbDirectory(doc, required(env, 'TABLE_NAME'));
  const sessions = new DynamoDbSessions(doc, required(env, 'TABLE_NAME'));
  const signIns = new DynamoDbSignIns(doc, required(env, 'TABLE_NAME'));
  const signingSecret = () => resolveSigningSecret(env as NodeJS.ProcessEnv);
  const publicBaseUrl = env.PUBLIC_BASE_URL || config.publicBaseUrl;

  // Built on first use: functions without a bucket grant (intake, record-failure) never need BUCKET_NAME, and the
  // S3 client is imported only when a function first touches the bucket.
  let store: DocumentStore | undefined = given.store;
  const makeStore = (): DocumentStore => {
    if (env.DOCUMENT_STORE === 'local') {
      return new LocalDocumentStore(required(env, 'LOCAL_STORE_DIR'), {
        baseUrl: publicBaseUrl,
        secret: required(env, 'SIGNING_SECRET'),
      });
    }
    const bucket = required(env, 'BUCKET_NAME');
    return new LazyDocumentStore(async () => {
      const [{ S3Client }, { S3DocumentStore }] = await Promise.all([
        import('@aws-sdk/client-s3'),
        import('../adapters/s3-document-store.ts'),
      ]);
      return new S3DocumentStore(new S3Client({ region }), bucket);
    });
  };
  const storeOnFirstUse = () => {
    store ??= makeStore();
    return store;
  };

  // The portal's presigned POSTs: the S3 client and the signer load with the first upload form. Locally the form
  // posts to the stack's own S3-compatible route, signed with the local credentials.
  const uploadSigner = once(() =>
    Promise.all([import('@aws-sdk/client-s3'), import('../adapters/s3-upload-signer.ts')]).then(
      ([{ S3Client }, { S3UploadSigner }]) => {
        const client =
          env.DOCUMENT_STORE === 'local'
            ? new S3Client({
                region,
                endpoint: `${publicBaseUrl.replace(/\/+$/, '')}/_lokal/s3`,
                forcePathStyle: true,
                credentials: {
                  accessKeyId: required(env, 'AWS_ACCESS_KEY_ID'),
                  secretAccessKey: required(env, 'AWS_SECRET_ACCESS_KEY'),
                },
              })
            : new S3Client({ region });
        return new S3UploadSigner(client, required(env, 'BUCKET_NAME'));
      },
    ),
  );
  const uploads: UploadSigner = {
    presignPost: async (request) => (await uploadSigner.get()).presignPost(request),
  };

  const sfn = new SFNClient({
    region,
    endpoint: env.SFN_ENDPOINT || undefined,
    ...(env.SFN_ENDPOINT ? { ...local, ...credentials } : {}),
  });
  const workflow = new SfnWorkflow(sfn, env.STATE_MACHINE_ARN ?? '');

  // nodemailer and the SES client load with the first mail: decide, which sends none, never loads them.
  const mailer: Mailer = new LazyMailer(async () => {
    const [{ createTransport }, { NodemailerMailer }] = await Promise.all([
      import('nodemailer'),
      import('../adapters/nodemailer-mailer.ts'),
    ]);
    if (env.MAIL_TRANSPORT === 'smtp') {
      const transport = createTransport({
        host: env.SMTP_HOST ?? '127.0.0.1',
        port: Number(env.SMTP_PORT ?? 1025),
        secure: false,
        ignoreTLS: true,
        connectionTimeout: 5000,
        // One process sends every mail of the local stack: reusing connections spares each mail the SMTP
        // server's greeting delay (100 ms in smtp-server), which under a burst of reports queued up until
        // connections timed out (bench P2). Closed by resetDeps() when the stack stops.
        pool: true,
        maxConnections: 8,
      });
      return new NodemailerMailer(transport, config.mail.from);
    }
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const transport = createTransport(
      { SES: { sesClient: new SESv2Client({ region }), SendEmailCommand } } as Parameters<typeof createTransport>[0],
      // Message defaults: nodemailer passes `ses` into every SendEmail call (the configuration set for tracking).
      env.SES_CONFIGURATION_SET ? ({ ses: { ConfigurationSetName: env.SES_CONFIGURATION_SET } } as object) : {},
    );
    return new NodemailerMailer(transport, config.mail.from);
  });

  // The PDF signer (pkijs, @signpdf, the KMS client: ≈0.5 MB bundled) is wired by the one function that signs —
  // archive, through withPdfSigner (pdf-signer.ts) — so no other function's bundle carries it.
  const pdfSigner: Signer = given.signer ?? {
    subject: subjectLine(signerSubject(config)),
    sign: async () => {
      throw new Error('this function has no PDF signer (only archive signs: see commons/pdf-signer.ts)');
    },
  };

  return {
    config,
    repo,
    directory,
    sessions,
    signIns,
    // The ledger checkpoints the chain head under audit/ after decisions and the documentation.
    ledger: new ReportLedger(
      repo,
      systemClock,
      new AuditCheckpoints(storeOnFirstUse, repo, systemClock, config.aws.archiveRetentionYears),
    ),
    get store() {
      return storeOnFirstUse();
    },
    uploads,
    workflow,
    mailer,
    signer: pdfSigner,
    clock: systemClock,
    publicBaseUrl,
    signingSecret,
  };
}

let deps: Deps | undefined;

/** The Lambda runtime's dependencies, from process.env, built on first use (the local stack builds its own). */
export function getDeps(): Deps {
  deps ??= buildDeps();
  return deps;
}

/** Tests rebuild the runtime's dependencies after changing the environment; open connections close. */
export function resetDeps(): void {
  deps?.mailer.close?.();
  deps = undefined;
}

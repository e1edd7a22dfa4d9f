import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MailDev from 'maildev';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import { getDeps, resetDeps } from '../../functions/commons/container.ts';
import { type LapkinConfig, resetConfigCache } from '../../functions/core/config.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { LOCAL_CREDENTIALS, startLocalDynamoDb } from './dynamodb.ts';
import { LocalEventBus } from './event-bus.ts';
import { freePort } from './free-port.ts';
import { loadHandlers } from './handlers.ts';
import { LocalHttpServer } from './http-server.ts';
import { LocalInbox } from './inbox.ts';
import { invokeLambda } from './lambda-runtime.ts';
import { LocalMetrics } from './metrics-collector.ts';
import { LocalStepFunctions, type TransitionNotice } from './step-functions.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ASL_PATH = join(PROJECT_ROOT, 'statemachine/pelaporan-kinerja.asl.json');
const TABLE = 'lapkin-local';
const BUCKET = 'lapkin-local-documents';

export interface LocalStackOptions {
  config: LapkinConfig;
  stateDir: string;
  /** true: every port from the OS (tests); false: the configured ports (npm start). */
  randomPorts?: boolean;
  log?: (line: string) => void;
  onTransition?: (n: TransitionNotice) => void;
  /** Tests only: see LocalStepFunctions. */
  retryDelayMs?: number;
  timeoutOverrides?: Record<string, number>;
}

export interface LocalStack {
  urls: { http: string; mail: string; smtp: string; dynamodb: string; stepFunctions: string };
  /** The EMF metrics the handlers emitted, as CloudWatch would have received them. */
  metrics: LocalMetrics;
  /** Drop folder: <inbox>/<unit>/<tahun>/<periode>/<file> is uploaded like an S3 put. */
  inboxDir: string;
  inbox: LocalInbox;
  stateDir: string;
  sfn: LocalStepFunctions;
  store: LocalDocumentStore;
  bus: LocalEventBus;
  deps: () => Deps;
  resumed: number;
  stop(): Promise<void>;
}

async function signingSecret(dir: string): Promise<string> {
  const file = join(dir, 'signing-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * The whole SOP on one machine, in this process: dynalite, the local Step Functions engine with the ASL file,
 * the versioned document store and its EventBridge-like trigger, MailDev, and the decision HTTP server.
 * Everything lives under `stateDir` and survives a restart; pending waits resume with their tokens.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const log = opts.log ?? (() => undefined);
  const stateDir = resolve(opts.stateDir);
  await mkdir(stateDir, { recursive: true });
  const secret = await signingSecret(stateDir);
  const p = opts.config.local.ports;
  const port = async (configured: number) => (opts.randomPorts ? freePort() : configured);
  const [httpPort, mailPort, smtpPort] = [await port(p.http), await port(p.mailWeb), await port(p.smtp)];

  const dynamo = await startLocalDynamoDb(join(stateDir, 'dynamodb'), opts.randomPorts ? 0 : p.dynamodb, TABLE);

  await mkdir(join(stateDir, 'mail'), { recursive: true });
  const maildev = new MailDev({
    smtp: smtpPort,
    web: mailPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: join(stateDir, 'mail'),
    silent: true,
  } as never);
  // MailDev announces itself on console.info unconditionally; the stack prints its own URL summary instead.
  const info = console.info;
  console.info = () => undefined;
  try {
    await maildev.start();
  } finally {
    console.info = info;
  }

  const publicBaseUrl = opts.randomPorts ? `http://127.0.0.1:${httpPort}` : opts.config.publicBaseUrl;
  const sfnPort = opts.randomPorts ? 0 : p.stepFunctions;
  // The handlers read this environment exactly as they read the CDK-provided one on AWS.
  Object.assign(process.env, {
    LAPKIN_CONFIG: JSON.stringify(opts.config),
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    DOCUMENT_STORE: 'local',
    LOCAL_STORE_DIR: join(stateDir, 'documents'),
    BUCKET_NAME: BUCKET,
    MAIL_TRANSPORT: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SIGNING_SECRET: secret,
    PUBLIC_BASE_URL: publicBaseUrl,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_LOG_LEVEL: process.env.LAPKIN_LOG_LEVEL ?? 'WARN',
    // Metrics are on, as on Lambda; their EMF lines go to the local collector instead of stdout (below).
    POWERTOOLS_METRICS_DISABLED: 'false',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_DEV: 'false',
  });
  resetConfigCache();

  const handlers = await loadHandlers();
  const localMetrics = new LocalMetrics(join(stateDir, 'metrics.jsonl'));
  const { metrics } = await import('../../functions/commons/powertools.ts');
  // Powertools writes EMF through its `console`; on Lambda that is stdout → CloudWatch, here the collector.
  type WithConsole = { console: { log: (line: string) => void } };
  const sink = { log: (line: string) => localMetrics.add(line) };
  (metrics as unknown as WithConsole).console = sink;
  const single = metrics.singleMetric.bind(metrics);
  metrics.singleMetric = () => {
    // Single metrics (those with their own dimensions) are separate instances with their own console.
    const m = single();
    (m as unknown as WithConsole).console = sink;
    return m;
  };
  const sfn = new LocalStepFunctions({
    aslText: await readFile(ASL_PATH, 'utf8'),
    dir: join(stateDir, 'stepfunctions'),
    handlers: handlers.tasks,
    clockSpeed: opts.config.local.clockSpeed,
    retryDelayMs: opts.retryDelayMs,
    timeoutOverrides: opts.timeoutOverrides,
    onTransition: opts.onTransition,
  });
  const sfnUrl = await sfn.start(sfnPort);
  process.env.SFN_ENDPOINT = sfnUrl;
  process.env.STATE_MACHINE_ARN = sfn.stateMachineArn;
  resetDeps();

  const store = new LocalDocumentStore(join(stateDir, 'documents'), { baseUrl: publicBaseUrl, secret });
  const bus = new LocalEventBus({
    bucket: BUCKET,
    intake: handlers.intake,
    dlqDir: join(stateDir, 'dead-letter'),
    onDeadLetter: (key, error) => log(`intake failed for ${key} after retries (kept in dead-letter): ${error}`),
  });
  bus.start();
  const inbox = new LocalInbox(join(stateDir, 'inbox'), store, log);
  await inbox.start();

  const mailUrl = `http://127.0.0.1:${mailPort}`;
  const http = new LocalHttpServer({
    decide: handlers.decide,
    deps: getDeps,
    store,
    secret,
    consoleData: async () => ({
      reports: await getDeps().repo.list(),
      pending: await getDeps().repo.pendingDecisions(),
      mailUrl,
      now: new Date(),
      metrics: localMetrics.totals,
    }),
  });
  const httpUrl = await http.start(httpPort);
  // The Mutu Baku clock, on the schedule EventBridge runs it on AWS (faster when the local clock is sped up).
  const clockEveryMs = Math.max(200, (opts.config.mutuBakuClockMinutes * 60_000) / opts.config.local.clockSpeed);
  let ticking = false;
  const clockTimer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    invokeLambda('lapkin-mutu-baku-clock', handlers.mutuBakuClock, { source: 'aws.scheduler' })
      .then((r) => {
        const { reminded, escalated } = r as { reminded: number; escalated: number };
        if (reminded || escalated) log(`Mutu Baku: ${reminded} reminder(s), ${escalated} escalation(s) sent`);
      })
      .catch((err: Error) => log(`Mutu Baku clock failed (retried next tick): ${err.name}`))
      .finally(() => {
        ticking = false;
      });
  }, clockEveryMs);
  const resumed = sfn.resumeJournaled();
  if (resumed) log(`resumed ${resumed} execution(s) from the journal`);

  return {
    urls: {
      http: httpUrl,
      mail: mailUrl,
      smtp: `smtp://127.0.0.1:${smtpPort}`,
      dynamodb: dynamo.endpoint,
      stepFunctions: sfnUrl,
    },
    stateDir,
    metrics: localMetrics,
    inboxDir: join(stateDir, 'inbox'),
    inbox,
    sfn,
    store,
    bus,
    deps: getDeps,
    resumed,
    async stop() {
      clearInterval(clockTimer);
      inbox.stop();
      bus.stop();
      await bus.drain().catch(() => undefined);
      await sfn.stop();
      await http.stop();
      // Before MailDev: its server waits for open (pooled) SMTP connections to end.
      resetDeps();
      await maildev.stop();
      await dynamo.stop();
    },
  };
}

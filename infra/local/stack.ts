import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MailDev from 'maildev';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import { buildDeps, type Env } from '../../functions/commons/container.ts';
import { signerFromEnv } from '../../functions/commons/pdf-signer.ts';
import { makePowertools } from '../../functions/commons/powertools.ts';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { portalOptions } from '../../functions/handlers/portal.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { browserAssets } from '../static-build.ts';
import { LOCAL_CREDENTIALS, startLocalDynamoDb } from './dynamodb.ts';
import { LocalEventBus } from './event-bus.ts';
import { freePort, isPortFree } from './free-port.ts';
import { makeHandlers } from './handlers.ts';
import { LocalHttpServer } from './http-server.ts';
import { LocalInbox } from './inbox.ts';
import { invokeLambda } from './lambda-runtime.ts';
import { LocalMetrics } from './metrics-collector.ts';
import { acquirePortLock } from './port-lock.ts';
import { quietMailDevStart } from './quiet-maildev.ts';
import { LOCAL_BUCKET } from './s3-post.ts';
import { answeringStack, removeStackFile, stackFilePath, writeStackFile } from './stack-file.ts';
import { LocalStepFunctions, type TransitionNotice } from './step-functions.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ASL_PATH = join(PROJECT_ROOT, 'statemachine/pelaporan-kinerja.asl.json');
const TABLE = 'lapkin-local';
const BUCKET = LOCAL_BUCKET;

export type LocalPorts = LapkinConfig['local']['ports'];
type PortName = keyof LocalPorts;

const PORT_LABEL: Record<PortName, string> = {
  http: 'portal',
  mailWeb: 'MailDev web UI',
  smtp: 'SMTP',
  dynamodb: 'DynamoDB (dynalite)',
  stepFunctions: 'Step Functions',
};

/** A port the caller asked for explicitly is taken: the start stops, and says how to get out of it. */
export class PortTakenError extends Error {
  override name = 'PortTakenError';
  constructor(
    readonly port: number,
    readonly what: PortName,
  ) {
    super(
      `port ${port} (${PORT_LABEL[what]}) is already in use by another program. ` +
        (what === 'http'
          ? 'Choose another with --port <n> (or leave --port out: a free port is picked), '
          : 'Choose another port, ') +
        'or stop the program using it (another lapkin checkout? `npx lapkin status` there shows its stack).',
    );
  }
}

/** This state directory already has a running stack (its LevelDB and inbox can have only one). */
export class StackAlreadyRunningError extends Error {
  override name = 'StackAlreadyRunningError';
}

export interface LocalStackOptions {
  config: LapkinConfig;
  stateDir: string;
  /** true: every port from the OS (tests). Otherwise the configured ports are preferences (see choosePort). */
  randomPorts?: boolean;
  /** Ports asked for explicitly (e.g. `--port`): used as given, or the start fails with PortTakenError. */
  ports?: Partial<LocalPorts>;
  /** Powertools log level of the handlers (default WARN, or LAPKIN_LOG_LEVEL). */
  logLevel?: string;
  log?: (line: string) => void;
  onTransition?: (n: TransitionNotice) => void;
  /** Tests only: see LocalStepFunctions. */
  retryDelayMs?: number;
  timeoutOverrides?: Record<string, number>;
}

export interface LocalStack {
  urls: { http: string; mail: string; smtp: string; dynamodb: string; stepFunctions: string };
  /** The portal's address as mails and archived PDFs print it (PUBLIC_BASE_URL of the handlers). */
  publicBaseUrl: string;
  /** The EMF metrics the handlers emitted, as CloudWatch would have received them. */
  metrics: LocalMetrics;
  /** Drop folder: <inbox>/<unit>/<tahun>/<periode>/<file> is uploaded like an S3 put. */
  inboxDir: string;
  inbox: LocalInbox;
  stateDir: string;
  /** `<stateDir>/stack.json`: pid and URLs of this stack while it runs (the CLI reads it). */
  stackFile: string;
  sfn: LocalStepFunctions;
  store: LocalDocumentStore;
  bus: LocalEventBus;
  /** This stack's dependencies: the very objects its handlers use. */
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
 * The port rule: an explicit port is used or the start fails (PortTakenError); otherwise the configured port
 * when it is free, else any free one — so a second checkout's stack starts beside the first instead of dying.
 */
async function choosePort(what: PortName, opts: LocalStackOptions, last: Partial<LocalPorts>): Promise<number> {
  const explicit = opts.ports?.[what];
  if (explicit !== undefined) {
    if (explicit === 0) return freePort();
    if (!(await isPortFree(explicit))) throw new PortTakenError(explicit, what);
    return explicit;
  }
  if (opts.randomPorts) return freePort();
  // The port of the last run first: links already mailed name it, so a restart keeps them working.
  for (const preferred of [last[what], opts.config.local.ports[what]])
    if (preferred && (await isPortFree(preferred))) return preferred;
  return freePort();
}

/** The ports this state directory's stack listened on last time (kept across stops, unlike stack.json). */
const lastPortsPath = (stateDir: string) => join(stateDir, 'last-ports.json');
async function lastPorts(stateDir: string): Promise<Partial<LocalPorts>> {
  try {
    return JSON.parse(await readFile(lastPortsPath(stateDir), 'utf8')) as Partial<LocalPorts>;
  } catch {
    return {};
  }
}

/** Decision links point at this stack: a loopback base URL gets the port the stack really listens on. */
function localBaseUrl(configured: string, httpPort: number): string {
  const url = new URL(configured);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return configured;
  url.port = String(httpPort);
  return url.toString().replace(/\/+$/, '');
}

/** A listen that fails on a port asked for explicitly becomes the same clear PortTakenError. */
async function listening<T>(what: PortName, port: number, opts: LocalStackOptions, start: () => Promise<T>) {
  try {
    return await start();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' && opts.ports?.[what] !== undefined)
      throw new PortTakenError(port, what);
    throw err;
  }
}

/**
 * The whole SOP on one machine, in this process: dynalite, the local Step Functions engine with the ASL file,
 * the versioned document store and its EventBridge-like trigger, MailDev, and the decision HTTP server.
 * Everything lives under `stateDir` and survives a restart; pending waits resume with their tokens.
 * Nothing is process-global: the handlers get this stack's dependencies and Powertools (factories), so two
 * stacks — two checkouts, or two tests — can run side by side, even in one process.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const stateDir = resolve(opts.stateDir);
  await mkdir(stateDir, { recursive: true });
  const other = await answeringStack(stateDir);
  if (other)
    throw new StackAlreadyRunningError(
      `a local stack already runs on ${stateDir} (pid ${other.pid}, ${other.urls.http}); stop it first, or use another --state-dir`,
    );
  const secret = await signingSecret(stateDir);
  // Ports are chosen and bound under a machine-wide lock (two checkouts started at once), released once the
  // last server listens — or the start failed.
  const releasePorts = await acquirePortLock();
  try {
    return await startOnPorts(opts, stateDir, secret, releasePorts);
  } finally {
    await releasePorts();
  }
}

async function startOnPorts(
  opts: LocalStackOptions,
  stateDir: string,
  secret: string,
  releasePorts: () => Promise<void>,
): Promise<LocalStack> {
  const log = opts.log ?? (() => undefined);
  const last = await lastPorts(stateDir);
  const httpPort = await choosePort('http', opts, last);
  const mailPort = await choosePort('mailWeb', opts, last);
  const smtpPort = await choosePort('smtp', opts, last);
  const dynamoPort = await choosePort('dynamodb', opts, last);
  const sfnPort = await choosePort('stepFunctions', opts, last);
  const publicBaseUrl = opts.randomPorts
    ? `http://127.0.0.1:${httpPort}`
    : localBaseUrl(opts.config.publicBaseUrl, httpPort);

  const dynamo = await listening('dynamodb', dynamoPort, opts, () =>
    startLocalDynamoDb(join(stateDir, 'dynamodb'), dynamoPort, TABLE),
  );
  await mkdir(join(stateDir, 'mail'), { recursive: true });
  // silent: MailDev's own logger stays quiet (the stack prints its URLs itself); see quietMailDevStart for the rest.
  const maildev = new MailDev({
    smtp: smtpPort,
    web: mailPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: join(stateDir, 'mail'),
    silent: true,
  } as never);
  await listening('smtp', smtpPort, opts, () => quietMailDevStart(() => maildev.start()));

  const localMetrics = new LocalMetrics(join(stateDir, 'metrics.jsonl'));
  // Powertools of this stack: logs at its level, EMF into its collector (on Lambda: stdout → CloudWatch).
  const powertools = () =>
    makePowertools({
      logLevel: opts.logLevel ?? process.env.LAPKIN_LOG_LEVEL ?? 'WARN',
      emfSink: (line) => localMetrics.add(line),
      tracing: false,
    });
  const tools = powertools();
  // The portal's own set: on AWS it is a function of its own, so its logs never carry another handler's Lambda
  // context (the handlers' shared logger keeps the last invocation's function name and request id).
  const portalTools = powertools();
  const store = new LocalDocumentStore(join(stateDir, 'documents'), { baseUrl: publicBaseUrl, secret });
  let deps: Deps | undefined;
  const depsOf = (): Deps => {
    if (!deps) throw new Error('local stack: a handler ran before the stack was wired');
    return deps;
  };
  const handlers = makeHandlers(depsOf, tools);
  const sfn = new LocalStepFunctions({
    aslText: await readFile(ASL_PATH, 'utf8'),
    dir: join(stateDir, 'stepfunctions'),
    handlers: handlers.tasks,
    clockSpeed: opts.config.local.clockSpeed,
    retryDelayMs: opts.retryDelayMs,
    timeoutOverrides: opts.timeoutOverrides,
    onTransition: opts.onTransition,
  });
  const sfnUrl = await listening('stepFunctions', sfnPort, opts, () => sfn.start(sfnPort));
  // The environment the handlers read on AWS, as this stack's own object (never process.env); the
  // configuration and the document store are handed over as they are.
  const env: Env = {
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    DOCUMENT_STORE: 'local',
    LOCAL_STORE_DIR: join(stateDir, 'documents'),
    BUCKET_NAME: BUCKET,
    MAIL_TRANSPORT: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SIGNING_SECRET: secret,
    // The archived PDFs' signing key and its self-issued certificate (made on first use, kept with the state).
    SIGNING_KEY_DIR: join(stateDir, 'signing'),
    PUBLIC_BASE_URL: publicBaseUrl,
    SFN_ENDPOINT: sfnUrl,
    STATE_MACHINE_ARN: sfn.stateMachineArn,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  };
  deps = buildDeps(env, { config: opts.config, store, signer: signerFromEnv(env, opts.config, () => store) });
  // The directory (units and people) is seeded from the configuration on every start: what the table has wins.
  await seedDirectory(deps);

  const bus = new LocalEventBus({
    bucket: BUCKET,
    store,
    intake: handlers.intake,
    dlqDir: join(stateDir, 'dead-letter'),
    onDeadLetter: (key, error) => log(`intake failed for ${key} after retries (kept in dead-letter): ${error}`),
  });
  bus.start();
  const inbox = new LocalInbox(join(stateDir, 'inbox'), store, log);
  await inbox.start();

  const mailUrl = `http://127.0.0.1:${mailPort}`;
  // The portal's browser scripts, bundled in memory (on AWS the CDK hook writes them next to the function).
  const assets = await browserAssets();
  const http = new LocalHttpServer({
    portal: portalOptions(depsOf, portalTools, {
      secureCookies: false,
      assets: () => assets,
      signInAnswerMs: 300,
      // The city view shows the local operator what CloudWatch would have (AWS sets no such hook).
      operatorFacts: () => ({ ...localMetrics.totals, mailUrl }),
    }),
    afterRequest: () => {
      if (portalTools.metrics.hasStoredMetrics()) portalTools.metrics.publishStoredMetrics();
    },
    deps: depsOf,
    store,
    intakeOutcome: (versionId) => bus.intakeOutcome(versionId),
    secret,
    publicHost: new URL(publicBaseUrl).hostname,
  });
  const httpUrl = await listening('http', httpPort, opts, () => http.start(httpPort));
  await releasePorts();
  const ports: LocalPorts = {
    http: httpPort,
    mailWeb: mailPort,
    smtp: smtpPort,
    dynamodb: dynamoPort,
    stepFunctions: sfnPort,
  };
  if (!opts.randomPorts) await writeFile(lastPortsPath(stateDir), `${JSON.stringify(ports)}\n`);
  if (!opts.randomPorts && last.http && last.http !== httpPort)
    log(
      `port ${last.http} of the last run is taken: decision links mailed before point there; the same path works on ${httpPort}`,
    );
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

  const urls = {
    http: httpUrl,
    mail: mailUrl,
    smtp: `smtp://127.0.0.1:${smtpPort}`,
    dynamodb: dynamo.endpoint,
    stepFunctions: sfnUrl,
  };
  const mine = { pid: process.pid, startedAt: new Date().toISOString() };
  writeStackFile(stateDir, { ...mine, stateDir, urls });

  return {
    urls,
    publicBaseUrl,
    stateDir,
    stackFile: stackFilePath(stateDir),
    metrics: localMetrics,
    inboxDir: join(stateDir, 'inbox'),
    inbox,
    sfn,
    store,
    bus,
    deps: depsOf,
    resumed,
    async stop() {
      removeStackFile(stateDir, mine);
      clearInterval(clockTimer);
      inbox.stop();
      bus.stop();
      await bus.drain().catch(() => undefined);
      await sfn.stop();
      await http.stop();
      // Before MailDev: its server waits for open (pooled) SMTP connections to end.
      deps?.mailer.close?.();
      await maildev.stop();
      await dynamo.stop();
    },
  };
}

import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError, type LapkinConfig, loadConfigFile } from '../../functions/core/config.ts';
import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { formatVerificationCode, verificationUrl } from '../../functions/core/verification-code.ts';
import { answeringStack } from '../local/stack-file.ts';
import { type Ctx, fail, requireRunning } from './context.ts';
import { DELEGATE_OPTIONS, PEOPLE_OPTIONS } from './people-options.ts';

// The local stack (dynalite, MailDev, the Step Functions engine) is loaded only by the commands that run it:
// `check` and `template` work offline and start in a fraction of the time.
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

type Options = NonNullable<ParseArgsConfig['options']>;
interface Command {
  usage: string;
  summary: string;
  options: Options;
  /** Commands whose options are parsed by their own module (check, template, audit). */
  delegated?: boolean;
}

const COMMANDS: Record<string, Command> = {
  up: {
    usage: 'lapkin up [--port N] [--clock-speed N]',
    summary: 'start the local stack of this checkout (= npm start); --port: the HTTP port, else one that is free',
    options: { port: { type: 'string' }, 'clock-speed': { type: 'string' } },
  },
  upload: {
    usage: 'lapkin upload <file> --tahun YYYY --periode TW1|TW2|TW3|TW4|TAHUNAN|PK [--unit U] [--as email]',
    summary:
      "upload data to the running stack and say what intake did with it; --periode PK: the unit's Perjanjian Kinerja of the year",
    options: {
      unit: { type: 'string' },
      tahun: { type: 'string' },
      periode: { type: 'string' },
      as: { type: 'string' },
    },
  },
  status: {
    usage: 'lapkin status [reportId | --unit U] [--json | --watch]',
    summary:
      "state and timeline (running or stopped stack); --unit: that unit's reports only; --watch follows a report live",
    options: { json: { type: 'boolean' }, watch: { type: 'boolean' }, unit: { type: 'string' } },
  },
  people: {
    usage: `lapkin people list [--unit U] [--json]
  lapkin people set --unit U --role R [--name ..] [--nip ..] [--email ..] [--title ..] [--by "Nama <email>"]
  lapkin people remove --unit U --role R [--by "Nama <email>"]
  lapkin people history --unit U [--role R] [--json]
  (each with --table T: the deployed table — stack output TableName — with your AWS credentials)`,
    summary:
      'units and their people per role (the city: --role KOTA, no --unit); a change applies from the next request',
    options: PEOPLE_OPTIONS,
  },
  delegate: {
    usage: `lapkin delegate --unit U --role CAMAT --to <nip> --from 2026-12-01 --until 2026-12-03 [--kind PLH|PLT] [--reason "cuti"] [--by "Nama <email>"]
  lapkin delegate list --unit U [--all] [--json]
  lapkin delegate cancel --unit U --id ID [--by "Nama <email>"]
  (each with --table T: the deployed table — stack output TableName — with your AWS credentials)`,
    summary:
      'Plh / Plt: who acts for an official while away (dates in WIB, whole days); pending requests go to the delegate',
    options: DELEGATE_OPTIONS,
  },
  rollup: {
    usage: 'lapkin rollup --unit U --tahun YYYY [--out file.xlsx] [--force]',
    summary:
      "the year's figures from the four documented quarters by each indicator's sifat (PK), as the annual workbook to complete and upload as TAHUNAN",
    options: {
      unit: { type: 'string' },
      tahun: { type: 'string' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
    },
  },
  export: {
    usage: 'lapkin export <reportId> [--out DIR]',
    summary:
      'write the report PDF/XLSX/JSON, its data and its archive as files into DIR/<reportId>/ (default lapkin-export)',
    options: { out: { type: 'string', short: 'o' } },
  },
  demo: {
    usage: 'lapkin demo [--units] [--clock-speed N]',
    summary:
      'the whole SOP end to end (= npm run demo); --units: a report in every unit at once, each mail checked to stay in its unit; the previous state is moved aside',
    options: { units: { type: 'boolean' }, 'clock-speed': { type: 'string' } },
  },
  template: {
    usage: 'lapkin template [--unit U] [--out file.xlsx] [--tahun YYYY] [--periode P] [--force]',
    summary:
      'the blank template (guide, PK, Data and Narasi sheets, dropdowns, examples); --unit: headed with that unit, else the city',
    options: {},
    delegated: true,
  },
  check: {
    usage: 'lapkin check <file> [--json] [--pk <PK file>] [--tahun YYYY --periode P] [--lang id|en]',
    summary:
      'validate data (against a PK with --pk) or a Perjanjian Kinerja offline, as the report would; exit 1 if invalid',
    options: {},
    delegated: true,
  },
  audit: {
    usage: 'lapkin audit <reportId> [--json]',
    summary: "re-check the audit chain and the stored documents' SHA-256",
    options: {},
    delegated: true,
  },
  retry: {
    usage: 'lapkin retry <reportId>',
    summary: 'restart a GAGAL report from its uploaded data (operator; the stack must run)',
    options: {},
  },
  'signing-cert': {
    usage: 'lapkin signing-cert --key-id <KMS key id/ARN> [--bucket <BucketName>] [--region R]',
    summary:
      "issue the self-issued certificate of the deployment's PDF signing key (signed by that KMS key) and print it; --bucket: also store it where the archive function reads it (your AWS credentials)",
    options: { 'key-id': { type: 'string' }, bucket: { type: 'string' }, region: { type: 'string' } },
  },
};

const GLOBAL = `Every command takes --state-dir DIR (default: .lapkin/ of this checkout, see cdk.json local.stateDir): the
stack of that directory is the one used; a running stack is found through DIR/stack.json. --help on any command.`;

const USAGE = `lapkin — SOP Pelaporan Kinerja

Usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}

${GLOBAL}
`;

const commandUsage = (c: Command) => `Usage: ${c.usage}\n  ${c.summary}\n\n${GLOBAL}\n`;

function loadConfig(): LapkinConfig {
  try {
    return loadConfigFile(process.env.LAPKIN_CONFIG_FILE ?? join(PROJECT_ROOT, 'cdk.json'));
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
}

const clock = () => new Date().toISOString().slice(11, 19);

function clockSpeed(ctx: Ctx) {
  const raw = ctx.values['clock-speed'];
  if (raw === undefined) return;
  const speed = Number(raw);
  if (!Number.isFinite(speed) || speed < 1) fail('--clock-speed needs a number ≥ 1', 2);
  ctx.config.local.clockSpeed = speed;
}

async function up(ctx: Ctx) {
  clockSpeed(ctx);
  const rawPort = ctx.values.port as string | undefined;
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    fail(`--port needs a TCP port number (1–65535), not "${rawPort}"`, 2);
  const { startLocalStack } = await import('../local/stack.ts');
  const stack = await startLocalStack({
    config: ctx.config,
    stateDir: ctx.stateDir,
    ...(port ? { ports: { http: port } } : {}),
    logLevel: process.env.LAPKIN_LOG_LEVEL,
    log: (l) => console.log(`${clock()}  ${l}`),
    onTransition: (n) => {
      const id = (n.input as { reportId?: string } | undefined)?.reportId ?? n.executionName;
      console.log(`${clock()}  ${id.padEnd(22)} ▶ ${n.state}${n.error ? ` (${n.error})` : ''}`);
    },
  }).catch((err: Error) => {
    if (err.name === 'PortTakenError' || err.name === 'StackAlreadyRunningError') fail(err.message);
    throw err;
  });
  // The portal at the address the mails link to: a session cookie belongs to one host (localhost ≠ 127.0.0.1).
  console.log(`lapkin local stack is running (state in ${stack.stateDir}, pid ${process.pid})
  Portal (browser)     ${stack.deps().publicBaseUrl}/   (the operator: sign in as the city person, then Laporan)
  mail (MailDev)       ${stack.urls.mail}
  SMTP                 ${stack.urls.smtp}
  DynamoDB (dynalite)  ${stack.urls.dynamodb}
  Step Functions       ${stack.urls.stepFunctions}
The lapkin CLI of this checkout finds it through ${stack.stackFile}.
Drop files into ${stack.inboxDir}/<unit>/<tahun>/<periode>/, or upload with: npx lapkin upload <file> --unit <${ctx.config.units.map((u) => u.organization.unitCode).join('|')}> --tahun ${new Date().getFullYear()} --periode <TW1…TW4|TAHUNAN>${ctx.values['state-dir'] ? ` --state-dir ${ctx.stateDir}` : ''}
Press Ctrl-C to stop; everything is kept for the next start.`);
  const shutdown = async () => {
    console.log('stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * Reads state from this checkout's running stack, or straight from its database when it is stopped. Without an
 * id: the reports of every unit, or of `--unit` only.
 */
async function readState(ctx: Ctx, id?: string): Promise<{ reports: Report[]; events?: AuditEvent[] }> {
  const running = await answeringStack(ctx.stateDir);
  const unit = id ? undefined : (ctx.values.unit as string | undefined);
  if (running) {
    const path = id ? `/${encodeURIComponent(id)}` : unit ? `?unit=${encodeURIComponent(unit)}` : '';
    const res = await fetch(`${running.urls.http}/_lokal/laporan${path}`).catch(() =>
      fail(`the local stack at ${running.urls.http} (pid ${running.pid}) does not answer`),
    );
    if (res.status === 404) return { reports: [] };
    const body = (await res.json()) as { reports?: Report[]; report?: Report; events?: AuditEvent[] };
    return id ? { reports: body.report ? [body.report] : [], events: body.events } : { reports: body.reports ?? [] };
  }
  const { withOfflineState } = await import('./offline-state.ts');
  const { reportView, auditEventView } = await import('../local/report-view.ts');
  const { listReports } = await import('../../functions/usecases/unit-reports.ts');
  const { systemClock } = await import('../../functions/ports/clock.ts');
  const found = await withOfflineState(ctx.stateDir, ctx.config.publicBaseUrl, async ({ repo, directory }) => {
    if (!id) {
      // The same listing as the running stack's: the directory's units, one index partition each.
      const deps = { config: ctx.config, repo, directory, clock: systemClock };
      return { reports: (await listReports(deps, unit ? { unit } : {})).map(reportView) as Report[] };
    }
    const report = await repo.get(id);
    return {
      reports: report ? [reportView(report) as Report] : [],
      events: report ? ((await repo.events(id)).map(auditEventView) as AuditEvent[]) : [],
    };
  });
  return found ?? { reports: [] };
}

async function status(ctx: Ctx) {
  const id = ctx.positionals[0];
  if (ctx.positionals.length > 1) return ctx.usage();
  if (ctx.values.json && ctx.values.watch) fail('--json and --watch do not go together', 2);
  const unit = ctx.values.unit as string | undefined;
  if (unit !== undefined) {
    if (id) fail('give a report id or --unit, not both (a report id names its unit)', 2);
    const { unitProblem } = await import('./people.ts');
    const problem = await unitProblem(ctx.config, ctx.stateDir, unit);
    if (problem) fail(problem);
  }
  if (ctx.values.watch) {
    const target = id ?? (await readState(ctx)).reports.at(-1)?.reportId;
    if (!target) fail('no report to watch yet');
    const { watch } = await import('./watch.ts');
    const last = await watch(
      async () => {
        const s = await readState(ctx, target);
        return { report: s.reports[0], events: s.events ?? [] };
      },
      (t) => process.stdout.write(t),
      process.stdout.isTTY === true,
      ctx.config.units,
    );
    process.exitCode = last?.status === 'TERDOKUMENTASI' ? 0 : 1;
    return;
  }
  const state = await readState(ctx, id);
  if (id && state.reports.length === 0) fail(`no report ${id}`);
  if (!id && !unit && state.reports.length === 1) {
    // One report: show its whole timeline, the most useful answer.
    const only = state.reports[0] as Report;
    Object.assign(state, await readState(ctx, only.reportId));
  }
  const { reportLine, timeline, noReports } = await import('./format.ts');
  const lang = ctx.config.language;
  if (ctx.values.json) {
    const out = state.events ? { report: state.reports[0], timeline: state.events } : { reports: state.reports };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  if (state.reports.length === 0) return console.log(noReports(lang));
  if (state.events) return console.log(timeline(state.reports[0] as Report, state.events, lang));
  for (const r of state.reports) console.log(reportLine(r, lang));
}

async function exportCommand(ctx: Ctx) {
  const id = ctx.positionals[0];
  if (!id || ctx.positionals.length > 1) return ctx.usage();
  const { reports } = await readState(ctx, id);
  const report = reports[0];
  if (!report) fail(`no report ${id} in ${ctx.stateDir}`);
  // Default: lapkin-export/ here (git-ignored): exported JSON is nobody's source to lint or commit.
  const outDir = resolve((ctx.values.out as string | undefined) ?? 'lapkin-export');
  const { exportReport, ExportTargetError } = await import('./export.ts');
  const files = await exportReport({ stateDir: ctx.stateDir, report, outDir }).catch((err: Error) => {
    if (err instanceof ExportTargetError) fail(err.message);
    throw err;
  });
  for (const f of files)
    console.log(
      `${f.path}  (${f.key} @ ${f.versionId})${f.intact ? '' : '  ALTERED: SHA-256 differs from the record'}`,
    );
  console.log(`${files.length} file(s) written to ${join(outDir, id)}`);
  if (files.some((f) => !f.intact)) process.exitCode = 1;
}

async function demo(ctx: Ctx) {
  clockSpeed(ctx);
  const stateDir = ctx.stateDir;
  const running = await answeringStack(stateDir);
  if (running) fail(`the local stack of ${stateDir} is running (pid ${running.pid}); stop it before the demo`);
  if (existsSync(stateDir)) {
    // Nothing lost: an earlier local state is moved aside, not deleted.
    const aside = `${stateDir}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(stateDir, aside);
    console.log(`moved the previous local state to ${aside}`);
  }
  const started = Date.now();
  const { runDemo, runUnitsDemo, unitsDemoSummary } = await import('./demo.ts');
  if (ctx.values.units) {
    const result = await runUnitsDemo({ config: ctx.config, stateDir, randomPorts: false, say: (l) => console.log(l) });
    for (const line of unitsDemoSummary(result)) console.log(line);
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s) See every report with: npx lapkin status`);
    process.exit(result.ok ? 0 : 1);
  }
  // The configured ports (else free ones, remembered for the next `npm start`), not temporary ones: the archived
  // PDFs print the portal's address in their verification link and QR code, and it must answer after the demo.
  const { report, stack } = await runDemo({
    config: ctx.config,
    stateDir,
    randomPorts: false,
    say: (l) => console.log(l),
  });
  console.log(
    `\nreport ${report.reportId}: ${report.status}, revision ${report.revision} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const [label, ref] of Object.entries(report.archive ?? {})) {
    console.log(
      `  ${label.padEnd(12)} ${ref.key}\n               versionId ${ref.versionId}\n               sha256    ${ref.sha256}`,
    );
  }
  if (report.verificationCode)
    console.log(
      `  verification code ${formatVerificationCode(report.verificationCode)} (printed with its QR code on both PDFs; the page answers while \`npm start\` runs: ${verificationUrl(stack.publicBaseUrl, report.verificationCode)})`,
    );
  console.log(
    `\nSee the whole timeline with: npx lapkin status --json; the files with: npx lapkin export ${report.reportId}`,
  );
  process.exit(report.status === 'TERDOKUMENTASI' ? 0 : 1);
}

/**
 * audit (owned by its own module) finds the stack through config.publicBaseUrl and the state dir through
 * config.local.stateDir: both are pointed at this checkout's stack. A stopped stack gets an address nothing
 * listens on (port 1), so audit reads the state files directly, as it does when no stack answers.
 */
async function configForOperator(ctx: Ctx): Promise<LapkinConfig> {
  const running = await answeringStack(ctx.stateDir);
  return {
    ...ctx.config,
    publicBaseUrl: running?.urls.http ?? 'http://127.0.0.1:1',
    local: { ...ctx.config.local, stateDir: ctx.stateDir },
  };
}

const stdio = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
/** What the directory commands (`people`, `delegate`) take: the configuration, the state, the line, the streams. */
const directoryCommand = (ctx: Ctx) => ({
  config: ctx.config,
  stateDir: ctx.stateDir,
  positionals: ctx.positionals,
  values: ctx.values,
  out: stdio.out,
  err: stdio.err,
});

const run: Record<string, (ctx: Ctx) => Promise<unknown>> = {
  up,
  upload: async (ctx) => (await import('./upload-command.ts')).upload(ctx),
  status,
  export: exportCommand,
  rollup: async (ctx) => {
    const { runRollUp } = await import('./rollup.ts');
    await runRollUp(ctx, (await readState(ctx)).reports);
  },
  demo,
  check: async (ctx) => {
    const { runCheck } = await import('./check.ts');
    process.exitCode = await runCheck(ctx.config, ctx.rest, stdio);
  },
  template: async (ctx) => {
    const { runTemplate } = await import('./template.ts');
    process.exitCode = await runTemplate(ctx.config, ctx.rest, stdio);
  },
  audit: async (ctx) => {
    const { runAudit } = await import('./operator.ts');
    process.exitCode = await runAudit(await configForOperator(ctx), ctx.rest, stdio);
  },
  delegate: async (ctx) => {
    const { runDelegate } = await import('./delegate.ts');
    process.exitCode = await runDelegate(directoryCommand(ctx));
  },
  people: async (ctx) => {
    const { runPeople } = await import('./people.ts');
    process.exitCode = await runPeople(directoryCommand(ctx));
  },
  'signing-cert': async (ctx) => {
    const keyId = ctx.values['key-id'];
    if (typeof keyId !== 'string' || ctx.positionals.length > 0) return ctx.usage();
    const bucket = typeof ctx.values.bucket === 'string' ? ctx.values.bucket : undefined;
    const region = typeof ctx.values.region === 'string' ? ctx.values.region : ctx.config.aws.region;
    const [{ KMSClient }, { S3Client }, { runSigningCert }] = await Promise.all([
      import('@aws-sdk/client-kms'),
      import('@aws-sdk/client-s3'),
      import('./signing-cert.ts'),
    ]);
    await runSigningCert(
      ctx.config,
      { keyId, bucket },
      { kms: new KMSClient({ region }), s3: bucket ? new S3Client({ region }) : undefined },
      stdio.out,
    );
  },
  retry: async (ctx) => {
    const id = ctx.positionals[0];
    if (!id || ctx.positionals.length > 1) return ctx.usage();
    const stack = await requireRunning(ctx);
    const { runRetry } = await import('./operator.ts');
    process.exitCode = await runRetry(stack.urls.http, id, stdio);
  },
};

/**
 * The command line, parsed strictly with node:util parseArgs: an unknown command or option, or a missing
 * value, prints what was wrong and the usage, and exits 2. --state-dir and --help work on every command;
 * check, template and audit get the rest of their arguments to parse themselves.
 */
function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`lapkin: unknown command "${name}"\n\n${USAGE}`);
    process.exit(2);
  }
  const usage = (): never => {
    process.stderr.write(commandUsage(command));
    process.exit(2);
  };
  const common: Options = { 'state-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  let values: Ctx['values'];
  let positionals: string[];
  let rest = args;
  try {
    if (command.delegated) {
      // Only the common options are taken out here; the module parses (and refuses) the rest.
      const { tokens } = parseArgs({ args, options: common, strict: false, allowPositionals: true, tokens: true });
      const drop = new Set<number>();
      values = {};
      for (const t of tokens) {
        if (t.kind === 'option-terminator') break;
        if (t.kind !== 'option' || !(t.name in common)) continue;
        drop.add(t.index);
        if (t.name === 'state-dir') {
          if (t.value === undefined) throw new Error("Option '--state-dir <value>' argument missing");
          if (!t.inlineValue) drop.add(t.index + 1);
          values['state-dir'] = t.value;
        } else values.help = true;
      }
      rest = args.filter((_, i) => !drop.has(i));
      positionals = rest.filter((a) => !a.startsWith('-'));
    } else {
      const parsed = parseArgs({
        args,
        options: { ...common, ...command.options },
        strict: true,
        allowPositionals: true,
      });
      values = parsed.values as Ctx['values'];
      positionals = parsed.positionals;
    }
  } catch (err) {
    // parseArgs' own hint about '--' is noise here: what was wrong is the first sentence.
    const what = (err as Error).message.split('. To specify')[0];
    process.stderr.write(`lapkin ${name}: ${what}\n\n${commandUsage(command)}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(commandUsage(command));
    process.exit(0);
  }
  const config = loadConfig();
  const stateDir = values['state-dir']
    ? resolve(values['state-dir'] as string)
    : resolve(PROJECT_ROOT, config.local.stateDir);
  const ctx: Ctx = { config, stateDir, values, positionals, rest, usage };
  (run[name] as (ctx: Ctx) => Promise<unknown>)(ctx).catch((err: Error) => fail(`${err.name}: ${err.message}`));
}

main();

import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type LapkinConfig, loadConfigFile } from '../../functions/core/config.ts';
import type { AuditEvent, Report } from '../../functions/core/report.ts';
import { PERIODS, type Period } from '../../functions/core/report.ts';
import { parseUploadKey, uploadKey } from '../../functions/core/upload-key.ts';

// The local stack (dynalite, MailDev, the Step Functions engine) is loaded only by the commands that run it:
// `check` and `template` work offline and start in a fraction of the time.
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `lapkin — SOP Pelaporan Kinerja

Usage:
  lapkin up                                   start the local stack (= npm start)
  lapkin upload <file> --unit U --tahun YYYY --periode TW1|TW2|TW3|TW4|TAHUNAN [--as email]
  lapkin status [reportId] [--json|--watch]   state and timeline; --watch follows it live
  lapkin demo                                 the whole SOP end to end (= npm run demo)
  lapkin template [--out file.xlsx]           the blank data template (guide, dropdowns, example sheet)
  lapkin check <file> [--json] [--tahun YYYY --periode P] [--lang id|en]
                                              validate data offline, as the report would; exit 1 if invalid
  lapkin audit <reportId> [--json]            re-check the audit chain and the stored documents' SHA-256
  lapkin retry <reportId>                     restart a GAGAL report from its uploaded data (operator)

  up and demo take --clock-speed N: N seconds of Mutu Baku pass per second (e.g. 21600: one day in 4 s)
`;

function fail(message: string, code = 1): never {
  process.stderr.write(`lapkin: ${message}\n`);
  process.exit(code);
}

function loadConfig(): LapkinConfig {
  try {
    return loadConfigFile(process.env.LAPKIN_CONFIG_FILE ?? join(PROJECT_ROOT, 'cdk.json'));
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
}

const stateDirOf = (c: LapkinConfig) => resolve(PROJECT_ROOT, c.local.stateDir);
const now = () => new Date().toISOString().slice(11, 19);

async function up(config: LapkinConfig) {
  const { startLocalStack } = await import('../local/stack.ts');
  const stack = await startLocalStack({
    config,
    stateDir: stateDirOf(config),
    log: (l) => console.log(`${now()}  ${l}`),
    onTransition: (n) => {
      const id = (n.input as { reportId?: string } | undefined)?.reportId ?? n.executionName;
      console.log(`${now()}  ${id.padEnd(22)} ▶ ${n.state}${n.error ? ` (${n.error})` : ''}`);
    },
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE')
      fail(`a port is already in use (${err.message}); is the local stack already running?`);
    throw err;
  });
  console.log(`lapkin local stack is running (state in ${stack.stateDir})
  decisions + console  ${stack.urls.http}
  mail (MailDev)       ${stack.urls.mail}
  SMTP                 ${stack.urls.smtp}
  DynamoDB (dynalite)  ${stack.urls.dynamodb}
  Step Functions       ${stack.urls.stepFunctions}
Drop files into ${stack.inboxDir}/<unit>/<tahun>/<periode>/, or upload with: npx lapkin upload <file> --unit ${config.organization.unitCode} --tahun ${new Date().getFullYear()} --periode TW1
Press Ctrl-C to stop; everything is kept for the next start.`);
  const shutdown = async () => {
    console.log('stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function upload(config: LapkinConfig, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      tahun: { type: 'string' },
      periode: { type: 'string' },
      as: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) fail(`upload needs a file\n${USAGE}`, 2);
  const unit = values.unit ?? config.organization.unitCode;
  const periode = (values.periode ?? '').toUpperCase();
  if (!values.tahun || !/^20\d\d$/.test(values.tahun)) fail('--tahun YYYY is required', 2);
  if (!(PERIODS as readonly string[]).includes(periode)) fail(`--periode must be one of ${PERIODS.join(', ')}`, 2);
  if (!existsSync(file)) fail(`file not found: ${file}`, 2);
  const key = uploadKey(
    unit,
    Number(values.tahun),
    periode as Period,
    basename(file).replace(/[^A-Za-z0-9._ -]/g, '_'),
  );
  try {
    parseUploadKey(key);
  } catch (err) {
    fail((err as Error).message, 2);
  }
  const body = await readFile(file);
  const type = file.toLowerCase().endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv';
  const res = await fetch(`${config.publicBaseUrl}/_lokal/unggah?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(values.as ? { 'x-uploader-email': values.as } : {}) },
    body,
  }).catch(() => fail(`the local stack is not running at ${config.publicBaseUrl}; start it with: npm start`));
  if (!res.ok) fail(`upload refused: ${res.status} ${await res.text()}`);
  const out = (await res.json()) as { key: string; versionId: string };
  console.log(`uploaded ${file} → ${out.key} (versionId ${out.versionId})`);
}

/** Reads state from the running stack, or straight from its database when it is not running. */
async function readState(config: LapkinConfig, id?: string): Promise<{ reports: Report[]; events?: AuditEvent[] }> {
  try {
    const res = await fetch(`${config.publicBaseUrl}/_lokal/laporan${id ? `/${encodeURIComponent(id)}` : ''}`);
    if (res.status === 404) return { reports: [] };
    const body = (await res.json()) as { reports?: Report[]; report?: Report; events?: AuditEvent[] };
    return id ? { reports: body.report ? [body.report] : [], events: body.events } : { reports: body.reports ?? [] };
  } catch {
    const { withOfflineState } = await import('./offline-state.ts');
    const found = await withOfflineState(stateDirOf(config), config.publicBaseUrl, async ({ repo }) => {
      const { reportView, auditEventView } = await import('../local/report-view.ts');
      if (!id) return { reports: (await repo.list()).map(reportView) as Report[] };
      const report = await repo.get(id);
      return {
        reports: report ? [reportView(report) as Report] : [],
        events: report ? ((await repo.events(id)).map(auditEventView) as AuditEvent[]) : [],
      };
    });
    return found ?? { reports: [] };
  }
}

async function status(config: LapkinConfig, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, watch: { type: 'boolean' } },
  });
  const id = positionals[0];
  if (values.watch) {
    const target = id ?? (await readState(config)).reports.at(-1)?.reportId;
    if (!target) fail('no report to watch yet');
    const { watch } = await import('./watch.ts');
    const last = await watch(
      async () => {
        const s = await readState(config, target);
        return { report: s.reports[0], events: s.events ?? [] };
      },
      (t) => process.stdout.write(t),
      process.stdout.isTTY === true,
    );
    process.exitCode = last?.status === 'TERDOKUMENTASI' ? 0 : 1;
    return;
  }
  const state = await readState(config, id);
  if (id && state.reports.length === 0) fail(`no report ${id}`);
  if (!id && state.reports.length === 1) {
    // One report: show its whole timeline, the most useful answer.
    const only = state.reports[0] as Report;
    Object.assign(state, await readState(config, only.reportId));
  }
  const { reportLine, timeline } = await import('./format.ts');
  if (values.json) {
    const out = state.events ? { report: state.reports[0], timeline: state.events } : { reports: state.reports };
    console.log(JSON.stringify(out, (k, v) => (k === 'revisionTaskToken' || k === 'lastEvent' ? undefined : v), 2));
    return;
  }
  if (state.reports.length === 0) return console.log('no reports yet');
  if (state.events) return console.log(timeline(state.reports[0] as Report, state.events));
  for (const r of state.reports) console.log(reportLine(r));
}

async function demo(config: LapkinConfig) {
  const stateDir = stateDirOf(config);
  if (existsSync(stateDir)) {
    // Nothing lost: an earlier local state is moved aside, not deleted.
    const aside = `${stateDir}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(stateDir, aside);
    console.log(`moved the previous local state to ${aside}`);
  }
  const started = Date.now();
  const { runDemo } = await import('./demo.ts');
  const { report } = await runDemo({ config, stateDir, say: (l) => console.log(l) });
  console.log(
    `\nreport ${report.reportId}: ${report.status}, revision ${report.revision} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const [label, ref] of Object.entries(report.archive ?? {})) {
    console.log(
      `  ${label.padEnd(12)} ${ref.key}\n               versionId ${ref.versionId}\n               sha256    ${ref.sha256}`,
    );
  }
  console.log('\nSee the whole timeline with: npx lapkin status --json');
  process.exit(report.status === 'TERDOKUMENTASI' ? 0 : 1);
}

const stdio = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
const [command, ...rest] = process.argv.slice(2);
const config = loadConfig();
// A faster Mutu Baku clock for trying reminders and escalations locally.
const speedAt = rest.indexOf('--clock-speed');
if (speedAt >= 0) {
  const speed = Number(rest[speedAt + 1]);
  if (!Number.isFinite(speed) || speed < 1) fail('--clock-speed needs a number ≥ 1', 2);
  config.local.clockSpeed = speed;
}
const commands: Record<string, () => Promise<unknown>> = {
  up: () => up(config),
  upload: () => upload(config, rest),
  status: () => status(config, rest),
  demo: () => demo(config),
  check: async () => {
    const { runCheck } = await import('./check.ts');
    process.exitCode = await runCheck(config, rest, stdio);
  },
  template: async () => {
    const { runTemplate } = await import('./template.ts');
    process.exitCode = await runTemplate(config, rest, stdio);
  },
  audit: async () => {
    const { runAudit } = await import('./operator.ts');
    process.exitCode = await runAudit(config, rest, stdio);
  },
  retry: async () => {
    const { runRetry } = await import('./operator.ts');
    process.exitCode = await runRetry(config, rest, stdio);
  },
};
const run = command ? commands[command] : undefined;
if (!run) {
  process.stdout.write(USAGE);
  process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
}
run().catch((err: Error) => fail(`${err.name}: ${err.message}`));

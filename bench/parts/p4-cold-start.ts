/**
 * P4 — cold start. Every handler bundled with esbuild exactly as the CDK app bundles it
 * (infra/constructs/bundling.ts), then timed as a fresh Node process that loads it, next to a bare `node -e 0`,
 * the runs interleaved so drift hits both alike. The AWS SDK comes from NODE_PATH, as the Lambda runtime
 * provides it; no NODE_OPTIONS, as the function's environment sets none.
 * Variant (for comparison, not deployed): NODE_OPTIONS=--enable-source-maps, which the functions had before
 * bench round 2 — Node then parses the whole source map at load.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterBundlingCommands, BUNDLE_EXTERNALS, esbuildOptions } from '../../infra/constructs/bundling.ts';
import { testConfig } from '../../test/fakes/deps.ts';
import { ROOT } from '../lib/data.ts';
import { round, type Summary, summarize } from '../lib/stats.ts';

export const HANDLERS = readdirSync(join(ROOT, 'functions/handlers'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

export interface P4Options {
  handlers: string[];
  reps: number;
  /** Handlers to also time in the experimental variants (none: skip). */
  variantHandlers: string[];
}

export interface BundleResult {
  handler: string;
  bundleBytes: number;
  sourceMapBytes: number;
  /** Largest packages in the bundle, bytes of output. */
  largest: { name: string; bytes: number }[];
  importMs: Summary;
  /** importMs.median / bare node median. */
  ratio: number;
  /** Time spent inside require() of the bundle, measured in the process itself. */
  requireMs: Summary;
  variants: Record<string, { bundleBytes: number; importMs: Summary; ratio: number }>;
}

export interface P4Result {
  bareNode: Summary;
  bundles: BundleResult[];
}

const log = (line: string) => process.stderr.write(`[P4] ${line}\n`);

/** The environment a function gets on Lambda, pointed at nothing: loading must not need any service. */
function lambdaEnv(sourceMaps: boolean): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_PATH: join(ROOT, 'node_modules'),
    ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
    NODE_NO_WARNINGS: '1',
    AWS_REGION: 'ap-southeast-3',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    LAPKIN_CONFIG: JSON.stringify(testConfig()),
    TABLE_NAME: 'lapkin-bench',
    BUCKET_NAME: 'lapkin-bench',
    STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:bench',
    MAIL_TRANSPORT: 'ses',
    SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:bench',
    POWERTOOLS_SERVICE_NAME: 'lapkin',
    POWERTOOLS_METRICS_NAMESPACE: 'Lapkin',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
}

async function bundle(handler: string, outDir: string, external: string[]) {
  const result = await build({ ...esbuildOptions(handler, outDir), external, metafile: true });
  for (const cmd of afterBundlingCommands(outDir)) execFileSync('sh', ['-c', cmd]);
  return result.metafile as Metafile;
}

function largestPackages(meta: Metafile): { name: string; bytes: number }[] {
  const byPackage = new Map<string, number>();
  for (const out of Object.values(meta.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const name = m?.[1] ?? (path.startsWith('functions/') ? 'lapkin functions/' : path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
}

/** Wall time of a fresh `node -e <script>` in `cwd`, ms; the script's own output is returned too. */
function timeNode(script: string, cwd: string, env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { cwd, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench: node -e failed in ${cwd}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const LOAD = "const t=performance.now();require('./index.js');process.stdout.write(String(performance.now()-t))";

export async function runP4(opts: P4Options): Promise<P4Result> {
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-bench-bundles-'));
  const targets: { handler: string; variant: string; out: string; sourceMaps: boolean; meta: Metafile }[] = [];
  for (const handler of opts.handlers) {
    const out = join(dir, handler);
    targets.push({
      handler,
      variant: 'as deployed',
      out,
      sourceMaps: false,
      meta: await bundle(handler, out, BUNDLE_EXTERNALS),
    });
    if (opts.variantHandlers.includes(handler)) {
      targets.push({
        handler,
        variant: 'with --enable-source-maps (as before round 2)',
        out,
        sourceMaps: true,
        meta: targets.at(-1)?.meta as Metafile,
      });
    }
  }
  log(`bundled ${opts.handlers.length} handlers (+${targets.length - opts.handlers.length} variants) into ${dir}`);

  const bare: number[] = [];
  const times = new Map<(typeof targets)[number], { wall: number[]; inside: number[] }>();
  for (const t of targets) times.set(t, { wall: [], inside: [] });
  // One warm-up round (file cache), then interleaved rounds.
  for (let rep = -1; rep < opts.reps; rep++) {
    const b = timeNode('0', dir, lambdaEnv(false));
    if (rep >= 0) bare.push(b.ms);
    for (const t of targets) {
      const r = timeNode(LOAD, t.out, lambdaEnv(t.sourceMaps));
      if (rep < 0) continue;
      times.get(t)?.wall.push(r.ms);
      times.get(t)?.inside.push(Number(r.stdout));
    }
    if (rep >= 0 && (rep + 1) % 5 === 0) log(`${rep + 1}/${opts.reps} rounds`);
  }
  const bareNode = summarize(bare);
  const bundles: BundleResult[] = [];
  for (const t of targets) {
    const m = times.get(t) ?? { wall: [], inside: [] };
    const importMs = summarize(m.wall);
    const ratio = round(importMs.median / bareNode.median);
    const bundleBytes = statSync(join(t.out, 'index.js')).size;
    if (t.variant === 'as deployed') {
      bundles.push({
        handler: t.handler,
        bundleBytes,
        sourceMapBytes: statSync(join(t.out, 'index.js.map')).size,
        largest: largestPackages(t.meta),
        importMs,
        ratio,
        requireMs: summarize(m.inside),
        variants: {},
      });
    } else {
      const owner = bundles.find((x) => x.handler === t.handler);
      if (owner) owner.variants[t.variant] = { bundleBytes, importMs, ratio };
    }
  }
  for (const b of bundles)
    log(
      `${b.handler}: ${(b.bundleBytes / 1024).toFixed(0)} KiB, ${b.importMs.median} ms (${b.ratio}× bare ${bareNode.median} ms)`,
    );
  return { bareNode, bundles };
}

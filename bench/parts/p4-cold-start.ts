/**
 * P4 — cold start. Every handler bundled with esbuild exactly as the CDK app bundles it
 * (infra/constructs/bundling.ts: the AWS SDK inside the bundle), then timed as a fresh Node process that loads it,
 * next to two references, the runs interleaved so drift hits all alike: a bare `node -e 0`, and for each handler a
 * bundle that loads only the AWS SDK packages that handler loads at cold start (built here with the same settings)
 * — the judged floor: what any function using those clients pays. No NODE_OPTIONS, as the function's environment
 * sets none, and no NODE_PATH: nothing is taken from outside the bundle. Each run reports its wall time and the
 * process's own CPU time up to the end of the load; the judgement uses CPU time, which the other work on a shared
 * machine inflates far less than wall time (waiting for a core is not in it).
 * Before/after of issue 11: the same handlers bundled with the SDK external (`@aws-sdk/*` from NODE_PATH, as the
 * Lambda runtime provided it before) — that build also tells which SDK packages a handler loads at cold start
 * (the ones in require.cache after the load; lazily imported clients stay out).
 * Variant (for comparison, not deployed): NODE_OPTIONS=--enable-source-maps, which the functions had before
 * bench round 2 — Node then parses the whole source map at load.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import {
  afterBundlingCommands,
  BUNDLE_EXTERNALS,
  esbuildOptions,
  PROJECT_ROOT,
  SDK_EXTERNALS,
} from '../../infra/constructs/bundling.ts';
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

/** A bundle that only loads (requires) the given AWS SDK packages: the floor of a handler that uses them. */
export interface SdkReference {
  packages: string[];
  bundleBytes: number;
  importMs: Summary;
  cpuMs: Summary;
}

export interface BundleResult {
  handler: string;
  bundleBytes: number;
  sourceMapBytes: number;
  /** Bytes of the bundle that are the AWS SDK (@aws-sdk/*, @smithy/*, @aws-crypto/*). */
  sdkBytes: number;
  /** The @aws-sdk/* packages the handler loads at cold start (lazily imported ones excluded). */
  sdkPackages: string[];
  /** CPU time of the process from start to the end of the load, ms. */
  cpuMs: Summary;
  /** cpuMs.median / the SDK reference's (same packages) — the judged ratio. */
  ratioToSdkReference: number;
  /** importMs.median / the SDK reference's: the same ratio in wall time. */
  wallRatioToSdkReference: number;
  /** Before issue 11: the same handler with the AWS SDK external, taken from NODE_PATH as from the runtime. */
  sdkFromRuntime: { bundleBytes: number; importMs: Summary; cpuMs: Summary; ratio: number };
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
  bareNodeCpu: Summary;
  sdkReferences: SdkReference[];
  bundles: BundleResult[];
}

const log = (line: string) => process.stderr.write(`[P4] ${line}\n`);

/** The environment a function gets on Lambda, pointed at nothing: loading must not need any service. */
function lambdaEnv(sourceMaps: boolean, sdkFromNodePath = false): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...(sdkFromNodePath ? { NODE_PATH: join(ROOT, 'node_modules') } : {}),
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

/** The SDK reference: an entry that requires exactly `packages`, bundled with the functions' settings. */
async function bundleSdkReference(packages: string[], outDir: string): Promise<void> {
  const { entryPoints: _handler, ...options }: BuildOptions = esbuildOptions('intake', outDir);
  await build({
    ...options,
    external: BUNDLE_EXTERNALS,
    stdin: {
      contents: packages.map((p) => `require(${JSON.stringify(p)});`).join('\n'),
      resolveDir: PROJECT_ROOT,
      sourcefile: 'sdk-reference.js',
      loader: 'js',
    },
  });
}

const SDK_INPUT = /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;

function sdkBytes(meta: Metafile): number {
  let bytes = 0;
  for (const out of Object.values(meta.outputs))
    for (const [path, { bytesInOutput }] of Object.entries(out.inputs))
      if (SDK_INPUT.test(path)) bytes += bytesInOutput;
  return bytes;
}

/**
 * The @aws-sdk/* packages a handler loads at cold start: of those its SDK-external build imports, the ones Node
 * has in require.cache after loading it.
 */
function sdkPackagesLoaded(externalMeta: Metafile, dir: string): string[] {
  const imported = new Set(
    Object.values(externalMeta.outputs)
      .flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
      .filter((p) => p.startsWith('@aws-sdk/')),
  );
  const script = "require('./index.js');process.stdout.write(JSON.stringify(Object.keys(require.cache)))";
  const cached = JSON.parse(timeNode(script, dir, lambdaEnv(false, true)).stdout) as string[];
  return [...imported].filter((p) => cached.some((f) => f.includes(`/node_modules/${p}/`))).sort();
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

/** Prints [ms inside require(), CPU ms of the process so far]. */
const LOAD =
  "const t=performance.now();require('./index.js');const d=performance.now()-t,c=process.cpuUsage();process.stdout.write(JSON.stringify([d,(c.user+c.system)/1000]))";
const BARE = 'const c=process.cpuUsage();process.stdout.write(JSON.stringify([0,(c.user+c.system)/1000]))';

type Timed = {
  handler: string;
  variant: 'as deployed' | 'sdk from runtime' | 'source maps' | 'sdk reference';
  out: string;
  env: NodeJS.ProcessEnv;
  meta?: Metafile;
};

const SOURCE_MAPS_VARIANT = 'with --enable-source-maps (as before round 2)';

export async function runP4(opts: P4Options): Promise<P4Result> {
  const dir = mkdtempSync(join(tmpdir(), 'lapkin-bench-bundles-'));
  const targets: Timed[] = [];
  const references = new Map<string, { packages: string[]; target: Timed }>();
  const sdkOf = new Map<string, string[]>();
  for (const handler of opts.handlers) {
    const out = join(dir, handler);
    targets.push({
      handler,
      variant: 'as deployed',
      out,
      env: lambdaEnv(false),
      meta: await bundle(handler, out, BUNDLE_EXTERNALS),
    });
    const before = join(dir, `${handler}.sdk-from-runtime`);
    const beforeMeta = await bundle(handler, before, SDK_EXTERNALS);
    targets.push({ handler, variant: 'sdk from runtime', out: before, env: lambdaEnv(false, true), meta: beforeMeta });
    if (opts.variantHandlers.includes(handler))
      targets.push({ handler, variant: 'source maps', out, env: lambdaEnv(true) });
    const packages = sdkPackagesLoaded(beforeMeta, before);
    sdkOf.set(handler, packages);
    const key = packages.join(',') || '(none)';
    if (!references.has(key)) {
      const refOut = join(dir, `sdk-reference-${references.size}`);
      await bundleSdkReference(packages, refOut);
      const target: Timed = { handler: key, variant: 'sdk reference', out: refOut, env: lambdaEnv(false) };
      references.set(key, { packages, target });
      targets.push(target);
    }
  }
  log(
    `bundled ${opts.handlers.length} handlers, their SDK-external builds, ${references.size} SDK references into ${dir}`,
  );

  const bare: number[] = [];
  const bareCpu: number[] = [];
  const times = new Map<Timed, { wall: number[]; inside: number[]; cpu: number[] }>();
  for (const t of targets) times.set(t, { wall: [], inside: [], cpu: [] });
  // One warm-up round (file cache), then interleaved rounds.
  for (let rep = -1; rep < opts.reps; rep++) {
    const b = timeNode(BARE, dir, lambdaEnv(false));
    if (rep >= 0) {
      bare.push(b.ms);
      bareCpu.push((JSON.parse(b.stdout) as [number, number])[1]);
    }
    for (const t of targets) {
      const r = timeNode(LOAD, t.out, t.env);
      if (rep < 0) continue;
      const [inside, cpu] = JSON.parse(r.stdout) as [number, number];
      times.get(t)?.wall.push(r.ms);
      times.get(t)?.inside.push(inside);
      times.get(t)?.cpu.push(cpu);
    }
    if (rep >= 0 && (rep + 1) % 5 === 0) log(`${rep + 1}/${opts.reps} rounds`);
  }
  const bareNode = summarize(bare);
  const wall = (t: Timed) => summarize(times.get(t)?.wall ?? []);
  const cpu = (t: Timed) => summarize(times.get(t)?.cpu ?? []);
  const sdkReferences: SdkReference[] = [...references.values()].map(({ packages, target }) => ({
    packages,
    bundleBytes: statSync(join(target.out, 'index.js')).size,
    importMs: wall(target),
    cpuMs: cpu(target),
  }));
  const bundles: BundleResult[] = [];
  for (const t of targets.filter((x) => x.variant === 'as deployed')) {
    const importMs = wall(t);
    const packages = sdkOf.get(t.handler) ?? [];
    const reference = sdkReferences.find((r) => r.packages.join() === packages.join());
    const before = targets.find((x) => x.handler === t.handler && x.variant === 'sdk from runtime') as Timed;
    const beforeMs = wall(before);
    const maps = targets.find((x) => x.handler === t.handler && x.variant === 'source maps');
    bundles.push({
      handler: t.handler,
      bundleBytes: statSync(join(t.out, 'index.js')).size,
      sourceMapBytes: statSync(join(t.out, 'index.js.map')).size,
      sdkBytes: sdkBytes(t.meta as Metafile),
      sdkPackages: packages,
      largest: largestPackages(t.meta as Metafile),
      importMs,
      ratio: round(importMs.median / bareNode.median),
      cpuMs: cpu(t),
      ratioToSdkReference: reference ? round(cpu(t).median / reference.cpuMs.median) : Number.NaN,
      wallRatioToSdkReference: reference ? round(importMs.median / reference.importMs.median) : Number.NaN,
      requireMs: summarize(times.get(t)?.inside ?? []),
      sdkFromRuntime: {
        bundleBytes: statSync(join(before.out, 'index.js')).size,
        importMs: beforeMs,
        cpuMs: cpu(before),
        ratio: round(beforeMs.median / bareNode.median),
      },
      variants: maps
        ? {
            [SOURCE_MAPS_VARIANT]: {
              bundleBytes: statSync(join(t.out, 'index.js')).size,
              importMs: wall(maps),
              ratio: round(wall(maps).median / bareNode.median),
            },
          }
        : {},
    });
  }
  for (const b of bundles)
    log(
      `${b.handler}: ${(b.bundleBytes / 1024).toFixed(0)} KiB, ${b.importMs.median} ms (CPU ${b.cpuMs.median} ms = ${b.ratioToSdkReference}× its SDK reference: ${b.sdkPackages.join(', ') || 'no SDK'}); SDK from the runtime: ${b.sdkFromRuntime.importMs.median} ms (CPU ${b.sdkFromRuntime.cpuMs.median} ms)`,
    );
  return { bareNode, bareNodeCpu: summarize(bareCpu), sdkReferences, bundles };
}

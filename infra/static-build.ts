import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  BROWSER_ENTRIES,
  MANIFEST_FILE,
  type StaticAssets,
  type StaticManifest,
  staticAssetsOf,
} from '../functions/web/static-assets.ts';

const ROOT = join(import.meta.dirname, '..');

/**
 * Bundles every browser entry of the portal (functions/web/static-assets.ts BROWSER_ENTRIES) for the browser:
 * one self-contained minified IIFE each, named by the SHA-256 of its content. The same build serves the local
 * stack (in memory) and the deployed portal function (written next to its bundle by the CDK hook).
 */
export async function buildBrowserAssets(): Promise<{ manifest: StaticManifest; files: Map<string, Uint8Array> }> {
  const manifest: StaticManifest = {};
  const files = new Map<string, Uint8Array>();
  await Promise.all(
    Object.entries(BROWSER_ENTRIES).map(async ([name, entry]) => {
      const out = await build({
        entryPoints: [join(ROOT, entry)],
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
        minify: true,
        write: false,
        logLevel: 'error',
        legalComments: 'none',
        // The upload check's CSV parser: csv-parse's browser build (the same version and source, with its own
        // Buffer) instead of its Node entry, which needs node:stream.
        alias: { 'csv-parse': 'csv-parse/browser/esm' },
      });
      const body = out.outputFiles[0]?.contents;
      if (!body) throw new Error(`esbuild produced nothing for ${entry}`);
      const file = `${name}.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`;
      manifest[name] = file;
      files.set(file, body);
    }),
  );
  return { manifest, files };
}

export async function browserAssets(): Promise<StaticAssets> {
  const { manifest, files } = await buildBrowserAssets();
  return staticAssetsOf(manifest, files);
}

/** Writes the assets and their manifest into `dir` (the CDK afterBundling hook: `<bundle>/static`). */
export async function writeBrowserAssets(dir: string): Promise<void> {
  const { manifest, files } = await buildBrowserAssets();
  mkdirSync(dir, { recursive: true });
  for (const [file, body] of files) writeFileSync(join(dir, file), body);
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

// `node infra/static-build.ts <dir>` (Node 24 runs TypeScript by stripping types): the CDK bundling hook.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node infra/static-build.ts <output directory>');
  await writeBrowserAssets(dir);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';

/**
 * The portal's browser scripts: TypeScript entry points under functions/web/browser/, bundled for the browser by
 * esbuild (infra/static-build.ts) — at CDK bundling time into the portal function's `static/` directory, in memory
 * when the local stack starts. Each file is named by its content hash, so it is cached for good and a page always
 * loads the script it was rendered with. CSP allows scripts from this origin only; no page has inline script.
 */
export const BROWSER_ENTRIES = {
  // name → entry (relative to the project root); the page asks for the name, the manifest maps it to a file.
  hello: 'functions/web/browser/hello.ts',
  'verify-drop': 'functions/web/browser/verify-drop.ts',
  // The upload page (/unggah): its form script, and the worker that runs checkPerformanceData on the file.
  'upload-page': 'functions/web/browser/upload-page.ts',
  'upload-check': 'functions/web/browser/upload-check.ts',
} as const satisfies Record<string, string>;
export type BrowserEntry = keyof typeof BROWSER_ENTRIES;

/** name → hashed file name ("upload-check" → "upload-check.3f9a1c2b.js"). */
export type StaticManifest = Record<string, string>;

export interface StaticAssets {
  /** The URL path a page puts in <script src>, e.g. /static/upload-check.3f9a1c2b.js. */
  path(name: BrowserEntry): string;
  /** A file by its hashed name, or undefined. */
  get(file: string): Uint8Array | undefined;
}

export const MANIFEST_FILE = 'manifest.json';

export function staticAssetsOf(manifest: StaticManifest, files: Map<string, Uint8Array>): StaticAssets {
  return {
    path: (name) => {
      const file = manifest[name];
      if (!file) throw new Error(`browser asset ${name} was not built`);
      return `/static/${file}`;
    },
    get: (file) => files.get(file),
  };
}

/** The assets built next to a deployed bundle (`/var/task/static`): read once per runtime. */
export function staticAssetsFromDir(dir: string): StaticAssets {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as StaticManifest;
  const files = new Map<string, Uint8Array>();
  for (const file of Object.values(manifest)) files.set(file, readFileSync(join(dir, file)));
  return staticAssetsOf(manifest, files);
}

/** GET /static/<hashed file>: immutable, cached for a year (the name changes with the content). */
export function staticRoutes(assets: () => StaticAssets | undefined) {
  const app = new Hono();
  app.get('/static/:file', (c) => {
    const body = assets()?.get(c.req.param('file'));
    if (!body) return c.text('Tidak ditemukan.', 404);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  return app;
}

#!/usr/bin/env node
// The `lapkin` bin: runs the TypeScript CLI through tsx, so `npx lapkin …` needs no build step. lapkin targets
// Node.js 24: on an older node it re-runs itself under scripts/node24.sh (which fetches Node 24 once).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (Number(process.versions.node.split('.')[0]) < 24) {
  const script = fileURLToPath(new URL('../../scripts/node24.sh', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync('bash', [script, 'node', self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
await import('./main.ts');

/**
 * npm run bench [-- --quick] [--only p1,p3] [--out <dir>]
 * Runs P1–P7 (each in its own process) and writes RESULTS.md and results.json (default: bench/).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL, QUICK, runBench } from './harness.ts';
import { ROOT } from './lib/data.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});

const results = await runBench({
  config: values.quick ? QUICK : FULL,
  outDir: values.out ?? join(ROOT, 'bench'),
  ...(values.only ? { only: values.only.split(',').map((s) => s.trim().toLowerCase()) } : {}),
});
process.exit(results.targets.length > 0 ? 0 : 1);

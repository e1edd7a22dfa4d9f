import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share their worker's module cache: the AWS SDK, hono, pdfkit and ExcelJS are imported once per worker,
    // not once per file (imports took 128 s of the suite's CPU, 18 s shared). Safe because nothing here keeps state
    // in a module: every use case gets its own ports (fakes), every local stack its own dependencies and Powertools.
    isolate: false,
    // Two workers on a 2-core machine (vitest's default would be one): most of the slow files wait on local
    // stacks, child processes and sockets rather than compute, so they overlap well.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default'],
    // Handlers log through Powertools; keep test output readable. Tests that inspect logs set their own level.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', LAPKIN_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});

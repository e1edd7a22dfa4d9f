import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    // Handlers log through Powertools; keep test output readable. Tests that inspect logs set their own level.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', LAPKIN_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});

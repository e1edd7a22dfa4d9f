/**
 * One part of the benchmark in its own process, so its peak RSS and its warm caches are its own:
 *   node --import tsx bench/child.ts <part> '<options JSON>' <result file>
 * Writes { result, process } as JSON to the result file; progress goes to stderr.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

type Part = (opts: never) => Promise<unknown>;

export const PARTS: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6' | 'p7' | 'p8', () => Promise<Part>> = {
  p1: async () => (await import('./parts/p1-sop.ts')).runP1 as Part,
  p2: async () => (await import('./parts/p2-load.ts')).runP2 as Part,
  p3: async () => (await import('./parts/p3-assembly.ts')).runP3Step as Part,
  p4: async () => (await import('./parts/p4-cold-start.ts')).runP4 as Part,
  p5: async () => (await import('./parts/p5-cost.ts')).runP5 as Part,
  p6: async () => (await import('./parts/p6-upload-limits.ts')).runP6 as Part,
  p7: async () => (await import('./parts/p7-browser-check.ts')).runP7 as Part,
  p8: async () => (await import('./parts/p8-portal-pages.ts')).runP8 as Part,
};

const [part = '', optionsJson = '{}', outFile = ''] = process.argv.slice(2);
const load = PARTS[part as keyof typeof PARTS];
if (!load || !outFile) {
  process.stderr.write('usage: bench/child.ts <p1|p2|p3|p4|p5|p6|p7|p8> <options JSON> <result file>\n');
  process.exit(2);
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
try {
  const run = await load();
  const result = await run(JSON.parse(optionsJson) as never);
  const cpu = process.cpuUsage(cpu0);
  writeFileSync(
    outFile,
    JSON.stringify({
      result,
      process: {
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
        wallMs: Math.round(performance.now() - t0),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      },
    }),
  );
  // Stacks and servers may keep handles open for a moment; the result is written, so leave now.
  process.exit(0);
} catch (err) {
  process.stderr.write(`[${part}] failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
}

import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGB: number;
  freeRamGB: number;
  node: string;
  platform: string;
  date: string;
  commit: string;
  /** True when the working tree had uncommitted changes (of anyone) when the bench ran. */
  dirty: boolean;
  /** The 1-minute load average at the start and at the end of the run: others' work on the same cores. */
  loadAverage?: { start: number; end?: number };
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(root: string): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    ramGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeRamGB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short=12', 'HEAD'], root) || 'unknown',
    dirty: git(['status', '--porcelain', '--untracked-files=no'], root) !== '',
    loadAverage: { start: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
  };
}

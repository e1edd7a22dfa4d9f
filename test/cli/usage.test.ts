/**
 * The lapkin command line refuses what it does not understand, plainly: --help on every command, an unknown
 * command or option prints what was wrong and the usage and exits 2 (never a stack trace or a TypeError).
 */
import { describe, expect, it } from 'vitest';
import { lapkin } from './lapkin-run.ts';

const COMMANDS = ['up', 'upload', 'status', 'export', 'demo', 'template', 'check', 'audit', 'retry'];

describe('lapkin usage', () => {
  it("--help works on every command (exit 0, that command's usage)", async () => {
    const runs = await Promise.all(COMMANDS.map((c) => lapkin([c, '--help'])));
    runs.forEach((r, i) => {
      expect(r.code, COMMANDS[i]).toBe(0);
      expect(r.stdout, COMMANDS[i]).toContain(`Usage: lapkin ${COMMANDS[i]}`);
      expect(r.stdout).toContain('--state-dir');
    });
    const top = await lapkin(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(`lapkin ${c}`);
  });

  it('an upload above maxFileMB is refused before it is sent, with its size and the limit', async () => {
    const { mkdtempSync, truncateSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'lapkin-big-')), 'besar.csv');
    writeFileSync(file, '');
    truncateSync(file, 12 * 1024 * 1024);
    const r = await lapkin(['upload', file, '--unit', 'karawaci', '--tahun', '2026', '--periode', 'TW2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/upload refused: Berkas terlalu besar \(12,0 MB\); batas ukuran 10 MB/);
  });

  it('an unknown command prints the usage with what was wrong, exit 2', async () => {
    const r = await lapkin(['statsu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "statsu"');
    expect(r.stderr).toContain('Usage:');
  });

  it.each([
    [['status', '--bogus'], "Unknown option '--bogus'"],
    [['upload', 'x.csv', '--tahun'], "'--tahun <value>' argument missing"],
    [['export', 'karawaci-2026-TW1', '--zip'], "Unknown option '--zip'"],
    [['up', '--prot', '9000'], "Unknown option '--prot'"],
    [['export'], 'Usage: lapkin export'],
    [['status', '--json', '--watch'], '--json and --watch do not go together'],
    [['rollup', '--unit', 'karawaci', '--tahun', '26'], '--tahun must be a four-digit year such as 2026, not "26"'],
    [
      ['rollup', '--unit', 'nowhere', '--tahun', '2026', '--state-dir', '/nonexistent-lapkin'],
      'unit "nowhere" is not in the directory',
    ],
  ])('%j: exit 2 with the reason and no TypeError', async (args, reason) => {
    const r = await lapkin(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).not.toContain('TypeError');
    expect(r.stdout).toBe('');
  });
});

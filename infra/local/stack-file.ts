import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `<stateDir>/stack.json`: which process runs the stack of this state directory and where it listens. Written
 * once every server is up, removed when the stack stops; left behind by a killed process it is stale, which the
 * dead pid shows. The CLI finds the stack of its own checkout here — never by trying a well-known port, where
 * another checkout's stack may be listening.
 */
export interface StackFile {
  pid: number;
  startedAt: string;
  stateDir: string;
  urls: { http: string; mail: string; smtp: string; dynamodb: string; stepFunctions: string };
}

export const stackFilePath = (stateDir: string) => join(stateDir, 'stack.json');

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The stack file, or undefined when there is none or it is unreadable. */
export function readStackFile(stateDir: string): StackFile | undefined {
  const file = stackFilePath(stateDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackFile;
  } catch {
    return undefined;
  }
}

/** The running stack of this state directory, or undefined (none, or a stale file of a dead process). */
export function runningStack(stateDir: string): StackFile | undefined {
  const found = readStackFile(stateDir);
  return found && pidAlive(found.pid) ? found : undefined;
}

/**
 * Like runningStack, and the stack's HTTP server must answer too: after a reboot the recorded pid may belong to
 * an unrelated process, which leaves the file stale all the same.
 */
export async function answeringStack(stateDir: string): Promise<StackFile | undefined> {
  const found = runningStack(stateDir);
  if (!found) return undefined;
  try {
    // A liveness answer that reads nothing: listing reports could take seconds on a busy machine.
    await fetch(`${found.urls.http}/_lokal/hidup`, { signal: AbortSignal.timeout(5000) }).then((r) => r.body?.cancel());
    return found;
  } catch {
    return undefined;
  }
}

export function writeStackFile(stateDir: string, content: StackFile): void {
  writeFileSync(stackFilePath(stateDir), `${JSON.stringify(content, null, 2)}\n`);
}

/** Removes the file only when it is still this stack's (a later stack may have replaced a stale one). */
export function removeStackFile(stateDir: string, mine: Pick<StackFile, 'pid' | 'startedAt'>): void {
  const found = readStackFile(stateDir);
  if (found && found.pid === mine.pid && found.startedAt === mine.startedAt) rmSync(stackFilePath(stateDir));
}

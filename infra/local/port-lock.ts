import { open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One lock per machine (per user's temp dir): every lapkin stack on it chooses and binds its ports under it. */
const LOCK = join(tmpdir(), 'lapkin-local-ports.lock');
/** A stack binds its ports in well under a second; a lock older than this was left by a killed start. */
const STALE_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function staleLock(): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(LOCK, 'utf8'), stat(LOCK)]);
    const [pid] = text.split(' ');
    return !alive(Number(pid)) || Date.now() - info.mtimeMs > STALE_MS;
  } catch {
    return false; // gone in between: just try again
  }
}

/**
 * Waits until no other lapkin stack on this machine is choosing and binding its ports, then holds that right
 * until the returned release is called. Choosing a port ("is it free?") and listening on it are two steps: two
 * checkouts started at the same moment would otherwise both find the configured port free and one would die
 * with EADDRINUSE. Stacks of one process queue in memory first (the file lock is per process).
 */
let queue: Promise<unknown> = Promise.resolve();
export function acquirePortLock(): Promise<() => Promise<void>> {
  const acquired = queue.then(async () => {
    await lockFile();
    let done!: () => void;
    const released = new Promise<void>((r) => {
      done = r;
    });
    let held = true;
    // Idempotent: a second call must not remove a lock another stack has taken since.
    const release = async () => {
      if (!held) return;
      held = false;
      await rm(LOCK, { force: true });
      done();
    };
    return { released, release };
  });
  queue = acquired.then(
    (a) => a.released,
    () => undefined,
  );
  return acquired.then((a) => a.release);
}

async function lockFile(): Promise<void> {
  const deadline = Date.now() + 2 * STALE_MS;
  for (;;) {
    try {
      const handle = await open(LOCK, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}`);
      await handle.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await staleLock()) await rm(LOCK, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`another lapkin stack holds ${LOCK}; remove it if none is starting`);
      else await new Promise((r) => setTimeout(r, 50));
    }
  }
}

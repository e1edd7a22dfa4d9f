/**
 * moto_server (Python moto 5) as an independent AWS emulator for the contract tests: one server per test file on a
 * free port, stopped afterwards. Absent is a failure, never a skip — CI installs it (.ci/ensure-aws-oracles.sh).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../infra/local/free-port.ts';
import { acquirePortLock } from '../../infra/local/port-lock.ts';

export const MOTO_PREREQUISITE =
  'moto_server is not on PATH: the AWS contract tests need it — run pip install "moto[server]" cfn-lint';

/** Fake credentials: moto accepts any; the region is the deployment's. */
export const MOTO_CLIENT = {
  region: 'ap-southeast-3',
  credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' },
};

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error(MOTO_PREREQUISITE) : err),
    );
    child.once('spawn', () => resolve());
  });
}

/** `command` is only for the test that proves an absent moto_server fails with the way to install it. */
export async function startMoto(command = 'moto_server'): Promise<Moto> {
  // Chosen and bound under the machine-wide lock local stacks choose their ports under: moto takes a second or
  // two to listen, and a stack in the other test process must not pick the same port in that window.
  const release = await acquirePortLock();
  try {
    return await startMotoOn(await freePort(), command);
  } finally {
    await release();
  }
}

async function startMotoOn(port: number, command: string): Promise<Moto> {
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  await started(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint} within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

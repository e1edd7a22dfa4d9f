/**
 * The bench's scripted people decide through the real HTTP endpoint as links are mailed. A decision still in
 * flight when a run's stack stops (P2 at 500 reports ends at its deadline) must not crash the bench process:
 * it is recorded as a request that got no answer, and the run's results are still written.
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { StackProbe } from '../../bench/lib/instrument.ts';
import { ScriptedPeople } from '../../bench/lib/sop.ts';
import { waitFor } from '../fakes/wait-for.ts';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('ScriptedPeople', () => {
  it('a decision posted to a stack that has stopped is recorded unanswered, without an unhandled rejection', async () => {
    const probe = new EventEmitter() as unknown as StackProbe;
    const people = new ScriptedPeople(probe);
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', onUnhandled);
    try {
      const port = await closedPort();
      (probe as unknown as EventEmitter).emit('decisionReady', {
        link: `http://127.0.0.1:${port}/keputusan/x?e=1&s=y`,
      });
      await waitFor(async () => people.http.length === 1, 10_000);
      await new Promise((r) => setTimeout(r, 50));
      expect(people.http[0]).toMatchObject({ method: 'POST', status: 0 });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

import { setImmediate as nextTurn } from 'node:timers/promises';

/** Rows handled between two turns of the event loop. */
const ROWS_PER_TURN = 1_000;

/**
 * Lets the event loop run every ROWS_PER_TURN rows. The assemble function shares its process with nothing, but
 * the local stack runs every handler and its console in one process: a 20 000-row upload must not stop it from
 * answering for seconds. Call with the running row count.
 */
export async function breathe(count: number): Promise<void> {
  if (count % ROWS_PER_TURN === 0) await nextTurn();
}

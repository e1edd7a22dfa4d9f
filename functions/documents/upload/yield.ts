/** Rows handled between two turns of the event loop. */
const ROWS_PER_TURN = 1_000;

type Schedule = (run: () => void) => void;
/**
 * One turn of the event loop: setImmediate in Node; in a browser (the page's Web Worker) a MessageChannel
 * message, which, unlike setTimeout, is not clamped to 4 ms when nested.
 */
const schedule: Schedule = (() => {
  const immediate = (globalThis as { setImmediate?: Schedule }).setImmediate;
  if (immediate) return (run) => immediate(run);
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    // The browser's MessagePort (Node's, typed as an EventEmitter, is never used: Node has setImmediate).
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
    return (run) => {
      waiting.push(run);
      channel.port2.postMessage(null);
    };
  }
  return (run) => setTimeout(run, 0);
})();

/** Lets the event loop run once. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}

/**
 * Lets the event loop run every ROWS_PER_TURN rows. The assemble function shares its process with nothing, but
 * the local stack runs every handler and its console in one process: a 20 000-row upload must not stop it from
 * answering for seconds; in the browser the worker stays able to answer the page. Call with the running row count.
 */
export async function breathe(count: number): Promise<void> {
  if (count % ROWS_PER_TURN === 0) await nextTurn();
}

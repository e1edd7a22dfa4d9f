import { createServer } from 'node:net';

/** Ports below Linux's ephemeral range (32768–60999 by default), which outgoing connections never take. */
const LOW = 20_000;
const HIGH = 32_767;

function tryPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const { port: bound } = srv.address() as { port: number };
      srv.close(() => resolve(bound));
    });
  });
}

/** Whether nothing listens on this port of 127.0.0.1 right now. */
export async function isPortFree(port: number): Promise<boolean> {
  return (await tryPort(port)) !== undefined;
}

/**
 * A free TCP port on 127.0.0.1 for a server that listens on it a moment later. Chosen below the ephemeral range:
 * a port the kernel handed out (listen on 0) can be taken in between by an outgoing connection's local end —
 * the local stack keeps many client sockets open — and the server then fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await tryPort(LOW + Math.floor(Math.random() * (HIGH - LOW + 1)));
    if (port) return port;
  }
  const any = await tryPort(0);
  if (!any) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

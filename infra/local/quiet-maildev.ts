/**
 * The one process-global the local stack still touches, scoped and documented: MailDev's API server
 * (@maildev/api 3) prints "MailDev API running at …" with console.info unconditionally — its `silent` option does
 * not reach it. While a MailDev starts, console.info drops that one line and passes every other line on; the
 * original is back as soon as no MailDev is starting (counted, so stacks starting at once restore it correctly).
 */
let starting = 0;
let original: typeof console.info | undefined;

export async function quietMailDevStart<T>(start: () => Promise<T>): Promise<T> {
  if (starting++ === 0) {
    original = console.info;
    const pass = original;
    console.info = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('MailDev API running')) return;
      pass.apply(console, args);
    };
  }
  try {
    return await start();
  } finally {
    if (--starting === 0 && original) {
      console.info = original;
      original = undefined;
    }
  }
}

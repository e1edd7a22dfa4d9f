import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * zod/mini, not the full zod: the same checks and messages at a fraction of the bundle every Lambda loads at cold
 * start. Mini ships no default locale, so English is set here, once for the process; every module with a schema
 * imports this one. (Schemas import `* as z from 'zod/mini'` themselves: re-exporting the namespace from here
 * would keep all of zod in every bundle, and the locale comes from its own file for the same reason.)
 */
z.config(en());

/**
 * Parses a handler's event, throwing on a mismatch as full zod did: mini names its error `$ZodError`, but the name
 * is the errorType Lambda reports and RecordFailure keeps on a GAGAL report, so it stays `ZodError`.
 */
export function parseEvent<T extends z.core.$ZodType>(schema: T, event: unknown): z.output<T> {
  try {
    return z.parse(schema, event);
  } catch (err) {
    if (err instanceof Error && err.name === '$ZodError') err.name = 'ZodError';
    throw err;
  }
}

import type { ParseArgsConfig } from 'node:util';

/** The options of `lapkin people` (a module of its own: main.ts runs on import, tests parse with these too). */
export const PEOPLE_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  unit: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  nip: { type: 'string' },
  email: { type: 'string' },
  title: { type: 'string' },
  by: { type: 'string' },
  table: { type: 'string' },
  json: { type: 'boolean' },
};

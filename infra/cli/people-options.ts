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

/** The options of `lapkin delegate` (Plh / Plt). */
export const DELEGATE_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  unit: { type: 'string' },
  role: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  until: { type: 'string' },
  kind: { type: 'string' },
  reason: { type: 'string' },
  by: { type: 'string' },
  id: { type: 'string' },
  all: { type: 'boolean' },
  table: { type: 'string' },
  json: { type: 'boolean' },
};

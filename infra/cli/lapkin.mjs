#!/usr/bin/env node
// The `lapkin` bin: runs the TypeScript CLI through tsx, so `npx lapkin …` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');

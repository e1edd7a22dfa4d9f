import type { StateEntry } from './sop.ts';

/**
 * The SOP's steps as spans of one report's state timeline: from the upload (or a state entered) to the next
 * state entered. A human step (verify, ratify) includes the decision request, its mail and the scripted
 * person's POST over HTTP.
 */
export const SOP_STEP_SPANS = [
  { step: 'intake', from: 'upload', to: 'Assemble' },
  { step: 'assemble', from: 'Assemble', to: 'IsDataValid' },
  { step: 'verify', from: 'Verify', to: 'IsVerified' },
  { step: 'ratify', from: 'Ratify', to: 'IsRatified' },
  { step: 'archive', from: 'Archive', to: 'Documented' },
] as const;
export type SopStepName = (typeof SOP_STEP_SPANS)[number]['step'];

/** Milliseconds of each step the report went through (its first pass), from its upload time and timeline. */
export function stepDurations(uploadAt: number, timeline: readonly StateEntry[]): Partial<Record<SopStepName, number>> {
  const out: Partial<Record<SopStepName, number>> = {};
  for (const span of SOP_STEP_SPANS) {
    const start = span.from === 'upload' ? uploadAt : timeline.find((e) => e.state === span.from)?.at;
    if (start === undefined) continue;
    const end = timeline.find((e) => e.state === span.to && e.at >= start)?.at;
    if (end !== undefined) out[span.step] = end - start;
  }
  return out;
}

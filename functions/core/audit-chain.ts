import { createHash } from 'node:crypto';
import type { AuditAction, AuditEvent, DocumentRef } from './report.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON (sorted keys) so the hash does not depend on attribute order in the database. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Each event hashes its content together with the previous event's hash: altering one breaks the chain after it. */
export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonical(event)).digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The events after which the chain head is checkpointed outside the table (under Object Lock): every decision
 * (paraf, signature, or its withdrawal) and the documentation. A rewrite of the trail up to any of them can no
 * longer be hidden by recomputing the hashes in the table.
 */
export const CHECKPOINTED_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'KEPUTUSAN',
  'KEPUTUSAN_TIDAK_BERLAKU',
  'TERDOKUMENTASI',
]);

export const CHECKPOINT_PREFIX = 'audit/';
export const CHECKPOINT_FORMAT = 'lapkin-audit-checkpoint/1';

export function checkpointPrefix(reportId: string): string {
  return `${CHECKPOINT_PREFIX}${reportId}/`;
}

/** One key per (report, event number): a repeated checkpoint of the same event lands on the same key. */
export function checkpointKey(reportId: string, seq: number): string {
  return `${checkpointPrefix(reportId)}${String(seq).padStart(8, '0')}.json`;
}

/**
 * What a checkpoint holds: the hash of every event from the first to `seq`. Its content follows from the trail
 * alone (no write time), so two writers of the same checkpoint write the same bytes, and the verifier can name
 * the first event that no longer matches.
 */
export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  reportId: string;
  seq: number;
  action: AuditAction;
  at: string;
  /** The hash of event `seq`: the chain head at that moment. */
  head: string;
  /** hashes[i] is the hash of event i + 1. */
  hashes: string[];
}

/** The checkpoint of `events` (all events 1..n of one report, in order) at its last event. */
export function checkpointOf(events: readonly AuditEvent[]): AuditCheckpoint {
  const head = events.at(-1);
  if (!head || events.some((e, i) => e.seq !== i + 1)) throw new Error('a checkpoint needs events 1..n in order');
  return {
    format: CHECKPOINT_FORMAT,
    reportId: head.reportId,
    seq: head.seq,
    action: head.action,
    at: head.at,
    head: head.hash,
    hashes: events.map((e) => e.hash),
  };
}

/** Every stored object an event names: its document and any document reference inside its detail. */
export function documentRefsOf(event: AuditEvent): DocumentRef[] {
  const refs: DocumentRef[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 4) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.key === 'string' && typeof o.versionId === 'string') {
      refs.push({ key: o.key, versionId: o.versionId, ...(typeof o.sha256 === 'string' ? { sha256: o.sha256 } : {}) });
      return;
    }
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  visit(event.document, 0);
  visit(event.detail, 0);
  return refs;
}

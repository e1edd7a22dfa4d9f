import {
  type AuditCheckpoint,
  CHECKPOINT_FORMAT,
  checkpointKey,
  checkpointOf,
  checkpointPrefix,
} from '../core/audit-chain.ts';
import type { AuditEvent } from '../core/report.ts';
import type { Clock } from '../ports/clock.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { ReportRepository } from '../ports/report-repository.ts';

/** One stored version of a checkpoint, as the verifier reads it. */
export interface StoredCheckpoint {
  key: string;
  versionId: string;
  /** Undefined when the object is not a well-formed checkpoint of this key (then `problem` says why). */
  checkpoint?: AuditCheckpoint;
  problem?: string;
  /** The exact bytes, so that two versions of one key can be compared. */
  raw: string;
}

/**
 * The anchor of the audit chain outside the table: the head of a report's trail, written under `audit/` with the
 * same Object Lock retention as the archive. Someone who can write the table but not bypass Object Lock can no
 * longer rewrite the trail up to a checkpoint, even with every later hash recomputed.
 *
 * Keys are deterministic per event number and the content follows from the trail alone, so a repeated or
 * concurrent checkpoint of the same event writes the same bytes (at worst a second identical version).
 */
export class AuditCheckpoints {
  constructor(
    /** A getter: the store is built on first use by the functions that never touch the bucket otherwise. */
    private readonly store: () => DocumentStore,
    private readonly repo: ReportRepository,
    private readonly clock: Clock,
    private readonly retentionYears: number,
  ) {}

  /**
   * Writes the checkpoint of `head` (which must be stored already, with every event before it). With
   * `fresh: true` the caller has just written that event, so nobody can have checkpointed it yet and the lookup
   * is skipped; otherwise an existing checkpoint is left as it is.
   */
  async anchor(head: AuditEvent, opts: { fresh?: boolean } = {}): Promise<void> {
    const store = this.store();
    const key = checkpointKey(head.reportId, head.seq);
    if (!opts.fresh && (await store.listVersions(key)).length > 0) return;
    const earlier = (await this.repo.events(head.reportId))
      .filter((e) => e.seq < head.seq)
      .sort((a, b) => a.seq - b.seq);
    const checkpoint = checkpointOf([...earlier, head]);
    const retainUntil = new Date(this.clock.now());
    retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + this.retentionYears);
    await store.put({
      key,
      body: new TextEncoder().encode(JSON.stringify(checkpoint)),
      contentType: 'application/json',
      metadata: { 'report-id': head.reportId, seq: String(head.seq) },
      retainUntil: retainUntil.toISOString(),
    });
  }
}

/** Every version of every checkpoint of a report, oldest version of each key first. */
export async function readCheckpoints(store: DocumentStore, reportId: string): Promise<StoredCheckpoint[]> {
  const out: StoredCheckpoint[] = [];
  for (const key of await store.listKeys(checkpointPrefix(reportId))) {
    const versions = (await store.listVersions(key)).reverse();
    for (const v of versions) {
      const raw = new TextDecoder().decode((await store.get(key, v.versionId)).body);
      out.push({ key, versionId: v.versionId, raw, ...parseCheckpoint(raw, reportId, key) });
    }
  }
  return out;
}

function parseCheckpoint(
  raw: string,
  reportId: string,
  key: string,
): { checkpoint?: AuditCheckpoint; problem?: string } {
  let value: Partial<AuditCheckpoint>;
  try {
    value = JSON.parse(raw) as Partial<AuditCheckpoint>;
  } catch {
    return { problem: 'is not JSON' };
  }
  const seq = value.seq;
  if (value.format !== CHECKPOINT_FORMAT) return { problem: `is not a ${CHECKPOINT_FORMAT} document` };
  if (value.reportId !== reportId || typeof seq !== 'number' || checkpointKey(reportId, seq) !== key)
    return { problem: 'names another report or event than its key' };
  const hashes = value.hashes;
  if (
    !Array.isArray(hashes) ||
    hashes.length !== seq ||
    !hashes.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) ||
    hashes[seq - 1] !== value.head
  )
    return { problem: 'does not hold the hash of every event up to its head' };
  return { checkpoint: value as AuditCheckpoint };
}

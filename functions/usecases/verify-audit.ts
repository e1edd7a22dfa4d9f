import { CHECKPOINTED_ACTIONS, checkpointKey, documentRefsOf, hashEvent } from '../core/audit-chain.ts';
import { DocumentNotFoundError } from '../core/errors.ts';
import type { AuditEvent, DocumentRef, Report } from '../core/report.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { ReportRepository } from '../ports/report-repository.ts';
import { readCheckpoints, type StoredCheckpoint } from './audit-checkpoints.ts';

export type AuditFindingKind =
  | 'REPORT_MISSING'
  | 'EVENT_MISSING'
  | 'EVENT_ALTERED'
  | 'CHAIN_BROKEN'
  | 'HEAD_MISMATCH'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_MISSING'
  | 'CHECKPOINT_CONFLICT'
  | 'CHECKPOINT_INVALID'
  | 'DOCUMENT_MISSING'
  | 'DOCUMENT_ALTERED'
  | 'DOCUMENT_UNHASHED'
  | 'DOCUMENT_UNTRACKED';

export interface AuditFinding {
  kind: AuditFindingKind;
  seq?: number;
  document?: { key: string; versionId: string };
  detail: string;
}

export interface AuditVerdict {
  reportId: string;
  ok: boolean;
  events: number;
  documents: number;
  /** Checkpoint objects (under audit/, Object Lock) read and compared with the trail. */
  checkpoints?: number;
  findings: AuditFinding[];
}

/**
 * Re-checks a report's tamper evidence:
 * - the trail in the table: every event's own hash, the chain of previous-event hashes, the report's head;
 * - the anchor outside the table: every checkpoint under audit/<reportId>/ (all versions) must still be produced
 *   by the trail at its position, and every decision and the documentation must have its checkpoint. A rewrite
 *   of the table alone, even with every later hash and the head recomputed, is named at its first event;
 * - every object the trail or the report names (uploads, data and diff JSON, PDFs, XLSX, archive copies,
 *   disposition sheet): its stored bytes against each SHA-256 recorded for it.
 * Each finding says exactly which event (by number), checkpoint or document version is altered or missing.
 */
export async function verifyAudit(
  deps: { repo: ReportRepository; store: DocumentStore },
  reportId: string,
): Promise<AuditVerdict> {
  const findings: AuditFinding[] = [];
  const report = await deps.repo.get(reportId);
  if (!report) {
    return {
      reportId,
      ok: false,
      events: 0,
      documents: 0,
      findings: [{ kind: 'REPORT_MISSING', detail: `no report ${reportId}` }],
    };
  }
  const events = (await deps.repo.events(reportId)).sort((a, b) => a.seq - b.seq);
  findings.push(...checkChain(report, events));

  const checkpoints = await readCheckpoints(deps.store, reportId);
  findings.push(...checkCheckpoints(reportId, events, checkpoints));

  const documents = recordedDocuments(report, events);
  findings.push(...(await checkDocuments(deps.store, documents)));
  return {
    reportId,
    ok: findings.length === 0,
    events: events.length,
    documents: documents.size,
    checkpoints: checkpoints.length,
    findings,
  };
}

function describe(e: AuditEvent): string {
  const who = e.actor.role === 'SISTEM' ? '' : ` by ${e.actor.role}`;
  return `event ${e.seq} (${e.action}${who}, ${e.at})`;
}

function checkChain(report: Report, events: AuditEvent[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  let previous: AuditEvent | undefined;
  for (const event of events) {
    const expected = (previous?.seq ?? 0) + 1;
    for (let missing = expected; missing < event.seq; missing++) {
      findings.push({ kind: 'EVENT_MISSING', seq: missing, detail: `event ${missing} is missing` });
    }
    const { hash, ...body } = event;
    if (hashEvent(body) !== hash) {
      findings.push({
        kind: 'EVENT_ALTERED',
        seq: event.seq,
        detail: `event ${event.seq} (${event.action}) does not match its own hash`,
      });
    }
    if (previous && event.prevHash !== previous.hash) {
      findings.push({
        kind: 'CHAIN_BROKEN',
        seq: event.seq,
        detail: `event ${event.seq} does not point at event ${previous.seq}`,
      });
    }
    previous = event;
  }
  if (previous && (report.eventSeq !== previous.seq || report.lastEventHash !== previous.hash)) {
    findings.push({
      kind: 'HEAD_MISMATCH',
      seq: report.eventSeq,
      detail: `the report's head (event ${report.eventSeq}) is not the last stored event (${previous.seq})`,
    });
  }
  return findings;
}

/**
 * The trail must still produce every checkpointed head at its position. The first event whose stored hash
 * differs from the checkpoint's (or that is gone) is where the table was rewritten; one finding per such event,
 * naming the earliest checkpoint that shows it.
 */
function checkCheckpoints(reportId: string, events: AuditEvent[], stored: StoredCheckpoint[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  const diverging = new Map<number, { key: string; versionId: string; seq: number; count: number }>();
  const firstOfKey = new Map<string, StoredCheckpoint>();
  for (const cp of stored) {
    const document = { key: cp.key, versionId: cp.versionId };
    const first = firstOfKey.get(cp.key);
    if (!first) firstOfKey.set(cp.key, cp);
    else if (first.raw !== cp.raw) {
      findings.push({
        kind: 'CHECKPOINT_CONFLICT',
        seq: first.checkpoint?.seq ?? cp.checkpoint?.seq,
        document,
        detail: `${cp.key} has a later version (${cp.versionId}) that differs from the first (${first.versionId})`,
      });
    }
    if (!cp.checkpoint) {
      findings.push({
        kind: 'CHECKPOINT_INVALID',
        document,
        detail: `${cp.key} (version ${cp.versionId}) ${cp.problem}`,
      });
      continue;
    }
    const { hashes, seq } = cp.checkpoint;
    const at = hashes.findIndex((h, i) => bySeq.get(i + 1)?.hash !== h);
    if (at < 0) continue;
    const known = diverging.get(at + 1);
    if (!known) diverging.set(at + 1, { ...document, seq, count: 1 });
    else {
      known.count++;
      if (seq < known.seq) Object.assign(known, { ...document, seq });
    }
  }
  for (const [seq, cp] of [...diverging.entries()].sort(([a], [b]) => a - b)) {
    const event = bySeq.get(seq);
    const others = cp.count > 1 ? ` (and ${cp.count - 1} later checkpoint(s))` : '';
    findings.push({
      kind: 'CHECKPOINT_MISMATCH',
      seq,
      document: { key: cp.key, versionId: cp.versionId },
      detail: event
        ? `${describe(event)} is not the event checkpointed in ${cp.key}${others}: the trail was rewritten from here`
        : `event ${seq} is gone from the trail, but checkpointed in ${cp.key}${others}`,
    });
  }
  for (const e of events) {
    if (!CHECKPOINTED_ACTIONS.has(e.action)) continue;
    const key = checkpointKey(reportId, e.seq);
    if (firstOfKey.has(key)) continue;
    findings.push({ kind: 'CHECKPOINT_MISSING', seq: e.seq, detail: `${describe(e)} has no checkpoint ${key}` });
  }
  return findings;
}

interface Recorded {
  key: string;
  versionId: string;
  /** Each SHA-256 recorded for this version, with where (first) it was recorded. */
  hashes: Map<string, string>;
  /** Where it was first named. */
  where: string;
  inTrail: boolean;
}

/** Every document version the trail or the report names, once each, with each SHA-256 recorded for it. */
function recordedDocuments(report: Report, events: AuditEvent[]): Map<string, Recorded> {
  const documents = new Map<string, Recorded>();
  const add = (d: DocumentRef | undefined, where: string, inTrail: boolean) => {
    if (!d?.key || !d.versionId) return;
    const id = `${d.key}@${d.versionId}`;
    let r = documents.get(id);
    if (!r) {
      r = { key: d.key, versionId: d.versionId, hashes: new Map(), where, inTrail };
      documents.set(id, r);
    }
    r.inTrail ||= inTrail;
    if (d.sha256 && !r.hashes.has(d.sha256)) r.hashes.set(d.sha256, where);
  };
  for (const e of events) for (const d of documentRefsOf(e)) add(d, `event ${e.seq}`, true);
  const refs: [string, DocumentRef | undefined][] = [
    ['source', report.source],
    ['reportPdf', report.reportPdf],
    ['reportXlsx', report.reportXlsx],
    ['reportData', report.reportData],
    ['revisionDiff', report.revisionDiff],
    ['problemsXlsx', report.problemsXlsx],
    ...Object.entries(report.archive ?? {}).map(([k, d]): [string, DocumentRef] => [`archive.${k}`, d]),
  ];
  for (const [field, d] of refs) add(d, `the report's ${field}`, false);
  return documents;
}

async function checkDocuments(store: DocumentStore, documents: Map<string, Recorded>): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  for (const d of documents.values()) {
    const document = { key: d.key, versionId: d.versionId };
    const name = `${d.key} (version ${d.versionId})`;
    if (!d.inTrail) {
      // The report record is not hash-chained: a pointer that no event vouches for may have been swapped.
      findings.push({
        kind: 'DOCUMENT_UNTRACKED',
        document,
        detail: `${name}, named by ${d.where}, is in no audit event`,
      });
    }
    let actual: string;
    try {
      actual = await store.sha256(d.key, d.versionId);
    } catch (err) {
      if (!(err instanceof DocumentNotFoundError)) throw err;
      findings.push({ kind: 'DOCUMENT_MISSING', document, detail: `${name} is missing` });
      continue;
    }
    if (d.hashes.size === 0) {
      findings.push({
        kind: 'DOCUMENT_UNHASHED',
        document,
        detail: `${name}, named by ${d.where}, has no recorded SHA-256 and cannot be checked`,
      });
    }
    for (const [recorded, where] of d.hashes) {
      if (recorded === actual) continue;
      findings.push({
        kind: 'DOCUMENT_ALTERED',
        document,
        detail: `${name} has SHA-256 ${actual}, ${where} recorded ${recorded}`,
      });
    }
  }
  return findings;
}

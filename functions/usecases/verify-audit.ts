import { hashEvent, sha256Hex } from '../core/audit-chain.ts';
import { DocumentNotFoundError } from '../core/errors.ts';
import type { AuditEvent, DocumentRef } from '../core/report.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { ReportRepository } from '../ports/report-repository.ts';

export type AuditFindingKind =
  | 'REPORT_MISSING'
  | 'EVENT_MISSING'
  | 'EVENT_ALTERED'
  | 'CHAIN_BROKEN'
  | 'HEAD_MISMATCH'
  | 'DOCUMENT_MISSING'
  | 'DOCUMENT_ALTERED';

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
  findings: AuditFinding[];
}

/**
 * Re-checks a report's tamper evidence: every audit event's own hash, the chain of previous-event hashes from
 * the first event to the report's head, and the SHA-256 of every stored document the trail or the archive names.
 * Each finding says exactly which event (by number) or which document version was altered or is missing.
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

  // Every document version the trail or the archive names with a SHA-256, once each.
  const documents = new Map<string, DocumentRef>();
  const add = (d: DocumentRef | undefined) => {
    if (d?.sha256) documents.set(`${d.key}@${d.versionId}`, d);
  };
  for (const e of events) add(e.document);
  for (const d of Object.values(report.archive ?? {})) add(d);
  add(report.reportPdf);
  add(report.reportXlsx);
  for (const d of documents.values()) {
    try {
      const stored = await deps.store.get(d.key, d.versionId);
      const actual = sha256Hex(stored.body);
      if (actual !== d.sha256) {
        findings.push({
          kind: 'DOCUMENT_ALTERED',
          document: { key: d.key, versionId: d.versionId },
          detail: `${d.key} (version ${d.versionId}) has SHA-256 ${actual}, recorded ${d.sha256}`,
        });
      }
    } catch (err) {
      if (!(err instanceof DocumentNotFoundError)) throw err;
      findings.push({
        kind: 'DOCUMENT_MISSING',
        document: { key: d.key, versionId: d.versionId },
        detail: `${d.key} (version ${d.versionId}) is missing`,
      });
    }
  }
  return { reportId, ok: findings.length === 0, events: events.length, documents: documents.size, findings };
}

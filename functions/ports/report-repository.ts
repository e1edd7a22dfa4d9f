import type { AuditEvent, Decision, DecisionState, Report } from '../core/report.ts';
import type { VerificationRecord } from '../core/verification-code.ts';

/**
 * State, audit trail and pending decisions of reports. Deliberately low-level: every method is one single-item
 * conditional write or a read, so DynamoDB and dynalite (no transactions) behave the same. The rules of a
 * transition (expected statuses, hash chain, retries) live once, in usecases/report-ledger.ts.
 */
export interface ReportRepository {
  get(reportId: string): Promise<Report | undefined>;
  /** Creates the report with its first event; false when the report already exists. */
  create(report: Report, event: AuditEvent): Promise<boolean>;
  /**
   * Replaces the report when its stored version is still `expectedVersion`, then stores `event`.
   * Throws StaleVersionError when another writer got there first.
   */
  replace(report: Report, expectedVersion: number, event: AuditEvent): Promise<void>;
  /** Stores an event if its (reportId, seq) is not stored yet; repairs a write cut off between report and event. */
  putEventIfAbsent(event: AuditEvent): Promise<void>;
  events(reportId: string): Promise<AuditEvent[]>;
  /**
   * Every report of one unit, from an index partitioned by unit: eventually consistent on AWS (a GSI cannot be
   * read consistently), so an item may be missing or an older copy. Show it as is; before acting on one, read it
   * again with get(). All units: usecases/unit-reports.ts walks the directory.
   */
  list(unit: string): Promise<Report[]>;

  getDecision(decisionId: string): Promise<Decision | undefined>;
  /** Creates the decision, or returns the stored one unchanged. */
  putDecisionIfAbsent(decision: Decision): Promise<{ created: boolean; decision: Decision }>;
  /**
   * Conditional update of a decision: applies `patch` only when the stored state is `expectedState` (and, when
   * given, its assignee still has the NIP `expectAssigneeNip`: a re-addressing never overwrites another one).
   * Throws DecisionAlreadyTakenError otherwise.
   */
  updateDecision(
    decisionId: string,
    expectedState: DecisionState,
    patch: Partial<Decision>,
    expectAssigneeNip?: string,
  ): Promise<Decision>;
  /**
   * PENDING decisions of one unit (or of one report of it), from the same eventually consistent index partitioned
   * by unit: read one again with getDecision() to act on it.
   */
  pendingDecisions(unit: string, reportId?: string): Promise<Decision[]>;

  /**
   * The verification code of one revision of a report, made once: if (reportId, revision) already holds a code,
   * that record is returned and `candidate` is dropped; otherwise `candidate` becomes it — its lookup item by code
   * written first (conditional: a code already taken by anything throws VerificationCodeTakenError, draw another),
   * then the claim of the revision (conditional: when a concurrent run claimed it first, that claim wins and the
   * lookup just written no longer resolves).
   */
  claimVerificationCode(candidate: VerificationRecord): Promise<VerificationRecord>;
  /** The record of a code, only while it is the claimed code of its revision; undefined otherwise. */
  getVerification(code: string): Promise<VerificationRecord | undefined>;
}

/** A fresh verification code collided with one already stored (2^-60 per pair): the caller draws another. */
export class VerificationCodeTakenError extends Error {
  override name = 'VerificationCodeTakenError';
}

/** Optimistic concurrency lost; the ledger re-reads and tries again. */
export class StaleVersionError extends Error {
  override name = 'StaleVersionError';
}

import { CHECKPOINTED_ACTIONS, GENESIS_HASH, hashEvent } from '../core/audit-chain.ts';
import { ReportNotFoundError, TransitionConflictError } from '../core/errors.ts';
import type { AuditEvent, Report, ReportStatus } from '../core/report.ts';
import type { Clock } from '../ports/clock.ts';
import { type ReportRepository, StaleVersionError } from '../ports/report-repository.ts';
import type { AuditCheckpoints } from './audit-checkpoints.ts';

/** What happened; the ledger adds the place in the chain and the report's state at that moment. */
export type NewEvent = Omit<
  AuditEvent,
  'reportId' | 'seq' | 'prevHash' | 'hash' | 'status' | 'step' | 'revision' | 'at'
>;

export interface Transition {
  reportId: string;
  /** The change only happens from one of these statuses; otherwise TransitionConflictError. */
  from: readonly ReportStatus[];
  set: Partial<Omit<Report, 'reportId' | 'version' | 'eventSeq' | 'lastEventHash' | 'createdAt'>>;
  remove?: readonly (keyof Report)[];
  event: NewEvent;
  /** A further precondition checked on every (re-)read, e.g. "this reminder is not claimed yet". */
  when?: (current: Report) => boolean;
}

const MAX_ATTEMPTS = 8;

/**
 * Every change of a report goes through here: read, check the expected status, chain the audit event to the
 * previous one, write conditionally on the version read, and on a lost race read again. Concurrent writers (a
 * decision landing while a reminder is recorded) therefore never lose an event or overwrite each other.
 * After a decision or the documentation the chain head is checkpointed outside the table (see AuditCheckpoints).
 */
export class ReportLedger {
  constructor(
    private readonly repo: ReportRepository,
    private readonly clock: Clock,
    private readonly checkpoints?: AuditCheckpoints,
  ) {}

  /**
   * Makes sure the head event of `report` is checkpointed if it should be; throws when that fails. For a step
   * that can be retried (the archive), so that a checkpoint cut off after its event is written on the retry.
   */
  async ensureAnchored(report: Report): Promise<void> {
    if (this.checkpoints && report.lastEvent && CHECKPOINTED_ACTIONS.has(report.lastEvent.action))
      await this.checkpoints.anchor(report.lastEvent);
  }

  /**
   * Best effort: the event is already a recorded fact, and a failed checkpoint must not turn it into an error
   * (the caller would retry a decision that is already taken). A checkpoint cut off here is written by the next
   * write of this report (below, before it moves the head on), or by ensureAnchored; until then `lapkin audit`
   * reports it missing.
   */
  private async anchor(event: AuditEvent, fresh: boolean): Promise<void> {
    if (!this.checkpoints || !CHECKPOINTED_ACTIONS.has(event.action)) return;
    await this.checkpoints.anchor(event, { fresh }).catch(() => undefined);
  }

  async create(report: Omit<Report, 'version' | 'eventSeq' | 'lastEventHash'>, event: NewEvent): Promise<boolean> {
    const full: Report = { ...report, version: 1, eventSeq: 1, lastEventHash: GENESIS_HASH };
    const chained = this.chain(full, 1, GENESIS_HASH, event);
    full.lastEventHash = chained.hash;
    full.lastEvent = chained;
    const created = await this.repo.create(full, chained);
    if (created) await this.anchor(chained, true);
    return created;
  }

  async transition(t: Transition): Promise<Report> {
    return this.write(t.reportId, (current) => {
      if (!t.from.includes(current.status) || (t.when && !t.when(current))) {
        throw new TransitionConflictError(
          `report ${t.reportId} is ${current.status}, expected one of ${t.from.join(', ')}`,
        );
      }
      const next: Report = { ...current, ...t.set };
      for (const key of t.remove ?? []) delete next[key];
      return { next, event: t.event };
    });
  }

  /** An event without a status change (optionally with bookkeeping fields); never conflicts on status. */
  async record(reportId: string, event: NewEvent, set: Transition['set'] = {}): Promise<Report> {
    return this.write(reportId, (current) => ({ next: { ...current, ...set, status: current.status }, event }));
  }

  private async write(
    reportId: string,
    change: (current: Report) => { next: Report; event: NewEvent },
  ): Promise<Report> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.repo.get(reportId);
      if (!current) throw new ReportNotFoundError(`report ${reportId} not found`);
      if (current.lastEvent) {
        await this.repo.putEventIfAbsent(current.lastEvent);
        await this.anchor(current.lastEvent, false);
      }
      const { next, event } = change(current);
      const seq = current.eventSeq + 1;
      const chained = this.chain(next, seq, current.lastEventHash, event);
      next.version = current.version + 1;
      next.eventSeq = seq;
      next.lastEventHash = chained.hash;
      next.updatedAt = chained.at;
      next.lastEvent = chained;
      try {
        await this.repo.replace(next, current.version, chained);
        await this.anchor(chained, true);
        return next;
      } catch (err) {
        if (!(err instanceof StaleVersionError) || attempt >= MAX_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }

  private chain(report: Report, seq: number, prevHash: string, event: NewEvent): AuditEvent {
    const body: Omit<AuditEvent, 'hash'> = {
      ...event,
      reportId: report.reportId,
      seq,
      at: this.clock.now().toISOString(),
      status: report.status,
      step: report.step,
      revision: report.revision,
      prevHash,
    };
    return { ...body, hash: hashEvent(body) };
  }
}

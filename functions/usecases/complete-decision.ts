import { DECISION_STEP } from '../core/decision-steps.ts';
import { TaskGoneError, TransientError, TransitionConflictError } from '../core/errors.ts';
import { type AuditEvent, type Decision, type Report, STATUSES } from '../core/report.ts';
import type { Deps } from './deps.ts';
import type { NewEvent } from './report-ledger.ts';

/** What the waiting state receives: the decision and who took it (the ASL chooses on `decision`). */
export function decisionOutput(d: Decision) {
  return {
    decisionId: d.decisionId,
    decision: d.decision,
    note: d.note ?? '',
    step: d.step,
    decidedBy: { name: d.assignee.name, nip: d.assignee.nip, role: d.role },
    decidedAt: d.decidedAt,
  };
}

export type Completion =
  /** The workflow has the decision (now, or by an earlier attempt whose answer was lost). */
  | 'RESUMED'
  /** The execution ended without waiting for it: the decision is SUPERSEDED and the trail says so. */
  | 'NOT_IN_FORCE';

/** How many times one completion sends the decision before leaving it to the next attempt. */
const SENDS = 2;

/**
 * Finishes a decision that is a fact (state USED, `finishing`): its KEPUTUSAN entry in the trail, then the
 * workflow resumed; `finishing` is cleared when the workflow has it (or the decision is SUPERSEDED).
 * Every step is idempotent, keyed by the decision id, so whoever runs it again converges on the same end:
 * the POST that took the decision, a re-POST of it after an interruption, the Mutu Baku clock, or the wait
 * re-entered after its Mutu Baku (with that wait's fresh token). Throws TransientError when the workflow cannot
 * be reached or asked; the decision then stays USED without `resumedAt` and the next attempt finishes it.
 *
 * An unknown outcome is never guessed. A failed SendTaskSuccess is sent again (the token is the idempotency
 * key: a task resumes once); "token gone" is then settled by asking the execution: RUNNING or SUCCEEDED means
 * the wait is over and only this decision ends it (this send or an earlier one got through, or the re-entered wait
 * handed it on itself); an execution that ended otherwise (failed, aborted, timed out) no longer applies it.
 */
export async function completeDecision(
  deps: Deps,
  decision: Decision,
  opts: {
    /** The token of the wait that asks (the re-entered wait); otherwise the decision's own. */
    taskToken?: string;
    /** This caller has just made it USED: no earlier entry can exist, so the trail is not searched for one. */
    justTaken?: boolean;
  } = {},
): Promise<{ completion: Completion; decision: Decision }> {
  const recorded = await recordDecision(deps, decision, opts.justTaken ?? false);
  const token = opts.taskToken ?? recorded.taskToken;
  let gone = false;
  let lastError: unknown;
  for (let attempt = 1; attempt <= SENDS && !gone; attempt++) {
    try {
      await deps.workflow.sendSuccess(token, decisionOutput(recorded));
      return { completion: 'RESUMED', decision: await markResumed(deps, recorded) };
    } catch (err) {
      if (err instanceof TaskGoneError) gone = true;
      else lastError = err;
    }
  }
  if (!gone) {
    await mark(deps, recorded, { recordedAt: recorded.recordedAt }); // the next attempt need not search the trail
    throw new TransientError(
      `decision ${recorded.decisionId} taken; the workflow could not be resumed yet (${(lastError as Error)?.name})`,
    );
  }
  // The wait's own fresh token (the re-entered wait) is gone only when this decision already resumed it.
  if (opts.taskToken) return { completion: 'RESUMED', decision: await markResumed(deps, recorded) };
  const executionArn = recorded.executionArn ?? (await deps.repo.get(recorded.reportId))?.executionArn;
  // Decisions stored before executionArn was kept: without an execution to ask, "gone" keeps its old meaning.
  const status = executionArn
    ? await deps.workflow.executionStatus(executionArn).catch((err: Error) => {
        throw new TransientError(
          `decision ${recorded.decisionId} taken; its execution could not be asked (${err.name})`,
        );
      })
    : undefined;
  if (status === 'PENDING_REDRIVE') {
    // Being redriven from a failure: not settled yet, ask again on the next attempt.
    throw new TransientError(`decision ${recorded.decisionId} taken; its execution is being redriven`);
  }
  if (status === 'RUNNING' || status === 'SUCCEEDED') {
    return { completion: 'RESUMED', decision: await markResumed(deps, recorded) };
  }
  return { completion: 'NOT_IN_FORCE', decision: await withdraw(deps, recorded, status ?? 'unknown') };
}

/** The decision's entry in the trail, written once per decision id (a re-run finds it and writes nothing). */
async function recordDecision(deps: Deps, d: Decision, justTaken: boolean): Promise<Decision> {
  if (d.recordedAt) return d;
  const event = decisionEvent(d);
  if (justTaken || !(await hasEntry(deps, d, 'KEPUTUSAN'))) {
    const ratified = d.step === 'ratify' && d.decision === 'APPROVE';
    const notYet = (current: Report) => !isEntryOf(current.lastEvent, d, 'KEPUTUSAN');
    try {
      await deps.ledger.transition(
        ratified
          ? {
              reportId: d.reportId,
              from: ['MENUNGGU_PENGESAHAN'],
              set: { status: 'DISAHKAN', step: 'documentation' },
              when: notYet,
              event,
            }
          : { reportId: d.reportId, from: STATUSES, set: {}, when: notYet, event },
      );
    } catch (err) {
      if (!(err instanceof TransitionConflictError)) throw err;
      // Written by a concurrent run of this same completion, or the report is no longer awaiting the signature
      // (e.g. GAGAL): the person's decision is still a fact for the trail, without a status change.
      if (!(await hasEntry(deps, d, 'KEPUTUSAN'))) {
        await deps.ledger
          .transition({ reportId: d.reportId, from: STATUSES, set: {}, when: notYet, event })
          .catch((e: Error) => {
            if (!(e instanceof TransitionConflictError)) throw e;
          });
      }
    }
  }
  // Stored with the next write of the decision (resumed, or left to finish later): one write fewer per decision.
  return { ...d, recordedAt: deps.clock.now().toISOString() };
}

/**
 * Who decided, as the decision was addressed (the person then, with their title then). A Plh / Plt decides in the
 * official's role under "Plh. Camat Karawaci", with their own name and NIP, and the official they acted for.
 */
function decisionActor(d: Decision): NewEvent['actor'] {
  const { name, nip, email, title } = d.assignee;
  return { name, role: d.role, nip, email, title, ...(d.actingFor ? { actingFor: d.actingFor } : {}) };
}

function decisionEvent(d: Decision): NewEvent {
  return {
    action: 'KEPUTUSAN',
    actor: decisionActor(d),
    decision: d.decision,
    note: d.note || undefined,
    document: d.document,
    detail: { decisionId: d.decisionId, step: d.step, mark: DECISION_STEP[d.step].mark },
  };
}

function isEntryOf(e: AuditEvent | undefined, d: Decision, action: AuditEvent['action']): boolean {
  return e?.action === action && e.detail?.decisionId === d.decisionId;
}

async function hasEntry(deps: Deps, d: Decision, action: AuditEvent['action']): Promise<boolean> {
  return (await deps.repo.events(d.reportId)).some((e) => isEntryOf(e, d, action));
}

async function markResumed(deps: Deps, d: Decision): Promise<Decision> {
  return mark(deps, d, { recordedAt: d.recordedAt, resumedAt: deps.clock.now().toISOString(), finishing: undefined });
}

/** Bookkeeping on a USED decision; losing it only costs a repeat of an idempotent step, so it never fails a run. */
async function mark(deps: Deps, d: Decision, patch: Partial<Decision>): Promise<Decision> {
  return deps.repo.updateDecision(d.decisionId, 'USED', patch).catch(() => ({ ...d, ...patch }));
}

/**
 * The execution ended without this decision: say so in the trail (once), give back the signature's DISAHKAN if
 * the report still shows it, and mark the decision SUPERSEDED so its link shows a clear page.
 */
async function withdraw(deps: Deps, d: Decision, status: string): Promise<Decision> {
  if (!(await hasEntry(deps, d, 'KEPUTUSAN_TIDAK_BERLAKU'))) {
    const undo: NewEvent = {
      action: 'KEPUTUSAN_TIDAK_BERLAKU',
      actor: decisionActor(d),
      note: 'step no longer waiting',
      detail: { decisionId: d.decisionId, execution: status },
    };
    const notYet = (current: Report) => !isEntryOf(current.lastEvent, d, 'KEPUTUSAN_TIDAK_BERLAKU');
    const ratified = d.step === 'ratify' && d.decision === 'APPROVE';
    await deps.ledger
      .transition(
        ratified
          ? {
              reportId: d.reportId,
              from: ['DISAHKAN'],
              set: { status: 'MENUNGGU_PENGESAHAN', step: 'ratify' },
              when: notYet,
              event: undo,
            }
          : { reportId: d.reportId, from: STATUSES, set: {}, when: notYet, event: undo },
      )
      .catch(async (err: Error) => {
        if (!(err instanceof TransitionConflictError)) throw err;
        if (await hasEntry(deps, d, 'KEPUTUSAN_TIDAK_BERLAKU')) return;
        await deps.ledger.transition({ reportId: d.reportId, from: STATUSES, set: {}, when: notYet, event: undo });
      });
  }
  return deps.repo
    .updateDecision(d.decisionId, 'USED', { state: 'SUPERSEDED', finishing: undefined })
    .catch(async () => (await deps.repo.getDecision(d.decisionId)) ?? { ...d, state: 'SUPERSEDED' });
}

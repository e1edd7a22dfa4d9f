import { parseLinkParams, verifyDecisionLink } from '../core/decision-link.ts';
import { DecisionAlreadyTakenError, InvalidLinkError, TaskGoneError, TransientError } from '../core/errors.ts';
import type { Decision, DecisionValue, Report } from '../core/report.ts';
import type { Deps } from './deps.ts';
import { decisionOutput } from './request-decision.ts';

export interface LinkParams {
  decisionId?: string;
  e?: string;
  s?: string;
}

export interface DecisionView {
  decision: Decision;
  report: Report;
  documentUrl: string;
}

export const NOTE_MAX = 2000;

/** Invalid form input: shown back on the confirm page, nothing changed. */
export class DecisionInputError extends Error {
  override name = 'DecisionInputError';
  constructor(readonly problem: 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | 'BAD_DECISION') {
    super(problem);
  }
}

async function authenticate(deps: Deps, params: LinkParams): Promise<Decision> {
  const link = parseLinkParams(params.decisionId, params.e, params.s);
  const decision = await deps.repo.getDecision(link.decisionId);
  // Unknown ids and bad signatures look the same from outside: no oracle for guessing ids.
  if (!decision) throw new InvalidLinkError('BAD_SIGNATURE');
  verifyDecisionLink(await deps.signingSecret(), link, decision.assignee.nip, deps.clock.now());
  return decision;
}

/** GET of a decision link: shows what is to be decided. Changes nothing (mail scanners follow links). */
export async function viewDecision(deps: Deps, params: LinkParams): Promise<DecisionView> {
  const decision = await authenticate(deps, params);
  const report = await deps.repo.get(decision.reportId);
  if (!report) throw new InvalidLinkError('UNKNOWN');
  const documentUrl = await deps.store.downloadUrl(decision.document.key, decision.document.versionId, 3600);
  return { decision, report, documentUrl };
}

/**
 * POST of a decision link — the Sekretaris Camat's paraf or the Camat's signature.
 * 1. Verify the link (signature, expiry, bound to the assignee) and the input (REVISE needs a note).
 * 2. PENDING → USED as one conditional write: of two POSTs at once exactly one wins; a replay changes nothing.
 * 3. Resume the workflow with the decision. If the task is gone the decision is marked SUPERSEDED; on a
 *    transient failure it is reopened so the same link can be used again.
 * 4. Record the decision (who, role, NIP, decision, note, document version) in the audit trail.
 */
export async function submitDecision(
  deps: Deps,
  params: LinkParams,
  form: { decision?: string; note?: string },
): Promise<{ decision: Decision; outcome: 'RECORDED' | 'SUPERSEDED' }> {
  const current = await authenticate(deps, params);
  const value = form.decision;
  if (value !== 'APPROVE' && value !== 'REVISE') throw new DecisionInputError('BAD_DECISION');
  const note = (form.note ?? '').trim();
  if (note.length > NOTE_MAX) throw new DecisionInputError('NOTE_TOO_LONG');
  if (value === 'REVISE' && note.length < 3) throw new DecisionInputError('NOTE_REQUIRED');
  if (current.state !== 'PENDING')
    throw new DecisionAlreadyTakenError(`decision ${current.decisionId} is ${current.state}`);

  const decidedAt = deps.clock.now().toISOString();
  const used = await deps.repo.updateDecision(current.decisionId, 'PENDING', {
    state: 'USED',
    decision: value as DecisionValue,
    note: note || undefined,
    decidedAt,
  });
  const ratified = used.step === 'ratify' && value === 'APPROVE';
  const actor = { name: used.assignee.name, role: used.role, nip: used.assignee.nip, email: used.assignee.email };
  // The decision is a fact from here on: record it before the workflow moves, so the trail reads in order.
  const event = {
    action: 'KEPUTUSAN' as const,
    actor,
    decision: value as DecisionValue,
    note: note || undefined,
    document: used.document,
    detail: { decisionId: used.decisionId, step: used.step, mark: used.step === 'ratify' ? 'tanda tangan' : 'paraf' },
  };
  if (ratified) {
    await deps.ledger.transition({
      reportId: used.reportId,
      from: ['MENUNGGU_PENGESAHAN'],
      set: { status: 'DISAHKAN', step: 'documentation' },
      event,
    });
  } else {
    await deps.ledger.record(used.reportId, event);
  }

  try {
    await deps.workflow.sendSuccess(used.taskToken, decisionOutput(used));
    return { decision: used, outcome: 'RECORDED' };
  } catch (err) {
    const gone = err instanceof TaskGoneError;
    const undo = {
      action: 'KEPUTUSAN_TIDAK_BERLAKU' as const,
      actor,
      note: gone ? 'step no longer waiting' : 'workflow unavailable; the link can be used again',
      detail: { decisionId: used.decisionId },
    };
    if (ratified) {
      await deps.ledger
        .transition({
          reportId: used.reportId,
          from: ['DISAHKAN'],
          set: { status: 'MENUNGGU_PENGESAHAN', step: 'ratify' },
          event: undo,
        })
        .catch(() => deps.ledger.record(used.reportId, undo));
    } else {
      await deps.ledger.record(used.reportId, undo);
    }
    if (gone) {
      const superseded = await deps.repo.updateDecision(used.decisionId, 'USED', { state: 'SUPERSEDED' });
      return { decision: superseded, outcome: 'SUPERSEDED' };
    }
    await deps.repo.updateDecision(used.decisionId, 'USED', {
      state: 'PENDING',
      decision: undefined,
      note: undefined,
      decidedAt: undefined,
    });
    throw new TransientError(`workflow could not be resumed: ${(err as Error).message}`);
  }
}

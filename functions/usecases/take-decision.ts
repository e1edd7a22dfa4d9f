import { parseLinkParams, verifyDecisionLink } from '../core/decision-link.ts';
import type { UnitProfile } from '../core/directory.ts';
import { DecisionAlreadyTakenError, InvalidLinkError, TransientError } from '../core/errors.ts';
import type { Decision, DecisionValue, Report } from '../core/report.ts';
import { completeDecision } from './complete-decision.ts';
import type { Deps } from './deps.ts';
import { unitDirectory } from './directory.ts';

export interface LinkParams {
  decisionId?: string;
  e?: string;
  s?: string;
}

export interface DecisionView {
  decision: Decision;
  report: Report;
  documentUrl: string;
  /** The report's unit: its name heads the page. */
  unit: UnitProfile;
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
  const unit = (await unitDirectory(deps, report.unit)).profile;
  return { decision, report, documentUrl, unit };
}

/**
 * POST of a decision link — the Sekretaris Camat's paraf or the Camat's signature.
 * 1. Verify the link (signature, expiry, bound to the assignee) and the input (REVISE needs a note).
 * 2. PENDING → USED as one conditional write: of two POSTs at once exactly one wins. From here on the decision
 *    is a fact; it is never reopened.
 * 3. Complete it (complete-decision.ts): the KEPUTUSAN entry in the trail, then the workflow resumed, each step
 *    idempotent. If that is interrupted (database or workflow unavailable) the person sees "try again": a re-POST
 *    of the same decision finishes it, and so do the Mutu Baku clock and the wait re-entered after its Mutu Baku.
 *    Another answer to a decision already taken is refused (409) — after finishing the one taken.
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

  const unfinished = current.state === 'USED' && current.finishing === true;
  if (unfinished && current.decision !== value) {
    await finish(deps, current).catch(() => undefined);
    throw new DecisionAlreadyTakenError(`decision ${current.decisionId} was taken as ${current.decision}`);
  }
  if (current.state !== 'PENDING' && !unfinished)
    throw new DecisionAlreadyTakenError(`decision ${current.decisionId} is ${current.state}`);

  const used = unfinished
    ? current
    : await deps.repo.updateDecision(current.decisionId, 'PENDING', {
        state: 'USED',
        finishing: true,
        decision: value as DecisionValue,
        note: note || undefined,
        decidedAt: deps.clock.now().toISOString(),
      });
  const { completion, decision } = await finish(deps, used, !unfinished);
  return { decision, outcome: completion === 'RESUMED' ? 'RECORDED' : 'SUPERSEDED' };
}

/** Completes a taken decision; whatever interrupts it is worth a retry, since every step can run again. */
async function finish(deps: Deps, used: Decision, justTaken = false) {
  try {
    return await completeDecision(deps, used, { justTaken });
  } catch (err) {
    if (err instanceof TransientError) throw err;
    throw new TransientError(
      `decision ${used.decisionId} taken; completing it was interrupted (${(err as Error).name}) and is retried`,
    );
  }
}

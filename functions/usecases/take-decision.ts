import { DECISION_ID_PATTERN, parseLinkParams, verifyDecisionLink } from '../core/decision-link.ts';
import { isDecisionStep } from '../core/decision-steps.ts';
import { type UnitProfile, unitOfReportId } from '../core/directory.ts';
import { DecisionAlreadyTakenError, InvalidLinkError, TransientError } from '../core/errors.ts';
import type { AssembledReport } from '../core/performance-data.ts';
import type { BelowTargetIndicator, Decision, DecisionValue, Report } from '../core/report.ts';
import { type ReportView, reportView } from '../core/report-view.ts';
import type { SessionPerson } from '../core/session.ts';
import { belowTargetList } from '../documents/capaian.ts';
import { completeDecision } from './complete-decision.ts';
import type { Deps } from './deps.ts';
import { unitDirectory } from './directory.ts';

/** The emailed link: its signature (bound to the assignee's NIP and an expiry) proves who is deciding. */
export interface LinkParams {
  decisionId?: string;
  e?: string;
  s?: string;
}

/** The portal's task page: the signed-in session proves who is deciding. */
export interface SessionProof {
  decisionId: string;
  person: SessionPerson;
}

/** Either proof of identity; everything after it (view, input rules, PENDING → USED, completion) is shared. */
export type DecisionProof = LinkParams | SessionProof;

const bySession = (p: DecisionProof): p is SessionProof => 'person' in p;

/** A decision taken on this revision before the one being decided (the paraf before the signature). */
export interface EarlierDecision {
  step: Decision['step'];
  decision: DecisionValue;
  name: string;
  title?: string;
  at: string;
  note?: string;
}

export interface DecisionView {
  decision: Decision;
  /** The report as pages may show it: never the stored record (it carries the revision wait's task token). */
  report: ReportView;
  /** Short-lived download of the PDF being decided (see DOWNLOAD_SECONDS). */
  documentUrl: string;
  /** The report's unit: its name heads the page. */
  unit: UnitProfile;
  /** The indicators below target of the revision being decided, lowest capaian first. */
  belowTarget: BelowTargetIndicator[];
  /** Decisions already taken on this revision, oldest first (who, when), from the audit trail. */
  earlier: EarlierDecision[];
}

/**
 * How long a download link of the portal lives: long enough to click it, short enough that a copied or leaked
 * link is useless soon after. A page opened later makes fresh ones.
 */
export const DOWNLOAD_SECONDS = 300;

export const NOTE_MAX = 2000;

/** Invalid form input: shown back on the confirm page, nothing changed. */
export class DecisionInputError extends Error {
  override name = 'DecisionInputError';
  constructor(readonly problem: 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | 'BAD_DECISION') {
    super(problem);
  }
}

/** A signed-in person asking for a decision that is not theirs (another assignee or unit): 403, nothing changes. */
export class NotAssigneeError extends Error {
  override name = 'NotAssigneeError';
}

/**
 * A link or task of a previous assignee of a re-addressed decision (a Plh / Plt was set, or the delegation
 * ended): nothing changes; the page names who has the request now.
 */
export class DecisionRedirectedError extends Error {
  override name = 'DecisionRedirectedError';
  constructor(readonly decision: Decision) {
    super(`decision ${decision.decisionId} was re-addressed`);
  }
}

/** A signed-in person asking for a decision id that does not exist: 404. */
export class DecisionNotFoundError extends Error {
  override name = 'DecisionNotFoundError';
}

async function authenticate(deps: Deps, proof: DecisionProof): Promise<Decision> {
  if (bySession(proof)) {
    const decision = DECISION_ID_PATTERN.test(proof.decisionId)
      ? await deps.repo.getDecision(proof.decisionId)
      : undefined;
    if (!decision) throw new DecisionNotFoundError(`decision ${proof.decisionId} not found`);
    // The session's person must be the one asked, in their unit: a task stays bound to its assignee.
    const unit = decision.unit ?? unitOfReportId(decision.reportId);
    const redirected = decision.redirectedFrom?.some((r) => r.nip === proof.person.nip);
    if (unit === proof.person.unit && decision.assignee.nip !== proof.person.nip && redirected)
      throw new DecisionRedirectedError(decision);
    if (unit !== proof.person.unit || decision.assignee.nip !== proof.person.nip)
      throw new NotAssigneeError(`decision ${decision.decisionId} is not assigned to this session`);
    return decision;
  }
  const link = parseLinkParams(proof.decisionId, proof.e, proof.s);
  const decision = await deps.repo.getDecision(link.decisionId);
  // Unknown ids and bad signatures look the same from outside: no oracle for guessing ids.
  if (!decision) throw new InvalidLinkError('BAD_SIGNATURE');
  const secret = await deps.signingSecret();
  try {
    verifyDecisionLink(secret, link, decision.assignee.nip, deps.clock.now());
  } catch (err) {
    // A link signed for an earlier assignee is genuine, only no longer theirs: say to whom it went.
    if (!(err instanceof InvalidLinkError) || err.problem !== 'BAD_SIGNATURE') throw err;
    const earlier = [...(decision.redirectedFrom ?? [])].reverse().find((r) => {
      try {
        verifyDecisionLink(secret, link, r.nip, new Date(0)); // its signature only: expired or not, it went on
        return true;
      } catch {
        return false;
      }
    });
    if (earlier) throw new DecisionRedirectedError(decision);
    throw err;
  }
  return decision;
}

/**
 * GET of a decision (emailed link or portal task): shows what is to be decided — the report's key numbers, the
 * indicators below target, what changed since the last revision and who decided this revision already. Changes
 * nothing (mail scanners follow links).
 */
export async function viewDecision(deps: Deps, proof: DecisionProof): Promise<DecisionView> {
  const decision = await authenticate(deps, proof);
  const report = await deps.repo.get(decision.reportId);
  if (!report) throw new InvalidLinkError('UNKNOWN');
  const [documentUrl, unit, belowTarget, events] = await Promise.all([
    deps.store.downloadUrl(decision.document.key, decision.document.versionId, DOWNLOAD_SECONDS),
    unitDirectory(deps, report.unit),
    belowTargetOf(deps, report, decision),
    deps.repo.events(report.reportId),
  ]);
  const earlier = events
    .filter((e) => e.action === 'KEPUTUSAN' && e.revision === decision.revision && e.decision)
    .filter((e) => e.detail?.decisionId !== decision.decisionId)
    .map(
      (e): EarlierDecision => ({
        step: isDecisionStep(e.detail?.step) ? e.detail.step : 'verify',
        decision: e.decision as DecisionValue,
        // Who acted, as recorded then (name and title at the time).
        name: e.actor.name,
        ...(e.actor.title ? { title: e.actor.title } : {}),
        at: e.at,
        ...(e.note ? { note: e.note } : {}),
      }),
    );
  return { decision, report: reportView(report), documentUrl, unit: unit.profile, belowTarget, earlier };
}

/**
 * The below-target indicators of the revision decided: stored on the report at assembly; for a report assembled
 * before that (or when the report moved on to another revision), read from that revision's assembled data.
 */
async function belowTargetOf(deps: Deps, report: Report, decision: Decision): Promise<BelowTargetIndicator[]> {
  if (report.revision === decision.revision && report.summary?.belowTargetList) return report.summary.belowTargetList;
  const data =
    report.revision === decision.revision
      ? report.reportData
      : await dataOfRevision(deps, report.reportId, decision.revision);
  if (!data) return [];
  try {
    const doc = await deps.store.get(data.key, data.versionId);
    return belowTargetList((JSON.parse(new TextDecoder().decode(doc.body)) as AssembledReport).indicators);
  } catch {
    return []; // the page still lets the person decide; the PDF has every indicator
  }
}

async function dataOfRevision(deps: Deps, reportId: string, revision: number) {
  const assembled = (await deps.repo.events(reportId)).find((e) => e.action === 'DISUSUN' && e.revision === revision);
  const data = assembled?.detail?.data as { key: string; versionId: string } | undefined;
  return data?.key && data.versionId ? data : undefined;
}

/**
 * POST of a decision — the Sekretaris Camat's paraf or the Camat's signature — from the emailed link or the
 * portal's task page: one function, only the proof of identity differs.
 * 1. Verify the proof (the link's signature, expiry and assignee; or the session's NIP and unit equal to the
 *    assignee's) and the input (REVISE needs a note).
 * 2. PENDING → USED as one conditional write: of two POSTs at once exactly one wins. From here on the decision
 *    is a fact; it is never reopened.
 * 3. Complete it (complete-decision.ts): the KEPUTUSAN entry in the trail, then the workflow resumed, each step
 *    idempotent. If that is interrupted (database or workflow unavailable) the person sees "try again": a re-POST
 *    of the same decision finishes it, and so do the Mutu Baku clock and the wait re-entered after its Mutu Baku.
 *    Another answer to a decision already taken is refused (409) — after finishing the one taken.
 */
export async function submitDecision(
  deps: Deps,
  proof: DecisionProof,
  form: { decision?: string; note?: string },
): Promise<{ decision: Decision; outcome: 'RECORDED' | 'SUPERSEDED' }> {
  const current = await authenticate(deps, proof);
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

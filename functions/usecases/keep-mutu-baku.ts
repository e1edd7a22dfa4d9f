import type { Person, Role } from '../core/config.ts';
import { decisionLink } from '../core/decision-link.ts';
import { DECISION_STEP, stepWaitingIn } from '../core/decision-steps.ts';
import type { Delegation } from '../core/delegation.ts';
import type { UnitDirectory } from '../core/directory.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import { decisionIdFor } from '../core/execution-name.ts';
import { safeMessage } from '../core/failure-reason.ts';
import type { Decision, DecisionStep, Report, ReportStatus } from '../core/report.ts';
import { mutuBakuMail } from '../mails/mutu-baku.tsx';
import { completeDecision } from './complete-decision.ts';
import { actingIn, readdressOne } from './delegation.ts';
import type { Deps } from './deps.ts';
import { cityPerson, unitDirectory } from './directory.ts';
import { listReports } from './unit-reports.ts';

/** A human wait the clock watches: one of the decisions, or the corrected upload. */
type WaitingStep = DecisionStep | 'revision';

/** The human waits the clock watches, and whose turn each one is. */
function waitingStep(status: ReportStatus): WaitingStep | undefined {
  return status === 'PERLU_REVISI' || status === 'PERLU_PERBAIKAN_DATA' ? 'revision' : stepWaitingIn(status);
}

/**
 * Escalation goes to the role above in the unit (core/decision-steps.ts): team lead → Sekretaris, Sekretaris →
 * head of the unit; the head is told himself; a late upload → the TIMSAKIP lead. After the head of the unit
 * comes the city (KOTA): it gets the head's own late ratification at once, and every other step from its second
 * escalation on (a whole Mutu Baku past the head).
 */
const above = (step: WaitingStep): Role => (step === 'revision' ? 'TIMSAKIP' : DECISION_STEP[step].above);
const cityEscalation = (step: WaitingStep, count: number) => step === 'ratify' || count >= 2;

export interface ClockResult {
  reminded: string[];
  escalated: string[];
  /**
   * Pending decisions re-addressed: a delegation (Plh / Plt) started, ended or was cancelled since the request.
   * Present only when there were any.
   */
  readdressed?: string[];
  /** Decisions taken whose completion (trail entry, workflow resumed) had been interrupted, finished now. */
  completed: string[];
}

/** A decision being finished by its own POST is left alone this long before the clock finishes it instead. */
const COMPLETION_GRACE_MS = 2 * 60_000;

/**
 * The Mutu Baku clock (SOP: every step 1 day), run on a schedule. For each report waiting on a person:
 * 1. at `reminderAtFraction` of the step's time, one reminder to the assignee (with the same link as before, and
 *    the task or upload page in the portal);
 * 2. at the due time, an escalation to the assignee and the role above, an SLA-breach audit event and metric —
 *    and again after each further Mutu Baku period while the step still waits.
 * Waiting goes on: nothing here fails, moves or cancels a report. Each notice is claimed in the ledger before it
 * is mailed (two clock runs never both send it) and released again if the mail fails, so the next run retries.
 * 3. A decision already taken whose completion was interrupted is finished (complete-decision.ts), and nobody is
 *    reminded of a decision already taken.
 * The report list comes from an index, eventually consistent on AWS: each report and decision is read again
 * consistently before anything is done with it.
 */
export async function keepMutuBaku(deps: Deps): Promise<ClockResult> {
  const now = deps.clock.now();
  const result: ClockResult = { reminded: [], escalated: [], completed: [] };
  // Each unit's people and delegations, read once per run (not once per report).
  const units = new Map<string, Promise<UnitNow>>();
  const unitNow = (code: string) => {
    let u = units.get(code);
    if (!u) {
      u = Promise.all([unitDirectory(deps, code), deps.directory.delegations(code)]).then(([unit, delegations]) => ({
        unit,
        delegations,
      }));
      u.catch(() => units.delete(code));
      units.set(code, u);
    }
    return u;
  };
  const failures: unknown[] = [];
  // Unit by unit: each unit's reports are one query on its own index partition (no key shared by all units),
  // eight units at a time; one unit's read failing does not hold up the others.
  const waiting = await listReports(deps, { onError: (err) => failures.push(err) });
  for (const listed of waiting) {
    if (!waitingStep(listed.status) && listed.status !== 'DISAHKAN') continue;
    const report = await deps.repo.get(listed.reportId);
    if (!report) continue;
    const decisionStep = deciding(report.status);
    let decision = decisionStep ? await currentDecision(deps, report, decisionStep) : undefined;
    if (decision?.state === 'PENDING') {
      // A delegation that started or ended since the request (or since the last run): the request goes to who
      // acts now — before any reminder, so the notice reaches the right person.
      try {
        const { unit, delegations } = await unitNow(report.unit);
        const moved = await readdressOne(deps, decision, unit, delegations);
        if (moved) {
          result.readdressed = [...(result.readdressed ?? []), decision.decisionId];
          decision = (await deps.repo.getDecision(decision.decisionId)) ?? decision;
        }
      } catch (err) {
        failures.push(err); // the report's notices still go out; the next run re-addresses it
      }
    }
    if (decision?.state === 'USED' && decision.finishing) {
      if (now.getTime() - Date.parse(decision.decidedAt ?? '') < COMPLETION_GRACE_MS) continue;
      try {
        await completeDecision(deps, decision);
        result.completed.push(decision.decisionId);
      } catch (err) {
        failures.push(err); // the next run tries again; the other reports are not held up
      }
      continue;
    }
    const step = waitingStep(report.status);
    if (!step || !report.dueAt || !report.stepStartedAt) continue;
    // A human decision step with no decision pending (taken, superseded) waits on nobody: no notice.
    if (step !== 'revision' && decision?.state !== 'PENDING') continue;
    const unitState = await unitNow(report.unit);
    const start = Date.parse(report.stepStartedAt);
    const due = Date.parse(report.dueAt);
    const round = `${report.step}:${report.revision}:${report.stepStartedAt}`;
    if (now.getTime() >= due) {
      const period = Math.max(1, due - start);
      const owed = Math.floor((now.getTime() - due) / period) + 1;
      const sent = report.escalation?.round === round ? report.escalation.count : 0;
      if (owed > sent && (await notify(deps, unitState, report, step, 'escalation', round, owed, decision)))
        result.escalated.push(report.reportId);
    } else if (
      now.getTime() >= start + deps.config.reminderAtFraction * (due - start) &&
      report.reminderSentFor !== round
    ) {
      if (await notify(deps, unitState, report, step, 'reminder', round, 0, decision))
        result.reminded.push(report.reportId);
    }
  }
  if (failures.length) throw failures[0];
  return result;
}

/** Which decision a status belongs to: the one awaited, or (DISAHKAN) the signature just given. */
const deciding = (status: ReportStatus): DecisionStep | undefined =>
  status === 'DISAHKAN' ? 'ratify' : stepWaitingIn(status);

/**
 * The decision of the report's current step, read consistently. Its id derives from the execution, step and
 * revision (as request-decision made it); the index of pending decisions is only the fallback, and what it
 * returns is read again, since on AWS it may lag behind the item.
 */
async function currentDecision(deps: Deps, report: Report, step: DecisionStep): Promise<Decision | undefined> {
  if (report.executionArn) {
    const derived = await deps.repo.getDecision(decisionIdFor(report.executionArn, step, report.revision));
    if (derived) return derived;
  }
  for (const listed of await deps.repo.pendingDecisions(report.unit, report.reportId)) {
    const fresh = await deps.repo.getDecision(listed.decisionId);
    if (fresh?.state === 'PENDING' && fresh.step === step) return fresh;
  }
  return undefined;
}

/** A unit as the clock reads it once per run: its people and its delegations. */
interface UnitNow {
  unit: UnitDirectory;
  delegations: Delegation[];
}

async function notify(
  deps: Deps,
  { unit, delegations }: UnitNow,
  report: Report,
  step: WaitingStep,
  kind: 'reminder' | 'escalation',
  round: string,
  count: number,
  decision: Decision | undefined,
): Promise<boolean> {
  const role = deps.config.steps[step];
  const now = deps.clock.now();
  // A pending decision keeps the assignee it was addressed to (a `people set` since changes the next request only;
  // a delegation re-addressed it before this). The role above is asked through its delegation too: while the
  // Camat is away, the Sekretaris' late verification goes to the Plh. Camat.
  const assignee: Person =
    decision?.state === 'PENDING' ? decision.assignee : actingIn(unit, delegations, role, now).person;
  const aboveRole = above(step);
  const toAbove: Person[] = [actingIn(unit, delegations, aboveRole, now).person];
  const city = kind === 'escalation' && cityEscalation(step, count) ? await cityPerson(deps) : undefined;
  if (city) toAbove.push(city);
  const escalatedTo = [aboveRole, ...(city ? ['KOTA'] : [])].join(',');
  const previous = { reminderSentFor: report.reminderSentFor, escalation: report.escalation };
  const claim = kind === 'reminder' ? { reminderSentFor: round } : { escalation: { round, count } };
  const claimed = await deps.ledger
    .transition({
      reportId: report.reportId,
      from: [report.status],
      set: claim,
      when: (current) =>
        kind === 'reminder'
          ? current.reminderSentFor !== round
          : (current.escalation?.round === round ? current.escalation.count : 0) < count,
      event: {
        action: kind === 'reminder' ? 'PENGINGAT' : 'MUTU_BAKU_TERLAMPAUI',
        actor: { name: assignee.name, role, nip: assignee.nip, email: assignee.email },
        note: kind === 'escalation' ? `escalation ${count} to ${escalatedTo}` : undefined,
        detail: { dueAt: report.dueAt, step, ...(kind === 'escalation' ? { escalation: count, to: escalatedTo } : {}) },
      },
    })
    .then(
      () => true,
      (err: Error) => {
        // Claimed by another run, or the report moved on since it was read: nothing to send.
        if (err.name === 'TransitionConflictError') return false;
        throw err;
      },
    );
  if (!claimed) return false;

  const recipients: Person[] = [assignee];
  if (kind === 'escalation')
    for (const p of toAbove) if (!recipients.some((r) => r.email === p.email)) recipients.push(p);
  try {
    const pending =
      step === 'revision' || !decision
        ? undefined
        : { link: await currentLink(deps, decision), decisionId: decision.decisionId };
    const uploader = step === 'revision' ? parseEmailAddress(report.uploaderEmail) : undefined;
    const extra = uploader ? [uploader] : [];
    for (const to of recipients) {
      await deps.mailer.send({
        to: [...new Set([to.email, ...(to === assignee ? extra : [])])],
        ...mutuBakuMail({
          unit: unit.profile,
          lang: deps.config.language,
          report,
          kind,
          to,
          waitingFor: assignee,
          decision: pending,
          portal: deps.publicBaseUrl,
        }),
      });
    }
  } catch (err) {
    // Release the claim so the next run tries again; the audit keeps both facts.
    await deps.ledger
      .record(
        report.reportId,
        {
          action: 'EMAIL_TERKIRIM',
          actor: { name: 'lapkin', role: 'SISTEM' },
          note: `failed: ${safeMessage((err as Error).message)}`.slice(0, 300),
        },
        previous,
      )
      .catch(() => undefined);
    throw err;
  }
  return true;
}

/** The link already mailed for the pending decision: same id, same expiry, so the same signed URL. */
async function currentLink(deps: Deps, pending: Decision): Promise<string> {
  return decisionLink(deps.publicBaseUrl, await deps.signingSecret(), {
    decisionId: pending.decisionId,
    assigneeNip: pending.assignee.nip,
    expiresAt: pending.expiresAt,
  });
}

import type { Role } from '../core/config.ts';
import { decisionLink } from '../core/decision-link.ts';
import { DECISION_STEP } from '../core/decision-steps.ts';
import type { UnitDirectory } from '../core/directory.ts';
import { ReportNotFoundError } from '../core/errors.ts';
import { decisionIdFor } from '../core/execution-name.ts';
import { dueAt } from '../core/mutu-baku.ts';
import type { Decision, DecisionStep, Report } from '../core/report.ts';
import { decisionRequestMail } from '../mails/decision-request.tsx';
import { completeDecision } from './complete-decision.ts';
import { actingIn } from './delegation.ts';
import type { Deps } from './deps.ts';
import { unitDirectory } from './directory.ts';

export interface RequestDecisionInput {
  taskToken: string;
  reportId: string;
  executionArn: string;
  step: DecisionStep;
}

/**
 * The SOP's human decisions — the team lead's paraf (step 2), the Sekretaris Camat's verification (step 3) and
 * the Camat's ratification (step 4); what differs between them is in core/decision-steps.ts.
 * Input: the task token of the waiting state; it is stored server-side in a DECISION record and never leaves it.
 * 1. The decision id is derived from execution, step and revision: a retried or re-entered wait finds the same
 *    decision, points it at the current token and sends no second mail (the emailed link keeps working).
 * 2. The report moves to the step's waiting status (MENUNGGU_PARAF / _VERIFIKASI / _PENGESAHAN) with its Mutu
 *    Baku due time.
 * 3. The assignee gets one mail with a signed link, the task in the portal and the report PDF.
 */
export async function requestDecision(
  deps: Deps,
  input: RequestDecisionInput,
): Promise<{ decisionId: string; mailed: boolean }> {
  const report = await deps.repo.get(input.reportId);
  if (!report?.reportPdf) throw new ReportNotFoundError(`report ${input.reportId} has no assembled document`);
  const now = deps.clock.now();
  const role = deps.config.steps[input.step];
  const [unit, delegations] = await Promise.all([
    unitDirectory(deps, report.unit),
    deps.directory.delegations(report.unit),
  ]);
  // Who acts for the role now: the official, or their Plh / Plt while a delegation holds. A `people set` before
  // this request changes who is asked; a pending one keeps its own (a delegation re-addresses it: delegation.ts).
  const acting = actingIn(unit, delegations, role, now);
  const current = acting.person;
  const decisionId = decisionIdFor(input.executionArn, input.step, report.revision);
  const due = dueAt(deps.config, input.step, now);

  const { created, decision: stored } = await deps.repo.putDecisionIfAbsent({
    decisionId,
    reportId: report.reportId,
    unit: report.unit,
    step: input.step,
    role,
    assignee: { name: current.name, nip: current.nip, email: current.email, title: current.title },
    ...(acting.actingFor ? { actingFor: acting.actingFor } : {}),
    revision: report.revision,
    document: report.reportPdf,
    taskToken: input.taskToken,
    executionArn: input.executionArn,
    state: 'PENDING',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.config.linkExpiryHours * 3600_000).toISOString(),
    dueAt: due,
  });
  let decision: Decision = stored;
  // The decision as stored is the truth: a re-entered wait addresses the same assignee as its first request.
  const person = stored.assignee;

  if (!created) {
    if (stored.state === 'USED' && stored.decision) {
      // Decided while this wait was being re-entered (or the decision's completion was interrupted): finish it
      // — its trail entry once, then the recorded decision handed to this wait's token.
      await completeDecision(deps, stored, { taskToken: input.taskToken });
      return { decisionId, mailed: false };
    }
    if (stored.state === 'PENDING' && stored.taskToken !== input.taskToken) {
      decision = await deps.repo.updateDecision(decisionId, 'PENDING', { taskToken: input.taskToken });
    }
  }

  const { waiting, from, requested } = DECISION_STEP[input.step];
  if (report.status !== waiting) {
    await deps.ledger.transition({
      reportId: report.reportId,
      from,
      set: { status: waiting, step: input.step, dueAt: decision.dueAt, stepStartedAt: decision.createdAt },
      event: {
        action: requested,
        // With the title asked under: "Plh. Camat Karawaci" for a delegate (timelines name it, not the role's).
        actor: { name: person.name, role, nip: person.nip, email: person.email, title: person.title },
        document: report.reportPdf,
        detail: { decisionId },
      },
    });
  }

  if (decision.mailSentAt) return { decisionId, mailed: false };
  await mailDecisionRequest(deps, report, decision, unit);
  return { decisionId, mailed: true };
}

/**
 * The request mail of a pending decision to its assignee, with a link signed for the assignee's NIP, then
 * `mailSentAt` — only while the decision is still addressed to that assignee (a re-addressing since mails the
 * new one itself).
 */
export async function mailDecisionRequest(
  deps: Deps,
  report: Report,
  decision: Decision,
  unit: UnitDirectory,
): Promise<void> {
  const person = decision.assignee;
  const secret = await deps.signingSecret();
  const link = decisionLink(deps.publicBaseUrl, secret, {
    decisionId: decision.decisionId,
    assigneeNip: person.nip,
    expiresAt: decision.expiresAt,
  });
  const pdf = await deps.store.get(decision.document.key, decision.document.versionId);
  const fresh = (await deps.repo.get(report.reportId)) ?? report;
  // The arahan already given on this revision (the paraf before the signature), as the trail recorded who gave it.
  const earlier = (await deps.repo.events(report.reportId))
    .filter((e) => e.action === 'KEPUTUSAN' && e.decision === 'APPROVE' && e.revision === decision.revision && e.note)
    .map((e) => ({
      title:
        e.actor.title ??
        (e.actor.role in unit.profile.roleTitles ? unit.profile.roleTitles[e.actor.role as Role] : e.actor.role),
      name: e.actor.name,
      at: e.at,
      note: e.note ?? '',
    }));
  await deps.mailer.send({
    to: [person.email],
    ...decisionRequestMail({
      unit: unit.profile,
      lang: deps.config.language,
      report: fresh,
      decision,
      link,
      portal: deps.publicBaseUrl,
      pdf: pdf.body,
      earlier,
    }),
  });
  await deps.repo
    .updateDecision(decision.decisionId, 'PENDING', { mailSentAt: deps.clock.now().toISOString() }, person.nip)
    .catch((err) => {
      // Decided (or re-addressed) in the seconds since the mail went out: nothing left to mark.
      if ((err as Error).name !== 'DecisionAlreadyTakenError') throw err;
    });
}

/** Re-exported for the callers that knew it here. */
export { decisionOutput } from './complete-decision.ts';

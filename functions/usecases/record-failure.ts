import { DECISION_STEPS } from '../core/decision-steps.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import { decisionIdFor } from '../core/execution-name.ts';
import { failureReason } from '../core/failure-reason.ts';
import type { Report, ReportStatus } from '../core/report.ts';
import { reportFailedMail } from '../mails/report-failed.tsx';
import type { Deps } from './deps.ts';
import { unitDirectory } from './directory.ts';

export interface FailureInput {
  reportId: string;
  executionArn?: string;
  error?: { Error?: string; Cause?: string };
}

const NOT_FINAL: readonly ReportStatus[] = [
  'DITERIMA',
  'DISUSUN',
  'PERLU_PERBAIKAN_DATA',
  'MENUNGGU_VERIFIKASI',
  'MENUNGGU_PENGESAHAN',
  'MENUNGGU_PARAF',
  'PERLU_REVISI',
  'DISAHKAN',
];

/**
 * The failure path of every Task: a report never disappears silently. The report becomes GAGAL with the reason
 * (a category and a message with no server path: core/failure-reason.ts), its pending decisions are superseded
 * (their links show a clear page), and TIMSAKIP is told how to restart: upload the data again. The upload
 * itself is never touched.
 */
export async function recordFailure(deps: Deps, input: FailureInput): Promise<{ recorded: boolean }> {
  const report = await deps.repo.get(input.reportId);
  if (!report) return { recorded: false };
  // Raw error messages name server paths (ENOENT, stack frames): only the sanitised reason goes any further.
  const reason = failureReason(input.error);
  const error = { error: reason.error, cause: reason.message };
  if (report.status === 'GAGAL' || report.status === 'TERDOKUMENTASI') return { recorded: false };
  await deps.ledger.transition({
    reportId: report.reportId,
    from: NOT_FINAL,
    set: { status: 'GAGAL', lastError: error },
    remove: ['revisionTaskToken', 'dueAt'],
    event: {
      action: 'GAGAL',
      actor: { name: 'lapkin', role: 'SISTEM' },
      note: `${error.error}: ${error.cause}`.slice(0, 500),
      detail: { category: reason.category },
    },
  });
  for (const decisionId of await decisionsToSupersede(deps, report, input.executionArn)) {
    await deps.repo.updateDecision(decisionId, 'PENDING', { state: 'SUPERSEDED' }).catch(() => undefined);
  }
  const unit = await unitDirectory(deps, report.unit).catch(() => undefined);
  const team = unit?.people[deps.config.steps.documentation];
  if (!unit || !team) return { recorded: true }; // a unit gone from the directory: the GAGAL status is the notice
  await deps.mailer
    .send({
      to: [...new Set([team.email, parseEmailAddress(report.uploaderEmail)].filter((e): e is string => !!e))],
      ...reportFailedMail({
        unit: unit.profile,
        lang: deps.config.language,
        report,
        to: team,
        reason,
        portal: deps.publicBaseUrl,
      }),
    })
    .catch(() => {
      // The GAGAL status and the audit event are the notice that counts; the mail is a courtesy.
    });
  return { recorded: true };
}

/**
 * The report's pending decisions. The index of pending decisions lags behind on AWS (a decision created a moment
 * ago may be missing), so the decisions of this execution's waits, whose ids derive from execution, step and
 * revision, are looked up directly as well; each is read consistently and only a PENDING one is superseded.
 */
async function decisionsToSupersede(deps: Deps, report: Report, executionArn?: string): Promise<string[]> {
  const ids = new Set((await deps.repo.pendingDecisions(report.unit, report.reportId)).map((d) => d.decisionId));
  for (const arn of new Set([executionArn, report.executionArn])) {
    if (!arn) continue;
    for (const step of DECISION_STEPS) ids.add(decisionIdFor(arn, step, report.revision));
  }
  const pending: string[] = [];
  for (const id of ids) {
    const d = await deps.repo.getDecision(id);
    if (d?.state === 'PENDING' && d.reportId === report.reportId) pending.push(id);
  }
  return pending;
}

import { ReportNotFoundError, TransitionConflictError } from '../core/errors.ts';
import { executionNameFor } from '../core/execution-name.ts';
import { dueAt } from '../core/mutu-baku.ts';
import type { Deps } from './deps.ts';
import type { NewEvent, Transition } from './report-ledger.ts';
import { workflowInput } from './workflow-input.ts';

/**
 * Operator recovery of a GAGAL report (after a dependency was down for longer than the retries): a new
 * execution from assembly with the same uploaded version, the failure and the restart both in the audit trail.
 * Nothing needs to be uploaded again.
 */
export async function retryReport(deps: Deps, reportId: string): Promise<{ executionArn: string; attempt: number }> {
  const report = await deps.repo.get(reportId);
  if (!report) throw new ReportNotFoundError(`no report ${reportId}`);
  if (report.status !== 'GAGAL')
    throw new TransitionConflictError(`report ${reportId} is ${report.status}; only a GAGAL report is retried`);
  const attempt = (report.retries ?? 0) + 1;
  await reopenFailedReport(
    deps,
    reportId,
    { retries: attempt },
    {
      actor: { name: 'operator', role: 'SISTEM' },
      document: report.source,
      note: `retry ${attempt}`,
    },
  );
  const name = `${executionNameFor(report.source.key, report.source.versionId)}-u${attempt}`;
  const { executionArn } = await deps.workflow.start(name, workflowInput(reportId, report.source));
  await deps.ledger.record(
    reportId,
    {
      action: 'DITERIMA',
      actor: { name: 'lapkin', role: 'SISTEM' },
      note: 'execution started',
      detail: { executionName: name },
    },
    { executionArn },
  );
  return { executionArn, attempt };
}

/**
 * GAGAL → DITERIMA, back at assembly with a fresh Mutu Baku clock: the one way a failed report is reopened,
 * by an operator's retry or by a new upload.
 */
export async function reopenFailedReport(
  deps: Deps,
  reportId: string,
  set: Transition['set'],
  event: Omit<NewEvent, 'action'>,
): Promise<void> {
  await deps.ledger.transition({
    reportId,
    from: ['GAGAL'],
    set: { status: 'DITERIMA', step: 'assemble', dueAt: dueAt(deps.config, 'assemble', deps.clock.now()), ...set },
    remove: ['lastError', 'executionArn'],
    event: { action: 'DITERIMA', ...event },
  });
}

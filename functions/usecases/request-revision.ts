import type { DecisionStep } from '../core/decision-steps.ts';
import { ReportNotFoundError } from '../core/errors.ts';
import { dueAt } from '../core/mutu-baku.ts';
import type { ReportStatus } from '../core/report.ts';
import { dataInvalidMail } from '../mails/data-invalid.tsx';
import { revisionRequestMail } from '../mails/revision-request.tsx';
import type { Deps } from './deps.ts';
import { personIn, unitDirectory } from './directory.ts';

export interface RevisionRequest {
  taskToken: string;
  reportId: string;
  executionArn: string;
  request:
    | { reason: 'DATA_INVALID' }
    | {
        reason: 'REVISE';
        step: DecisionStep;
        note: string;
        decidedBy?: { name: string; nip: string; role: string };
      };
}

/**
 * "Jika tidak, silakan revisi kembali" — the wait for a corrected upload, after invalid data or a REVISE.
 * 1. The task token is stored on the report (never mailed, never logged); intake resumes the wait with it.
 * 2. Status PERLU_REVISI (or stays PERLU_PERBAIKAN_DATA) with the Mutu Baku due time of the revision step.
 * 3. The uploader and the revision role get the note (or every data problem plus the XLSX) and the portal's upload
 *    page for the report.
 *    A re-entered wait (same round, new token) only swaps the token: no second mail.
 */
export async function requestRevision(deps: Deps, input: RevisionRequest): Promise<{ mailed: boolean }> {
  const report = await deps.repo.get(input.reportId);
  if (!report) throw new ReportNotFoundError(`report ${input.reportId} not found`);
  const req = input.request;
  const status: ReportStatus = req.reason === 'DATA_INVALID' ? 'PERLU_PERBAIKAN_DATA' : 'PERLU_REVISI';
  const role = deps.config.steps.revision;
  const unit = await unitDirectory(deps, report.unit);
  const person = personIn(unit, role);
  const round = `${req.reason}:${report.revision}:${report.source.versionId}:${req.reason === 'REVISE' ? req.step : ''}`;
  const sameRound = report.revisionRound === round && report.status === status;
  if (sameRound && report.revisionTaskToken === input.taskToken && report.revisionMailedFor === round) {
    return { mailed: false };
  }

  await deps.ledger.transition({
    reportId: report.reportId,
    from: sameRound
      ? [status]
      : ['PERLU_PERBAIKAN_DATA', 'MENUNGGU_PARAF', 'MENUNGGU_VERIFIKASI', 'MENUNGGU_PENGESAHAN', 'DISUSUN'],
    set: {
      status,
      step: 'revision',
      revisionTaskToken: input.taskToken,
      revisionRound: round,
      revisionNote: req.reason === 'REVISE' ? req.note : undefined,
      dueAt: sameRound && report.dueAt ? report.dueAt : dueAt(deps.config, 'revision', deps.clock.now()),
      stepStartedAt: sameRound && report.stepStartedAt ? report.stepStartedAt : deps.clock.now().toISOString(),
    },
    event: sameRound
      ? { action: 'REVISI_DIMINTA', actor: { name: 'lapkin', role: 'SISTEM' }, note: 'wait re-entered' }
      : {
          action: 'REVISI_DIMINTA',
          actor: { name: person.name, role, nip: person.nip, email: person.email },
          note: req.reason === 'REVISE' ? req.note : undefined,
          detail: { reason: req.reason, ...(req.reason === 'REVISE' ? { step: req.step } : {}) },
        },
  });
  if (report.revisionMailedFor === round) return { mailed: false };

  const fresh = (await deps.repo.get(report.reportId)) ?? report;
  const to = [...new Set([fresh.uploaderEmail, person.email].filter((e): e is string => !!e))];
  if (req.reason === 'DATA_INVALID') {
    const xlsx = fresh.problemsXlsx
      ? await deps.store.get(fresh.problemsXlsx.key, fresh.problemsXlsx.versionId)
      : undefined;
    await deps.mailer.send({
      to,
      ...dataInvalidMail({
        unit: unit.profile,
        lang: deps.config.language,
        report: fresh,
        to: person,
        problems: fresh.dataProblems?.sample ?? [],
        problemCount: fresh.dataProblems?.count ?? 0,
        problemsXlsx: xlsx?.body,
        portal: deps.publicBaseUrl,
      }),
    });
  } else {
    const byRole = deps.config.steps[req.step];
    // Who sent it back: the decision's assignee as recorded, falling back to the role's holder now.
    const by = (await decisionBy(deps, report.reportId, req.step)) ?? personIn(unit, byRole);
    await deps.mailer.send({
      to,
      ...revisionRequestMail({
        unit: unit.profile,
        lang: deps.config.language,
        report: fresh,
        to: person,
        by: { name: by.name, title: by.title },
        step: req.step,
        note: req.note,
        portal: deps.publicBaseUrl,
      }),
    });
  }
  await deps.ledger.record(
    report.reportId,
    { action: 'EMAIL_TERKIRIM', actor: { name: 'lapkin', role: 'SISTEM' }, detail: { to, kind: req.reason } },
    { revisionMailedFor: round },
  );
  return { mailed: true };
}

/** The person who took the REVISE decision of `step` (from the trail), as they were then. */
async function decisionBy(
  deps: Deps,
  reportId: string,
  step: string,
): Promise<{ name: string; title: string } | undefined> {
  const events = await deps.repo.events(reportId);
  const last = [...events]
    .reverse()
    .find((e) => e.action === 'KEPUTUSAN' && e.decision === 'REVISE' && (e.detail?.step ?? e.step) === step);
  return last?.actor.title ? { name: last.actor.name, title: last.actor.title } : undefined;
}

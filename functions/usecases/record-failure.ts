import type { ReportStatus } from '../core/report.ts';
import { simpleNoticeMail } from '../web/emails.ts';
import type { Deps } from './deps.ts';

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
  'PERLU_REVISI',
  'DISAHKAN',
];

/**
 * The failure path of every Task: a report never disappears silently. The report becomes GAGAL with the error,
 * its pending decisions are superseded (their links show a clear page), and TIMSAKIP is told how to restart:
 * upload the data again. The upload itself is never touched.
 */
export async function recordFailure(deps: Deps, input: FailureInput): Promise<{ recorded: boolean }> {
  const report = await deps.repo.get(input.reportId);
  if (!report) return { recorded: false };
  const error = {
    error: (input.error?.Error ?? 'Unknown').slice(0, 200),
    cause: summarizeCause(input.error?.Cause),
  };
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
    },
  });
  for (const d of await deps.repo.pendingDecisions(report.reportId)) {
    await deps.repo.updateDecision(d.decisionId, 'PENDING', { state: 'SUPERSEDED' }).catch(() => undefined);
  }
  const team = deps.config.people[deps.config.steps.documentation];
  await deps.mailer
    .send({
      to: [...new Set([team.email, report.uploaderEmail].filter((e): e is string => !!e))],
      ...simpleNoticeMail({
        config: deps.config,
        lang: deps.config.language,
        report,
        to: team,
        kind: 'failed',
        facts: [
          ['Error', error.error],
          ['Detail', error.cause],
        ],
      }),
    })
    .catch(() => {
      // The GAGAL status and the audit event are the notice that counts; the mail is a courtesy.
    });
  return { recorded: true };
}

/** Step Functions puts a JSON document in Cause for Lambda errors; keep its message, never a stack or a token. */
function summarizeCause(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    if (parsed.errorMessage) return parsed.errorMessage.slice(0, 300);
  } catch {
    // not JSON: a plain message
  }
  return cause.slice(0, 300);
}

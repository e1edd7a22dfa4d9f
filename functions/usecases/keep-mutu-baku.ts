import type { Person, Role } from '../core/config.ts';
import { decisionLink } from '../core/decision-link.ts';
import type { Report, ReportStatus } from '../core/report.ts';
import { uploadKey } from '../core/upload-key.ts';
import { mutuBakuMail } from '../web/mutu-baku-mails.ts';
import type { Deps } from './deps.ts';

/** The human waits the clock watches, and whose turn each one is. */
const WAITING: Partial<Record<ReportStatus, 'verify' | 'ratify' | 'revision'>> = {
  MENUNGGU_VERIFIKASI: 'verify',
  MENUNGGU_PENGESAHAN: 'ratify',
  PERLU_REVISI: 'revision',
  PERLU_PERBAIKAN_DATA: 'revision',
};

/** Escalation goes to the role above: Sekretaris → Camat; the Camat is told himself; a late upload → TIMSAKIP lead. */
const ABOVE: Record<'verify' | 'ratify' | 'revision', Role> = {
  verify: 'CAMAT',
  ratify: 'CAMAT',
  revision: 'TIMSAKIP',
};

export interface ClockResult {
  reminded: string[];
  escalated: string[];
}

/**
 * The Mutu Baku clock (SOP: every step 1 day), run on a schedule. For each report waiting on a person:
 * 1. at `reminderAtFraction` of the step's time, one reminder to the assignee (with the same link as before);
 * 2. at the due time, an escalation to the assignee and the role above, an SLA-breach audit event and metric —
 *    and again after each further Mutu Baku period while the step still waits.
 * Waiting goes on: nothing here fails, moves or cancels a report. Each notice is claimed in the ledger before it
 * is mailed (two clock runs never both send it) and released again if the mail fails, so the next run retries.
 */
export async function keepMutuBaku(deps: Deps): Promise<ClockResult> {
  const now = deps.clock.now();
  const result: ClockResult = { reminded: [], escalated: [] };
  for (const report of await deps.repo.list()) {
    const step = WAITING[report.status];
    if (!step || !report.dueAt || !report.stepStartedAt) continue;
    const start = Date.parse(report.stepStartedAt);
    const due = Date.parse(report.dueAt);
    const round = `${report.step}:${report.revision}:${report.stepStartedAt}`;
    if (now.getTime() >= due) {
      const period = Math.max(1, due - start);
      const owed = Math.floor((now.getTime() - due) / period) + 1;
      const sent = report.escalation?.round === round ? report.escalation.count : 0;
      if (owed > sent && (await notify(deps, report, step, 'escalation', round, owed)))
        result.escalated.push(report.reportId);
    } else if (
      now.getTime() >= start + deps.config.reminderAtFraction * (due - start) &&
      report.reminderSentFor !== round
    ) {
      if (await notify(deps, report, step, 'reminder', round, 0)) result.reminded.push(report.reportId);
    }
  }
  return result;
}

async function notify(
  deps: Deps,
  report: Report,
  step: 'verify' | 'ratify' | 'revision',
  kind: 'reminder' | 'escalation',
  round: string,
  count: number,
): Promise<boolean> {
  const role = deps.config.steps[step];
  const assignee = deps.config.people[role];
  const above = deps.config.people[ABOVE[step]];
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
        note: kind === 'escalation' ? `escalation ${count} to ${ABOVE[step]}` : undefined,
        detail: { dueAt: report.dueAt, step, ...(kind === 'escalation' ? { escalation: count, to: ABOVE[step] } : {}) },
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

  const recipients: Person[] = kind === 'escalation' && above.email !== assignee.email ? [assignee, above] : [assignee];
  try {
    const link = step === 'revision' ? undefined : await currentLink(deps, report.reportId);
    const key =
      step === 'revision'
        ? uploadKey(report.unit, report.tahun, report.periode, report.source.key.split('/').pop() ?? 'data.csv')
        : undefined;
    const extra = step === 'revision' && report.uploaderEmail ? [report.uploaderEmail] : [];
    for (const to of recipients) {
      await deps.mailer.send({
        to: [...new Set([to.email, ...(to === assignee ? extra : [])])],
        ...mutuBakuMail({
          config: deps.config,
          lang: deps.config.language,
          report,
          kind,
          to,
          waitingFor: assignee,
          link,
          uploadKey: key,
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
          note: `failed: ${(err as Error).message}`.slice(0, 300),
        },
        previous,
      )
      .catch(() => undefined);
    throw err;
  }
  return true;
}

/** The link already mailed for the pending decision: same id, same expiry, so the same signed URL. */
async function currentLink(deps: Deps, reportId: string): Promise<string | undefined> {
  const pending = (await deps.repo.pendingDecisions(reportId))[0];
  if (!pending) return undefined;
  return decisionLink(deps.publicBaseUrl, await deps.signingSecret(), {
    decisionId: pending.decisionId,
    assigneeNip: pending.assignee.nip,
    expiresAt: pending.expiresAt,
  });
}

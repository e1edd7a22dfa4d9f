import type { Role } from './config.ts';
import type { AuditAction, ReportStatus } from './report.ts';

/**
 * The SOP's human decisions, in the order a report meets them: the team lead's paraf (optional per unit), the
 * Sekretaris' verification (paraf) and the head of the unit's ratification (signature). Every one is the same
 * pattern — a DECISION record holding the task token, a mail and a portal task, the Mutu Baku clock — so what
 * differs between them is written here once, not as `step === 'ratify' ? … : …` in every use case.
 */
export const DECISION_STEPS = ['paraf', 'verify', 'ratify'] as const;
export type DecisionStep = (typeof DECISION_STEPS)[number];

export interface DecisionStepFacts {
  /** The report's status while the step waits. */
  waiting: ReportStatus;
  /** The statuses the report may come from when the step starts (a re-entered wait is already `waiting`). */
  from: readonly ReportStatus[];
  /** The audit action of the request. */
  requested: AuditAction;
  /** What the decision puts on the disposition sheet: an initial or the signature. */
  mark: 'paraf' | 'tanda tangan';
  /**
   * Who hears of a late decision besides the assignee: the role above in the unit. The head of the unit is told
   * himself (and the city at once, see keep-mutu-baku).
   */
  above: Role;
}

export const DECISION_STEP: Record<DecisionStep, DecisionStepFacts> = {
  paraf: {
    waiting: 'MENUNGGU_PARAF',
    from: ['DISUSUN'],
    requested: 'PARAF_DIMINTA',
    mark: 'paraf',
    above: 'SEKRETARIS_CAMAT',
  },
  verify: {
    waiting: 'MENUNGGU_VERIFIKASI',
    from: ['DISUSUN', 'MENUNGGU_PARAF'],
    requested: 'VERIFIKASI_DIMINTA',
    mark: 'paraf',
    above: 'CAMAT',
  },
  ratify: {
    waiting: 'MENUNGGU_PENGESAHAN',
    from: ['MENUNGGU_VERIFIKASI'],
    requested: 'PENGESAHAN_DIMINTA',
    mark: 'tanda tangan',
    above: 'CAMAT',
  },
};

export const isDecisionStep = (s: unknown): s is DecisionStep =>
  typeof s === 'string' && (DECISION_STEPS as readonly string[]).includes(s);

/** The decision step a status waits on, if it waits on one. */
export function stepWaitingIn(status: ReportStatus): DecisionStep | undefined {
  return DECISION_STEPS.find((s) => DECISION_STEP[s].waiting === status);
}

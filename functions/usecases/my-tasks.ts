import type { Decision, Period } from '../core/report.ts';
import type { SessionPerson } from '../core/session.ts';
import type { Deps } from './deps.ts';

/** One task of "Tugas saya": a decision waiting for this person, and the report it is about. */
export interface Task {
  decisionId: string;
  reportId: string;
  step: Decision['step'];
  revision: number;
  tahun?: number;
  periode?: Period;
  createdAt: string;
  dueAt: string;
  late: boolean;
}

const REPORT_ID = /-(\d{4})-(TW[1-4]|TAHUNAN)$/;

/**
 * "Tugas saya": the PENDING decisions of the person's unit whose assignee is this person (by NIP),
 * oldest first: the one waiting longest is decided first. One query on the
 * index partitioned by unit; never the task token (only the fields a list shows leave this function).
 */
export async function myTasks(deps: Deps, person: SessionPerson, now: Date): Promise<Task[]> {
  const pending = await deps.repo.pendingDecisions(person.unit);
  return pending
    .filter((d) => d.state === 'PENDING' && d.assignee.nip === person.nip)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.dueAt.localeCompare(b.dueAt))
    .map((d) => {
      const m = REPORT_ID.exec(d.reportId);
      return {
        decisionId: d.decisionId,
        reportId: d.reportId,
        step: d.step,
        revision: d.revision,
        ...(m ? { tahun: Number(m[1]), periode: m[2] as Period } : {}),
        createdAt: d.createdAt,
        dueAt: d.dueAt,
        late: Date.parse(d.dueAt) < now.getTime(),
      };
    });
}

import { CITY_UNIT } from '../core/config.ts';
import { stepWaitingIn } from '../core/decision-steps.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { AuditEvent, DecisionStep, DocumentRef, Period, Report } from '../core/report.ts';
import { isReportId, PERIODS } from '../core/report.ts';
import { choosePeriod, isLateNow, newestFirst, type PeriodKey, periodsWithReports } from '../core/report-period.ts';
import { type ReportView, reportView } from '../core/report-view.ts';
import type { SessionPerson } from '../core/session.ts';
import { type Funnel, sopFunnel } from '../core/sop-funnel.ts';
import { type UnitRow, unitRows } from '../core/unit-rows.ts';
import type { Deps } from './deps.ts';
import { listUnits, unitDirectory } from './directory.ts';
import { DOWNLOAD_SECONDS } from './take-decision.ts';
import { listReports } from './unit-reports.ts';

/** A signed-in person asking for a report of another unit (only the city reads every unit's): 403. */
export class ReportForbiddenError extends Error {
  override name = 'ReportForbiddenError';
}

/** No report has this id: 404. */
export class PortalReportNotFoundError extends Error {
  override name = 'PortalReportNotFoundError';
}

/** Whether a person acts for the city (KOTA: reads every unit) rather than one unit. */
export const readsEveryUnit = (p: SessionPerson) => p.unit === CITY_UNIT;

/** What the list was asked for: ?tahun, ?periode, ?unit (the city only). Empty values mean "all". */
export interface ReportFilter {
  tahun?: number;
  periode?: Period;
  unit?: string;
}

export function reportFilter(q: (name: string) => string | undefined): { filter: ReportFilter; asked: boolean } {
  const tahun = Number(q('tahun'));
  const periode = q('periode');
  const unit = q('unit')?.trim();
  return {
    filter: {
      ...(Number.isInteger(tahun) && tahun > 1900 && tahun < 3000 ? { tahun } : {}),
      ...(PERIODS.includes(periode as Period) ? { periode: periode as Period } : {}),
      ...(unit ? { unit } : {}),
    },
    // A submitted form (even "all") is a choice; a bare /laporan gets the default.
    asked: ['tahun', 'periode', 'unit'].some((k) => q(k) !== undefined),
  };
}

export interface ReportListItem {
  report: ReportView;
  /** The report's unit (titles for its status label, its name in the city's view). */
  unitName: string;
  late: boolean;
}

export interface ReportList {
  items: ReportListItem[];
  /** The filter applied (the city's default: one period, see choosePeriod). */
  filter: ReportFilter;
  /** Years that have reports, newest first, for the filter. */
  years: number[];
  /** The city's view: every unit, with a unit filter. */
  city: boolean;
  /** The units the city may filter by. */
  units: Pick<UnitProfile, 'unitCode' | 'organization' | 'roleTitles'>[];
  /** Each listed report's unit, for its titles. */
  unitOf: Record<string, UnitProfile>;
  /** The city asked for a unit the directory does not know. */
  unknownUnit?: string;
  /** The SOP funnel of the reports shown, counted in reports (the city's view). */
  funnel: Funnel;
  /** The city's table of units (every unit, or the one filtered to): funnel, reports by status, late, last documented. */
  unitRows: UnitRow[];
  /** The city's pending decisions of the units in view, any period, oldest first: who is waiting, since when. */
  pending: PendingDecisionView[];
  /** Periods that have reports (of the units in view), newest first: the city's period line. */
  periods: PeriodKey[];
}

/** A decision the SOP waits for, as the city sees it: never its task token. */
export interface PendingDecisionView {
  reportId: string;
  unit: string;
  unitName: string;
  tahun: number;
  periode: Period;
  step: DecisionStep;
  assignee: { name: string; title: string };
  /** Asked since. */
  since: string;
  dueAt: string;
  late: boolean;
}

/** How many unit partitions of pending decisions are read at once. */
const PARALLEL_UNITS = 8;

/**
 * The pending decisions of the city's reports that wait for one: only the partitions of units with such a report
 * are read (500 units, a handful waiting), a few at a time.
 */
async function pendingOf(deps: Deps, waiting: readonly Report[], unitName: (u: string) => string, now: Date) {
  const units = [...new Set(waiting.map((r) => r.unit))];
  const byId = new Map(waiting.map((r) => [r.reportId, r]));
  const out: PendingDecisionView[] = [];
  for (let i = 0; i < units.length; i += PARALLEL_UNITS) {
    const read = await Promise.all(units.slice(i, i + PARALLEL_UNITS).map((u) => deps.repo.pendingDecisions(u)));
    for (const d of read.flat()) {
      const r = byId.get(d.reportId);
      if (!r || d.state !== 'PENDING') continue;
      out.push({
        reportId: d.reportId,
        unit: r.unit,
        unitName: unitName(r.unit),
        tahun: r.tahun,
        periode: r.periode,
        step: d.step,
        assignee: { name: d.assignee.name, title: d.assignee.title },
        since: d.createdAt,
        dueAt: d.dueAt,
        late: Date.parse(d.dueAt) < now.getTime(),
      });
    }
  }
  return out.sort((a, b) => a.since.localeCompare(b.since));
}

/**
 * The reports a signed-in person may see, newest first: their unit's (one query on the index partitioned by
 * unit); the city (KOTA) every unit's, or one unit's with ?unit. Filtered by tahun/periode; the city's bare
 * list shows one period (today's quarter, else the latest with reports) so 500 units stay one page.
 */
export async function listReportsFor(
  deps: Deps,
  person: SessionPerson,
  asked: { filter: ReportFilter; asked: boolean },
  now: Date,
): Promise<ReportList> {
  const city = readsEveryUnit(person);
  const units = city ? await listUnits(deps) : [(await unitDirectory(deps, person.unit)).profile];
  const filter: ReportFilter = { ...asked.filter };
  if (!city) delete filter.unit;
  const unknownUnit = city && filter.unit && !units.some((u) => u.unitCode === filter.unit) ? filter.unit : undefined;
  const all = unknownUnit ? [] : await listReports(deps, { unit: city ? filter.unit : person.unit });
  if (city && !asked.asked) {
    const p: PeriodKey = choosePeriod(all, now);
    filter.tahun = p.tahun;
    filter.periode = p.periode;
  }
  const shown = all.filter(
    (r) => (!filter.tahun || r.tahun === filter.tahun) && (!filter.periode || r.periode === filter.periode),
  );
  const unitOf = Object.fromEntries(units.map((u) => [u.unitCode, u]));
  const nameOf = (u: string) => unitOf[u]?.organization.name ?? u;
  // The city's table lists every unit of the directory (one with no report yet too: the one it most needs to see),
  // or the unit filtered to.
  const tableUnits = units
    .filter((u) => !filter.unit || u.unitCode === filter.unit)
    .map((u) => ({ unitCode: u.unitCode, name: u.organization.name }));
  const waiting = city ? all.filter((r) => r.status.startsWith('MENUNGGU')) : [];
  return {
    items: newestFirst(shown).map((r) => ({
      report: reportView(r),
      unitName: nameOf(r.unit),
      late: isLateNow(r, now),
    })),
    filter,
    years: [...new Set(all.map((r) => r.tahun))].sort((a, b) => b - a),
    city,
    units,
    unitOf,
    ...(unknownUnit ? { unknownUnit } : {}),
    funnel: sopFunnel(shown),
    unitRows: city && !unknownUnit ? unitRows(tableUnits, all, filter, now) : [],
    pending: waiting.length ? await pendingOf(deps, waiting, nameOf, now) : [],
    periods: city ? periodsWithReports(all) : [],
  };
}

/** A person of the trail: as recorded on the event (name and title at the time). */
export interface TimelinePerson {
  name: string;
  title?: string;
  role: string;
}

/** One entry of the report's timeline. `by` is who ACTED; `to` whom the system addressed (asked, reminded). */
export interface TimelineEntry {
  seq: number;
  at: string;
  action: AuditEvent['action'];
  revision: number;
  /** Who acted: a person, or the system (undefined). */
  by?: TimelinePerson;
  to?: TimelinePerson;
  decision?: AuditEvent['decision'];
  /** A person's note (a decision's, a revision request's), as written. */
  note?: string;
  /** A system note, raw (the page translates the known ones). */
  systemNote?: string;
}

/** Events whose recorded person is the one asked or reminded: the system acted, the person was addressed. */
const ADDRESSED: readonly AuditEvent['action'][] = [
  'VERIFIKASI_DIMINTA',
  'PENGESAHAN_DIMINTA',
  'PARAF_DIMINTA',
  'DIALIHKAN',
  'REVISI_DIMINTA',
  'PENGINGAT',
  'MUTU_BAKU_TERLAMPAUI',
];

function timelineEntry(e: AuditEvent, unit: UnitProfile): TimelineEntry {
  // Events recorded without the person's title (requests, reminders) name the role by the unit's title for it.
  const title = e.actor.title ?? (unit.roleTitles as Record<string, string>)[e.actor.role];
  const person: TimelinePerson | undefined =
    e.actor.role === 'SISTEM' ? undefined : { name: e.actor.name, role: e.actor.role, ...(title ? { title } : {}) };
  const addressed = ADDRESSED.includes(e.action);
  const byPerson = person && !addressed;
  return {
    seq: e.seq,
    at: e.at,
    action: e.action,
    revision: e.revision,
    ...(byPerson ? { by: person } : {}),
    ...(person && addressed ? { to: person } : {}),
    ...(e.decision ? { decision: e.decision } : {}),
    // Notes a person wrote: on a decision, or on the revision request that carries the decision's note.
    ...(e.note && (e.action === 'KEPUTUSAN' || (e.action === 'REVISI_DIMINTA' && person)) ? { note: e.note } : {}),
    ...(e.note && !(e.action === 'KEPUTUSAN' || (e.action === 'REVISI_DIMINTA' && person))
      ? { systemNote: e.note }
      : {}),
  };
}

/** A document to download: what it is, its file name, and a short-lived link. */
export interface DownloadItem {
  kind: 'pdf' | 'xlsx' | 'source' | 'problems' | 'archivePdf' | 'archiveXlsx' | 'archiveSource' | 'disposition';
  fileName: string;
  url: string;
}

/** The documents of one stage: a revision assembled, an upload refused, the archive. */
export interface DocumentGroup {
  kind: 'revision' | 'invalid' | 'archive';
  revision: number;
  at: string;
  items: DownloadItem[];
}

/** What happens next, and who the report waits for. */
export type NextStep =
  | {
      kind: 'decision';
      step: DecisionStep;
      who?: { name: string; title: string };
      roleTitle: string;
      dueAt?: string;
      late: boolean;
      /** The viewer is the one asked: their task's id, to open it. */
      myTask?: string;
    }
  | {
      kind: 'upload';
      reason: 'DATA_INVALID' | 'REVISE';
      who?: { name: string; title: string };
      dueAt?: string;
      late: boolean;
      note?: string;
    }
  | { kind: 'system'; step: 'assemble' | 'documentation'; dueAt?: string; late: boolean }
  | { kind: 'done'; at?: string }
  | { kind: 'failed' };

export interface ReportPage {
  report: ReportView;
  unit: UnitProfile;
  next: NextStep;
  /** Oldest first. */
  timeline: TimelineEntry[];
  /** Newest first. */
  documents: DocumentGroup[];
}

async function readableReport(deps: Deps, person: SessionPerson, reportId: string): Promise<Report> {
  // An id of another shape is no report (and may be longer than any table key: no database error for it).
  const report = isReportId(reportId) ? await deps.repo.get(reportId) : undefined;
  if (!report) throw new PortalReportNotFoundError(`report ${reportId} not found`);
  if (!readsEveryUnit(person) && report.unit !== person.unit)
    throw new ReportForbiddenError(`report ${reportId} is not of the session's unit`);
  return report;
}

/**
 * A report as its unit (or the city) reads it: the report (a view model, never the stored record with its task
 * token), what happens next and who is waiting, the timeline of who acted, and every stage's documents with
 * links that expire after DOWNLOAD_SECONDS. The links are made here and shown; they are never logged.
 */
export async function reportPageFor(
  deps: Deps,
  person: SessionPerson,
  reportId: string,
  now: Date,
): Promise<ReportPage> {
  const report = await readableReport(deps, person, reportId);
  const [unit, events] = await Promise.all([unitDirectory(deps, report.unit), deps.repo.events(report.reportId)]);
  const url = (d: DocumentRef) => deps.store.downloadUrl(d.key, d.versionId, DOWNLOAD_SECONDS);
  const item = async (kind: DownloadItem['kind'], d: DocumentRef | undefined): Promise<DownloadItem[]> =>
    d?.key && d.versionId ? [{ kind, fileName: d.key.split('/').pop() ?? d.key, url: await url(d) }] : [];
  const groups: DocumentGroup[] = [];
  for (const e of events) {
    const detail = (e.detail ?? {}) as Record<string, DocumentRef | undefined> & {
      archive?: Record<string, DocumentRef>;
    };
    if (e.action === 'DISUSUN')
      groups.push({
        kind: 'revision',
        revision: e.revision,
        at: e.at,
        items: [
          ...(await item('pdf', e.document)),
          ...(await item('xlsx', detail.xlsx)),
          ...(await item('source', detail.source)),
        ],
      });
    else if (e.action === 'DATA_TIDAK_VALID')
      groups.push({
        kind: 'invalid',
        revision: e.revision,
        at: e.at,
        items: [...(await item('source', e.document)), ...(await item('problems', detail.problems))],
      });
    else if (e.action === 'TERDOKUMENTASI' && detail.archive)
      groups.push({
        kind: 'archive',
        revision: e.revision,
        at: e.at,
        items: [
          ...(await item('archivePdf', detail.archive.pdf)),
          ...(await item('disposition', detail.archive.disposition)),
          ...(await item('archiveXlsx', detail.archive.xlsx)),
          ...(await item('archiveSource', detail.archive.source)),
        ],
      });
  }
  return {
    report: reportView(report),
    unit: unit.profile,
    next: await nextStep(deps, report, unit.profile, unit.people, now, person),
    timeline: events.map((e) => timelineEntry(e, unit.profile)),
    documents: groups.filter((g) => g.items.length).reverse(),
  };
}

async function nextStep(
  deps: Deps,
  r: Report,
  unit: UnitProfile,
  people: Awaited<ReturnType<typeof unitDirectory>>['people'],
  now: Date,
  viewer: SessionPerson,
): Promise<NextStep> {
  const late = isLateNow(r, now);
  const due = r.dueAt ? { dueAt: r.dueAt } : {};
  switch (r.status) {
    case 'MENUNGGU_PARAF':
    case 'MENUNGGU_VERIFIKASI':
    case 'MENUNGGU_PENGESAHAN': {
      const step = stepWaitingIn(r.status) as DecisionStep;
      const role = deps.config.steps[step];
      // The pending decision names who was asked; the index may lag behind: then the role's title.
      const pending = (await deps.repo.pendingDecisions(r.unit, r.reportId)).find((d) => d.step === step);
      return {
        kind: 'decision',
        step,
        roleTitle: unit.roleTitles[role],
        ...(pending ? { who: { name: pending.assignee.name, title: pending.assignee.title } } : {}),
        ...(pending ? { dueAt: pending.dueAt } : due),
        late: pending ? Date.parse(pending.dueAt) < now.getTime() : late,
        ...(pending && pending.assignee.nip === viewer.nip && viewer.unit === r.unit
          ? { myTask: pending.decisionId }
          : {}),
      };
    }
    case 'PERLU_REVISI':
    case 'PERLU_PERBAIKAN_DATA': {
      const person = people[deps.config.steps.revision];
      return {
        kind: 'upload',
        reason: r.status === 'PERLU_REVISI' ? 'REVISE' : 'DATA_INVALID',
        ...(person ? { who: { name: person.name, title: person.title } } : {}),
        ...due,
        late,
        ...(r.status === 'PERLU_REVISI' && r.revisionNote ? { note: r.revisionNote } : {}),
      };
    }
    case 'DITERIMA':
    case 'DISUSUN':
      return { kind: 'system', step: 'assemble', ...due, late };
    case 'DISAHKAN':
      return { kind: 'system', step: 'documentation', ...due, late };
    case 'TERDOKUMENTASI':
      return { kind: 'done', ...(r.documentedAt ? { at: r.documentedAt } : {}) };
    default:
      return { kind: 'failed' };
  }
}

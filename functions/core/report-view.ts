import type { AuditEvent, Report } from './report.ts';

/**
 * What the portal, the local HTTP routes and the CLI show of a report: an explicit allow-list of fields, never the stored
 * record. The record carries the revision wait's task token (and bookkeeping the ledger alone needs); a field
 * added to the record later stays private until it is added here on purpose.
 */
export type ReportView = Pick<
  Report,
  | 'reportId'
  | 'unit'
  | 'tahun'
  | 'periode'
  | 'status'
  | 'step'
  | 'revision'
  | 'source'
  | 'uploaderEmail'
  | 'reportPdf'
  | 'reportXlsx'
  | 'reportData'
  | 'revisionDiff'
  | 'diffSummary'
  | 'summary'
  | 'dataProblems'
  | 'problemsXlsx'
  | 'archive'
  | 'dueAt'
  | 'stepStartedAt'
  | 'revisionNote'
  | 'lastError'
  | 'retries'
  | 'createdAt'
  | 'updatedAt'
>;

const REPORT_FIELDS = [
  'reportId',
  'unit',
  'tahun',
  'periode',
  'status',
  'step',
  'revision',
  'source',
  'uploaderEmail',
  'reportPdf',
  'reportXlsx',
  'reportData',
  'revisionDiff',
  'diffSummary',
  'summary',
  'dataProblems',
  'problemsXlsx',
  'archive',
  'dueAt',
  'stepStartedAt',
  'revisionNote',
  'lastError',
  'retries',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof ReportView)[];

export type AuditEventView = Pick<
  AuditEvent,
  | 'reportId'
  | 'seq'
  | 'at'
  | 'action'
  | 'status'
  | 'step'
  | 'revision'
  | 'actor'
  | 'decision'
  | 'note'
  | 'document'
  | 'detail'
  | 'prevHash'
  | 'hash'
>;

const EVENT_FIELDS = [
  'reportId',
  'seq',
  'at',
  'action',
  'status',
  'step',
  'revision',
  'actor',
  'decision',
  'note',
  'document',
  'detail',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEventView)[];

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

export const reportView = (r: Report): ReportView => pick(r, REPORT_FIELDS);
export const auditEventView = (e: AuditEvent): AuditEventView => pick(e, EVENT_FIELDS);

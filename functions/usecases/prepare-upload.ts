import { AWAITING_UPLOAD, isReportId, PERIODS, type Period, type ReportStatus } from '../core/report.ts';
import { canUpload, type SessionPerson } from '../core/session.ts';
import { parsePkUploadKey, parseUploadKey, pkUploadKey, uploadKey } from '../core/upload-key.ts';
import type { UploadForm } from '../ports/upload-signer.ts';
import type { Deps } from './deps.ts';

/** How long a signed form is good for: enough to pick a file and send it on a slow line, not a working day. */
export const UPLOAD_FORM_SECONDS = 600;
/** The first year an upload may be for; the last is next year (a TAHUNAN plan is sometimes sent early). */
export const FIRST_UPLOAD_YEAR = 2020;

export const FILE_KINDS = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** The person holds none of the data collectors' roles in their unit (or, for the PK, is not its team lead). */
export class UploadNotAllowedError extends Error {
  override name = 'UploadNotAllowedError';
  constructor(
    message: string,
    readonly what: 'data' | 'pk' = 'data',
  ) {
    super(message);
  }
}

/** A report takes an upload when it waits for a corrected one, or failed (an upload restarts it). */
export const takesUpload = (status: ReportStatus): boolean => AWAITING_UPLOAD.includes(status) || status === 'GAGAL';

/**
 * The report of that period takes no upload now: documented, or in review (an upload would be kept but not used,
 * which the page must say before the file is sent, not after).
 */
export class ReportNotTakingUploadsError extends Error {
  override name = 'ReportNotTakingUploadsError';
  constructor(
    readonly reportId: string,
    readonly status: ReportStatus,
  ) {
    super(`report ${reportId} is ${status}`);
  }
}

/** tahun, periode or the file kind the page sent is not one an upload can have. */
export class UploadInputError extends Error {
  override name = 'UploadInputError';
  constructor(readonly field: 'tahun' | 'periode' | 'jenis') {
    super(`invalid ${field}`);
  }
}

export interface UploadChoice {
  tahun: unknown;
  periode: unknown;
  /** csv or xlsx, as the page's check read the file; the key's extension and the Content-Type follow it. */
  jenis: unknown;
}

export interface PreparedUpload {
  form: UploadForm;
  /** The report the upload starts or corrects; absent for a Perjanjian Kinerja, which is no report. */
  reportId?: string;
  /** The unit and year whose Perjanjian Kinerja the upload is. */
  pk?: { unit: string; tahun: number };
  expiresAt: string;
}

/** The periode choice of the unit's Perjanjian Kinerja: the team lead's once-a-year upload. */
export const PK_CHOICE = 'PK';
/** Who uploads the PK: the team lead who compiles the unit's SAKIP documents (SOP step 2's role). */
export const canUploadPk = (p: Pick<SessionPerson, 'roles'>) => p.roles.includes('TIMSAKIP');

/** The years an upload may be for, now. */
export function uploadYears(now: Date): { first: number; last: number } {
  return { first: FIRST_UPLOAD_YEAR, last: now.getUTCFullYear() + 1 };
}

export function parseTahun(value: unknown, now: Date): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}$/.test(text)) return undefined;
  const tahun = Number(text);
  const { first, last } = uploadYears(now);
  return tahun >= first && tahun <= last ? tahun : undefined;
}

export function parsePeriode(value: unknown): Period | undefined {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return (PERIODS as readonly string[]).includes(text) ? (text as Period) : undefined;
}

/**
 * The form a signed-in data collector's browser posts its file with, straight to the bucket. Everything that
 * matters is fixed here from the session, never from the request: the key (their own unit, the chosen tahun and
 * periode, a fresh name), the size range (1 byte to `dataLimits.maxFileMB`), the content type and the uploader's
 * address and NIP as object metadata (intake mails the uploader from `uploader-email`). The upload then starts
 * or resumes the report through the bucket event, like any other upload.
 */
export async function prepareUpload(
  deps: Pick<Deps, 'uploads' | 'config' | 'clock' | 'repo'>,
  person: SessionPerson,
  choice: UploadChoice,
): Promise<PreparedUpload> {
  if (!canUpload(person)) throw new UploadNotAllowedError('upload needs the STAF, KASI or TIMSAKIP role');
  const now = deps.clock.now();
  const tahun = parseTahun(choice.tahun, now);
  if (tahun === undefined) throw new UploadInputError('tahun');
  const pk = typeof choice.periode === 'string' && choice.periode.trim().toUpperCase() === PK_CHOICE;
  const periode = pk ? undefined : parsePeriode(choice.periode);
  if (!pk && !periode) throw new UploadInputError('periode');
  if (pk && !canUploadPk(person)) throw new UploadNotAllowedError('the PK upload needs the TIMSAKIP role', 'pk');
  const jenis = choice.jenis === 'csv' || choice.jenis === 'xlsx' ? (choice.jenis as FileKind) : undefined;
  if (!jenis) throw new UploadInputError('jenis');
  const fileName = `${crypto.randomUUID()}.${jenis}`;
  const key = periode ? uploadKey(person.unit, tahun, periode, fileName) : pkUploadKey(person.unit, tahun, fileName);
  // The key must be one intake accepts: a unit code the key syntax refuses is a configuration error, not the user's.
  const target = periode ? { reportId: parseUploadKey(key).reportId } : { pk: parsePkUploadKey(key) };
  if (target.reportId) {
    // A new report, one waiting for a corrected upload, or a failed one (an upload restarts it) take the file.
    const report = await deps.repo.get(target.reportId);
    if (report && !takesUpload(report.status)) {
      throw new ReportNotTakingUploadsError(report.reportId, report.status);
    }
  }
  const form = await deps.uploads.presignPost({
    key,
    contentType: FILE_KINDS[jenis],
    maxBytes: deps.config.dataLimits.maxFileMB * 1024 * 1024,
    metadata: { 'uploader-email': person.email, 'uploader-nip': person.nip },
    expiresInSeconds: UPLOAD_FORM_SECONDS,
  });
  const expiresAt = new Date(now.getTime() + UPLOAD_FORM_SECONDS * 1000).toISOString();
  if ('reportId' in target) return { form, reportId: target.reportId, expiresAt };
  return { form, pk: { unit: target.pk.unit, tahun: target.pk.tahun }, expiresAt };
}

/** The report an upload corrects (the revision mail's `?laporan=<id>`), or why it is none. */
export type CorrectedReport =
  | { kind: 'report'; reportId: string; tahun: number; periode: Period; status: ReportStatus; note?: string }
  | { kind: 'unknown'; id: string };

/**
 * `?laporan=<id>`: the report of the person's own unit this upload corrects. Another unit's report, an unknown
 * one and an id of no report's shape all read as unknown: nothing of another unit is ever shown.
 */
export async function reportToCorrect(
  deps: Pick<Deps, 'repo'>,
  person: SessionPerson,
  reportId: string | undefined,
): Promise<CorrectedReport | undefined> {
  if (!reportId) return undefined;
  const report = isReportId(reportId) ? await deps.repo.get(reportId) : undefined;
  if (!report || report.unit !== person.unit) return { kind: 'unknown', id: reportId.slice(0, 80) };
  return {
    kind: 'report',
    reportId: report.reportId,
    tahun: report.tahun,
    periode: report.periode,
    status: report.status,
    note: report.revisionNote,
  };
}

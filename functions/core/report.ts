import type { CityRole, Role } from './config.ts';
import type { DecisionStep } from './decision-steps.ts';
import type { DiffSummary } from './performance-data.ts';

/** Report statuses, named as the SOP staff say them. Every transition is a conditional write. */
export const STATUSES = [
  'DITERIMA', // data received (SOP step 1)
  'DISUSUN', // report assembled (step 2)
  'MENUNGGU_PARAF', // waiting for the team lead's paraf (step 2, Pencatatan: the ketua tim kerja initials it)
  'PERLU_PERBAIKAN_DATA', // uploaded data invalid: waiting for a corrected upload
  'MENUNGGU_VERIFIKASI', // waiting for the Sekretaris Camat (step 3)
  'MENUNGGU_PENGESAHAN', // waiting for the Camat (step 4)
  'PERLU_REVISI', // sent back by a verifier: waiting for a corrected upload
  'DISAHKAN', // ratified by the Camat
  'TERDOKUMENTASI', // archived (step 5)
  'GAGAL', // failed for a technical reason; an operator can re-upload to restart
] as const;
export type ReportStatus = (typeof STATUSES)[number];

/** Statuses in which a new upload resumes the waiting execution. */
export const AWAITING_UPLOAD: readonly ReportStatus[] = ['PERLU_PERBAIKAN_DATA', 'PERLU_REVISI'];

export const PERIODS = ['TW1', 'TW2', 'TW3', 'TW4', 'TAHUNAN'] as const;
export type Period = (typeof PERIODS)[number];

/** `<unit>-<tahun>-<periode>`, the only shape a report id has (upload-key.ts makes them): anything else is none. */
const REPORT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}-\d{4}-(TW[1-4]|TAHUNAN)$/;
export const isReportId = (id: string): boolean => REPORT_ID_PATTERN.test(id);

export type DecisionValue = 'APPROVE' | 'REVISE';
export type { DecisionStep } from './decision-steps.ts';

export interface DocumentRef {
  key: string;
  versionId: string;
  sha256?: string;
}

/** One indicator below target (capaian < 100 %), as the decision's confirm view lists it. */
export interface BelowTargetIndicator {
  kode: string;
  indikator: string;
  satuan: string;
  target: number;
  realisasi: number;
  capaian: number;
}

/** How many below-target indicators the report item carries (the item stays small; the PDF has them all). */
export const BELOW_TARGET_MAX = 25;

export interface Report {
  reportId: string;
  unit: string;
  tahun: number;
  periode: Period;
  status: ReportStatus;
  /** SOP step the report is at: collect | assemble | verify | ratify | revision | documentation | done */
  step: string;
  /** 1 for the first assembled report; +1 for each corrected upload that is assembled. */
  revision: number;
  executionArn?: string;
  source: DocumentRef;
  /** S3 event sequencer of the source upload: orders versions of the same key, so a late old event loses. */
  sourceSequencer?: string;
  /** Who uploaded (S3 object metadata), if known; otherwise the configured revision role is mailed. */
  uploaderEmail?: string;
  reportPdf?: DocumentRef;
  /** The assembled report's data (JSON), from which the archive re-renders the PDF with the approvals. */
  reportData?: DocumentRef;
  /** Warnings about the current revision's upload as a whole (read as windows-1252), for the decision mail. */
  dataWarnings?: string[];
  /** Key numbers of the current revision, for emails, pages and `lapkin status`. */
  summary?: {
    indicatorCount: number;
    averageCapaian: number | null;
    belowTarget: number;
    /**
     * The indicators below target, lowest capaian first (at most BELOW_TARGET_MAX), for the confirm view.
     * Reports assembled before this field have none: the view reads them from the stored data.
     */
    belowTargetList?: BelowTargetIndicator[];
  };
  /** Problems of the last invalid upload (the first few; the full list is in `problemsXlsx`). */
  dataProblems?: {
    count: number;
    sample: { row: number | null; column: string | null; value: string | null; message: string }[];
  };
  problemsXlsx?: DocumentRef;
  reportXlsx?: DocumentRef;
  /** From revision 2 on: what changed against the previous revision's data (JSON under laporan/). */
  revisionDiff?: DocumentRef;
  /** The first lines of that diff, small enough for the report item, for the decision mail and page. */
  diffSummary?: DiffSummary;
  archive?: { pdf: DocumentRef; xlsx: DocumentRef; source: DocumentRef; disposition: DocumentRef };
  /** The code printed on the archived documents (canonical, see core/verification-code.ts): /verifikasi/<code>. */
  verificationCode?: string;
  /** When the report was documented (SOP step 5); later ignored uploads change updatedAt, never this. */
  documentedAt?: string;
  /** Mutu Baku deadline of the current step (ISO time). */
  dueAt?: string;
  /** When the current step began: the Mutu Baku clock runs from here to dueAt. */
  stepStartedAt?: string;
  /** The waiting round (step, revision, start) whose reminder went out: one reminder per round. */
  reminderSentFor?: string;
  /** Escalations sent for the current waiting round: one at dueAt, then one per further Mutu Baku period. */
  escalation?: { round: string; count: number };
  /** The task token of the revision wait. Stored only here; never in a URL or a log. */
  revisionTaskToken?: string;
  revisionNote?: string;
  /** Which revision round the stored token belongs to: a re-entered wait of the same round sends no second mail. */
  revisionRound?: string;
  /** The revision round whose mail went out; a retry after a mail failure mails again, a re-entered wait does not. */
  revisionMailedFor?: string;
  lastError?: { error: string; cause: string };
  /** How many times an operator restarted this report after a failure. */
  retries?: number;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency counter: each write requires the version it read. */
  version: number;
  /** Number of audit events; the next event gets eventSeq + 1. */
  eventSeq: number;
  lastEventHash: string;
  /**
   * Copy of the newest audit event, written with the report. If a writer stops between the report and its event
   * item, the next writer stores the event from here, so no event is ever lost.
   */
  lastEvent?: AuditEvent;
}

export type AuditAction =
  | 'DITERIMA'
  | 'UNGGAHAN_DIABAIKAN'
  /** The uploader address in the upload's metadata was invalid and is not used. */
  | 'ALAMAT_PENGUNGGAH_DIABAIKAN'
  | 'DISUSUN'
  | 'DATA_TIDAK_VALID'
  | 'PARAF_DIMINTA'
  | 'VERIFIKASI_DIMINTA'
  | 'PENGESAHAN_DIMINTA'
  | 'KEPUTUSAN'
  | 'KEPUTUSAN_TIDAK_BERLAKU'
  /** A pending decision re-addressed: to a Plh / Plt while the official is away, or back when the delegation ends. */
  | 'DIALIHKAN'
  | 'REVISI_DIMINTA'
  | 'EMAIL_TERKIRIM'
  | 'PENGINGAT'
  | 'MUTU_BAKU_TERLAMPAUI'
  | 'REVISI_DITERIMA'
  | 'TERDOKUMENTASI'
  | 'GAGAL';

export interface AuditEvent {
  reportId: string;
  seq: number;
  at: string;
  action: AuditAction;
  status: ReportStatus;
  step: string;
  revision: number;
  /** Who acted, as they were then (name, NIP, title at the time: the disposition sheet prints these). */
  actor: {
    name: string;
    role: Role | CityRole | 'SISTEM';
    nip?: string;
    email?: string;
    title?: string;
    /** A Plh / Plt acting for the official of `role` (their title then, "Camat Karawaci"). */
    actingFor?: ActingFor;
  };
  decision?: DecisionValue;
  note?: string;
  document?: DocumentRef;
  detail?: Record<string, unknown>;
  /** SHA-256 of the previous event of this report (tamper evidence). */
  prevHash: string;
  hash: string;
}

export type DecisionState = 'PENDING' | 'USED' | 'SUPERSEDED';

/** The official a Plh / Plt acts for, as they were then. */
export interface ActingFor {
  name: string;
  nip: string;
  title: string;
  kind: 'PLH' | 'PLT';
  delegationId: string;
}

/** A previous assignee of a re-addressed decision: their link answers "dialihkan kepada …". */
export interface Redirect {
  name: string;
  nip: string;
  title: string;
  at: string;
}

export interface Decision {
  decisionId: string;
  reportId: string;
  /** The unit of the report: partitions the index of pending decisions (older decisions: from the report id). */
  unit?: string;
  step: DecisionStep;
  role: Role;
  /** Who is asked now. A Plh / Plt carries the title they decide under ("Plh. Camat Karawaci"). */
  assignee: { name: string; nip: string; email: string; title: string };
  /** When the assignee is a Plh / Plt: the official they act for. */
  actingFor?: ActingFor;
  /** Earlier assignees, oldest first, when the decision was re-addressed (delegation set, ended or cancelled). */
  redirectedFrom?: Redirect[];
  revision: number;
  document: DocumentRef;
  /** Current Step Functions task token of this wait. Server-side only. */
  taskToken: string;
  /** The execution that waits: asked when a resume's outcome is unknown (decisions before this field: none). */
  executionArn?: string;
  state: DecisionState;
  createdAt: string;
  expiresAt: string;
  dueAt: string;
  mailSentAt?: string;
  decision?: DecisionValue;
  note?: string;
  decidedAt?: string;
  /** From PENDING → USED until the workflow has it: a decision taken whose completion is still to finish. */
  finishing?: boolean;
  /** USED and its KEPUTUSAN entry is in the audit trail. */
  recordedAt?: string;
  /** USED and the workflow has it. */
  resumedAt?: string;
}

/**
 * One class per meaning. The `name` is what Step Functions sees as the error name (Retry/Catch match on it), so
 * it is stable API: the ASL retries TransientError and never retries the others.
 */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** A conditional write lost: the report moved on since it was read. */
export class TransitionConflictError extends Error {
  override name = 'TransitionConflictError';
}

export class ReportNotFoundError extends Error {
  override name = 'ReportNotFoundError';
}

export class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError';
}

/** A stored version is larger than the caller may read into memory (e.g. an upload above `maxFileMB`). */
export class DocumentTooLargeError extends Error {
  override name = 'DocumentTooLargeError';
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`${key} is ${size} bytes, above the limit of this read`);
  }
}

/** The decision was taken already (or superseded): a second POST changes nothing. */
export class DecisionAlreadyTakenError extends Error {
  override name = 'DecisionAlreadyTakenError';
}

/** The task token no longer belongs to a waiting task (execution ended or the wait was re-entered). */
export class TaskGoneError extends Error {
  override name = 'TaskGoneError';
}

export type LinkProblem = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'UNKNOWN';

/** A decision link that is forged, tampered, expired or unknown. */
export class InvalidLinkError extends Error {
  override name = 'InvalidLinkError';
  constructor(readonly problem: LinkProblem) {
    super(`decision link rejected: ${problem}`);
  }
}

export type UploadKeyProblem = 'PREFIX' | 'SHAPE' | 'UNIT' | 'YEAR' | 'PERIOD' | 'FILE_NAME' | 'UNIT_NOT_CONFIGURED';

/** An upload whose key does not follow masuk/<unit>/<tahun>/<periode>/<file>. */
export class InvalidUploadKeyError extends Error {
  override name = 'InvalidUploadKeyError';
  constructor(
    readonly problem: UploadKeyProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A unit code that is not in the directory (nor in the configuration that seeds it). */
export class UnknownUnitError extends Error {
  override name = 'UnknownUnitError';
  constructor(readonly unit: string) {
    super(`unit "${unit}" is not in the directory`);
  }
}

/** A role of a unit with nobody in it, though a step needs someone there. */
export class RoleVacantError extends Error {
  override name = 'RoleVacantError';
  constructor(
    readonly unit: string,
    readonly role: string,
  ) {
    super(`unit "${unit}" has nobody in role ${role}`);
  }
}

/** A directory change refused: the reason in Bahasa Indonesia (operators read it), per field. */
export class DirectoryChangeError extends Error {
  override name = 'DirectoryChangeError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

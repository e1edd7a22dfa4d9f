import type { UnitDirectory } from '../core/directory.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import { DocumentNotFoundError, InvalidUploadKeyError, TaskGoneError, UnknownUnitError } from '../core/errors.ts';
import { executionNameFor } from '../core/execution-name.ts';
import { dueAt } from '../core/mutu-baku.ts';
import { AWAITING_UPLOAD, type DocumentRef, type Report } from '../core/report.ts';
import { isPkUploadKey, parsePkUploadKey, parseUploadKey } from '../core/upload-key.ts';
import { uploadIgnoredMail } from '../mails/upload-ignored.tsx';
import { uploadRejectedMail } from '../mails/upload-rejected.tsx';
import type { Deps } from './deps.ts';
import { cityPerson, personIn, unitDirectory } from './directory.ts';
import { type PkOutcome, receivePerjanjianKinerja } from './perjanjian-kinerja.ts';
import { reopenFailedReport } from './retry-report.ts';
import { isOlderUpload, type UploadReceived } from './upload-order.ts';
import { workflowInput } from './workflow-input.ts';

export { isOlderUpload, type UploadReceived } from './upload-order.ts';

export type IntakeOutcome =
  | { outcome: 'STARTED'; reportId: string; executionArn: string }
  | { outcome: 'DUPLICATE'; reportId: string }
  | { outcome: 'RESUMED'; reportId: string }
  | { outcome: 'IGNORED'; reportId: string; status: Report['status'] }
  | { outcome: 'STALE'; reportId: string }
  | { outcome: 'REJECTED'; reason: string }
  | PkOutcome;

/**
 * SOP step 1 — "Hasil pengumpulan kinerja": an upload under masuk/ arrives.
 * Input: the S3 key and versionId of the upload (from the EventBridge "Object Created" event).
 * 1. The key names the report (unit, year, period); a key outside that pattern is rejected, the object kept.
 * 2. A new report starts an execution named after key + versionId, so a repeated event starts nothing new.
 * 3. A report waiting for a corrected upload is resumed with this version (SendTaskSuccess on its stored token).
 * 4. A report in review or already documented keeps its state; the upload is recorded and the uploader told.
 */
export async function receiveUpload(deps: Deps, upload: UploadReceived): Promise<IntakeOutcome> {
  if (isPkUploadKey(upload.key)) return receivePk(deps, upload);
  let parsed: ReturnType<typeof parseUploadKey>;
  let unit: UnitDirectory;
  try {
    parsed = parseUploadKey(upload.key);
  } catch (err) {
    if (!(err instanceof InvalidUploadKeyError)) throw err;
    const told = await tellRejected(deps, upload, err, unitInKey(upload.key));
    return { outcome: 'REJECTED', reason: `${err.message}${told ? '' : NOBODY_TOLD}` };
  }
  try {
    unit = await unitDirectory(deps, parsed.unit);
  } catch (err) {
    if (!(err instanceof UnknownUnitError)) throw err;
    const rejected = new InvalidUploadKeyError('UNIT_NOT_CONFIGURED', `unit "${parsed.unit}" is not in the directory`);
    const told = await tellRejected(deps, upload, rejected, undefined);
    return { outcome: 'REJECTED', reason: `${rejected.message}${told ? '' : NOBODY_TOLD}` };
  }
  const { reportId } = parsed;
  const now = deps.clock.now();

  let report = await deps.repo.get(reportId);
  // A repeated event is answered before the upload is read to hash it.
  if (report?.source.versionId === upload.versionId) return duplicate(deps, report);
  // Every upload the trail records carries the SHA-256 of its bytes as received, so `lapkin audit` can check it.
  const source = await receivedDocument(deps, upload);
  if (!report) {
    const created = await deps.ledger.create(
      {
        reportId,
        unit: parsed.unit,
        tahun: parsed.tahun,
        periode: parsed.periode,
        status: 'DITERIMA',
        step: 'assemble',
        revision: 0,
        source,
        sourceSequencer: upload.sequencer,
        dueAt: dueAt(deps.config, 'assemble', now),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
      { action: 'DITERIMA', actor: { name: 'lapkin', role: 'SISTEM' }, document: source },
    );
    if (created) return { outcome: 'STARTED', reportId, executionArn: await start(deps, reportId, source) };
    report = await deps.repo.get(reportId);
    if (!report) throw new Error(`report ${reportId} vanished after a create race`);
  }

  if (report.source.versionId === upload.versionId) return duplicate(deps, report);

  if (isOlderUpload(upload.sequencer, report.sourceSequencer)) {
    // An event for an older version arriving late (EventBridge does not guarantee order): never let it win.
    await deps.ledger.record(reportId, {
      action: 'UNGGAHAN_DIABAIKAN',
      actor: { name: 'lapkin', role: 'SISTEM' },
      document: source,
      note: 'older than the version in use',
    });
    return { outcome: 'STALE', reportId };
  }

  if (AWAITING_UPLOAD.includes(report.status) && report.revisionTaskToken) {
    return resume(deps, report, source, upload.sequencer);
  }

  if (report.status === 'GAGAL') {
    await reopenFailedReport(
      deps,
      reportId,
      { source, sourceSequencer: upload.sequencer },
      { actor: { name: 'lapkin', role: 'SISTEM' }, document: source, note: 'restart' },
    );
    return { outcome: 'STARTED', reportId, executionArn: await start(deps, reportId, source) };
  }

  await deps.ledger.record(reportId, {
    action: 'UNGGAHAN_DIABAIKAN',
    actor: { name: 'lapkin', role: 'SISTEM' },
    document: source,
    note: `report is ${report.status}`,
  });
  const to = personIn(unit, deps.config.steps.revision);
  await deps.mailer.send({
    to: unique([parseEmailAddress(report.uploaderEmail), to.email]),
    ...uploadIgnoredMail({ unit: unit.profile, lang: deps.config.language, report, to }),
  });
  return { outcome: 'IGNORED', reportId, status: report.status };
}

/** A unit's Perjanjian Kinerja: no report, no workflow; checked and stored (see perjanjian-kinerja.ts). */
async function receivePk(deps: Deps, upload: UploadReceived): Promise<IntakeOutcome> {
  let parsed: ReturnType<typeof parsePkUploadKey>;
  let unit: UnitDirectory;
  try {
    parsed = parsePkUploadKey(upload.key);
    unit = await unitDirectory(deps, parsed.unit);
  } catch (err) {
    if (!(err instanceof InvalidUploadKeyError) && !(err instanceof UnknownUnitError)) throw err;
    const rejected =
      err instanceof InvalidUploadKeyError
        ? err
        : new InvalidUploadKeyError('UNIT_NOT_CONFIGURED', `unit "${unitInKey(upload.key)}" is not in the directory`);
    const known = err instanceof InvalidUploadKeyError ? unitInKey(upload.key) : undefined;
    const told = await tellRejected(deps, upload, rejected, known);
    return { outcome: 'REJECTED', reason: `${rejected.message}${told ? '' : NOBODY_TOLD}` };
  }
  return receivePerjanjianKinerja(deps, upload, parsed, unit);
}

/**
 * The same upload again (EventBridge delivers at least once). Make sure its execution exists (the first delivery
 * may have stopped before starting it); the start is idempotent by name, so this is still the same single execution.
 */
async function duplicate(deps: Deps, report: Report): Promise<IntakeOutcome> {
  if (report.status === 'DITERIMA' && !report.executionArn) await start(deps, report.reportId, report.source);
  return { outcome: 'DUPLICATE', reportId: report.reportId };
}

/**
 * Starts (or finds, by its name) the execution of this upload and notes it on the report once. Concurrent
 * deliveries of the same event all land on the same execution; the report records it a single time.
 */
async function start(deps: Deps, reportId: string, source: DocumentRef): Promise<string> {
  const name = executionNameFor(source.key, source.versionId);
  // The input names the version only, so every delivery starts the execution with the same input.
  const { executionArn } = await deps.workflow.start(
    name,
    workflowInput(reportId, { key: source.key, versionId: source.versionId }),
  );
  await deps.ledger
    .transition({
      reportId,
      from: ['DITERIMA'],
      when: (current) => current.source.versionId === source.versionId && current.executionArn !== executionArn,
      set: { executionArn },
      event: {
        action: 'DITERIMA',
        actor: { name: 'lapkin', role: 'SISTEM' },
        note: 'execution started',
        detail: { executionName: name },
      },
    })
    .catch((err: Error) => {
      // Already noted by a concurrent delivery, or the workflow has moved the report on: nothing to add.
      if (err.name !== 'TransitionConflictError') throw err;
    });
  return executionArn;
}

async function resume(
  deps: Deps,
  report: Report,
  source: DocumentRef,
  sequencer: string | undefined,
): Promise<IntakeOutcome> {
  const token = report.revisionTaskToken as string;
  try {
    // Tell the workflow first: if this fails, the report still holds the token and a retry can resume it.
    await deps.workflow.sendSuccess(token, { source: { key: source.key, versionId: source.versionId } });
  } catch (err) {
    if (!(err instanceof TaskGoneError)) throw err;
    const now = await deps.repo.get(report.reportId);
    if (now?.source.versionId === source.versionId) return { outcome: 'DUPLICATE', reportId: report.reportId };
    await deps.ledger.record(report.reportId, {
      action: 'UNGGAHAN_DIABAIKAN',
      actor: { name: 'lapkin', role: 'SISTEM' },
      document: source,
      note: 'revision wait already resumed by another upload',
    });
    return { outcome: 'IGNORED', reportId: report.reportId, status: report.status };
  }
  await deps.ledger
    .transition({
      reportId: report.reportId,
      from: AWAITING_UPLOAD,
      set: {
        status: 'DITERIMA',
        step: 'assemble',
        source,
        sourceSequencer: sequencer,
        dueAt: dueAt(deps.config, 'assemble', deps.clock.now()),
      },
      remove: ['revisionTaskToken', 'revisionNote'],
      event: { action: 'REVISI_DITERIMA', actor: { name: 'lapkin', role: 'SISTEM' }, document: source },
    })
    .catch((err) => {
      // The workflow has already moved on (assemble may have run first); its own transitions record the rest.
      if ((err as Error).name !== 'TransitionConflictError') throw err;
    });
  return { outcome: 'RESUMED', reportId: report.reportId };
}

/** The upload's reference with the SHA-256 of its stored bytes (streamed); without it if it is already gone. */
async function receivedDocument(deps: Deps, upload: UploadReceived): Promise<DocumentRef> {
  const ref = { key: upload.key, versionId: upload.versionId };
  try {
    return { ...ref, sha256: await deps.store.sha256(upload.key, upload.versionId) };
  } catch (err) {
    // Assembly reports a vanished upload to the uploader; `lapkin audit` names it missing.
    if (err instanceof DocumentNotFoundError) return ref;
    throw err;
  }
}

function unique(emails: (string | undefined)[]): string[] {
  return [...new Set(emails.filter((e): e is string => !!e))];
}

/** Said in the log when a refused upload had nobody to be told to (no city role and no unit). */
const NOBODY_TOLD = ' (nobody was told: no KOTA person in the directory)';

/**
 * No report to attach the upload to: whoever can fix it is told what is wrong; the object stays. A key naming a
 * known unit (but a bad year, say) goes to that unit's revision role; a key naming no known unit goes to the city
 * (KOTA): no unit's people may be told about another unit's folder. Intake cannot read the upload's metadata
 * (it has no bucket access), so the uploader hears of it from them.
 */
async function tellRejected(
  deps: Deps,
  upload: UploadReceived,
  err: InvalidUploadKeyError,
  unitCode: string | undefined,
): Promise<boolean> {
  const known = unitCode ? await unitDirectory(deps, unitCode).catch(() => undefined) : undefined;
  const person = known ? known.people[deps.config.steps.revision] : await cityPerson(deps);
  if (!person) return false; // nobody to tell: the rejection is in the log and the UploadsRejected metric
  await deps.mailer.send({
    to: [person.email],
    ...uploadRejectedMail({
      exampleUnit: known?.profile.unitCode ?? '<unit>',
      lang: deps.config.language,
      to: person,
      key: upload.key,
      versionId: upload.versionId,
      problem: err.problem,
      portal: deps.publicBaseUrl,
    }),
  });
  return true;
}

/** The unit folder of a key that failed to parse for another reason (a bad year, say), if it has one. */
function unitInKey(key: string): string | undefined {
  const m = /^masuk\/([a-z0-9-]{2,40})\//.exec(key);
  return m?.[1];
}

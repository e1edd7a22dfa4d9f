import { sha256Hex } from '../core/audit-chain.ts';
import { unitHasParaf } from '../core/config.ts';
import { unitOfReportId } from '../core/directory.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import { DocumentTooLargeError, InvalidUploadKeyError, ReportNotFoundError } from '../core/errors.ts';
import { dueAt } from '../core/mutu-baku.ts';
import type { AssembledReport, DiffSummary, QuarterFigures, SendBack } from '../core/performance-data.ts';
import type { PerjanjianKinerja } from '../core/perjanjian-kinerja.ts';
import type { DocumentRef, Period, Report } from '../core/report.ts';
import { parseUploadKey } from '../core/upload-key.ts';
import { belowTargetList } from '../documents/capaian.ts';
import { checkFileSize, checkPerformanceData, type DataCheck } from '../documents/check-data.ts';
import { renderProblemsXlsx } from '../documents/problems-xlsx.ts';
import { renderReportDocument } from '../documents/report-document.ts';
import { renderReportXlsx } from '../documents/report-xlsx.ts';
import { diffRevisions, summarizeDiff } from '../documents/revision-diff.ts';
import { dataContextFor } from './data-context.ts';
import type { Deps } from './deps.ts';
import { officialsOf, personIn, unitDirectory } from './directory.ts';
import { uploaderAddress } from './uploader-address.ts';

export interface AssembleInput {
  reportId: string;
  source: { key: string; versionId: string };
}

type Assembled =
  | { valid: true; revision: number; report: { pdf: DocumentRef; xlsx: DocumentRef } }
  | { valid: false; revision: number; problemCount: number };
/** What the state machine reads: valid or not, the revision, and whether the unit's team lead initials it next. */
export type AssembleResult = Assembled & { paraf: boolean };

/** The data to assemble is not an upload (masuk/…) of this report: never read, never retried. */
export class SourceOutsideUploadsError extends Error {
  override name = 'SourceOutsideUploadsError';
}

/** Only an upload under this report's own masuk/<unit>/<tahun>/<periode>/ folder may become its data. */
function assertUploadOf(reportId: string, key: string): void {
  let owner: string;
  try {
    owner = parseUploadKey(key).reportId;
  } catch (err) {
    if (err instanceof InvalidUploadKeyError) throw new SourceOutsideUploadsError(`source ${key} is not an upload`);
    throw err;
  }
  if (owner !== reportId)
    throw new SourceOutsideUploadsError(`source ${key} is an upload of ${owner}, not ${reportId}`);
}

/** An earlier quarter's figures counted while that quarter is still in review: the verifier must know. */
const PROVISIONAL = {
  id: (periode: string, revision: number) =>
    `Realisasi s.d. triwulan memakai data ${periode} (revisi ${revision}) yang belum terdokumentasi: angkanya dapat berubah bila laporan tersebut direvisi.`,
  en: (periode: string, revision: number) =>
    `The actual to date uses the data of ${periode} (revision ${revision}), which is not documented yet: it may change if that report is revised.`,
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportKeys(r: Pick<Report, 'unit' | 'tahun' | 'periode'>) {
  const base = `laporan/${r.unit}/${r.tahun}/${r.periode}`;
  const name = `laporan-kinerja-${r.unit}-${r.tahun}-${r.periode}`;
  return {
    pdf: `${base}/${name}.pdf`,
    xlsx: `${base}/${name}.xlsx`,
    data: `${base}/${name}.json`,
    diff: `${base}/perubahan-${r.unit}-${r.tahun}-${r.periode}.json`,
    problems: `${base}/kesalahan-data-${r.unit}-${r.tahun}-${r.periode}.xlsx`,
  };
}

/**
 * SOP step 2 — "Menyusun ke dalam bentuk laporan".
 * Input: the report and the exact data version to assemble. Output: valid + the new document versions, or the
 * count of problems (the report then waits for a corrected upload).
 * 1. Idempotent: if this data version is already assembled, return that result (a retried invocation).
 * 2. Read that version, validate every row, compute capaian.
 * 3. Invalid: store the full problem list as XLSX, status PERLU_PERBAIKAN_DATA; the upload is kept untouched.
 * 4. Valid: write PDF, XLSX and the data JSON as new versions under laporan/, status DISUSUN, revision + 1.
 *    From revision 2 on, also the revision diff against the previous revision's data (JSON, and a compact
 *    summary on the report for the decision mail and page).
 * Validation, rating scale, target-0 rule, limits and language all come from the configuration. The answer also
 * says whether the team lead's paraf comes next (the unit's configuration), so one state machine serves units
 * with and without that step.
 */
export async function assembleReport(deps: Deps, input: AssembleInput): Promise<AssembleResult> {
  const assembled = await assemble(deps, input);
  return { ...assembled, paraf: unitHasParaf(deps.config, unitOfReportId(input.reportId)) };
}

async function assemble(deps: Deps, input: AssembleInput): Promise<Assembled> {
  assertUploadOf(input.reportId, input.source.key);
  const report = await deps.repo.get(input.reportId);
  if (!report) throw new ReportNotFoundError(`report ${input.reportId} not found`);
  if (
    report.source.versionId === input.source.versionId &&
    report.status === 'DISUSUN' &&
    report.reportPdf &&
    report.reportXlsx
  ) {
    return { valid: true, revision: report.revision, report: { pdf: report.reportPdf, xlsx: report.reportXlsx } };
  }
  if (
    report.source.versionId === input.source.versionId &&
    report.status === 'PERLU_PERBAIKAN_DATA' &&
    report.dataProblems
  ) {
    return { valid: false, revision: report.revision, problemCount: report.dataProblems.count };
  }

  const lang = deps.config.language;
  const { source, uploaderEmail, checked, pk, quarterly, provisional } = await readAndCheck(deps, report, input.source);
  const keys = reportKeys(report);
  const from = ['DITERIMA', 'PERLU_REVISI', 'PERLU_PERBAIKAN_DATA'] as const;
  const now = deps.clock.now();

  if (!checked.valid) {
    const problems = checked.problems;
    const xlsx = await renderProblemsXlsx(problems, lang);
    const put = await deps.store.put({ key: keys.problems, body: xlsx, contentType: XLSX });
    const problemsXlsx = { key: keys.problems, versionId: put.versionId, sha256: sha256Hex(xlsx) };
    await deps.ledger.transition({
      reportId: report.reportId,
      from,
      set: {
        status: 'PERLU_PERBAIKAN_DATA',
        step: 'revision',
        source,
        uploaderEmail: uploaderEmail ?? parseEmailAddress(report.uploaderEmail),
        dataProblems: { count: problems.length, sample: problems.slice(0, 30) },
        problemsXlsx,
        dueAt: dueAt(deps.config, 'revision', now),
        stepStartedAt: now.toISOString(),
      },
      event: {
        action: 'DATA_TIDAK_VALID',
        actor: { name: 'lapkin', role: 'SISTEM' },
        document: source,
        detail: { problemCount: problems.length, firstProblem: problems[0]?.message, problems: problemsXlsx },
      },
    });
    return { valid: false, revision: report.revision, problemCount: problems.length };
  }

  const revision = report.revision + 1;
  const indicators = checked.indicators;
  // The file was read, but not as the uploader may think (windows-1252): the verifier must see that.
  const dataWarnings = [
    ...checked.fileWarnings.map((w) => w.message),
    ...(provisional ?? []).map((q) => PROVISIONAL[lang](q.periode, q.revision)),
  ];
  const unit = await unitDirectory(deps, report.unit);
  const team = personIn(unit, 'TIMSAKIP');
  const uploader = uploaderEmail ?? parseEmailAddress(report.uploaderEmail);
  const assembled: AssembledReport = {
    organization: unit.profile.organization,
    kind: unit.profile.kind,
    roleTitles: unit.profile.roleTitles,
    tahun: report.tahun,
    periode: report.periode,
    revision,
    generatedAt: now.toISOString(),
    source: input.source,
    indicators,
    summary: checked.summary,
    ratingScale: checked.ratingScale,
    rules: checked.rules,
    ...(pk && checked.pk ? { pk } : {}),
    ...(checked.narasi ? { narasi: checked.narasi } : {}),
    ...(quarterly ? { quarterly } : {}),
    officials: officialsOf(unit),
    // SOP step 2 belongs to TIMSAKIP; the system does it for them from the upload (see the PDF's approval block).
    preparedBy: {
      role: 'TIMSAKIP',
      title: team.title,
      name: team.name,
      nip: team.nip,
      at: now.toISOString(),
      ...(uploader ? { uploaderEmail: uploader } : {}),
    },
  };
  // The previous revision's data is the last valid assembly; an invalid upload in between never replaced it.
  const previous = report.reportData
    ? (JSON.parse(
        new TextDecoder().decode((await deps.store.get(report.reportData.key, report.reportData.versionId)).body),
      ) as AssembledReport)
    : undefined;
  const diff = previous ? diffRevisions(previous, assembled, await revisionRequest(deps, report)) : undefined;
  const [pdf, xlsx] = await Promise.all([renderReportDocument(assembled, [], lang), renderReportXlsx(assembled, lang)]);
  const data = new TextEncoder().encode(JSON.stringify(assembled));
  const diffBytes = diff ? new TextEncoder().encode(JSON.stringify(diff)) : undefined;
  const meta = {
    'report-id': report.reportId,
    revision: String(revision),
    'source-version-id': input.source.versionId,
  };
  const json = 'application/json';
  const [pdfPut, xlsxPut, dataPut, diffPut] = await Promise.all([
    deps.store.put({ key: keys.pdf, body: pdf, contentType: 'application/pdf', metadata: meta }),
    deps.store.put({ key: keys.xlsx, body: xlsx, contentType: XLSX, metadata: meta }),
    deps.store.put({ key: keys.data, body: data, contentType: json, metadata: meta }),
    diffBytes ? deps.store.put({ key: keys.diff, body: diffBytes, contentType: json, metadata: meta }) : undefined,
  ]);
  const pdfRef = { key: keys.pdf, versionId: pdfPut.versionId, sha256: sha256Hex(pdf) };
  const xlsxRef = { key: keys.xlsx, versionId: xlsxPut.versionId, sha256: sha256Hex(xlsx) };
  const dataRef = { key: keys.data, versionId: dataPut.versionId, sha256: sha256Hex(data) };
  const diffRef =
    diffBytes && diffPut ? { key: keys.diff, versionId: diffPut.versionId, sha256: sha256Hex(diffBytes) } : undefined;
  const diffSet: { revisionDiff?: DocumentRef; diffSummary?: DiffSummary } =
    diff && diffRef ? { revisionDiff: diffRef, diffSummary: summarizeDiff(diff) } : {};
  await deps.ledger.transition({
    reportId: report.reportId,
    from,
    set: {
      status: 'DISUSUN',
      step: 'verify',
      revision,
      source,
      uploaderEmail: uploader,
      reportPdf: pdfRef,
      reportXlsx: xlsxRef,
      reportData: dataRef,
      summary: {
        indicatorCount: assembled.summary.indicatorCount,
        averageCapaian: assembled.summary.averageCapaian,
        belowTarget: assembled.summary.belowTarget,
        belowTargetList: belowTargetList(indicators),
      },
      ...diffSet,
      ...(dataWarnings.length > 0 ? { dataWarnings } : {}),
    },
    // A stale diff (or warning) of an earlier revision must not be shown with this one.
    remove: [
      'dataProblems',
      'problemsXlsx',
      ...(diff ? [] : (['revisionDiff', 'diffSummary'] as const)),
      ...(dataWarnings.length > 0 ? [] : (['dataWarnings'] as const)),
    ],
    event: {
      action: 'DISUSUN',
      actor: { name: 'lapkin', role: 'SISTEM' },
      document: pdfRef,
      detail: {
        indicators: indicators.length,
        source,
        xlsx: xlsxRef,
        data: dataRef,
        ...(diffRef ? { revisionDiff: diffRef } : {}),
        ...(diff ? { diff: { fromRevision: diff.fromRevision, ...diff.counts } } : {}),
      },
    },
  });
  return { valid: true, revision, report: { pdf: pdfRef, xlsx: xlsxRef } };
}

/** The send-back of the current revision, so the verifier reads the note next to what changed. */
async function revisionRequest(deps: Deps, report: Report): Promise<SendBack | undefined> {
  const sentBack = (await deps.repo.events(report.reportId))
    .filter((e) => e.action === 'KEPUTUSAN' && e.decision === 'REVISE' && e.revision === report.revision)
    .at(-1);
  if (!sentBack) return undefined;
  return { by: sentBack.actor.name, role: sentBack.actor.role, note: sentBack.note ?? '', at: sentBack.at };
}

/**
 * Reads the upload within `dataLimits.maxFileMB` and checks it. An object above the limit (a direct PUT to the
 * bucket is not bound by it) is answered from its size alone and never loaded: its SHA-256 for the trail is
 * computed from a stream.
 */
async function readAndCheck(
  deps: Deps,
  report: Report,
  ref: { key: string; versionId: string },
): Promise<{
  source: DocumentRef;
  uploaderEmail: string | undefined;
  checked: DataCheck;
  pk?: PerjanjianKinerja;
  quarterly?: QuarterFigures[];
  provisional?: { periode: Period; revision: number }[];
}> {
  const lang = deps.config.language;
  const maxBytes = deps.config.dataLimits.maxFileMB * 1024 * 1024;
  const doc = await deps.store.get(ref.key, ref.versionId, { maxBytes }).catch((err: unknown) => {
    if (err instanceof DocumentTooLargeError) return err;
    throw err;
  });
  if (doc instanceof DocumentTooLargeError) {
    const sha256 = await deps.store.sha256(ref.key, ref.versionId);
    const checked = checkFileSize(doc.size, deps.config, lang) as DataCheck;
    return { source: { ...ref, sha256 }, uploaderEmail: undefined, checked };
  }
  // The trail records the SHA-256 of every object lapkin reads or writes here (checked by `lapkin audit`).
  const source: DocumentRef = { key: ref.key, versionId: ref.versionId, sha256: sha256Hex(doc.body) };
  const uploaderEmail = await uploaderAddress(deps, report.reportId, doc.metadata, ref);
  const fileName = ref.key.split('/').pop() ?? 'data';
  const { context, quarterly, provisional } = await dataContextFor(deps, report);
  const checked = await checkPerformanceData(
    doc.body,
    fileName,
    { tahun: report.tahun, periode: report.periode },
    deps.config,
    lang,
    context,
  );
  return { source, uploaderEmail, checked, pk: context.pk, quarterly, provisional };
}

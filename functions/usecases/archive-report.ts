import { agendaNumber } from '../core/agenda-number.ts';
import { sha256Hex } from '../core/audit-chain.ts';
import { DECISION_STEP, isDecisionStep } from '../core/decision-steps.ts';
import type { UnitProfile } from '../core/directory.ts';
import { ReportNotFoundError, TransitionConflictError } from '../core/errors.ts';
import type { AssembledReport, DispositionEntry } from '../core/performance-data.ts';
import type { AuditEvent, DocumentRef, Report } from '../core/report.ts';
import { formatVerificationCode, newVerificationCode, verificationUrl } from '../core/verification-code.ts';
import { renderDispositionPdf } from '../documents/disposition-pdf.ts';
import { renderReportDocument } from '../documents/report-document.ts';
import { approvalOfStep } from '../documents/report-pdf/approvals.ts';
import type { VerificationMark } from '../documents/verification-pdf.ts';
import { formatDateTime } from '../i18n/format.ts';
import { STEP_LABEL } from '../i18n/labels.ts';
import { reportDocumentedMail } from '../mails/report-documented.tsx';
import { VerificationCodeTakenError } from '../ports/report-repository.ts';
import type { Deps } from './deps.ts';
import { personIn, unitDirectory } from './directory.ts';

export type ArchiveResult = NonNullable<Report['archive']>;

/**
 * SOP step 5 — "Melakukan dokumentasi laporan kinerja yang sudah disahkan".
 * 1. Only a ratified report (DISAHKAN) is archived; an archived one returns its archive (idempotent retry).
 * 2. Under arsip/<unit>/<tahun>/<periode>/rev-<n>/: the ratified PDF re-rendered with the filled approval block,
 *    the XLSX and the source data (exact versions copied), and the disposition sheet listing every decision
 *    (paraf / tanda tangan) with the SHA-256 of each archived document.
 * 3. Both PDFs carry the revision's verification code and a QR code of its public page (/verifikasi/<code>), and
 *    are signed (PAdES, deps.signer) before they are stored: the SHA-256 recorded and shown is the signed file's.
 * 4. Status TERDOKUMENTASI; TIMSAKIP is told.
 */
export async function archiveReport(deps: Deps, input: { reportId: string }): Promise<ArchiveResult> {
  const report = await deps.repo.get(input.reportId);
  if (!report) throw new ReportNotFoundError(`report ${input.reportId} not found`);
  if (report.status === 'TERDOKUMENTASI' && report.archive) {
    // A retry after the documentation was recorded: its checkpoint may have been cut off (see below).
    await deps.ledger.ensureAnchored(report);
    return report.archive;
  }
  if (report.status !== 'DISAHKAN')
    throw new TransitionConflictError(`report ${input.reportId} is ${report.status}, not DISAHKAN`);
  if (!report.reportData || !report.reportXlsx)
    throw new ReportNotFoundError(`report ${input.reportId} has no assembled data`);

  const lang = deps.config.language;
  const events = await deps.repo.events(report.reportId);
  const unit = await unitDirectory(deps, report.unit);
  const entries = dispositionEntries(events, unit.profile, lang);
  const approvals = approvalsOf(events, entries, report);
  const data = JSON.parse(
    new TextDecoder().decode((await deps.store.get(report.reportData.key, report.reportData.versionId)).body),
  ) as AssembledReport;

  const base = `arsip/${report.unit}/${report.tahun}/${report.periode}/rev-${report.revision}`;
  const name = `laporan-kinerja-${report.unit}-${report.tahun}-${report.periode}`;
  // Data assembled before units had titles: the unit's titles now (the data's own win when it has them).
  const titled = { kind: unit.profile.kind, roleTitles: unit.profile.roleTitles, ...data };
  // Claimed before anything is rendered: a retried run prints the code the first run stored (and maybe printed).
  const code = await verificationCodeOf(deps, report);
  const verification: VerificationMark = {
    code: formatVerificationCode(code),
    url: verificationUrl(deps.publicBaseUrl, code),
    signedBy: deps.signer.subject,
  };
  const archivedAt = deps.clock.now().toISOString();
  const pdfBytes = await deps.signer.sign(
    await renderReportDocument(titled, approvals, lang, { verification }),
    new Date(archivedAt),
  );
  const pdf = await putOnce(deps, `${base}/${name}-disahkan.pdf`, pdfBytes, 'application/pdf');
  const xlsx = await copyOnce(deps, report.reportXlsx, `${base}/${name}.xlsx`);
  const sourceName = report.source.key.split('/').pop() ?? 'data';
  const source = await copyOnce(deps, report.source, `${base}/data-sumber-${sourceName}`);

  const dispositionBytes = await renderDispositionPdf(
    {
      organization: unit.profile.organization,
      reportId: report.reportId,
      tahun: report.tahun,
      periode: report.periode,
      revision: report.revision,
      agendaNumber: agendaNumber(report),
      // Tanggal terima: the archived revision reached the officials when it was compiled.
      receivedAt: data.generatedAt,
      origin: unit.profile.roleTitles.TIMSAKIP,
      documentation: unit.profile.roleTitles[deps.config.steps.documentation],
      entries,
      documents: [
        { label: 'Laporan Kinerja (PDF, disahkan)', ...pdf, sha256: pdf.sha256 as string },
        { label: 'Laporan Kinerja (XLSX)', ...xlsx, sha256: xlsx.sha256 as string },
        { label: 'Data kinerja yang diunggah', ...source, sha256: source.sha256 as string },
      ],
      archivedAt,
      verification,
    },
    lang,
  ).then((pdf) => deps.signer.sign(pdf, new Date(archivedAt)));
  const disposition = await putOnce(
    deps,
    `${base}/lembar-disposisi-${report.reportId}.pdf`,
    dispositionBytes,
    'application/pdf',
  );
  const archive: ArchiveResult = { pdf, xlsx, source, disposition };

  const documented = await deps.ledger.transition({
    reportId: report.reportId,
    from: ['DISAHKAN'],
    set: { status: 'TERDOKUMENTASI', step: 'done', archive, documentedAt: archivedAt, verificationCode: code },
    remove: ['dueAt'],
    event: {
      action: 'TERDOKUMENTASI',
      actor: { name: 'lapkin', role: 'SISTEM' },
      document: pdf,
      detail: { archive, verificationCode: verification.code },
    },
  });
  const team = personIn(unit, deps.config.steps.documentation);
  await deps.mailer.send({
    to: [...new Set([team.email, report.uploaderEmail].filter((e): e is string => !!e))],
    ...reportDocumentedMail({
      unit: unit.profile,
      lang,
      report: { ...report, status: 'TERDOKUMENTASI' },
      to: team,
      // Storage keys and versionIds are in the disposition sheet's verification record, not in a letter.
      facts: [
        [lang === 'id' ? 'Nomor agenda' : 'Agenda number', agendaNumber(report)],
        [lang === 'id' ? 'SHA-256 laporan (PDF)' : 'SHA-256 of the report (PDF)', pdf.sha256 ?? ''],
        [lang === 'id' ? 'Kode verifikasi' : 'Verification code', `${verification.code} (${verification.url})`],
      ],
      // Who signed, under the title they signed with ("Plh. Camat Karawaci" for a delegate).
      ratifiedBy: approvalOfStep(approvals, 'ratify')?.title,
      arahan: approvals
        .filter((e) => e.note.trim() !== '')
        .map((e) => ({ by: `${e.title} — ${e.name}, ${formatDateTime(e.at, lang)}`, note: e.note.trim() })),
    }),
  });
  // No later step would repair a checkpoint of the documentation cut off in the ledger: failing here makes the
  // state machine retry, which lands on the idempotent path above.
  await deps.ledger.ensureAnchored(documented);
  return archive;
}

/**
 * The one verification code of this revision: claimed in the table on the first run (conditional writes, see
 * ReportRepository.claimVerificationCode), the same code on every later run. A fresh code that collides with a
 * stored one (2^-60) is drawn again.
 */
async function verificationCodeOf(deps: Deps, report: Report): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const claim = await deps.repo.claimVerificationCode({
        code: newVerificationCode(),
        reportId: report.reportId,
        revision: report.revision,
        createdAt: deps.clock.now().toISOString(),
      });
      return claim.code;
    } catch (err) {
      if (!(err instanceof VerificationCodeTakenError) || attempt >= 5) throw err;
    }
  }
}

/** The archive is write-once: a retried run reuses what an earlier attempt already stored under that key. */
async function putOnce(deps: Deps, key: string, body: Uint8Array, contentType: string): Promise<DocumentRef> {
  const retainUntil = new Date(deps.clock.now());
  retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + deps.config.aws.archiveRetentionYears);
  const existing = (await deps.store.listVersions(key))[0];
  if (existing) {
    const doc = await deps.store.get(key, existing.versionId);
    return { key, versionId: existing.versionId, sha256: sha256Hex(doc.body) };
  }
  const { versionId } = await deps.store.put({ key, body, contentType, retainUntil: retainUntil.toISOString() });
  return { key, versionId, sha256: sha256Hex(body) };
}

async function copyOnce(deps: Deps, from: DocumentRef, key: string): Promise<DocumentRef> {
  const doc = await deps.store.get(from.key, from.versionId);
  return putOnce(deps, key, doc.body, doc.contentType);
}

/**
 * The paraf and signature of the approval block: the approvals given to exactly the version being archived
 * (earlier send-backs only appear on the disposition sheet). The public verification page names the same.
 */
export function approvalsOf<E extends { seq: number }>(events: AuditEvent[], entries: E[], report: Report): E[] {
  const approvedSeqs = new Set(
    events
      .filter(
        (e) =>
          e.action === 'KEPUTUSAN' && e.decision === 'APPROVE' && e.document?.versionId === report.reportPdf?.versionId,
      )
      .map((e) => e.seq),
  );
  return entries.filter((e) => approvedSeqs.has(e.seq));
}

/** A decision in words: the head's approval is a ratification (disahkan), the paraf levels' an approval. */
const DECISION_WORDS = {
  id: { approved: 'Disetujui', ratified: 'Disahkan', revise: 'Dikembalikan untuk revisi' },
  en: { approved: 'Approved', ratified: 'Ratified', revise: 'Sent back for revision' },
} as const;

/** Every decision of the trail as the disposition sheet lists it: the people as they were when deciding. */
export function dispositionEntries(
  events: AuditEvent[],
  unit: UnitProfile,
  lang: 'id' | 'en',
): (DispositionEntry & { seq: number })[] {
  return events
    .filter((e) => e.action === 'KEPUTUSAN' && e.decision)
    .map((e, i) => {
      // The person as they were when deciding: their title then (the trail keeps it), not whoever holds the role now.
      const roleTitle =
        e.actor.role === 'SISTEM' || e.actor.role === 'KOTA' ? undefined : unit.roleTitles[e.actor.role];
      const step = String(e.detail?.step ?? e.step);
      const recordedMark = e.detail?.mark;
      return {
        no: i + 1,
        stepKey: step,
        step: STEP_LABEL[lang][step] ?? step,
        revision: e.revision,
        approved: e.decision === 'APPROVE',
        role: e.actor.role,
        title: e.actor.title ?? roleTitle ?? e.actor.role,
        name: e.actor.name,
        nip: e.actor.nip ?? '',
        decision:
          DECISION_WORDS[lang][e.decision === 'APPROVE' ? (step === 'ratify' ? 'ratified' : 'approved') : 'revise'],
        note: e.note ?? '',
        at: e.at,
        // As the trail recorded it (complete-decision.ts); entries written before it recorded one: by the step.
        mark:
          recordedMark === 'paraf' || recordedMark === 'tanda tangan'
            ? recordedMark
            : isDecisionStep(step)
              ? DECISION_STEP[step].mark
              : 'paraf',
        document: { key: e.document?.key ?? '', versionId: e.document?.versionId ?? '', sha256: e.document?.sha256 },
        seq: e.seq,
      };
    });
}

import type { Period } from '../core/report.ts';
import { formatVerificationCode, normalizeVerificationCode } from '../core/verification-code.ts';
import { approvalOfStep } from '../documents/report-pdf/approvals.ts';
import { type ArchiveResult, approvalsOf, dispositionEntries } from './archive-report.ts';
import type { Deps } from './deps.ts';
import { unitDirectory } from './directory.ts';

type Lang = 'id' | 'en';

/** Who gave the paraf or the signature, as the archived documents print them. */
export interface PublicSigner {
  name: string;
  /** Printed with the name on the approval block and the disposition sheet (a Plh: their own NIP). */
  nip: string;
  /** As recorded when they acted: "Plh. Camat Karawaci" for a delegate. */
  title: string;
  at: string;
}

export type ArchivedDocumentKind = 'pdf' | 'disposition' | 'xlsx' | 'source';

/**
 * What the public verification page shows — only facts printed on the archived documents themselves (the
 * disposition sheet lists every archived file's SHA-256; the sheet's own is the fingerprint of the file a
 * visitor holds). The officials' names, titles and NIPs are printed on both documents; no storage key, versionId,
 * report id or e-mail: nothing a visitor could use beyond comparing what they hold.
 */
export interface PublicVerification {
  /** As printed: "K7M2-9QXD-4TNB". */
  code: string;
  organization: { name: string; parent: string };
  tahun: number;
  periode: Period;
  revision: number;
  /** The team lead's paraf, in a unit that runs that step. */
  initialledBy?: PublicSigner;
  verifiedBy?: PublicSigner;
  ratifiedBy?: PublicSigner;
  documentedAt: string;
  documents: { kind: ArchivedDocumentKind; sha256: string }[];
}

const ORDER: ArchivedDocumentKind[] = ['pdf', 'disposition', 'xlsx', 'source'];

/**
 * The public page's facts for a code as typed or scanned; undefined for anything that is not the printed code
 * of a documented revision (malformed, unknown, a revision not documented yet, a code a lost concurrent run
 * wrote): the page answers all of them alike.
 */
export async function findPublicVerification(
  deps: Deps,
  input: string,
  lang: Lang,
): Promise<PublicVerification | undefined> {
  const code = normalizeVerificationCode(input);
  if (!code) return undefined;
  const record = await deps.repo.getVerification(code);
  if (!record) return undefined;
  const report = await deps.repo.get(record.reportId);
  if (
    report?.status !== 'TERDOKUMENTASI' ||
    report.verificationCode !== code ||
    report.revision !== record.revision ||
    !report.archive ||
    !report.documentedAt
  )
    return undefined;

  const events = await deps.repo.events(report.reportId);
  const unit = await unitDirectory(deps, report.unit);
  // The same selection and titles as the approval block and the disposition sheet (usecases/archive-report.ts).
  const approvals = approvalsOf(events, dispositionEntries(events, unit.profile, lang), report);
  const signer = (e: (typeof approvals)[number] | undefined): PublicSigner | undefined =>
    e ? { name: e.name, nip: e.nip, title: e.title, at: e.at } : undefined;
  const of = (step: string) => approvalOfStep(approvals, step);
  // The hashes as the trail vouches for them: the documentation event carries the archive it recorded.
  const documented = events.findLast((e) => e.action === 'TERDOKUMENTASI');
  const archive = (documented?.detail?.archive as ArchiveResult | undefined) ?? report.archive;
  return {
    code: formatVerificationCode(code),
    organization: { name: unit.profile.organization.name, parent: unit.profile.organization.parent },
    tahun: report.tahun,
    periode: report.periode,
    revision: report.revision,
    ...(of('paraf') ? { initialledBy: signer(of('paraf')) } : {}),
    verifiedBy: signer(of('verify')),
    ratifiedBy: signer(of('ratify')),
    documentedAt: report.documentedAt,
    documents: ORDER.flatMap((kind) => {
      const sha256 = archive[kind]?.sha256;
      return sha256 ? [{ kind, sha256 }] : [];
    }),
  };
}

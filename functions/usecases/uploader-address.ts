import { sha256Hex } from '../core/audit-chain.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import type { DocumentRef } from '../core/report.ts';
import type { Deps } from './deps.ts';

/**
 * The uploader's address from the upload's object metadata (`uploader-email`), used to mail the uploader. Anyone
 * who may upload sets it, so only exactly one strictly valid address is taken (core/email-address.ts). An
 * invalid one is ignored and the audit trail says so, once per uploaded version (a retried assembly adds nothing);
 * the note holds the value's length and SHA-256 to match it with the object, never the value itself.
 */
export async function uploaderAddress(
  deps: Deps,
  reportId: string,
  metadata: Record<string, string>,
  source: DocumentRef,
): Promise<string | undefined> {
  const raw = metadata['uploader-email'];
  if (raw === undefined || raw === '') return undefined;
  const address = parseEmailAddress(raw);
  if (address) return address;
  const noted = (await deps.repo.events(reportId)).some(
    (e) =>
      e.action === 'ALAMAT_PENGUNGGAH_DIABAIKAN' &&
      (e.detail?.source as DocumentRef | undefined)?.versionId === source.versionId,
  );
  if (!noted) {
    await deps.ledger.record(reportId, {
      action: 'ALAMAT_PENGUNGGAH_DIABAIKAN',
      actor: { name: 'lapkin', role: 'SISTEM' },
      note: 'uploader address in the object metadata is invalid; ignored',
      detail: {
        source: { key: source.key, versionId: source.versionId },
        length: raw.length,
        sha256: sha256Hex(new TextEncoder().encode(raw)),
      },
    });
  }
  return undefined;
}

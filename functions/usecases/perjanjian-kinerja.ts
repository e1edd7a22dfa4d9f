import { sha256Hex } from '../core/audit-chain.ts';
import type { UnitDirectory } from '../core/directory.ts';
import { parseEmailAddress } from '../core/email-address.ts';
import { DocumentTooLargeError } from '../core/errors.ts';
import type { DataProblem } from '../core/performance-data.ts';
import type { PerjanjianKinerja } from '../core/perjanjian-kinerja.ts';
import type { PkUploadKey } from '../core/upload-key.ts';
import { checkFileSize } from '../documents/check-data.ts';
import { checkPerjanjianKinerja } from '../documents/check-pk.ts';
import { renderProblemsXlsx } from '../documents/problems-xlsx.ts';
import { pkAcceptedMail } from '../mails/pk-accepted.tsx';
import { pkRejectedMail } from '../mails/pk-rejected.tsx';
import type { Deps } from './deps.ts';
import { personIn } from './directory.ts';
import { isOlderUpload, type UploadReceived } from './upload-order.ts';

/**
 * A unit's Perjanjian Kinerja (PK) of a year, with its Rencana Aksi: uploaded once a year by TIMSAKIP under
 * masuk/<unit>/<tahun>/PK/, checked, and stored as one JSON document per unit and year. Every accepted version
 * stays in the versioned bucket, its metadata naming the upload and who sent it: that is the PK's history. The
 * latest version is the PK every data upload of that year is checked against.
 */
export const pkDataKey = (unit: string, tahun: number) => `pk/${unit}/${tahun}/perjanjian-kinerja.json`;
export const pkProblemsKey = (unit: string, tahun: number) => `pk/${unit}/${tahun}/kesalahan-pk.xlsx`;

export type PkOutcome =
  | { outcome: 'PK_STORED'; unit: string; tahun: number; indicators: number }
  | { outcome: 'PK_INVALID'; unit: string; tahun: number; problems: number }
  | { outcome: 'PK_DUPLICATE' | 'PK_STALE'; unit: string; tahun: number };

/** A stored PK with what its version says of where it came from. */
export interface StoredPk {
  pk: PerjanjianKinerja;
  versionId: string;
  /** The S3 sequencer of the upload it came from, so a late event for an older upload never replaces it. */
  sequencer?: string;
}

/** The unit's PK of the year now in force, or undefined when none was accepted. */
export async function currentPerjanjianKinerja(
  deps: Pick<Deps, 'store'>,
  unit: string,
  tahun: number,
): Promise<StoredPk | undefined> {
  const key = pkDataKey(unit, tahun);
  const latest = (await deps.store.listVersions(key)).find((v) => v.isLatest);
  if (!latest) return undefined;
  const doc = await deps.store.get(key, latest.versionId);
  const pk = JSON.parse(new TextDecoder().decode(doc.body)) as PerjanjianKinerja;
  const sequencer = doc.metadata['source-sequencer'];
  return { pk, versionId: latest.versionId, ...(sequencer ? { sequencer } : {}) };
}

/**
 * Intake of a PK upload: checked by the same checker as data (its own rules); a valid one becomes the PK in force
 * and the uploader and the unit's team lead are told; an invalid one changes nothing (the PK before stays in
 * force) and they get every problem, listed and attached. A repeated event or a late one for an older upload
 * changes nothing and sends nothing.
 */
export async function receivePerjanjianKinerja(
  deps: Deps,
  upload: UploadReceived,
  parsed: PkUploadKey,
  unit: UnitDirectory,
): Promise<PkOutcome> {
  const { tahun } = parsed;
  const code = unit.profile.organization.unitCode;
  const current = await currentPerjanjianKinerja(deps, code, tahun);
  const base = { unit: code, tahun };
  if (current?.pk.source.versionId === upload.versionId) return { outcome: 'PK_DUPLICATE', ...base };
  if (current && isOlderUpload(upload.sequencer, current.sequencer)) return { outcome: 'PK_STALE', ...base };
  if (await alreadyRejected(deps, code, tahun, upload.versionId)) return { outcome: 'PK_DUPLICATE', ...base };

  const lang = deps.config.language;
  const read = await readUpload(deps, upload);
  const uploader = parseEmailAddress(read.metadata['uploader-email']);
  const team = personIn(unit, 'TIMSAKIP');
  const recipients = [...new Set([uploader, team.email].filter((e): e is string => !!e))];
  // The PK is the team lead's (the portal offers it to TIMSAKIP only); an upload naming anybody else is refused.
  // One without an uploader is an operator's direct put to the bucket, which the bucket's access already limits.
  const notTheLead = uploader && uploader.toLowerCase() !== team.email.toLowerCase();
  const refusal = read.problem ?? (notTheLead ? onlyTheLead(lang, unit.profile.roleTitles.TIMSAKIP) : undefined);
  const checked = refusal
    ? { valid: false, problems: [refusal], indicators: [] }
    : await checkPerjanjianKinerja(read.bytes, parsed.fileName, { tahun, unit: code }, deps.config, lang);

  if (!checked.valid) {
    const xlsx = await renderProblemsXlsx(checked.problems, lang);
    await deps.store.put({
      key: pkProblemsKey(code, tahun),
      body: xlsx,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      metadata: { 'source-key': upload.key, 'source-version-id': upload.versionId },
    });
    await deps.mailer.send({
      to: recipients,
      ...pkRejectedMail({
        unit: unit.profile,
        lang,
        tahun,
        to: team,
        fileKey: upload.key,
        problems: checked.problems,
        problemsXlsx: xlsx,
        kept: current !== undefined,
      }),
    });
    return { outcome: 'PK_INVALID', ...base, problems: checked.problems.length };
  }

  const pk: PerjanjianKinerja = {
    unit: code,
    tahun,
    source: { key: upload.key, versionId: upload.versionId, sha256: sha256Hex(read.bytes) },
    receivedAt: deps.clock.now().toISOString(),
    indicators: checked.indicators,
  };
  await deps.store.put({
    key: pkDataKey(code, tahun),
    body: new TextEncoder().encode(JSON.stringify(pk)),
    contentType: 'application/json',
    metadata: {
      'source-key': upload.key,
      'source-version-id': upload.versionId,
      ...(upload.sequencer ? { 'source-sequencer': upload.sequencer } : {}),
      ...(uploader ? { 'uploader-email': uploader } : {}),
    },
  });
  await deps.mailer.send({
    to: recipients,
    ...pkAcceptedMail({ unit: unit.profile, lang, pk, to: team, replaced: current !== undefined }),
  });
  return { outcome: 'PK_STORED', ...base, indicators: pk.indicators.length };
}

function onlyTheLead(lang: Deps['config']['language'], title: string): DataProblem {
  const message =
    lang === 'en'
      ? `The performance agreement can only be uploaded by the unit's ${title}.`
      : `Perjanjian Kinerja hanya dapat diunggah oleh ${title} unit ini.`;
  return { row: null, column: null, value: null, message };
}

/** The last rejection of this unit's PK was of this very upload: a repeated event, already answered. */
async function alreadyRejected(deps: Deps, unit: string, tahun: number, versionId: string): Promise<boolean> {
  const key = pkProblemsKey(unit, tahun);
  const latest = (await deps.store.listVersions(key)).find((v) => v.isLatest);
  if (!latest) return false;
  return (await deps.store.get(key, latest.versionId)).metadata['source-version-id'] === versionId;
}

/** The upload's bytes within the size limit, or the one problem that says why it cannot be read. */
async function readUpload(
  deps: Deps,
  upload: UploadReceived,
): Promise<{ bytes: Uint8Array; metadata: Record<string, string>; problem?: DataProblem }> {
  const maxBytes = deps.config.dataLimits.maxFileMB * 1024 * 1024;
  try {
    const doc = await deps.store.get(upload.key, upload.versionId, { maxBytes });
    return { bytes: doc.body, metadata: doc.metadata };
  } catch (err) {
    const problem =
      err instanceof DocumentTooLargeError
        ? checkFileSize(err.size, deps.config, deps.config.language)?.problems[0]
        : undefined;
    if (!problem) throw err;
    return { bytes: new Uint8Array(), metadata: {}, problem };
  }
}

import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import type { DocumentRef } from '../../functions/core/report.ts';
import type { ReportView } from '../local/report-view.ts';

export interface ExportedFile {
  /** Path relative to the output folder, e.g. karawaci-2026-TW1/laporan-kinerja-karawaci-2026-TW1-rev3.pdf */
  path: string;
  key: string;
  versionId: string;
  sha256: string;
  /** false when the stored bytes no longer match the SHA-256 the report recorded. */
  intact: boolean;
}

/** The out folder cannot be made or written: the CLI says so in one line, nothing half-written is left unsaid. */
export class ExportTargetError extends Error {
  override name = 'ExportTargetError';
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir never returns under /proc (it retries ENOENT forever).
 */
async function makeDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info?.isDirectory()) return;
  if (info) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
  if (dirname(dir) !== dir) await makeDir(dirname(dir));
  await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

/** laporan-kinerja-u-2026-TW1.pdf + revision 3 → laporan-kinerja-u-2026-TW1-rev3.pdf */
function withRevision(key: string, revision: number): string {
  const name = key.split('/').pop() ?? 'dokumen';
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}-rev${revision}${ext}`;
}

/**
 * `lapkin export`: the report's documents as a person would file them, from the state directory's versioned
 * store (plain files, readable whether or not the stack runs): <out>/<reportId>/ holds the latest assembled
 * revision (PDF, XLSX, data JSON and, from revision 2, the change list) named with its revision, the uploaded
 * data it was assembled from under unggahan/, and once documented the archived copies under arsip/.
 */
export async function exportReport(opts: {
  stateDir: string;
  report: ReportView;
  outDir: string;
}): Promise<ExportedFile[]> {
  const r = opts.report;
  // Only read here: the download base URL and secret are never used.
  const store = new LocalDocumentStore(join(opts.stateDir, 'documents'), {
    baseUrl: 'http://unused',
    secret: 'unused',
  });
  const folder = join(opts.outDir, r.reportId);
  const wanted: [string, DocumentRef | undefined][] = [
    ...([r.reportPdf, r.reportXlsx, r.reportData, r.revisionDiff].filter(Boolean) as DocumentRef[]).map(
      (ref): [string, DocumentRef] => [withRevision(ref.key, r.revision), ref],
    ),
    [`unggahan/${withRevision(r.source.key, r.revision)}`, r.source],
    ...(r.problemsXlsx
      ? [[r.problemsXlsx.key.split('/').pop() ?? 'kesalahan.xlsx', r.problemsXlsx] as [string, DocumentRef]]
      : []),
    ...Object.values(r.archive ?? {}).map((ref): [string, DocumentRef] => [`arsip/${ref.key.split('/').pop()}`, ref]),
  ];
  const out: ExportedFile[] = [];
  const write = async (file: string, body: Uint8Array) => {
    try {
      await makeDir(dirname(file));
      await writeFile(file, body);
    } catch (err) {
      throw new ExportTargetError(
        `cannot write to ${opts.outDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  };
  for (const [name, ref] of wanted) {
    if (!ref) continue;
    const doc = await store.get(ref.key, ref.versionId);
    const sha256 = createHash('sha256').update(doc.body).digest('hex');
    const file = join(folder, name);
    await write(file, doc.body);
    out.push({
      path: relative(opts.outDir, file),
      key: ref.key,
      versionId: ref.versionId,
      sha256,
      intact: !ref.sha256 || ref.sha256 === sha256,
    });
  }
  return out;
}

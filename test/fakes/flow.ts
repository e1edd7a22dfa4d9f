import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { ROOT } from './deps.ts';

export const KEY = 'masuk/karawaci/2026/TW1/data-kinerja-tw1.csv';
export const REPORT_ID = 'karawaci-2026-TW1';

export function sample(name: 'awal' | 'perbaikan-1' | 'perbaikan-2'): Uint8Array {
  return readFileSync(join(ROOT, `infra/local/sample/kinerja-tw1-${name}.csv`));
}

/** Upload → intake → assemble, as the state machine would run them. */
export async function uploadAndAssemble(deps: Deps, body: Uint8Array, key = KEY) {
  const { versionId } = await deps.store.put({
    key,
    body,
    contentType: 'text/csv',
    metadata: { 'uploader-email': 'staf@example.go.id' },
  });
  const intake = await receiveUpload(deps, { key, versionId });
  const assembly = await assembleReport(deps, { reportId: REPORT_ID, source: { key, versionId } });
  return { versionId, intake, assembly };
}

export function linkParts(link: string) {
  const url = new URL(link);
  return {
    decisionId: url.pathname.split('/').pop(),
    e: url.searchParams.get('e') ?? undefined,
    s: url.searchParams.get('s') ?? undefined,
  };
}

export function linkInMail(text: string): string {
  const m = /(https?:\/\/\S+\/keputusan\/[a-z0-9]+\?e=\d+&s=[A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error('no decision link in mail');
  return m[1];
}

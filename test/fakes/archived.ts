import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { type fakeDeps, ROOT } from './deps.ts';
import { KEY, linkInMail, linkParts, REPORT_ID, sample } from './flow.ts';

type Fakes = ReturnType<typeof fakeDeps>;
const exec = (reportId: string) => `arn:aws:states:local:0:execution:sm:lapkin-${reportId}`;
/** Task tokens distinctive enough to prove that no page shows one (each starts with "task-token-"). */
export const TOKENS = { verify: 'task-token-verify-RAHASIA', ratify: 'task-token-ratify-RAHASIA' };
const HOUR = 3_600_000;

export const TW2 = {
  reportId: 'karawaci-2026-TW2',
  key: 'masuk/karawaci/2026/TW2/data-kinerja-tw2.csv',
  body: () => new Uint8Array(readFileSync(join(ROOT, 'infra/local/sample/kinerja-tw2.csv'))),
};

async function uploadAndAssemble(f: Fakes, reportId: string, key: string, body: Uint8Array) {
  const { versionId } = await f.store.put({
    key,
    body,
    contentType: 'text/csv',
    metadata: { 'uploader-email': 'staf@example.go.id' },
  });
  await receiveUpload(f.deps, { key, versionId });
  await assembleReport(f.deps, { reportId, source: { key, versionId } });
}

async function decide(
  f: Fakes,
  reportId: string,
  step: 'verify' | 'ratify',
  decision: 'APPROVE' | 'REVISE',
  arahan = '',
) {
  const taskToken = `${TOKENS[step]}-${reportId}-${f.mailer.sent.length}`;
  await requestDecision(f.deps, { taskToken, reportId, executionArn: exec(reportId), step });
  const link = linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? ''));
  await submitDecision(f.deps, link, { decision, note: decision === 'REVISE' ? 'Mohon lengkapi narasi.' : arahan });
}

/**
 * A report through the whole SOP on the fakes, the clock moving between the steps so every printed time is
 * distinct: upload, assemble, (optionally one send-back and a corrected upload), paraf, signature — ratified,
 * not archived yet.
 */
export async function ratifiedReport(
  f: Fakes,
  opts: {
    reportId?: string;
    key?: string;
    body?: Uint8Array;
    reviseOnce?: boolean;
    /** The arahan each official adds to their approval. */
    arahan?: { verify?: string; ratify?: string };
  } = {},
) {
  const reportId = opts.reportId ?? REPORT_ID;
  const key = opts.key ?? KEY;
  await uploadAndAssemble(f, reportId, key, opts.body ?? sample('awal'));
  if (opts.reviseOnce) {
    f.clock.advance(HOUR);
    await decide(f, reportId, 'verify', 'REVISE');
    await requestRevision(f.deps, {
      taskToken: 'task-token-revision-RAHASIA',
      reportId,
      executionArn: exec(reportId),
      request: { reason: 'REVISE', step: 'verify', note: 'Mohon lengkapi narasi.' },
    });
    f.clock.advance(HOUR);
    await uploadAndAssemble(f, reportId, key, sample('perbaikan-1'));
  }
  f.clock.advance(2 * HOUR);
  await decide(f, reportId, 'verify', 'APPROVE', opts.arahan?.verify);
  f.clock.advance(3 * HOUR + 17 * 60_000);
  await decide(f, reportId, 'ratify', 'APPROVE', opts.arahan?.ratify);
  f.clock.advance(HOUR + 5 * 60_000);
  return reportId;
}

/** ratifiedReport, then archived (SOP step 5). */
export async function archivedReport(f: Fakes, opts: Parameters<typeof ratifiedReport>[1] = {}) {
  const reportId = await ratifiedReport(f, opts);
  const archive = await archiveReport(f.deps, { reportId });
  const report = await f.repo.get(reportId);
  if (!report?.verificationCode) throw new Error('archived without a verification code');
  return { reportId, archive, report, code: report.verificationCode };
}

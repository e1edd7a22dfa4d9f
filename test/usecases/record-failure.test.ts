/**
 * The failure path: GAGAL, pending decisions superseded, TIMSAKIP told — with a reason category and a safe
 * message, never a server path; and decisions found even when the index lags behind.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { recordFailure } from '../../functions/usecases/record-failure.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});
const exec = async () => (await f.repo.get(REPORT_ID))?.executionArn ?? '';

describe('recordFailure', () => {
  it('never puts a server path into the mail, the report or the trail', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const posix = "ENOENT: no such file or directory, open '/work/wt-x/.lapkin/documents/masuk%2Fkarawaci/lz0ab.bin'";
    await recordFailure(f.deps, {
      reportId: REPORT_ID,
      executionArn: await exec(),
      error: {
        Error: 'Error',
        Cause: JSON.stringify({
          errorType: 'Error',
          errorMessage: posix,
          trace: ['Error: x', '    at open (C:\\lapkin\\functions\\adapters\\local-document-store.ts:99:5)'],
        }),
      },
    });
    const mail = f.mailer.sent.at(-1);
    expect(mail?.subject).toBe('[Gagal diproses] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
    for (const text of [mail?.text ?? '', mail?.html ?? '']) {
      expect(text).not.toMatch(/\/work\/|\.lapkin|lz0ab|C:\\|local-document-store/);
      expect(text).toContain('Dokumen yang diperlukan tidak ditemukan');
    }
    const report = await f.repo.get(REPORT_ID);
    expect(JSON.stringify(report?.lastError)).not.toMatch(/\/work\/|\.lapkin/);
    expect(JSON.stringify(await f.repo.events(REPORT_ID))).not.toMatch(/\/work\/|\.lapkin\/documents/);
  });

  it('a Windows path in a plain Cause is taken out too, and the English mail names the category', async () => {
    f = fakeDeps({ language: 'en' });
    await uploadAndAssemble(f.deps, sample('awal'));
    await recordFailure(f.deps, {
      reportId: REPORT_ID,
      error: { Error: 'States.Timeout', Cause: 'timed out reading C:\\lapkin\\.lapkin\\documents\\x.bin' },
    });
    const text = f.mailer.sent.at(-1)?.text ?? '';
    expect(text).not.toMatch(/C:\\|\.lapkin|x\.bin/);
    expect(text).toContain('took too long');
  });

  it('supersedes a pending decision the index does not list yet (eventually consistent on AWS)', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    f.repo.freezeIndex();
    const { decisionId } = await requestDecision(f.deps, {
      taskToken: 'tv',
      reportId: REPORT_ID,
      executionArn: await exec(),
      step: 'verify',
    });
    expect(await f.repo.pendingDecisions('karawaci', REPORT_ID)).toEqual([]);
    await recordFailure(f.deps, { reportId: REPORT_ID, executionArn: await exec(), error: { Error: 'X' } });
    expect((await f.repo.getDecision(decisionId))?.state).toBe('SUPERSEDED');
  });
});

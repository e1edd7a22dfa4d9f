/**
 * SOP step 1 (intake) against in-memory fakes of every port: what starts an execution, what resumes a
 * waiting one, and what is refused. Real: the use case, the ledger, key parsing. Faked: repository, store,
 * workflow, mailer, clock.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { executionNameFor } from '../../functions/core/execution-name.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KEY, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

describe('receiveUpload', () => {
  it('starts one execution named after key + versionId and records DITERIMA', async () => {
    const out = await receiveUpload(f.deps, { key: KEY, versionId: 'v1' });
    expect(out.outcome).toBe('STARTED');
    expect(f.workflow.started).toEqual([
      { name: executionNameFor(KEY, 'v1'), input: { reportId: REPORT_ID, source: { key: KEY, versionId: 'v1' } } },
    ]);
    const report = await f.repo.get(REPORT_ID);
    expect(report?.status).toBe('DITERIMA');
    expect(report?.executionArn).toContain(executionNameFor(KEY, 'v1'));
    expect((await f.repo.events(REPORT_ID))[0]?.action).toBe('DITERIMA');
  });

  it('treats the same event delivered three times as one upload', async () => {
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await receiveUpload(f.deps, { key: KEY, versionId: 'v1' })).outcome);
    expect(outcomes).toEqual(['STARTED', 'DUPLICATE', 'DUPLICATE']);
    expect(f.workflow.started).toHaveLength(1);
  });

  // A key naming a unit of the directory goes to that unit's team; one naming no known unit goes to the city (KOTA),
  // since no unit's people may hear of another unit's folder.
  const TEAM = 'timsakip@example.go.id';
  const CITY = 'bagian.organisasi@example.go.id';
  it.each([
    ['laporan/karawaci/2026/TW1/x.csv', 'masuk/', CITY],
    ['masuk/karawaci/2026/TW1/../../etc/passwd', 'expected masuk', TEAM],
    ['masuk/karawaci/2026/TW5/x.csv', 'invalid period', TEAM],
    ['masuk/karawaci/1999/TW1/x.csv', 'invalid year', TEAM],
    ['masuk/cibodas/2026/TW1/x.csv', 'unit "cibodas" is not in the directory', CITY],
    ['masuk/karawaci/2026/TW1/..hidden.csv', 'invalid file name', TEAM],
    ['masuk/sukamaju/2026/TW9/x.csv', 'invalid period', 'timsakip.sukamaju@example.go.id'],
  ])('rejects %s without starting anything', async (key, reason, recipient) => {
    const out = await receiveUpload(f.deps, { key, versionId: 'v1' });
    expect(out).toMatchObject({ outcome: 'REJECTED' });
    expect((out as { reason: string }).reason).toContain(reason);
    expect(f.workflow.started).toHaveLength(0);
    for (const unit of ['karawaci', 'sukamaju', 'cibodas']) expect(await f.repo.list(unit)).toHaveLength(0);
    // The collecting team hears what is wrong, in Bahasa Indonesia, and that the file is kept.
    const mail = f.mailer.sent.at(-1);
    expect(mail?.to).toEqual([recipient]);
    expect(mail?.subject).toBe('[Unggahan ditolak] Unggahan tidak dapat diproses');
    expect(mail?.text).toContain(key);
    expect(mail?.text).toContain('Berkas tetap tersimpan');
  });

  it('an unknown unit with no city role to tell: refused all the same, and the log says nobody was told', async () => {
    f = fakeDeps({ city: undefined });
    const out = await receiveUpload(f.deps, { key: 'masuk/cibodas/2026/TW1/x.csv', versionId: 'v1' });
    expect(out).toMatchObject({ outcome: 'REJECTED' });
    expect((out as { reason: string }).reason).toContain('nobody was told');
    expect(f.mailer.sent).toEqual([]);
  });

  it('resumes a report waiting for a corrected upload with the new version', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const r = await f.repo.get(REPORT_ID);
    await f.deps.ledger.transition({
      reportId: REPORT_ID,
      from: ['DISUSUN'],
      set: { status: 'PERLU_REVISI', revisionTaskToken: 'token-revision-1' },
      event: { action: 'REVISI_DIMINTA', actor: { name: 't', role: 'TIMSAKIP' } },
    });
    const out = await receiveUpload(f.deps, { key: KEY, versionId: 'v-new' });
    expect(out.outcome).toBe('RESUMED');
    expect(f.workflow.sent).toEqual([
      { token: 'token-revision-1', output: { source: { key: KEY, versionId: 'v-new' } } },
    ]);
    const after = await f.repo.get(REPORT_ID);
    expect(after?.status).toBe('DITERIMA');
    expect(after?.revisionTaskToken).toBeUndefined();
    expect(after?.source.versionId).toBe('v-new');
    expect(after?.revision).toBe(r?.revision);
    // A repeat of that event finds the version already in use.
    expect((await receiveUpload(f.deps, { key: KEY, versionId: 'v-new' })).outcome).toBe('DUPLICATE');
  });

  it('keeps a report under review as it is, records the upload and tells the uploader', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await f.deps.ledger.transition({
      reportId: REPORT_ID,
      from: ['DISUSUN'],
      set: { status: 'MENUNGGU_VERIFIKASI' },
      event: { action: 'VERIFIKASI_DIMINTA', actor: { name: 's', role: 'SEKRETARIS_CAMAT' } },
    });
    const out = await receiveUpload(f.deps, { key: KEY, versionId: 'v-late' });
    expect(out).toEqual({ outcome: 'IGNORED', reportId: REPORT_ID, status: 'MENUNGGU_VERIFIKASI' });
    expect((await f.repo.get(REPORT_ID))?.status).toBe('MENUNGGU_VERIFIKASI');
    expect((await f.repo.events(REPORT_ID)).at(-1)?.action).toBe('UNGGAHAN_DIABAIKAN');
    expect(f.mailer.sent.at(-1)?.subject).toContain('Unggahan belum digunakan');
    expect(f.mailer.sent.at(-1)?.to).toContain('staf@example.go.id');
  });

  it('restarts a failed report with a new execution', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await f.deps.ledger.transition({
      reportId: REPORT_ID,
      from: ['DISUSUN'],
      set: { status: 'GAGAL' },
      event: { action: 'GAGAL', actor: { name: 'lapkin', role: 'SISTEM' } },
    });
    const out = await receiveUpload(f.deps, { key: KEY, versionId: 'v-retry' });
    expect(out.outcome).toBe('STARTED');
    expect(f.workflow.started.map((s) => s.name)).toContain(executionNameFor(KEY, 'v-retry'));
    expect((await f.repo.get(REPORT_ID))?.status).toBe('DITERIMA');
  });

  it('ignores an upload whose revision wait was already resumed by another version', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await f.deps.ledger.transition({
      reportId: REPORT_ID,
      from: ['DISUSUN'],
      set: { status: 'PERLU_REVISI', revisionTaskToken: 'tok' },
      event: { action: 'REVISI_DIMINTA', actor: { name: 't', role: 'TIMSAKIP' } },
    });
    f.workflow.goneTokens.add('tok');
    const out = await receiveUpload(f.deps, { key: KEY, versionId: 'v-other' });
    expect(out.outcome).toBe('IGNORED');
    expect((await f.repo.events(REPORT_ID)).at(-1)?.action).toBe('UNGGAHAN_DIABAIKAN');
  });
});

describe('event order', () => {
  it('an older version arriving after a newer one never overwrites it or resumes a wait', async () => {
    const { deps, repo, workflow } = f;
    expect((await receiveUpload(deps, { key: KEY, versionId: 'v2', sequencer: '0055AA' })).outcome).toBe('STARTED');
    expect((await receiveUpload(deps, { key: KEY, versionId: 'v1', sequencer: '0055A9' })).outcome).toBe('STALE');
    await deps.ledger.transition({
      reportId: REPORT_ID,
      from: ['DITERIMA'],
      set: { status: 'PERLU_REVISI', revisionTaskToken: 'tok' },
      event: { action: 'REVISI_DIMINTA', actor: { name: 't', role: 'TIMSAKIP' } },
    });
    // Even while waiting for a correction, the late old event is refused; a shorter sequencer is right-padded.
    expect((await receiveUpload(deps, { key: KEY, versionId: 'v1', sequencer: '0055A' })).outcome).toBe('STALE');
    expect(workflow.sent).toHaveLength(0);
    expect((await repo.get(REPORT_ID))?.source.versionId).toBe('v2');
    expect((await receiveUpload(deps, { key: KEY, versionId: 'v3', sequencer: '0055AB' })).outcome).toBe('RESUMED');
    expect(workflow.started.map((s) => s.name)).toEqual([executionNameFor(KEY, 'v2')]);
  });
});

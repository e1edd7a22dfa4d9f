/**
 * The audit trail holds the SHA-256 of every upload lapkin receives, computed by intake from the stored bytes
 * (streamed), while the workflow input and a repeated event stay as they were: the version only, no second read.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../functions/core/audit-chain.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KEY, REPORT_ID, sample } from '../fakes/flow.ts';

let f: ReturnType<typeof fakeDeps>;
let hashed: string[];
beforeEach(() => {
  f = fakeDeps();
  hashed = [];
  const sha256 = f.store.sha256.bind(f.store);
  f.store.sha256 = (key, versionId) => {
    hashed.push(`${key}@${versionId}`);
    return sha256(key, versionId);
  };
});

describe('intake records the SHA-256 of each upload', () => {
  it('on the new report and its DITERIMA event; the execution input names the version only', async () => {
    const body = sample('awal');
    const { versionId } = await f.store.put({ key: KEY, body, contentType: 'text/csv' });
    await receiveUpload(f.deps, { key: KEY, versionId });
    const expected = { key: KEY, versionId, sha256: sha256Hex(body) };
    expect((await f.repo.get(REPORT_ID))?.source).toEqual(expected);
    expect((await f.repo.events(REPORT_ID))[0]?.document).toEqual(expected);
    expect(f.workflow.started[0]?.input).toEqual({ reportId: REPORT_ID, source: { key: KEY, versionId } });
  });

  it('a repeated event is answered without reading the upload again', async () => {
    const { versionId } = await f.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    for (let i = 0; i < 3; i++) await receiveUpload(f.deps, { key: KEY, versionId });
    expect(hashed).toEqual([`${KEY}@${versionId}`]);
  });

  it('an upload that is ignored (report in review) is recorded with its SHA-256 too', async () => {
    const first = await f.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    await receiveUpload(f.deps, { key: KEY, versionId: first.versionId });
    const stored = f.repo.reports.get(REPORT_ID);
    if (!stored) throw new Error('no report');
    stored.status = 'MENUNGGU_VERIFIKASI';
    const body = sample('perbaikan-1');
    const second = await f.store.put({ key: KEY, body, contentType: 'text/csv' });
    expect((await receiveUpload(f.deps, { key: KEY, versionId: second.versionId })).outcome).toBe('IGNORED');
    const ignored = (await f.repo.events(REPORT_ID)).at(-1);
    expect(ignored?.action).toBe('UNGGAHAN_DIABAIKAN');
    expect(ignored?.document).toEqual({ key: KEY, versionId: second.versionId, sha256: sha256Hex(body) });
  });
});

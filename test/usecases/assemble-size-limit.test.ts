/**
 * An upload above `dataLimits.maxFileMB` is refused from its size alone: assemble never loads it into memory
 * (on AWS an object of any size can land in the bucket — a direct PUT is not bound by the limit), the uploader
 * gets the size problem, the upload is kept and hashed for the trail, and the report waits for a corrected file.
 * Real: the use case, the checker. Faked: every port; the fake store records the largest body it handed out.
 */
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../functions/ports/document-store.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KEY, REPORT_ID, uploadAndAssemble } from '../fakes/flow.ts';

describe('assemble at the size limit', () => {
  it('refuses an oversized upload without reading it whole, and keeps it', async () => {
    const f = fakeDeps();
    f.deps.config.dataLimits.maxFileMB = 1;
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    let largestRead = 0;
    const get = f.store.get.bind(f.store);
    f.store.get = async (...args: Parameters<typeof f.store.get>): Promise<StoredDocument> => {
      const doc = await get(...args);
      largestRead = Math.max(largestRead, doc.body.byteLength);
      return doc;
    };

    const { assembly } = await uploadAndAssemble(f.deps, big);

    expect(assembly.valid).toBe(false);
    expect(largestRead).toBeLessThanOrEqual(1024 * 1024);
    const report = await f.repo.get(REPORT_ID);
    expect(report?.status).toBe('PERLU_PERBAIKAN_DATA');
    expect(report?.dataProblems?.sample[0]?.message).toMatch(/MB/);
    expect(report?.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await f.store.listVersions(KEY)).length).toBe(1);
  });
});

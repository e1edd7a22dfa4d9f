/**
 * The uploader's address comes from object metadata anyone with upload rights sets: only a strictly valid single
 * address is used; anything else is ignored with a note in the audit trail, and never reaches a To: header.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KEY, REPORT_ID, sample } from '../fakes/flow.ts';

const ATTACK = `x'"onmouseover=alert(9)&y@evil.test,b`;
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

async function upload(uploader: string, body = sample('awal')) {
  const { versionId } = await f.store.put({
    key: KEY,
    body,
    contentType: 'text/csv',
    metadata: { 'uploader-email': uploader },
  });
  await receiveUpload(f.deps, { key: KEY, versionId, sequencer: versionId });
  await assembleReport(f.deps, { reportId: REPORT_ID, source: { key: KEY, versionId } });
  return versionId;
}

describe('uploader address from object metadata', () => {
  it(`ignores ${ATTACK} with an audit note, and mails only configured people`, async () => {
    const versionId = await upload(ATTACK, new TextEncoder().encode('tahun;periode\n2026;TW1\n'));
    const report = await f.repo.get(REPORT_ID);
    expect(report?.uploaderEmail).toBeUndefined();
    const notes = (await f.repo.events(REPORT_ID)).filter((e) => e.action === 'ALAMAT_PENGUNGGAH_DIABAIKAN');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.detail).toMatchObject({ source: { key: KEY, versionId } });
    expect(JSON.stringify(notes[0])).not.toContain('onmouseover');
    // The invalid data goes back to the people who correct it: configured addresses only.
    await requestRevision(f.deps, {
      taskToken: 'r1',
      reportId: REPORT_ID,
      executionArn: report?.executionArn ?? '',
      request: { reason: 'DATA_INVALID' },
    });
    const recipients = f.mailer.sent.flatMap((m) => m.to);
    expect(recipients.length).toBeGreaterThan(0);
    expect(recipients.join()).not.toMatch(/evil|onmouseover/);
  });

  it('a retried assembly of the same version notes it once; a valid address is kept', async () => {
    const versionId = await upload('a@evil.test, b@evil.test');
    await assembleReport(f.deps, { reportId: REPORT_ID, source: { key: KEY, versionId } });
    const notes = (await f.repo.events(REPORT_ID)).filter((e) => e.action === 'ALAMAT_PENGUNGGAH_DIABAIKAN');
    expect(notes).toHaveLength(1);

    const g = fakeDeps();
    f = g;
    await upload('Siti.Aminah@Example.GO.ID');
    expect((await f.repo.get(REPORT_ID))?.uploaderEmail).toBe('Siti.Aminah@example.go.id');
    expect((await f.repo.events(REPORT_ID)).map((e) => e.action)).not.toContain('ALAMAT_PENGUNGGAH_DIABAIKAN');
  });
});

import { describe, expect, it } from 'vitest';
import { pkUploadKey } from '../../functions/core/upload-key.ts';
import { currentPerjanjianKinerja } from '../../functions/usecases/perjanjian-kinerja.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { PK_CSV, pkBytes, uploadTo } from '../fakes/pk.ts';

const KEY = pkUploadKey('karawaci', 2026, 'pk-2026.csv');

describe('a unit uploads its Perjanjian Kinerja', () => {
  it('a valid PK becomes the one in force; the uploader and the team lead are told; no report, no workflow', async () => {
    const f = fakeDeps();
    const up = await uploadTo(f, KEY, pkBytes());
    expect(await receiveUpload(f.deps, up)).toEqual({
      outcome: 'PK_STORED',
      unit: 'karawaci',
      tahun: 2026,
      indicators: 4,
    });
    const stored = await currentPerjanjianKinerja(f.deps, 'karawaci', 2026);
    expect(stored?.pk.indicators.map((i) => [i.kode, i.sifat, i.targetTahunan, i.targetTriwulan])).toEqual([
      ['IK-01', 'kumulatif', 40, [8, 20, 30, 40]],
      ['IK-02', 'non-kumulatif', 96, [92, 93, 95, 96]],
      ['IK-03', 'rata-rata', 82, [82, 82, 82, 82]],
      ['IK-04', 'kumulatif', 12, [3, 6, 9, 12]],
    ]);
    expect(stored?.pk.source).toEqual({
      key: KEY,
      versionId: up.versionId,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(f.workflow.started).toHaveLength(0);
    expect(f.repo.reports.size).toBe(0);
    const mail = f.mailer.sent.at(-1);
    expect(mail?.subject).toContain('Perjanjian Kinerja diterima');
    expect(mail?.to).toEqual(expect.arrayContaining(['timsakip@example.go.id']));
    expect(mail?.text).toContain('Jumlah indikator: 4');
    expect(mail?.text).toContain('Jumlah sasaran strategis: 2');
  });

  it('an invalid PK changes nothing in force and lists every problem, attached', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, KEY, pkBytes()));
    const before = await currentPerjanjianKinerja(f.deps, 'karawaci', 2026);
    // IK-01's TW4 target 35 is not its annual target 40; IK-02 appears twice.
    const bad = PK_CSV.replace(';8;20;30;40;', ';8;20;30;35;').replace('IK-03;', 'IK-02;');
    const up = await uploadTo(f, KEY, pkBytes(bad));
    const outcome = await receiveUpload(f.deps, up);
    expect(outcome).toMatchObject({ outcome: 'PK_INVALID', unit: 'karawaci', tahun: 2026 });
    expect((outcome as { problems: number }).problems).toBeGreaterThanOrEqual(2);
    expect((await currentPerjanjianKinerja(f.deps, 'karawaci', 2026))?.versionId).toBe(before?.versionId);
    const mail = f.mailer.sent.at(-1);
    expect(mail?.subject).toContain('Perjanjian Kinerja ditolak');
    expect(mail?.text).toContain('Perjanjian Kinerja yang tersimpan sebelumnya tetap berlaku.');
    expect(mail?.attachments?.[0]?.filename).toBe('kesalahan-pk-karawaci-2026.xlsx');
  });

  it('a repeated event and a late event of an older upload change nothing and send nothing', async () => {
    const f = fakeDeps();
    const older = await uploadTo(f, KEY, pkBytes(), '0001');
    const newer = await uploadTo(f, KEY, pkBytes(PK_CSV.replace('Indeks kepuasan', 'Indeks Kepuasan')), '0002');
    await receiveUpload(f.deps, newer);
    const sent = f.mailer.sent.length;
    expect(await receiveUpload(f.deps, newer)).toMatchObject({ outcome: 'PK_DUPLICATE' });
    expect(await receiveUpload(f.deps, older)).toMatchObject({ outcome: 'PK_STALE' });
    expect(f.mailer.sent.length).toBe(sent);
    expect((await currentPerjanjianKinerja(f.deps, 'karawaci', 2026))?.pk.source.versionId).toBe(newer.versionId);
  });

  it('a repeated event of a rejected PK is not mailed twice', async () => {
    const f = fakeDeps();
    const up = await uploadTo(f, KEY, pkBytes('kode_indikator;realisasi\nIK-01;3'));
    await receiveUpload(f.deps, up);
    const sent = f.mailer.sent.length;
    expect(await receiveUpload(f.deps, up)).toMatchObject({ outcome: 'PK_DUPLICATE' });
    expect(f.mailer.sent.length).toBe(sent);
  });

  it('a PK sent by anyone but the unit’s team lead is refused, and the PK in force stays', async () => {
    const f = fakeDeps();
    await receiveUpload(f.deps, await uploadTo(f, KEY, pkBytes()));
    const before = await currentPerjanjianKinerja(f.deps, 'karawaci', 2026);
    const { versionId } = await f.store.put({
      key: KEY,
      body: pkBytes(),
      contentType: 'text/csv',
      metadata: { 'uploader-email': 'staf@example.go.id' },
    });
    expect(await receiveUpload(f.deps, { key: KEY, versionId })).toMatchObject({ outcome: 'PK_INVALID', problems: 1 });
    expect((await currentPerjanjianKinerja(f.deps, 'karawaci', 2026))?.versionId).toBe(before?.versionId);
    const mail = f.mailer.sent.at(-1);
    expect(mail?.to).toEqual(expect.arrayContaining(['staf@example.go.id', 'timsakip@example.go.id']));
    expect(mail?.text).toContain('Perjanjian Kinerja hanya dapat diunggah oleh Ketua TIMSAKIP');
  });

  it('a PK folder of a unit not in the directory is refused like any other upload', async () => {
    const f = fakeDeps();
    const up = await uploadTo(f, pkUploadKey('bukan-unit', 2026, 'pk.csv'), pkBytes());
    expect(await receiveUpload(f.deps, up)).toMatchObject({ outcome: 'REJECTED' });
  });
});

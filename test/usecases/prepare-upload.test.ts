/**
 * The upload form is the server's: key, size range, content type and uploader metadata come from the session and
 * the configuration, whatever the request carries; only the SOP's data collectors get one.
 */
import { describe, expect, it } from 'vitest';
import type { SessionPerson } from '../../functions/core/session.ts';
import { parseUploadKey } from '../../functions/core/upload-key.ts';
import {
  prepareUpload,
  ReportNotTakingUploadsError,
  UPLOAD_FORM_SECONDS,
  UploadInputError,
  UploadNotAllowedError,
} from '../../functions/usecases/prepare-upload.ts';
import { fakeDeps } from '../fakes/deps.ts';

const staf: SessionPerson = {
  nip: '199001012020011001',
  unit: 'karawaci',
  name: 'Staf Uji',
  email: 'staf@example.go.id',
  roles: ['STAF'],
};

describe('prepareUpload', () => {
  it('signs the session’s unit, the chosen period, a fresh name, 1..maxFileMB and the uploader, for 10 minutes', async () => {
    const f = fakeDeps();
    const prepared = await prepareUpload(f.deps, staf, { tahun: '2026', periode: 'tw2', jenis: 'xlsx' });
    const [request] = f.uploads.requests;
    expect(request?.key).toMatch(/^masuk\/karawaci\/2026\/TW2\/[0-9a-f-]{36}\.xlsx$/);
    // A key intake accepts, for the report the page links to.
    expect(parseUploadKey(request?.key ?? '').reportId).toBe('karawaci-2026-TW2');
    expect(prepared.reportId).toBe('karawaci-2026-TW2');
    expect(request?.maxBytes).toBe(f.config.dataLimits.maxFileMB * 1024 * 1024);
    expect(request?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(request?.metadata).toEqual({ 'uploader-email': staf.email, 'uploader-nip': staf.nip });
    expect(request?.expiresInSeconds).toBe(UPLOAD_FORM_SECONDS);
    expect(UPLOAD_FORM_SECONDS).toBe(600);
    expect(prepared.form.fields.key).toBe(request?.key);
  });

  it('never takes a key, size, unit or metadata from the request', async () => {
    const f = fakeDeps();
    const hostile = {
      tahun: 2026,
      periode: 'TW1',
      jenis: 'csv',
      key: 'masuk/sukamaju/2026/TW1/punya-orang-lain.csv',
      unit: 'sukamaju',
      maxBytes: 5_000_000_000,
      'content-length-range': [1, 5_000_000_000],
      metadata: { 'uploader-email': 'penyusup@example.com' },
    };
    await prepareUpload(f.deps, staf, hostile);
    const [request] = f.uploads.requests;
    expect(request?.key).toMatch(/^masuk\/karawaci\/2026\/TW1\/[0-9a-f-]{36}\.csv$/);
    expect(request?.maxBytes).toBe(f.config.dataLimits.maxFileMB * 1024 * 1024);
    expect(request?.metadata['uploader-email']).toBe(staf.email);
    // Two forms for the same period never share a key: each upload is its own object version.
    await prepareUpload(f.deps, staf, hostile);
    expect(f.uploads.requests[1]?.key).not.toBe(request?.key);
  });

  it('is for Staf, Kasi and TIMSAKIP only', async () => {
    const f = fakeDeps();
    for (const role of ['KASI', 'TIMSAKIP'] as const)
      await expect(
        prepareUpload(f.deps, { ...staf, roles: [role] }, { tahun: 2026, periode: 'TW1', jenis: 'csv' }),
      ).resolves.toBeDefined();
    for (const roles of [['CAMAT'], ['SEKRETARIS_CAMAT'], ['KOTA'], []] as SessionPerson['roles'][])
      await expect(
        prepareUpload(f.deps, { ...staf, roles }, { tahun: 2026, periode: 'TW1', jenis: 'csv' }),
      ).rejects.toThrow(UploadNotAllowedError);
    expect(f.uploads.requests).toHaveLength(2);
  });

  it('refuses a tahun out of range, an unknown periode and another file kind', async () => {
    const f = fakeDeps();
    const now = f.deps.clock.now().getUTCFullYear();
    const bad: [Record<string, unknown>, string][] = [
      [{ tahun: 2019, periode: 'TW1', jenis: 'csv' }, 'tahun'],
      [{ tahun: now + 2, periode: 'TW1', jenis: 'csv' }, 'tahun'],
      [{ tahun: '20x6', periode: 'TW1', jenis: 'csv' }, 'tahun'],
      [{ tahun: 2026, periode: 'TW5', jenis: 'csv' }, 'periode'],
      [{ tahun: 2026, periode: '../TW1', jenis: 'csv' }, 'periode'],
      [{ tahun: 2026, periode: 'TW1', jenis: 'pdf' }, 'jenis'],
    ];
    for (const [choice, field] of bad) {
      const err = await prepareUpload(f.deps, staf, choice as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UploadInputError);
      expect((err as UploadInputError).field).toBe(field);
    }
    expect(f.uploads.requests).toHaveLength(0);
  });
});

describe('prepareUpload of a Perjanjian Kinerja', () => {
  const timsakip: SessionPerson = { ...staf, roles: ['TIMSAKIP'], email: 'timsakip@example.go.id' };

  it('signs the unit’s PK folder of the year for the team lead, with no report', async () => {
    const f = fakeDeps();
    const prepared = await prepareUpload(f.deps, timsakip, { tahun: '2026', periode: 'pk', jenis: 'xlsx' });
    expect(f.uploads.requests[0]?.key).toMatch(/^masuk\/karawaci\/2026\/PK\/[0-9a-f-]{36}\.xlsx$/);
    expect(prepared).toMatchObject({ pk: { unit: 'karawaci', tahun: 2026 } });
    expect(prepared.reportId).toBeUndefined();
  });

  it('refuses a PK from a data collector who is not TIMSAKIP', async () => {
    const f = fakeDeps();
    await expect(prepareUpload(f.deps, staf, { tahun: '2026', periode: 'PK', jenis: 'xlsx' })).rejects.toThrow(
      UploadNotAllowedError,
    );
    expect(f.uploads.requests).toHaveLength(0);
  });
});

describe('prepareUpload for a report that takes no upload now', () => {
  it('refuses a form for a documented report or one in review, saying why; a report waiting for a correction gets one', async () => {
    const f = fakeDeps();
    const base = {
      unit: 'karawaci',
      tahun: 2026,
      step: 'done',
      revision: 3,
      source: { key: 'masuk/karawaci/2026/TW1/a.csv', versionId: 'v1' },
      createdAt: '2026-04-01T00:00:00Z',
      updatedAt: '2026-04-01T00:00:00Z',
    };
    f.repo.reports.set('karawaci-2026-TW1', {
      ...base,
      reportId: 'karawaci-2026-TW1',
      periode: 'TW1',
      status: 'TERDOKUMENTASI',
    } as never);
    f.repo.reports.set('karawaci-2026-TW2', {
      ...base,
      reportId: 'karawaci-2026-TW2',
      periode: 'TW2',
      status: 'MENUNGGU_VERIFIKASI',
    } as never);
    f.repo.reports.set('karawaci-2026-TW3', {
      ...base,
      reportId: 'karawaci-2026-TW3',
      periode: 'TW3',
      status: 'PERLU_REVISI',
    } as never);
    const documented = await prepareUpload(f.deps, staf, { tahun: '2026', periode: 'TW1', jenis: 'csv' }).catch(
      (e) => e,
    );
    expect(documented).toBeInstanceOf(ReportNotTakingUploadsError);
    expect(documented.status).toBe('TERDOKUMENTASI');
    const inReview = await prepareUpload(f.deps, staf, { tahun: '2026', periode: 'TW2', jenis: 'csv' }).catch((e) => e);
    expect(inReview).toBeInstanceOf(ReportNotTakingUploadsError);
    expect(f.uploads.requests).toHaveLength(0);
    await prepareUpload(f.deps, staf, { tahun: '2026', periode: 'TW3', jenis: 'csv' });
    await prepareUpload(f.deps, staf, { tahun: '2026', periode: 'TW4', jenis: 'csv' });
    expect(f.uploads.requests).toHaveLength(2);
  });
});

/**
 * The upload page's Perjanjian Kinerja and annual roll-up: the PK choice is the team lead's only; the page's
 * checker reads the unit's PK in force (own unit, signed in); the roll-up downloads the annual workbook when the
 * four quarters are documented, else says what is missing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pkUploadKey } from '../../functions/core/upload-key.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import type { StaticAssets } from '../../functions/web/static-assets.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { documentedQuarter, pkBytes, uploadTo } from '../fakes/pk.ts';
import { portalOf } from '../fakes/portal.ts';

const assets: StaticAssets = { path: (name) => `/static/${name}.000000000000.js`, get: () => undefined };

async function browserOf(role: 'STAF' | 'TIMSAKIP' | 'CAMAT', unit = 'karawaci') {
  const f = fakeDeps();
  await seedDirectory(f.deps);
  const person = people(f.config, unit)[role];
  const { id } = await startSession(f.deps, { nip: person.nip, unit });
  const { app } = portalOf(f.deps, { assets: () => assets });
  const origin = new URL(f.deps.publicBaseUrl).origin;
  const get = (path: string) =>
    app.request(new URL(path, origin).toString(), { headers: { cookie: `lapkin_sesi=${id}` } });
  return { f, get };
}

describe('the Perjanjian Kinerja on the upload page', () => {
  it('offers the PK to the team lead and not to staff', async () => {
    const lead = await (await browserOf('TIMSAKIP')).get('/unggah');
    expect(await lead.text()).toContain('<option value="PK">Perjanjian Kinerja dan Rencana Aksi (PK)</option>');
    const staf = await (await browserOf('STAF')).get('/unggah');
    expect(await staf.text()).not.toContain('value="PK"');
  });

  it('refuses a PK form to staff with the reason', async () => {
    const f = fakeDeps();
    await seedDirectory(f.deps);
    const staf = people(f.config).STAF;
    const { id, session } = await startSession(f.deps, { nip: staf.nip, unit: 'karawaci' });
    const res = await portalOf(f.deps, { assets: () => assets }).request('/unggah/formulir', {
      method: 'POST',
      headers: { cookie: `lapkin_sesi=${id}`, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
      body: JSON.stringify({ tahun: 2026, periode: 'PK', jenis: 'xlsx' }),
    });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body)).toEqual({
      pesan: 'Perjanjian Kinerja hanya dapat diunggah oleh Ketua TIMSAKIP unit ini.',
    });
  });

  it("hands the page's checker the unit's PK in force, and null before there is one", async () => {
    const { f, get } = await browserOf('STAF');
    expect(await (await get('/unggah/pk?tahun=2026')).json()).toEqual({ pk: null });
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    const { pk } = (await (await get('/unggah/pk?tahun=2026')).json()) as {
      pk: { unit: string; indicators: unknown[] };
    };
    expect(pk.unit).toBe('karawaci');
    expect(pk.indicators).toHaveLength(4);
    expect((await get('/unggah/pk?tahun=abc')).status).toBe(400);
  });

  it('with a quarter, also hands the figures of the earlier quarters, so the page computes the figure to date as the assembly will', async () => {
    const { f, get } = await browserOf('STAF');
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    await documentedQuarter(f, 'TW1', [
      { kode: 'IK-01', realisasi: 12 },
      { kode: 'IK-03', realisasi: 80 },
    ]);
    const answer = (await (await get('/unggah/pk?tahun=2026&periode=TW2')).json()) as {
      earlier: [string, { periode: string; realisasi: number }[]][];
    };
    expect(answer.earlier).toEqual([
      ['IK-01', [{ periode: 'TW1', realisasi: 12 }]],
      ['IK-03', [{ periode: 'TW1', realisasi: 80 }]],
    ]);
  });

  it("never shows another unit's PK", async () => {
    const { f, get } = await browserOf('STAF', 'sukamaju');
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    expect(await (await get('/unggah/pk?tahun=2026')).json()).toEqual({ pk: null });
  });
});

describe('the annual roll-up download', () => {
  it('says in words what is missing', async () => {
    const { get } = await browserOf('STAF');
    const res = await get('/unggah/rekap-tahunan?tahun=2026');
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Rekap data tahunan belum dapat dibuat');
    expect(html).toContain('Perjanjian Kinerja tahun 2026 belum diterima');
    expect(html).toContain('Laporan triwulan TW1, TW2, TW3, TW4 belum terdokumentasi');
  });

  it('downloads the annual workbook once the four quarters are documented', async () => {
    const { f, get } = await browserOf('STAF');
    await receiveUpload(f.deps, await uploadTo(f, pkUploadKey('karawaci', 2026, 'pk.csv'), pkBytes()));
    for (const q of ['TW1', 'TW2', 'TW3', 'TW4'] as const) {
      await documentedQuarter(f, q, [
        { kode: 'IK-01', realisasi: 10 },
        { kode: 'IK-02', realisasi: 90 },
        { kode: 'IK-03', realisasi: 80 },
        { kode: 'IK-04', realisasi: 1 },
      ]);
    }
    const res = await get('/unggah/rekap-tahunan?tahun=2026');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="data-tahunan-karawaci-2026.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const data = wb.getWorksheet('Data');
    // IK-01 is kumulatif: 4 × 10; IK-02 non-kumulatif: 90; IK-03 rata-rata: 80; IK-04 kumulatif: 4 × 1.
    expect([2, 3, 4, 5].map((r) => [data?.getCell(r, 3).value, data?.getCell(r, 5).value])).toEqual([
      ['IK-01', 40],
      ['IK-02', 90],
      ['IK-03', 80],
      ['IK-04', 4],
    ]);
    expect(wb.getWorksheet('Narasi')?.getCell(2, 1).value).toBe('kata_pengantar');
  });
});

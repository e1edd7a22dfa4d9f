/**
 * The lembar disposisi of an archived report (SOP *Pencatatan*), on in-memory fakes: filled from the decisions in
 * the trail — nomor agenda, perihal, the arahan an official added to an approval, a paraf row per level that acted —
 * with storage keys and versionIds only in its verification record; and the arahan reaches the mails that report
 * the decision (the ratify request, the documented mail).
 * Real: use cases, documents module, ledger. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { archivedReport } from '../fakes/archived.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

const SEKCAM_ARAHAN = 'Sudah sesuai; mohon narasi IK-04 dipertajam pada triwulan berikutnya.';
const CAMAT_ARAHAN = 'Pertahankan capaian pelayanan; percepat serapan anggaran pada triwulan II.';

let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

describe('the archived disposition sheet', () => {
  it('carries nomor agenda, perihal, the arahan of each approval and a paraf row per acting level', async () => {
    const { archive } = await archivedReport(f, {
      reviseOnce: true,
      arahan: { verify: SEKCAM_ARAHAN, ratify: CAMAT_ARAHAN },
    });
    const body = (await f.store.get(archive.disposition.key, archive.disposition.versionId)).body;
    const text = pdfTextOf(Buffer.from(body)).replace(/\s+/g, ' ');
    const at = text.indexOf('REKAMAN VERIFIKASI');
    expect(at).toBeGreaterThan(0);
    const form = text.slice(0, at);
    const record = text.slice(at);

    expect(form).toContain('Nomor agenda : KARAWACI/2026/TW1/R2');
    expect(form).toContain('Perihal : Laporan Kinerja Triwulan I Tahun 2026 — Kecamatan Karawaci');
    expect(form).toContain(`Arahan: “${SEKCAM_ARAHAN}”`);
    expect(form).toContain(`Arahan: “${CAMAT_ARAHAN}”`);
    // One paraf row per level of the trail (this unit has no team lead's paraf step), each filled.
    expect(form.match(/Paraf elektronik/g)).toHaveLength(1);
    expect(form.match(/Tanda tangan elektronik/g)).toHaveLength(1);
    expect(form).not.toContain('Tidak memberikan disposisi');
    // The send-back of revision 1 stays in the history, with its note.
    expect(form).toContain('Dikembalikan untuk revisi Mohon lengkapi narasi.');

    // Storage keys and versionIds: in the verification record, nowhere else.
    for (const ref of [archive.pdf, archive.xlsx, archive.source]) {
      expect(form).not.toContain(ref.versionId);
      expect(record).toContain(ref.versionId);
    }
    expect(form).not.toMatch(/versionId|arsip\/|laporan\/|masuk\//);
    expect(record.replace(/\s/g, '')).toContain(archive.pdf.key);
  });

  it("sends the arahan on: the Camat reads the Sekretaris' arahan, the documented mail quotes both", async () => {
    await archivedReport(f, { arahan: { verify: SEKCAM_ARAHAN, ratify: CAMAT_ARAHAN } });
    const ratify = f.mailer.sent.find((m) => m.subject.startsWith('[Perlu pengesahan]'));
    expect(ratify?.text).toContain('Arahan pada tahap sebelumnya:');
    expect(ratify?.text).toContain(`"${SEKCAM_ARAHAN}"`);
    const documented = f.mailer.sent.at(-1);
    expect(documented?.subject).toMatch(/^\[Terdokumentasi\]/);
    expect(documented?.text).toContain('Nomor agenda: KARAWACI/2026/TW1/R1');
    expect(documented?.text).toContain(`"${SEKCAM_ARAHAN}"`);
    expect(documented?.text).toContain(`"${CAMAT_ARAHAN}"`);
    // No storage key in a letter.
    expect(documented?.text).not.toMatch(/arsip\/|versionId/);
  });
});

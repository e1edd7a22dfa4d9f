/**
 * The verification code of an archived revision (SOP step 5), on in-memory fakes: claimed once before anything is
 * rendered, the same on every re-run of the archive step (also one cut off after its PDFs were stored), one per
 * revision, and printed — code, URL and a QR code of the URL — on the archived report and its disposition sheet.
 * Real: use cases, documents module, ledger. Faked: every port.
 */
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatVerificationCode, verificationUrl } from '../../functions/core/verification-code.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { archivedReport, ratifiedReport, TW2 } from '../fakes/archived.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

async function bytes(ref: { key: string; versionId: string }): Promise<Buffer> {
  return Buffer.from((await f.store.get(ref.key, ref.versionId)).body);
}

/**
 * The QR codes drawn in a PDF, read back from its content streams: each is `x y cm`, `m 0 0 m 0 0 cm`, then
 * one integer rectangle per run of dark modules (documents/verification-pdf.ts). Returns each as rows of 0/1.
 */
function qrMatricesIn(pdf: Buffer): number[][][] {
  const raw = pdf.toString('latin1');
  const found: number[][][] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const block of text.matchAll(/cm\n[\d.]+ 0 0 [\d.]+ 0 0 cm\n((?:\d+ \d+ \d+ 1 re\n)+)/g)) {
      const runs = [...(block[1] ?? '').matchAll(/(\d+) (\d+) (\d+) 1 re/g)].map((r) => r.slice(1).map(Number));
      const size = Math.max(...runs.map(([col = 0, , len = 0]) => col + len), ...runs.map(([, row = 0]) => row + 1));
      const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      for (const [col = 0, row = 0, len = 0] of runs)
        for (let c = col; c < col + len; c++) (matrix[row] as number[])[c] = 1;
      found.push(matrix);
    }
  }
  return found;
}

function qrMatrixOf(text: string): number[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c)),
  );
}

describe('the verification code of an archived revision', () => {
  it('is claimed once and kept by a re-run of the archive step, even one cut off after its PDFs were stored', async () => {
    const reportId = await ratifiedReport(f);
    // The first run stores both PDFs, then loses the database before recording the documentation.
    f.repo.failingReplaces = 1;
    await expect(archiveReport(f.deps, { reportId })).rejects.toThrow('injected');
    expect((await f.repo.get(reportId))?.status).toBe('DISAHKAN');
    expect(f.repo.verifications.size).toBe(1);
    const [claimed] = [...f.repo.verifications.keys()];

    const archive = await archiveReport(f.deps, { reportId });
    const report = await f.repo.get(reportId);
    expect(report?.status).toBe('TERDOKUMENTASI');
    expect(report?.verificationCode).toBe(claimed);
    expect(f.repo.verifications.size).toBe(1);
    // The PDF stored by the first run (reused, write-once) and the disposition sheet carry that same code.
    const code = formatVerificationCode(claimed as string);
    expect(pdfTextOf(await bytes(archive.pdf))).toContain(code);
    expect(pdfTextOf(await bytes(archive.disposition))).toContain(code);
    // The documentation is in the trail with the code it printed.
    const events = await f.repo.events(reportId);
    expect(events.at(-1)).toMatchObject({ action: 'TERDOKUMENTASI', detail: { verificationCode: code } });

    // A retry after the documentation changes nothing either.
    expect(await archiveReport(f.deps, { reportId })).toEqual(archive);
    expect((await f.repo.get(reportId))?.verificationCode).toBe(claimed);
    expect(f.repo.verifications.size).toBe(1);
    expect(await f.repo.getVerification(claimed as string)).toMatchObject({ reportId, revision: 1 });
  });

  it('is one per report revision: two reports get two codes, each resolving to its own', async () => {
    const one = await archivedReport(f);
    const two = await archivedReport(f, { reportId: TW2.reportId, key: TW2.key, body: TW2.body() });
    expect(one.code).not.toBe(two.code);
    expect(await f.repo.getVerification(one.code)).toMatchObject({ reportId: one.reportId, revision: 1 });
    expect(await f.repo.getVerification(two.code)).toMatchObject({ reportId: two.reportId, revision: 1 });
  });

  it('belongs to the revision archived: after a send-back, revision 2', async () => {
    const { code, reportId } = await archivedReport(f, { reviseOnce: true });
    expect(await f.repo.getVerification(code)).toMatchObject({ reportId, revision: 2 });
  });

  it('a concurrent run that claimed the revision first wins; the code this run drew resolves to nothing', async () => {
    const reportId = await ratifiedReport(f);
    const winner = { code: 'W1NNERC0DE00', reportId, revision: 1, createdAt: f.clock.now().toISOString() };
    f.repo.claimRaces.push(winner);
    await archiveReport(f.deps, { reportId });
    expect((await f.repo.get(reportId))?.verificationCode).toBe(winner.code);
    const lost = [...f.repo.verifications.keys()].filter((c) => c !== winner.code);
    expect(lost).toHaveLength(1);
    expect(await f.repo.getVerification(lost[0] as string)).toBeUndefined();
  });

  it('a fresh code that collides with a stored one is drawn again; the archive gives up after five', async () => {
    const reportId = await ratifiedReport(f);
    f.repo.codeCollisions = 5;
    await expect(archiveReport(f.deps, { reportId })).rejects.toMatchObject({ name: 'VerificationCodeTakenError' });
    expect((await f.repo.get(reportId))?.status).toBe('DISAHKAN');
    f.repo.codeCollisions = 4;
    await archiveReport(f.deps, { reportId });
    expect((await f.repo.get(reportId))?.verificationCode).toMatch(/^[0-9A-Z]{12}$/);
  });

  it('is printed with the URL of its page and a QR code of that URL on the report PDF and the disposition sheet', async () => {
    const { archive, code, report } = await archivedReport(f);
    const url = verificationUrl(f.deps.publicBaseUrl, code);
    const printed = formatVerificationCode(code);
    expect(url).toBe(`https://lapkin.example.go.id/verifikasi/${printed}`);
    const expected = qrMatrixOf(url);
    for (const ref of [archive.pdf, archive.disposition]) {
      const pdf = await bytes(ref);
      const text = pdfTextOf(pdf);
      expect(text).toContain(`Verifikasi keaslian dokumen: ${url} - kode ${printed}`);
      expect(text).toContain(printed);
      // The code in the footer of every page that has one (the report's cover has none).
      // Pages of the rendered revision: the signature's incremental update after its %%EOF repeats the first page.
      const rendered = pdf.toString('latin1').slice(0, pdf.indexOf('%%EOF'));
      const pages = (rendered.match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(text.split(`Kode verifikasi ${printed}`).length - 1).toBeGreaterThanOrEqual(
        ref === archive.pdf ? pages - 1 : pages,
      );
      // The QR code drawn is exactly the symbol the qrcode library makes of the URL.
      const drawn = qrMatricesIn(pdf);
      expect(drawn).toHaveLength(1);
      expect(drawn[0]).toEqual(expected);
    }
    // The working copy under laporan/ (before ratification) carries no code.
    const assembled = pdfTextOf(await bytes(report.reportPdf as { key: string; versionId: string }));
    expect(assembled).not.toContain(printed);
    expect(assembled).not.toContain('/verifikasi/');
  });
});

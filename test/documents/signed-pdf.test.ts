/**
 * PAdES signatures of the archived PDFs (issue 14 item 4), checked by an independent verifier: poppler's pdfsig
 * (NSS) must list the signature of the archived report and of the disposition sheet as valid, with a digest
 * covering the whole file, and report a digest mismatch once any byte of the signed content changes.
 * The DRAF watermark: on every page of the assembled (unratified) report, on no page of the archived one.
 * Real: use cases, documents, the key-file signer (an RSA key under a temp directory). Faked: the other ports.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE, keyFileSigner } from '../../functions/adapters/key-file-signer.ts';
import { signerSubject } from '../../functions/core/signer-subject.ts';
import { certificateDer } from '../../functions/documents/pades.ts';
import { archivedReport } from '../fakes/archived.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

const run = promisify(execFile);
let f: ReturnType<typeof fakeDeps>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lapkin-signed-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  f = fakeDeps();
});

/** pdfsig's report of a PDF's signatures (it exits 0 whatever it finds: the text is the verdict). */
async function pdfsig(pdf: Uint8Array, name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, pdf);
  // A file damaged beyond reading makes it exit 1: its words are the verdict then too.
  const { stdout } = await run('pdfsig', [path]).catch((err: { stdout?: string; stderr?: string }) => ({
    stdout: `${err.stdout ?? ''}${err.stderr ?? ''}`,
  }));
  return stdout;
}

async function bytes(ref: { key: string; versionId: string }): Promise<Buffer> {
  return Buffer.from((await f.store.get(ref.key, ref.versionId)).body);
}

/** The pdftotext text of every page, one string per page (form feeds split them). */
async function pagesOf(pdf: Uint8Array, name: string): Promise<string[]> {
  const path = join(dir, name);
  await writeFile(path, pdf);
  const { stdout } = await run('pdftotext', ['-raw', path, '-']);
  return stdout.split('\f').filter((p) => p.trim() !== '');
}

describe('the archived PDFs carry a PAdES signature', () => {
  it('pdfsig lists a valid signature over the whole file of the report and of the disposition sheet', async () => {
    const { archive } = await archivedReport(f);
    for (const [name, ref] of [
      ['report.pdf', archive.pdf],
      ['disposition.pdf', archive.disposition],
    ] as const) {
      const pdf = await bytes(ref);
      const out = await pdfsig(pdf, name);
      expect(out).toContain('Signature #1:');
      expect(out).not.toContain('Signature #2:');
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain('Signing Hash Algorithm: SHA-256');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Signer Certificate Common Name: lapkin - Pelaporan Kinerja');
      // The SHA-256 recorded (mail, trail, /verifikasi) is the signed file's.
      expect(ref.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    }
  }, 60_000);

  it('says so on the page: "Ditandatangani secara elektronik (tidak tersertifikasi)" and by whom', async () => {
    const { archive } = await archivedReport(f);
    const subject = f.deps.signer.subject;
    expect(subject).toBe('lapkin - Pelaporan Kinerja (Pemerintah Kota Tangerang)');
    for (const ref of [archive.pdf, archive.disposition]) {
      const text = pdfTextOf(await bytes(ref)).replace(/\s+/g, ' ');
      expect(text).toContain('Ditandatangani secara elektronik (tidak tersertifikasi)');
      expect(text).toContain(`oleh ${subject}`);
    }
  }, 60_000);

  it('any changed byte of the signed content breaks it: pdfsig reports a digest mismatch', async () => {
    const { archive } = await archivedReport(f);
    for (const [name, ref] of [
      ['report-tampered.pdf', archive.pdf],
      ['disposition-tampered.pdf', archive.disposition],
    ] as const) {
      const pdf = await bytes(ref);
      // One byte in the middle of the rendered document (the first signed range), and one letter of the
      // signature dictionary's /Reason (signed too: only /Contents itself is left out).
      const early = Buffer.from(pdf);
      const at = Math.floor(pdf.indexOf('/ByteRange') / 2);
      early[at] = (early[at] ?? 0) ^ 0x01;
      expect(await pdfsig(early, name)).toContain('Signature Validation: Digest Mismatch.');
      const late = Buffer.from(pdf);
      const reason = late.indexOf('/Reason (Dokumentasi') + '/Reason ('.length;
      expect(reason).toBeGreaterThan(20);
      late[reason] = 'd'.charCodeAt(0);
      expect(await pdfsig(late, name)).toContain('Signature Validation: Digest Mismatch.');
    }
  }, 60_000);
});

describe('the DRAF watermark', () => {
  it('is on every page of the assembled (unratified) report and on no page of the archived one', async () => {
    const { archive, report } = await archivedReport(f);
    const draftRef = report.reportPdf;
    if (!draftRef) throw new Error('no assembled PDF');
    const draft = await pagesOf(await bytes(draftRef), 'draft.pdf');
    expect(draft.length).toBeGreaterThan(1);
    // pdftotext gives the diagonal text a letter a line: compare without white space.
    for (const page of draft) expect(page.replace(/\s+/g, '')).toContain('DRAF—belumdisahkan');
    const archived = await pagesOf(await bytes(archive.pdf), 'archived.pdf');
    expect(archived.length).toBe(draft.length);
    for (const page of archived) expect(page).not.toContain('DRAF');
    for (const page of await pagesOf(await bytes(archive.disposition), 'disposition.pdf'))
      expect(page).not.toContain('DRAF');
  }, 60_000);
});

describe('the key-file signer (the local stack)', () => {
  it('makes its key on first use, mode 0600, and every later signer of the directory uses the same certificate', async () => {
    const keys = join(dir, 'state', 'signing');
    const subject = signerSubject(f.config);
    const pdf = await bytes((await archivedReport(f)).archive.disposition);
    // Two signers of one empty directory at once: one key file wins, both sign with it.
    const [a, b] = await Promise.all(
      [keyFileSigner(keys, subject), keyFileSigner(keys, subject)].map((s) => s.sign(pdf, new Date())),
    );
    const file = await stat(join(keys, KEY_FILE));
    expect(file.mode & 0o777).toBe(0o600);
    const pem = await readFile(join(keys, KEY_FILE), 'utf8');
    expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
    const later = await keyFileSigner(keys, subject).sign(pdf, new Date());
    const cert = Buffer.from(certificateDer(pem.slice(pem.indexOf('-----BEGIN CERTIFICATE-----'))));
    // The CMS of the newest signature (the last /Contents) embeds exactly the certificate of the key file.
    const lastCms = (signed: Uint8Array) =>
      Buffer.from(
        [
          ...Buffer.from(signed)
            .toString('latin1')
            .matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g),
        ].at(-1)?.[1] ?? '',
        'hex',
      );
    for (const signed of [a as Uint8Array, b as Uint8Array, later]) {
      const out = await pdfsig(signed, 'twice.pdf');
      // Signed again on top of the first signature: both listed, both valid.
      expect(out).toContain('Signature #2:');
      expect(out.match(/Signature is Valid\./g)?.length).toBe(2);
    }
    for (const signed of [a as Uint8Array, b as Uint8Array, later]) expect(lastCms(signed).includes(cert)).toBe(true);
    expect(pem).toBe(await readFile(join(keys, KEY_FILE), 'utf8'));
  }, 60_000);
});

describe('the signature label on the disposition sheet', () => {
  it('stays whole on the page of the verification statement, however many decisions come before it', async () => {
    const { renderDispositionPdf } = await import('../../functions/documents/disposition-pdf.ts');
    const entry = (no: number, revision: number) => ({
      no,
      stepKey: no % 3 === 0 ? 'ratify' : no % 3 === 1 ? 'paraf' : 'verify',
      step: 'Verifikasi laporan',
      revision,
      approved: no % 4 !== 0,
      role: 'SEKRETARIS_CAMAT',
      title: 'Sekretaris Camat',
      name: 'Dewi Lestari, S.STP., M.Si.',
      nip: '198003152005012002',
      decision: no % 4 !== 0 ? 'Disetujui' : 'Dikembalikan untuk revisi',
      note: no % 2 ? 'Narasi faktor penghambat belum memadai; mohon dilengkapi untuk indikator di bawah target.' : '',
      at: '2026-04-06T08:00:00.000Z',
      mark: 'paraf' as const,
      document: { key: 'laporan/x.pdf', versionId: `v${no}`, sha256: 'a'.repeat(64) },
    });
    const split: number[] = [];
    // Each further decision pushes the statement down a little, so one of these counts puts it near a page's end.
    for (let n = 1; n <= 24; n++) {
      const pdf = await renderDispositionPdf({
        organization: {
          name: 'Kecamatan Karawaci',
          parent: 'Pemerintah Kota Tangerang',
          unitCode: 'karawaci',
          address: '',
        },
        reportId: 'karawaci-2026-TW1',
        tahun: 2026,
        periode: 'TW1',
        revision: Math.ceil(n / 3),
        agendaNumber: 'KARAWACI/2026/TW1/R1',
        receivedAt: '2026-04-06T07:00:00.000Z',
        origin: 'Ketua TIMSAKIP',
        documentation: 'Ketua TIMSAKIP',
        entries: Array.from({ length: n }, (_, i) => entry(i + 1, Math.ceil((i + 1) / 3))),
        documents: ['Laporan (PDF)', 'Laporan (XLSX)', 'Data kinerja yang diunggah'].map((label, i) => ({
          label,
          key: `arsip/karawaci/2026/TW1/rev-3/dokumen-${i}.pdf`,
          versionId: `0mx3hg30g00005398028${i}`,
          sha256: 'b'.repeat(64),
        })),
        archivedAt: '2026-04-06T08:05:00.000Z',
        verification: {
          code: 'XD0Q-3J8X-A23Z',
          url: 'https://lapkin.example.go.id/verifikasi/XD0Q-3J8X-A23Z',
          signedBy: 'lapkin - Pelaporan Kinerja (Pemerintah Kota Tangerang)',
        },
      });
      const pages = await pagesOf(pdf, `label-${n}.pdf`);
      // The register of an office: nothing abbreviated, on the label either.
      expect(pages.join(' ')).not.toMatch(/\b(mis|thd|tgl|dll|dsb)\./);
      const labelled = pages.filter((p) => /tersertifikasi|pdfsig/.test(p));
      if (labelled.length !== 1 || !/Ditandatangani secara elektronik[\s\S]*pdfsig/.test(labelled[0] ?? ''))
        split.push(n);
    }
    expect(split).toEqual([]);
  });
});

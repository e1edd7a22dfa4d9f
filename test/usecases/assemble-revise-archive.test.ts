/**
 * SOP steps 2 and 5 and the revision loop, on in-memory fakes: assembly writes new versions, invalid data waits
 * for a fix with every problem mailed, archive documents exactly the ratified versions with SHA-256, and a
 * failure leaves a recoverable GAGAL. Real: use cases, documents module, ledger. Faked: every port.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import { recordFailure } from '../../functions/usecases/record-failure.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { KEY, linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:lapkin-x';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

describe('assembleReport', () => {
  it('writes PDF, XLSX and data as new versions under laporan/ and moves to DISUSUN, revision 1', async () => {
    const { assembly } = await uploadAndAssemble(f.deps, sample('awal'));
    expect(assembly).toMatchObject({ valid: true, revision: 1 });
    const r = await f.repo.get(REPORT_ID);
    expect(r?.status).toBe('DISUSUN');
    expect(r?.reportPdf?.key).toBe('laporan/karawaci/2026/TW1/laporan-kinerja-karawaci-2026-TW1.pdf');
    const pdf = await f.store.get(r?.reportPdf?.key ?? '', r?.reportPdf?.versionId ?? '');
    expect(Buffer.from(pdf.body.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(r?.reportPdf?.sha256).toBe(sha(pdf.body));
    expect(r?.summary?.indicatorCount).toBeGreaterThan(0);
    expect(r?.uploaderEmail).toBe('staf@example.go.id');
  });

  it('is idempotent for a retried invocation of the same data version', async () => {
    const { versionId, assembly } = await uploadAndAssemble(f.deps, sample('awal'));
    const again = await assembleReport(f.deps, { reportId: REPORT_ID, source: { key: KEY, versionId } });
    expect(again).toEqual(assembly);
    expect(await f.store.listVersions('laporan/karawaci/2026/TW1/laporan-kinerja-karawaci-2026-TW1.pdf')).toHaveLength(
      1,
    );
  });

  it('invalid data: PERLU_PERBAIKAN_DATA with every problem, upload kept, then one mail with the XLSX', async () => {
    const bad = new TextEncoder().encode('tahun;periode;kode_indikator\n2026;TW1;IK-01\n');
    const { assembly, versionId } = await uploadAndAssemble(f.deps, bad);
    expect(assembly.valid).toBe(false);
    const r = await f.repo.get(REPORT_ID);
    expect(r?.status).toBe('PERLU_PERBAIKAN_DATA');
    expect(r?.dataProblems?.count).toBeGreaterThan(0);
    expect((await f.store.get(KEY, versionId)).body).toEqual(bad);

    await requestRevision(f.deps, {
      taskToken: 'tok-fix',
      reportId: REPORT_ID,
      executionArn: EXEC,
      request: { reason: 'DATA_INVALID' },
    });
    const mail = f.mailer.sent.at(-1);
    expect(mail?.subject).toBe('[Data ditolak] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
    expect(mail?.to).toEqual(expect.arrayContaining(['staf@example.go.id', 'timsakip@example.go.id']));
    expect(mail?.attachments?.[0]?.filename).toMatch(/\.xlsx$/);
    expect(mail?.text).toContain(KEY);
    // Where to upload the correction: the portal's upload page for this report, not a command line.
    expect(mail?.text).toContain(`${f.deps.publicBaseUrl}/unggah?laporan=${REPORT_ID}`);
    expect(`${mail?.text}${mail?.html}`).not.toContain('npx');
    expect((await f.repo.get(REPORT_ID))?.revisionTaskToken).toBe('tok-fix');
  });
});

describe('requestRevision', () => {
  it('mails the note once; a re-entered wait swaps the token only; a mail failure is retried', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const req = { reason: 'REVISE' as const, step: 'verify' as const, note: 'Lengkapi narasi.' };
    await f.deps.ledger.transition({
      reportId: REPORT_ID,
      from: ['DISUSUN'],
      set: { status: 'MENUNGGU_VERIFIKASI' },
      event: { action: 'VERIFIKASI_DIMINTA', actor: { name: 's', role: 'SEKRETARIS_CAMAT' } },
    });
    f.mailer.failures = 1;
    await expect(
      requestRevision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, request: req }),
    ).rejects.toThrow();
    expect(
      (await requestRevision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn: EXEC, request: req }))
        .mailed,
    ).toBe(true);
    expect(
      (await requestRevision(f.deps, { taskToken: 't2', reportId: REPORT_ID, executionArn: EXEC, request: req }))
        .mailed,
    ).toBe(false);
    const mails = f.mailer.sent.filter((m) => m.subject.startsWith('[Perlu perbaikan] '));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Lengkapi narasi.');
    expect(mails[0]?.subject).toBe('[Perlu perbaikan] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
    expect(mails[0]?.text).toContain(`${f.deps.publicBaseUrl}/unggah?laporan=${REPORT_ID}`);
    expect(`${mails[0]?.text}${mails[0]?.html}`).not.toContain('npx');
    const r = await f.repo.get(REPORT_ID);
    expect(r).toMatchObject({ status: 'PERLU_REVISI', revisionTaskToken: 't2', revisionNote: 'Lengkapi narasi.' });
  });
});

describe('archiveReport', () => {
  async function ratified() {
    await uploadAndAssemble(f.deps, sample('awal'));
    await requestDecision(f.deps, { taskToken: 'tv', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), {
      decision: 'APPROVE',
      note: 'Paraf.',
    });
    await requestDecision(f.deps, { taskToken: 'tr', reportId: REPORT_ID, executionArn: EXEC, step: 'ratify' });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
  }

  it('refuses a report that is not ratified', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await expect(archiveReport(f.deps, { reportId: REPORT_ID })).rejects.toMatchObject({
      name: 'TransitionConflictError',
    });
  });

  it('archives under arsip/ with SHA-256 of each stored document and a disposition sheet; a retry changes nothing', async () => {
    await ratified();
    const archive = await archiveReport(f.deps, { reportId: REPORT_ID });
    for (const ref of Object.values(archive)) {
      expect(ref.key.startsWith('arsip/karawaci/2026/TW1/rev-1/')).toBe(true);
      expect(ref.sha256).toBe(sha((await f.store.get(ref.key, ref.versionId)).body));
    }
    const r = await f.repo.get(REPORT_ID);
    expect(r?.status).toBe('TERDOKUMENTASI');
    expect(r?.documentedAt).toBe(f.clock.now().toISOString());
    // Every archived version is write-once for the configured years (S3 Object Lock, governance mode).
    const until = new Date(f.clock.now());
    until.setUTCFullYear(until.getUTCFullYear() + f.config.aws.archiveRetentionYears);
    for (const ref of Object.values(archive))
      expect(f.store.retention.get(`${ref.key}@${ref.versionId}`)).toBe(until.toISOString());
    // Only the archive and the audit checkpoints are locked; working copies under laporan/ are not.
    expect([...f.store.retention.keys()].every((k) => k.startsWith('arsip/') || k.startsWith('audit/'))).toBe(true);
    const source = await f.store.get(archive.source.key, archive.source.versionId);
    const uploaded = (await f.store.listVersions(KEY))[0];
    expect(sha(source.body)).toBe(sha((await f.store.get(KEY, uploaded?.versionId ?? '')).body));
    expect(await archiveReport(f.deps, { reportId: REPORT_ID })).toEqual(archive);
    // The archived PDF carries the paraf and signature in its approval block; the assembled one does not.
    const archivedText = pdfTextOf(Buffer.from((await f.store.get(archive.pdf.key, archive.pdf.versionId)).body));
    const assembledText = pdfTextOf(
      Buffer.from((await f.store.get(r?.reportPdf?.key ?? '', r?.reportPdf?.versionId ?? '')).body),
    );
    for (const person of [people(f.config).CAMAT, people(f.config).SEKRETARIS_CAMAT]) {
      expect(archivedText).toContain(person.name);
      expect(archivedText).toContain(person.nip);
      expect(assembledText).not.toContain(person.name);
    }
    const sheet = pdfTextOf(
      Buffer.from((await f.store.get(archive.disposition.key, archive.disposition.versionId)).body),
    );
    // Long hashes wrap across lines on the sheet.
    expect(sheet.replace(/\s/g, '')).toContain(archive.pdf.sha256);
    expect(f.mailer.sent.at(-1)?.subject).toBe('[Terdokumentasi] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
  });
});

describe('recordFailure', () => {
  it('marks GAGAL, supersedes pending decisions and keeps the upload', async () => {
    const uploaded = sample('awal');
    const { versionId } = await uploadAndAssemble(f.deps, uploaded);
    const { decisionId } = await requestDecision(f.deps, {
      taskToken: 'tv',
      reportId: REPORT_ID,
      executionArn: EXEC,
      step: 'verify',
    });
    const out = await recordFailure(f.deps, {
      reportId: REPORT_ID,
      error: {
        Error: 'DocumentNotFoundError',
        Cause: JSON.stringify({ errorType: 'DocumentNotFoundError', errorMessage: 'gone' }),
      },
    });
    expect(out.recorded).toBe(true);
    const r = await f.repo.get(REPORT_ID);
    expect(r?.status).toBe('GAGAL');
    expect(r?.lastError).toEqual({ error: 'DocumentNotFoundError', cause: 'gone' });
    expect((await f.repo.getDecision(decisionId))?.state).toBe('SUPERSEDED');
    expect(sha((await f.store.get(KEY, versionId)).body)).toBe(sha(uploaded));
    expect(f.mailer.sent.at(-1)?.subject).toBe('[Gagal diproses] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci');
  });
});

describe('retryReport', () => {
  it('restarts a GAGAL report from its uploaded version; anything else is refused', async () => {
    const { retryReport } = await import('../../functions/usecases/retry-report.ts');
    const { versionId } = await uploadAndAssemble(f.deps, sample('awal'));
    await expect(retryReport(f.deps, REPORT_ID)).rejects.toMatchObject({ name: 'TransitionConflictError' });
    await recordFailure(f.deps, { reportId: REPORT_ID, error: { Error: 'TransientError', Cause: 'smtp down' } });
    const out = await retryReport(f.deps, REPORT_ID);
    expect(out.attempt).toBe(1);
    expect(f.workflow.started.at(-1)).toMatchObject({
      input: { reportId: REPORT_ID, source: { key: KEY, versionId } },
    });
    const r = await f.repo.get(REPORT_ID);
    expect(r).toMatchObject({ status: 'DITERIMA', retries: 1, executionArn: out.executionArn });
    expect(r?.lastError).toBeUndefined();
  });
});

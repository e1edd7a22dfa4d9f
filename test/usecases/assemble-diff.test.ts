/**
 * The revision diff through the use cases, on in-memory fakes: revision 1 has none; after a send-back the
 * corrected upload is compared with the previous revision's data, stored as JSON under laporan/, summarised on
 * the report, and shown with the send-back note in the verifier's mail and on the confirm page. Real: use
 * cases, documents module, mails and pages. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RevisionDiff } from '../../functions/core/performance-data.ts';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { requestRevision } from '../../functions/usecases/request-revision.ts';
import { submitDecision } from '../../functions/usecases/take-decision.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, linkParts, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';
import { linkPath, portalOf } from '../fakes/portal.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:lapkin-x';
const NOTE = 'Lengkapi narasi faktor penghambat dan tindak lanjut; realisasi IK-04 perlu dicek ulang.';
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

/** Verify step: mail with link, then the Sekretaris Camat decides. Returns the mail. */
async function verify(decision: 'APPROVE' | 'REVISE', note = '') {
  await requestDecision(f.deps, {
    taskToken: `tv-${f.mailer.sent.length}`,
    reportId: REPORT_ID,
    executionArn: EXEC,
    step: 'verify',
  });
  const mail = f.mailer.sent.at(-1);
  if (!mail) throw new Error('no decision mail');
  if (decision === 'REVISE') {
    await submitDecision(f.deps, linkParts(linkInMail(mail.text)), { decision, note });
    await requestRevision(f.deps, {
      taskToken: `rev-${f.mailer.sent.length}`,
      reportId: REPORT_ID,
      executionArn: EXEC,
      request: { reason: 'REVISE', step: 'verify', note },
    });
  }
  return mail;
}

async function storedDiff(): Promise<RevisionDiff> {
  const r = await f.repo.get(REPORT_ID);
  const ref = r?.revisionDiff;
  if (!ref) throw new Error('no diff on the report');
  return JSON.parse(new TextDecoder().decode((await f.store.get(ref.key, ref.versionId)).body)) as RevisionDiff;
}

describe('revision diff', () => {
  it('is absent on revision 1, and the decision mail then shows no diff', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    const r = await f.repo.get(REPORT_ID);
    expect(r?.revision).toBe(1);
    expect(r?.revisionDiff).toBeUndefined();
    expect(r?.diffSummary).toBeUndefined();
    const mail = await verify('APPROVE');
    expect(mail.text).not.toContain('Perubahan dibanding');
  });

  it('compares revision 2 with revision 1 per indicator, stores JSON under laporan/ and summarises it', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await verify('REVISE', NOTE);
    await uploadAndAssemble(f.deps, sample('perbaikan-1'));

    const r = await f.repo.get(REPORT_ID);
    expect(r?.revision).toBe(2);
    expect(r?.revisionDiff?.key).toBe('laporan/karawaci/2026/TW1/perubahan-karawaci-2026-TW1.json');
    const diff = await storedDiff();
    expect(diff).toMatchObject({ fromRevision: 1, toRevision: 2 });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 8, unchanged: 0 });
    expect(diff.request).toMatchObject({ by: people(f.config).SEKRETARIS_CAMAT.name, note: NOTE });
    const ik04 = diff.indicators.find((i) => i.kode === 'IK-04');
    expect(ik04?.fields).toEqual(
      expect.arrayContaining([
        { field: 'realisasi', before: 72.5, after: 77.78 },
        { field: 'capaian', before: 80.56, after: 86.42 },
        { field: 'tindakLanjut', before: 'Akan ditingkatkan.', after: expect.stringContaining('pihak ketiga') },
      ]),
    );
    // Kategori stays Tinggi (80,56 and 86,42 are both in 76–90): no line for an unchanged field.
    expect(ik04?.fields.map((x) => x.field)).not.toContain('kategori');

    // The summary on the report puts the figures first and stays bounded.
    expect(r?.diffSummary?.lines.slice(0, 2)).toEqual([
      { kode: 'IK-04', change: 'changed', field: 'realisasi', before: 72.5, after: 77.78 },
      { kode: 'IK-04', change: 'changed', field: 'capaian', before: 80.56, after: 86.42 },
    ]);
    expect(r?.diffSummary?.lines.length).toBeLessThanOrEqual(25);
  });

  it('shows the note and the changes in the verifier mail and on the confirm page', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await verify('REVISE', NOTE);
    await uploadAndAssemble(f.deps, sample('perbaikan-1'));
    const mail = await verify('APPROVE');

    expect(mail.text).toContain('Perubahan dibanding revisi 1: 8 indikator berubah, 0 ditambah, 0 dihapus, 0 tetap.');
    expect(mail.text).toContain(
      `Catatan saat laporan dikembalikan oleh ${people(f.config).SEKRETARIS_CAMAT.name}: "${NOTE}"`,
    );
    expect(mail.text).toContain('IK-04  Realisasi: 72,5 → 77,78');
    expect(mail.text).toContain('IK-04  Capaian: 80,56 % → 86,42 %');
    expect(mail.text).toContain('IK-01  Keterangan: (kosong) → Survei IKM triwulan I, 400 responden.');
    // Cells carry their style inline (mail clients drop style sheets): the markup is matched around it.
    expect(mail.html).toMatch(/<h2[^>]*>Perubahan dibanding revisi 1<\/h2>/);
    expect(mail.html).toMatch(/<th[^>]*>Kode<\/th><th[^>]*>Isian<\/th><th[^>]*>Sebelum → sesudah<\/th>/);
    // The button comes before the details, so it is not pushed below a long list of changes.
    expect(mail.html.indexOf('Buka laporan dan putuskan')).toBeLessThan(mail.html.indexOf('Perubahan dibanding'));

    const _link = linkParts(linkInMail(mail.text));
    const page = await portalOf(f.deps).request(linkPath(linkInMail(mail.text)));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Perubahan dibanding revisi 1');
    // The kode is written once per indicator; figures after the change in bold, an empty value muted.
    expect(page.body).toMatch(
      /<tr><td [^>]*white-space:nowrap">IK-04<\/td><td[^>]*>Realisasi<\/td><td[^>]*><span style="color:#8a1c1c">72,5<\/span> → <span style="color:#1e7d32;font-weight:600">77,78<\/span><\/td><\/tr>/,
    );
    expect(page.body).toMatch(
      /<tr><td [^>]*white-space:nowrap"><\/td><td[^>]*>Capaian<\/td><td[^>]*><span style="color:#8a1c1c">80,56 %<\/span> → <span style="color:#1e7d32;font-weight:600">86,42 %<\/span><\/td><\/tr>/,
    );
    expect(page.body).toContain('<span style="color:#5b6573">(kosong)</span>');
    expect(page.body).toContain(NOTE);
  });

  it('compares with the last valid revision across an invalid upload, and says when nothing changed', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await verify('REVISE', NOTE);
    const bad = new TextEncoder().encode('tahun;periode\n2026;TW1\n');
    const { assembly } = await uploadAndAssemble(f.deps, bad);
    expect(assembly.valid).toBe(false);
    await requestRevision(f.deps, {
      taskToken: 'fix',
      reportId: REPORT_ID,
      executionArn: EXEC,
      request: { reason: 'DATA_INVALID' },
    });
    // The same data as revision 1 again: a diff with no changes, which the verifier is told in so many words.
    await uploadAndAssemble(f.deps, sample('awal'));
    const diff = await storedDiff();
    expect(diff).toMatchObject({ fromRevision: 1, toRevision: 2 });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 8 });
    const mail = await verify('APPROVE');
    expect(mail.text).toContain('Perubahan dibanding revisi 1: Data tidak berubah dibanding revisi 1.');
  });

  it('lists added and removed indicators by kode', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    await verify('REVISE', NOTE);
    const text = new TextDecoder()
      .decode(sample('awal'))
      .replace(/IK-08;/, 'IK-09;')
      .replace('Jumlah kegiatan pemberdayaan', 'Jumlah pelatihan pemberdayaan');
    await uploadAndAssemble(f.deps, new TextEncoder().encode(text));
    const diff = await storedDiff();
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 0, unchanged: 7 });
    expect(diff.indicators.map((i) => [i.kode, i.change])).toEqual([
      ['IK-09', 'added'],
      ['IK-08', 'removed'],
    ]);
    const mail = await verify('APPROVE');
    expect(mail.text).toMatch(/IK-09 {2}Indikator baru: – → Jumlah pelatihan pemberdayaan/);
    expect(mail.text).toMatch(/IK-08 {2}Indikator dihapus: Jumlah kegiatan pemberdayaan .* → –/);
  });
});

describe('approval block', () => {
  it('names the TIMSAKIP lead as compiler (system-prepared, no paraf) and keeps it in the archived PDF', async () => {
    await uploadAndAssemble(f.deps, sample('perbaikan-2'));
    const team = people(f.config).TIMSAKIP;
    const r = await f.repo.get(REPORT_ID);
    const assembled = pdfTextOf(
      Buffer.from((await f.store.get(r?.reportPdf?.key ?? '', r?.reportPdf?.versionId ?? '')).body),
    );
    expect(assembled).toContain(team.name);
    expect(assembled).toContain(`NIP. ${team.nip}`);
    expect(assembled).toContain('disusun sistem *');
    expect(assembled.replace(/\s+/g, ' ')).toContain('Baris 1 mencatat penyusunan tersebut dan bukan paraf');

    await verify('APPROVE');
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
    await requestDecision(f.deps, { taskToken: 'tr', reportId: REPORT_ID, executionArn: EXEC, step: 'ratify' });
    await submitDecision(f.deps, linkParts(linkInMail(f.mailer.sent.at(-1)?.text ?? '')), { decision: 'APPROVE' });
    const archive = await archiveReport(f.deps, { reportId: REPORT_ID });
    const archived = pdfTextOf(Buffer.from((await f.store.get(archive.pdf.key, archive.pdf.versionId)).body));
    for (const p of [team, people(f.config).SEKRETARIS_CAMAT, people(f.config).CAMAT])
      expect(archived).toContain(p.nip);
    expect(archived).toContain('disusun sistem *');
    expect(archived).toContain('paraf elektronik');
  });
});

/**
 * Role titles come from the unit: a report of the dinas in the sample configuration (Kepala Dinas, Sekretaris
 * Dinas) runs the whole SOP and no mail, page or PDF about it names a Camat; the kecamatan's still do. Real: use
 * cases, mails, pages, PDFs. Faked: every port.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveReport } from '../../functions/usecases/archive-report.ts';
import { assembleReport } from '../../functions/usecases/assemble-report.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import { receiveUpload } from '../../functions/usecases/receive-upload.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, sample } from '../fakes/flow.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';
import { linkPath, portalOf } from '../fakes/portal.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:lapkin-x';
/** "Camat" as a word (title), not inside "kecamatan" — the sample data speaks of kecamatan services. */
const CAMAT_WORD = /\bCamat\b|\bCAMAT\b/;
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

const http = (deps: Deps, link: string, method: 'GET' | 'POST', body?: string) =>
  portalOf(deps).request(linkPath(link), {
    method,
    headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body,
  });

/** Upload → assemble → verify (GET, POST) → ratify (GET, POST) → archive, collecting everything people see. */
async function runSop(unit: string) {
  const reportId = `${unit}-2026-TW1`;
  const key = `masuk/${unit}/2026/TW1/data-kinerja.csv`;
  const { versionId } = await f.store.put({ key, body: sample('perbaikan-2'), contentType: 'text/csv' });
  await receiveUpload(f.deps, { key, versionId });
  await assembleReport(f.deps, { reportId, source: { key, versionId } });
  const pages: string[] = [];
  const mails: { text: string; html: string; subject: string }[] = [];
  for (const step of ['verify', 'ratify'] as const) {
    await requestDecision(f.deps, { taskToken: `t-${step}`, reportId, executionArn: EXEC, step });
    const mail = f.mailer.sent.at(-1);
    if (!mail) throw new Error('no decision mail');
    mails.push(mail);
    const link = linkInMail(mail.text);
    pages.push((await http(f.deps, link, 'GET')).body ?? '');
    const done = await http(f.deps, link, 'POST', 'keputusan=APPROVE&catatan=');
    expect(done.statusCode).toBe(200);
    pages.push(done.body ?? '');
  }
  const archive = await archiveReport(f.deps, { reportId });
  mails.push(f.mailer.sent.at(-1) as (typeof mails)[number]);
  const text = async (ref: { key: string; versionId: string }) =>
    pdfTextOf(Buffer.from((await f.store.get(ref.key, ref.versionId)).body)).replace(/\s+/g, ' ');
  const report = await f.repo.get(reportId);
  return {
    mails,
    pages,
    assembledPdf: await text(report?.reportPdf ?? { key: '', versionId: '' }),
    archivedPdf: await text(archive.pdf),
    disposition: await text(archive.disposition),
  };
}

describe('role titles of a dinas', () => {
  it('every mail, page and PDF of its report says Kepala Dinas / Sekretaris Dinas, never Camat', async () => {
    const seen = await runSop('dinas-arsip');
    const [verifyMail, ratifyMail, documentedMail] = seen.mails;
    expect(verifyMail?.text).toContain('menyetujuinya (paraf) untuk diteruskan kepada Kepala Dinas');
    expect(ratifyMail?.text).toContain('telah diverifikasi oleh Sekretaris Dinas');
    expect(documentedMail?.text).toContain('telah disahkan Kepala Dinas');
    const [verifyPage, verifiedPage, ratifyPage] = seen.pages;
    expect(verifyPage).toContain('Setujui (paraf) dan teruskan ke Kepala Dinas');
    expect(verifyPage).toContain('Menunggu verifikasi Sekretaris Dinas');
    expect(verifiedPage).toContain('diteruskan kepada Kepala Dinas untuk pengesahan');
    expect(ratifyPage).toContain('Menunggu pengesahan Kepala Dinas');
    for (const m of seen.mails) {
      expect(m.subject).not.toMatch(CAMAT_WORD);
      expect(m.text).not.toMatch(CAMAT_WORD);
      expect(m.html).not.toMatch(CAMAT_WORD);
    }
    for (const p of seen.pages) expect(p).not.toMatch(CAMAT_WORD);

    const kadis = people(f.config, 'dinas-arsip').CAMAT;
    expect(seen.archivedPdf).toContain('KEPALA DINAS ARSIP DAN PERPUSTAKAAN');
    expect(seen.archivedPdf).toContain('Sekretaris Dinas (verifikasi)');
    expect(seen.archivedPdf).toContain('paraf Sekretaris Dinas dan tanda tangan Kepala Dinas');
    expect(seen.archivedPdf).toContain(kadis.name);
    // A dinas signs in its city, not in a place named after the dinas.
    expect(seen.archivedPdf).toMatch(/Tangerang, \d+ \w+ 2026/);
    expect(seen.assembledPdf).toContain('KEPALA DINAS ARSIP DAN PERPUSTAKAAN');
    for (const pdf of [seen.assembledPdf, seen.archivedPdf, seen.disposition]) expect(pdf).not.toMatch(CAMAT_WORD);
    expect(seen.disposition).toContain('Kepala Dinas');
    expect(seen.disposition).toContain('Sekretaris Dinas');
  });
});

describe('the result page of an approved verification', () => {
  it('falls back to words every unit shares when the directory cannot be read: the decision stands', async () => {
    const reportId = 'dinas-arsip-2026-TW1';
    const key = 'masuk/dinas-arsip/2026/TW1/data-kinerja.csv';
    const { versionId } = await f.store.put({ key, body: sample('perbaikan-2'), contentType: 'text/csv' });
    await receiveUpload(f.deps, { key, versionId });
    await assembleReport(f.deps, { reportId, source: { key, versionId } });
    await requestDecision(f.deps, { taskToken: 't', reportId, executionArn: EXEC, step: 'verify' });
    const link = linkInMail(f.mailer.sent.at(-1)?.text ?? '');
    f.directory.unit = async () => {
      throw new Error('directory unavailable');
    };
    const done = await http(f.deps, link, 'POST', 'keputusan=APPROVE&catatan=');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Laporan telah diverifikasi dan diteruskan untuk pengesahan.');
    expect((await f.repo.get(reportId))?.status).toBe('MENUNGGU_VERIFIKASI');
    expect(f.workflow.sent).toHaveLength(1);
  });
});

describe('role titles of a kecamatan', () => {
  it('still say Camat / Sekretaris Camat', async () => {
    const seen = await runSop('karawaci');
    expect(seen.mails[0]?.text).toContain('menyetujuinya (paraf) untuk diteruskan kepada Camat');
    expect(seen.mails[1]?.text).toContain('telah diverifikasi oleh Sekretaris Camat');
    expect(seen.mails[2]?.text).toContain('telah disahkan Camat');
    expect(seen.pages[0]).toContain('Setujui (paraf) dan teruskan ke Camat');
    expect(seen.pages[0]).toContain('Menunggu verifikasi Sekretaris Camat');
    expect(seen.pages[1]).toContain('diteruskan kepada Camat untuk pengesahan');
    expect(seen.archivedPdf).toContain('CAMAT KARAWACI');
    expect(seen.archivedPdf).toContain('Sekretaris Camat (verifikasi)');
    expect(seen.archivedPdf).toMatch(/Karawaci, \d+ \w+ 2026/);
    expect(seen.archivedPdf).not.toContain('Dinas');
  });
});

/**
 * A CSV saved as windows-1252 is assembled (its letters read right), and the verifier's decision mail says how
 * it was read, so that the letters in the PDF get a look. Real: use cases, upload parser, mails. Faked: ports.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:lapkin-x';
const WARNING = 'Berkas dibaca sebagai windows-1252, bukan UTF-8 (contoh: "Pelayanan baik di kafé." pada baris 2)';
let f: ReturnType<typeof fakeDeps>;
beforeEach(() => {
  f = fakeDeps();
});

/** The demo sample with one word outside ASCII, saved as windows-1252 (one byte per letter). */
function cp1252Sample(): Uint8Array {
  const text = new TextDecoder().decode(sample('awal')).replace('Pelayanan baik.', 'Pelayanan baik di kafé.');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

async function verifierMail() {
  await requestDecision(f.deps, { taskToken: 'tv-1', reportId: REPORT_ID, executionArn: EXEC, step: 'verify' });
  const mail = f.mailer.sent.at(-1);
  if (!mail) throw new Error('no decision mail');
  return mail;
}

describe('an upload read as windows-1252', () => {
  it('is assembled with its letters intact, and the verifier is told how it was read', async () => {
    const { assembly } = await uploadAndAssemble(f.deps, cp1252Sample());
    expect(assembly.valid).toBe(true);
    const report = await f.repo.get(REPORT_ID);
    expect(report?.dataWarnings).toEqual([expect.stringContaining(WARNING)]);
    const mail = await verifierMail();
    expect(mail.text).toContain(`Peringatan tentang berkas data:\n- ${WARNING}`);
    expect(mail.html).toContain('Peringatan tentang berkas data');
    expect(mail.html).toContain('windows-1252');
  });

  it('leaves a UTF-8 upload without any warning in the mail', async () => {
    await uploadAndAssemble(f.deps, sample('awal'));
    expect((await f.repo.get(REPORT_ID))?.dataWarnings).toBeUndefined();
    expect((await verifierMail()).text).not.toContain('Peringatan tentang berkas data');
  });
});

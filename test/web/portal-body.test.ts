/**
 * Form bodies in the portal: read once (the CSRF check reads a signed-in browser's form before the route does)
 * and limited before they are read, whether or not the request says its length.
 */
import { describe, expect, it } from 'vitest';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { startSession } from '../../functions/usecases/sessions.ts';
import { fakeDeps, people } from '../fakes/deps.ts';
import { linkInMail, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';
import { linkPath, portalOf } from '../fakes/portal.ts';

const EXEC = 'arn:aws:states:local:0:execution:sm:lapkin-x';

async function pendingLink() {
  const f = fakeDeps();
  await uploadAndAssemble(f.deps, sample('awal'));
  await requestDecision(f.deps, { reportId: REPORT_ID, step: 'verify', taskToken: 'tok', executionArn: EXEC });
  return { f, link: linkPath(linkInMail(f.mailer.sent.at(-1)?.text ?? '')) };
}

/** A body the request does not announce the length of (a chunked upload). */
const streamed = (text: string) =>
  new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  });

describe('portal form bodies', () => {
  it('a signed-in browser’s decision (no Content-Length) is read once by the CSRF check and the route', async () => {
    const { f, link } = await pendingLink();
    const sek = people().SEKRETARIS_CAMAT;
    const { id, session } = await startSession(f.deps, { nip: sek.nip, unit: 'karawaci' });
    const res = await portalOf(f.deps).request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `lapkin_sesi=${id}` },
      body: streamed(`keputusan=APPROVE&csrf=${session.csrf}`),
      duplex: 'half',
    } as RequestInit);
    expect(res.statusCode).toBe(200);
    expect((await f.repo.pendingDecisions('karawaci')).length).toBe(0);
  });

  it('an oversized body is refused with 413 before it is parsed, announced or not, signed in or not', async () => {
    const { f, link } = await pendingLink();
    const sek = people().SEKRETARIS_CAMAT;
    const { id, session } = await startSession(f.deps, { nip: sek.nip, unit: 'karawaci' });
    const big = `keputusan=REVISE&csrf=${session.csrf}&catatan=${'x'.repeat(20_000)}`;
    for (const cookie of [`lapkin_sesi=${id}`, '']) {
      for (const body of [big, streamed(big)]) {
        const res = await portalOf(f.deps).request(link, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
          body,
          duplex: 'half',
        } as RequestInit);
        expect(res.statusCode).toBe(413);
      }
    }
    expect((await f.repo.pendingDecisions('karawaci')).length).toBe(1);
  });
});

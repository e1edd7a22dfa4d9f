/**
 * Handler factories: a handler built with makeHandler uses exactly the dependencies and Powertools it is given —
 * its EMF lines go to the given sink, not to stdout — so a local stack (or two) can build its own without any
 * process-wide state. The deployed `handler` export stays for Lambda.
 */
import { describe, expect, it } from 'vitest';
import { makePowertools } from '../../functions/commons/powertools.ts';
import * as intake from '../../functions/handlers/intake.ts';
import { lambdaContext } from '../../infra/local/lambda-runtime.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KEY, sample } from '../fakes/flow.ts';

const event = (key: string, versionId: string) => ({
  'detail-type': 'Object Created',
  detail: { bucket: { name: 'b' }, object: { key, 'version-id': versionId } },
});

describe('makeHandler', () => {
  it('two handlers built from two sets of deps and Powertools share nothing', async () => {
    const [one, two] = [fakeDeps(), fakeDeps()];
    const emfOne: string[] = [];
    const emfTwo: string[] = [];
    const hOne = intake.makeHandler(() => one.deps, makePowertools({ emfSink: (l) => emfOne.push(l) }));
    const hTwo = intake.makeHandler(() => two.deps, makePowertools({ emfSink: (l) => emfTwo.push(l) }));
    const { versionId } = await one.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    const out = await hOne(event(KEY, versionId), lambdaContext('lapkin-intake'));
    expect(out).toMatchObject({ outcome: 'STARTED', reportId: 'karawaci-2026-TW1' });
    expect(await one.repo.get('karawaci-2026-TW1')).toBeDefined();
    expect(await two.repo.get('karawaci-2026-TW1')).toBeUndefined();
    expect(emfOne.join('\n')).toContain('"ReportsReceived":1');
    expect(emfTwo).toEqual([]);
    const other = await two.store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
    await hTwo(event(KEY, other.versionId), lambdaContext('lapkin-intake'));
    expect(emfTwo.join('\n')).toContain('"ReportsReceived":1');
    expect(emfOne).toHaveLength(2); // the unit-less line and its per-unit copy
    expect(typeof intake.handler).toBe('function');
  });
});

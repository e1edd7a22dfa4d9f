/** The ledger: hash-chained audit events, optimistic concurrency with retries, and repair of a lost event. */
import { describe, expect, it } from 'vitest';
import { checkpointKey, checkpointOf, GENESIS_HASH, hashEvent } from '../../functions/core/audit-chain.ts';
import { fakeDeps } from '../fakes/deps.ts';

const base = {
  reportId: 'r1',
  unit: 'karawaci',
  tahun: 2026,
  periode: 'TW1' as const,
  status: 'DITERIMA' as const,
  step: 'assemble',
  revision: 0,
  source: { key: 'k', versionId: 'v' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const actor = { name: 'lapkin', role: 'SISTEM' as const };

describe('ReportLedger', () => {
  it('chains every event to the previous one', async () => {
    const { deps, repo } = fakeDeps();
    await deps.ledger.create(base, { action: 'DITERIMA', actor });
    await deps.ledger.transition({
      reportId: 'r1',
      from: ['DITERIMA'],
      set: { status: 'DISUSUN' },
      event: { action: 'DISUSUN', actor },
    });
    await deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor });
    const events = await repo.events('r1');
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    for (const [i, e] of events.entries()) {
      const { hash, ...body } = e;
      expect(hash).toBe(hashEvent(body));
      if (i > 0) expect(e.prevHash).toBe(events[i - 1]?.hash);
    }
    expect(events[1]?.status).toBe('DISUSUN');
  });

  it('refuses a transition from an unexpected status', async () => {
    const { deps } = fakeDeps();
    await deps.ledger.create(base, { action: 'DITERIMA', actor });
    await expect(
      deps.ledger.transition({
        reportId: 'r1',
        from: ['DISAHKAN'],
        set: { status: 'TERDOKUMENTASI' },
        event: { action: 'TERDOKUMENTASI', actor },
      }),
    ).rejects.toMatchObject({ name: 'TransitionConflictError' });
  });

  it('retries a lost race and loses no event under concurrent writers', async () => {
    const { deps, repo } = fakeDeps();
    await deps.ledger.create(base, { action: 'DITERIMA', actor });
    repo.staleReplaces = 2;
    await Promise.all(Array.from({ length: 6 }, () => deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor })));
    const events = await repo.events('r1');
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await repo.get('r1'))?.eventSeq).toBe(7);
  });

  it('stores an event the previous writer did not get to write', async () => {
    const { deps, repo } = fakeDeps();
    await deps.ledger.create(base, { action: 'DITERIMA', actor });
    await deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor });
    // Simulate a writer that stopped between the report item and its event item.
    repo.eventsById.set(
      'r1',
      (repo.eventsById.get('r1') ?? []).filter((e) => e.seq !== 2),
    );
    await deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor });
    expect((await repo.events('r1')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('checkpoints the head after a decision; a failed checkpoint never fails the write and the next write repairs it', async () => {
    const { deps, repo, store } = fakeDeps();
    await deps.ledger.create(base, { action: 'DITERIMA', actor });
    await deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor });
    expect(await store.listKeys('audit/')).toEqual([]);
    const put = store.put.bind(store);
    let failPuts = 1;
    store.put = async (input) => {
      if (input.key.startsWith('audit/') && failPuts-- > 0) throw new Error('storage unavailable');
      return put(input);
    };
    // The decision is a recorded fact even though its checkpoint could not be written.
    await deps.ledger.record('r1', { action: 'KEPUTUSAN', actor, decision: 'APPROVE' });
    expect(await store.listKeys('audit/')).toEqual([]);
    await deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor });
    expect(await store.listKeys('audit/')).toEqual([checkpointKey('r1', 3)]);
    const [version] = await store.listVersions(checkpointKey('r1', 3));
    const cp = JSON.parse(
      new TextDecoder().decode((await store.get(checkpointKey('r1', 3), version?.versionId ?? '')).body),
    );
    const events = await repo.events('r1');
    expect(cp).toEqual(checkpointOf(events.slice(0, 3)));
    // Later writes find it there and write nothing more.
    await deps.ledger.record('r1', { action: 'EMAIL_TERKIRIM', actor });
    expect(await store.listVersions(checkpointKey('r1', 3))).toHaveLength(1);
  });
});

/**
 * The directory adapter against moto_server (an independent DynamoDB): each unit's profile and people in one
 * consistent range read (never its change events), conditional versions per role, removal as a tombstone, and
 * a change event repaired from the entry when its writer stopped in between.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDirectory } from '../../functions/adapters/dynamodb-directory.ts';
import type { Delegation, DelegationChange } from '../../functions/core/delegation.ts';
import type { DirectoryActor } from '../../functions/core/directory.ts';
import { profileOf } from '../../functions/core/directory.ts';
import { StaleDirectoryError } from '../../functions/ports/directory.ts';
import { ensureTable } from '../../infra/local/dynamodb.ts';
import { people, testConfig } from '../fakes/deps.ts';
import { MOTO_CLIENT, type Moto, startMoto } from './moto.ts';

const TABLE = 'lapkin-directory-contract';
const BY: DirectoryActor = { name: 'Operator', source: 'CLI' };
const at = (n: number) => `2026-04-0${n}T00:00:00.000Z`;
let moto: Moto;
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let dir: DynamoDbDirectory;

beforeAll(async () => {
  moto = await startMoto();
  client = new DynamoDBClient({ ...MOTO_CLIENT, endpoint: moto.endpoint });
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await ensureTable(client, TABLE);
  dir = new DynamoDbDirectory(doc, TABLE);
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

describe('DynamoDbDirectory on moto_server', () => {
  it('keeps units apart, reads a unit and its people in one range, and versions every role', async () => {
    const [karawaci, sukamaju] = testConfig().units;
    expect(await dir.putUnitIfAbsent(profileOf(karawaci as NonNullable<typeof karawaci>))).toBe(true);
    expect(await dir.putUnitIfAbsent(profileOf(karawaci as NonNullable<typeof karawaci>))).toBe(false);
    await dir.putUnitIfAbsent(profileOf(sukamaju as NonNullable<typeof sukamaju>));
    const p = people();
    await dir.setPerson('karawaci', 'CAMAT', p.CAMAT, 0, { at: at(1), actor: BY });
    await dir.setPerson('karawaci', 'KASI', p.KASI, 0, { at: at(1), actor: BY });
    await expect(dir.setPerson('karawaci', 'CAMAT', p.STAF, 0, { at: at(2), actor: BY })).rejects.toBeInstanceOf(
      StaleDirectoryError,
    );
    const changed = await dir.setPerson('karawaci', 'CAMAT', { ...p.CAMAT, title: 'Plt. Camat' }, 1, {
      at: at(2),
      actor: BY,
    });
    expect(changed).toMatchObject({ action: 'DIUBAH', version: 2, before: p.CAMAT });
    // Removed: a tombstone keeps the version, the person is gone from every read.
    await dir.setPerson('karawaci', 'KASI', undefined, 1, { at: at(3), actor: BY });

    const unit = await dir.unitWithPeople('karawaci');
    expect(unit.profile?.organization.name).toBe('Kecamatan Karawaci');
    expect(unit.people.map((e) => [e.role, e.title, e.version])).toEqual([['CAMAT', 'Plt. Camat', 2]]);
    expect(unit.people[0]).not.toHaveProperty('pk');
    expect(await dir.unitWithPeople('sukamaju')).toEqual({ profile: expect.anything(), people: [] });
    expect(await dir.unitWithPeople('nowhere')).toEqual({ people: [] });
    expect((await dir.units()).map((u) => u.unitCode)).toEqual(['karawaci', 'sukamaju']);
    expect((await dir.changes('karawaci')).map((c) => `${c.role}:${c.action}:${c.version}`)).toEqual([
      'CAMAT:DITETAPKAN:1',
      'KASI:DITETAPKAN:1',
      'CAMAT:DIUBAH:2',
      'KASI:DIHAPUS:2',
    ]);
  });

  it('a change event lost between the entry and its event item is read back from the entry', async () => {
    const change = await dir.setPerson('sukamaju', 'STAF', people().STAF, 0, { at: at(4), actor: BY });
    // As if the writer had stopped right after the entry: its event item never written.
    const sk = `CHANGE#${change.at}#STAF#000001`;
    await doc.send(new DeleteCommand({ TableName: TABLE, Key: { pk: 'UNIT#sukamaju', sk } }));
    expect(await dir.changes('sukamaju')).toEqual([change]);
  });

  it('delegations: one list per unit and role, versioned; never in the people range; a lost event read back', async () => {
    const p = people();
    const plh: Delegation = {
      id: 'a1b2c3d4',
      unit: 'karawaci',
      role: 'CAMAT',
      official: p.CAMAT,
      delegate: { ...p.KASI, ownRole: 'KASI' },
      kind: 'PLH',
      from: '2026-04-05T17:00:00.000Z',
      until: '2026-04-08T16:59:59.000Z',
      reason: 'cuti',
      setBy: BY,
      setAt: at(5),
    };
    const set: DelegationChange = {
      unit: 'karawaci',
      role: 'CAMAT',
      at: at(5),
      actor: BY,
      action: 'PLH_DITETAPKAN',
      delegation: plh,
    };
    expect(await dir.delegationsOf('karawaci', 'CAMAT')).toEqual({ list: [], version: 0 });
    await dir.putDelegations('karawaci', 'CAMAT', [plh], 0, set);
    await expect(dir.putDelegations('karawaci', 'CAMAT', [plh], 0, set)).rejects.toBeInstanceOf(StaleDirectoryError);
    const cancelled = { ...plh, cancelledAt: at(6), cancelledBy: BY };
    const cancel: DelegationChange = { ...set, at: at(6), action: 'PLH_DIBATALKAN', delegation: cancelled };
    await dir.putDelegations('karawaci', 'CAMAT', [cancelled], 1, cancel);
    expect(await dir.delegationsOf('karawaci', 'CAMAT')).toEqual({ list: [cancelled], version: 2 });
    expect(await dir.delegations('karawaci')).toEqual([cancelled]);
    expect(await dir.delegations('sukamaju')).toEqual([]);
    // The people's range read never carries them.
    const unit = await dir.unitWithPeople('karawaci');
    expect(unit.people.some((e) => 'list' in e)).toBe(false);
    // The cancellation's event item lost (its writer stopped): the list's lastChange brings it back.
    await doc.send(
      new DeleteCommand({
        TableName: TABLE,
        Key: { pk: 'UNIT#karawaci', sk: `DLGCHANGE#${at(6)}#${plh.id}#PLH_DIBATALKAN` },
      }),
    );
    expect((await dir.delegationChanges('karawaci')).map((c) => c.action)).toEqual([
      'PLH_DITETAPKAN',
      'PLH_DIBATALKAN',
    ]);
    expect(await dir.changes('karawaci')).not.toContainEqual(
      expect.objectContaining({ delegation: expect.anything() }),
    );
  });
});

/**
 * The sign-in's storage against two independent DynamoDB implementations (moto_server and dynalite, the local
 * stack's): the directory's email index (one key per address, tombstones leave it, people written before it are
 * indexed once), a request consumed exactly once by a conditional delete, expiry compared by the adapter (dynalite
 * never runs TTL), wrong codes counted up to the limit, and the rate-limit counters.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDirectory, indexPeopleByEmail } from '../../functions/adapters/dynamodb-directory.ts';
import { DynamoDbSignIns } from '../../functions/adapters/dynamodb-sign-in.ts';
import { CITY_UNIT } from '../../functions/core/config.ts';
import { type DirectoryActor, profileOf } from '../../functions/core/directory.ts';
import type { SignInRequest } from '../../functions/core/sign-in.ts';
import { ensureTable, LOCAL_CREDENTIALS, startLocalDynamoDb } from '../../infra/local/dynamodb.ts';
import { people, testConfig } from '../fakes/deps.ts';
import { MOTO_CLIENT, startMoto } from './moto.ts';

const TABLE = 'lapkin-sign-in-contract';
const BY: DirectoryActor = { name: 'Operator', source: 'CLI' };
const AT = '2026-04-06T02:00:00.000Z';
const P = people();

interface Backend {
  name: string;
  start(): Promise<{ client: DynamoDBClient; stop(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'moto_server',
    async start() {
      const moto = await startMoto();
      const client = new DynamoDBClient({ ...MOTO_CLIENT, endpoint: moto.endpoint });
      await ensureTable(client, TABLE);
      return { client, stop: () => moto.stop() };
    },
  },
  {
    name: 'dynalite',
    async start() {
      const db = await startLocalDynamoDb(mkdtempSync(join(tmpdir(), 'lapkin-signin-')), 0, TABLE);
      const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
      return { client, stop: db.stop };
    },
  },
];

const request = (tokenHash: string, over: Partial<SignInRequest> = {}): SignInRequest => ({
  tokenHash,
  emailHash: `e-${tokenHash}`,
  choices: [{ unit: 'karawaci', nip: P.STAF.nip }],
  codeHmac: 'hmac',
  attempts: 0,
  createdAt: AT,
  expiresAt: '2026-04-06T02:15:00.000Z',
  ...over,
});

describe.each(BACKENDS)('on $name', (backend) => {
  let client: DynamoDBClient;
  let stop: () => Promise<void>;
  let doc: DynamoDBDocumentClient;
  let dir: DynamoDbDirectory;
  let signIns: DynamoDbSignIns;

  beforeAll(async () => {
    ({ client, stop } = await backend.start());
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    dir = new DynamoDbDirectory(doc, TABLE);
    signIns = new DynamoDbSignIns(doc, TABLE);
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    await stop?.();
  });

  it('finds a person by address among the units (any case), not after removal, and indexes older items once', async () => {
    const [karawaci, sukamaju] = testConfig().units;
    await dir.putUnitIfAbsent(profileOf(karawaci as NonNullable<typeof karawaci>));
    await dir.putUnitIfAbsent(profileOf(sukamaju as NonNullable<typeof sukamaju>));
    await dir.setPerson('karawaci', 'STAF', P.STAF, 0, { at: AT, actor: BY });
    await dir.setPerson('sukamaju', 'KASI', P.STAF, 0, { at: AT, actor: BY });
    await dir.setPerson('karawaci', 'CAMAT', P.CAMAT, 0, { at: AT, actor: BY });
    const found = await dir.peopleByEmail(P.STAF.email.toUpperCase());
    expect(found.map((e) => `${e.unit}/${e.role}`).sort()).toEqual(['karawaci/STAF', 'sukamaju/KASI']);
    expect(found[0]).not.toHaveProperty('gsi1pk');
    expect(found[0]).toMatchObject({ nip: P.STAF.nip, name: P.STAF.name });

    // A removal (tombstone) leaves the index; a new address replaces the old one.
    await dir.setPerson('sukamaju', 'KASI', undefined, 1, { at: AT, actor: BY });
    await dir.setPerson('karawaci', 'CAMAT', { ...P.CAMAT, email: 'camat.baru@example.go.id' }, 1, {
      at: AT,
      actor: BY,
    });
    expect((await dir.peopleByEmail(P.STAF.email)).map((e) => e.unit)).toEqual(['karawaci']);
    expect(await dir.peopleByEmail(P.CAMAT.email)).toEqual([]);
    expect((await dir.peopleByEmail('camat.baru@example.go.id')).map((e) => e.role)).toEqual(['CAMAT']);

    // Items written before the index: a unit's person and the city's, as the old adapter wrote them.
    const legacy = (unit: string, role: string, p: typeof P.KASI) => ({
      pk: `UNIT#${unit}`,
      sk: `PERSON#${role}`,
      unit,
      role,
      version: 1,
      updatedAt: AT,
      ...p,
    });
    await doc.send(new PutCommand({ TableName: TABLE, Item: legacy('karawaci', 'KASI', P.KASI) }));
    const kota = testConfig().city?.people.KOTA ?? P.TIMSAKIP;
    await doc.send(new PutCommand({ TableName: TABLE, Item: legacy(CITY_UNIT, 'KOTA', kota) }));
    expect(await dir.peopleByEmail(P.KASI.email)).toEqual([]);
    expect(await indexPeopleByEmail(doc, TABLE)).toBe(2);
    expect((await dir.peopleByEmail(P.KASI.email)).map((e) => `${e.unit}/${e.role}`)).toEqual(['karawaci/KASI']);
    expect((await dir.peopleByEmail(kota.email)).map((e) => `${e.unit}/${e.role}`)).toEqual([`${CITY_UNIT}/KOTA`]);
    // Once done, marked: later starts read one item and change nothing.
    expect(await indexPeopleByEmail(doc, TABLE)).toBe(0);
    const kasi = await doc.send(
      new GetCommand({ TableName: TABLE, Key: { pk: 'UNIT#karawaci', sk: 'PERSON#KASI' }, ConsistentRead: true }),
    );
    expect(kasi.Item).toMatchObject({ gsi1pk: `EMAIL#${P.KASI.email}`, gsi1sk: 'karawaci#KASI', version: 1 });
  });

  it('stores a request and its address pointer; consumes it exactly once, never expired or dead', async () => {
    await signIns.put(request('t1'));
    await expect(signIns.put(request('t1'))).rejects.toThrow();
    expect(await signIns.get('t1')).toEqual(request('t1'));
    expect((await signIns.latestFor('e-t1'))?.tokenHash).toBe('t1');
    await signIns.put(request('t1b', { emailHash: 'e-t1' }));
    expect((await signIns.latestFor('e-t1'))?.tokenHash).toBe('t1b');
    expect(await signIns.latestFor('nobody')).toBeUndefined();
    const stored = await doc.send(
      new GetCommand({ TableName: TABLE, Key: { pk: 'SIGNIN#t1', sk: 'SIGNIN' }, ConsistentRead: true }),
    );
    expect(stored.Item?.ttl).toBe(Date.parse('2026-04-06T02:15:00.000Z') / 1000);

    const now = new Date(AT);
    const [a, b] = await Promise.all([signIns.consume('t1', now, 5), signIns.consume('t1', now, 5)]);
    expect([a, b].filter(Boolean)).toEqual([request('t1')]);
    expect(await signIns.get('t1')).toBeUndefined();
    expect(await signIns.consume('never', now, 5)).toBeUndefined();

    // Expired: still stored (TTL is lazy), never consumed.
    await signIns.put(request('t2'));
    expect(await signIns.consume('t2', new Date('2026-04-06T02:15:00.000Z'), 5)).toBeUndefined();
    expect(await signIns.get('t2')).toBeDefined();
  });

  it('counts wrong codes up to the limit; a dead request is never consumed', async () => {
    await signIns.put(request('t3'));
    const counts: number[] = [];
    for (let i = 0; i < 6; i++) counts.push(await signIns.countWrongCode('t3', 5));
    expect(counts).toEqual([1, 2, 3, 4, 5, 5]);
    expect((await signIns.get('t3'))?.attempts).toBe(5);
    expect(await signIns.consume('t3', new Date(AT), 5)).toBeUndefined();
    expect(await signIns.countWrongCode('gone', 5)).toBe(5);
  });

  it('a rate-limit counter admits `limit` uses in its window, concurrently too', async () => {
    const end = new Date('2026-04-06T03:00:00.000Z');
    // DynamoDB applies conditional updates of one item one at a time; moto_server does not lock them (two
    // threads may both pass the condition), so against moto the eight uses come one after another.
    const use = () => signIns.countWithin('K#1', 5, end);
    const admitted =
      backend.name === 'moto_server'
        ? await Array.from({ length: 8 }).reduce<Promise<boolean[]>>(
            async (acc) => [...(await acc), await use()],
            Promise.resolve([]),
          )
        : await Promise.all(Array.from({ length: 8 }, use));
    expect(admitted.filter(Boolean)).toHaveLength(5);
    expect(await signIns.countWithin('K#1', 5, end)).toBe(false);
    expect(await signIns.countWithin('K#2', 5, end)).toBe(true);
    const item = await doc.send(
      new GetCommand({ TableName: TABLE, Key: { pk: 'RATE#K#1', sk: 'RATE' }, ConsistentRead: true }),
    );
    expect(item.Item).toMatchObject({ n: 5, ttl: end.getTime() / 1000 });
  });
});

/**
 * `lapkin people … --table T` changes the deployed directory with the operator's AWS credentials: here the table
 * is on moto_server (an independent DynamoDB), reached through the SDK's standard AWS_ENDPOINT_URL_DYNAMODB.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbDirectory } from '../../functions/adapters/dynamodb-directory.ts';
import { ensureTable } from '../../infra/local/dynamodb.ts';
import { lapkin } from '../cli/lapkin-run.ts';
import { MOTO_CLIENT, type Moto, startMoto } from './moto.ts';

const TABLE = 'lapkin-people-aws';
let moto: Moto;
let client: DynamoDBClient;
let env: Record<string, string>;

beforeAll(async () => {
  moto = await startMoto();
  client = new DynamoDBClient({ ...MOTO_CLIENT, endpoint: moto.endpoint });
  await ensureTable(client, TABLE);
  env = {
    AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint,
    AWS_REGION: MOTO_CLIENT.region,
    AWS_ACCESS_KEY_ID: MOTO_CLIENT.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: MOTO_CLIENT.credentials.secretAccessKey,
  };
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

describe('lapkin people --table (the deployed directory)', () => {
  it('seeds the table from cdk.json, changes one person with an audit event, and refuses a bad NIP', async () => {
    const set = await lapkin(
      [
        'people',
        'set',
        '--table',
        TABLE,
        '--unit',
        'sukamaju',
        '--role',
        'CAMAT',
        '--name',
        'Drs. Plt. Contoh',
        '--nip',
        '198001012005011009',
        '--by',
        'Operator <op@example.go.id>',
      ],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    const directory = new DynamoDbDirectory(DynamoDBDocumentClient.from(client), TABLE);
    expect((await directory.units()).map((u) => u.unitCode)).toEqual(['dinas-arsip', 'karawaci', 'sukamaju']);
    const camat = (await directory.people('sukamaju')).find((p) => p.role === 'CAMAT');
    expect(camat).toMatchObject({ name: 'Drs. Plt. Contoh', nip: '198001012005011009', version: 2 });
    const last = (await directory.changes('sukamaju')).at(-1);
    expect(last).toMatchObject({ action: 'DIUBAH', actor: { name: 'Operator', email: 'op@example.go.id' } });
    expect(last?.before?.name).toBe('Hj. Siti Rahmawati, S.Sos., M.M.');

    const bad = await lapkin(
      ['people', 'set', '--table', TABLE, '--unit', 'sukamaju', '--role', 'CAMAT', '--nip', '12345'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NIP harus terdiri atas 18 digit');
    const list = await lapkin(['people', 'list', '--table', TABLE, '--unit', 'sukamaju', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Drs. Plt. Contoh');
  }, 120_000);
});

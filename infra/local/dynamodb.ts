import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { indexPeopleByEmail } from '../../functions/adapters/dynamodb-directory.ts';
import { reindexLegacyItems, TABLE_SCHEMA } from '../../functions/adapters/dynamodb-report-repository.ts';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** dynalite on LevelDB under the state dir: the same DynamoDB API, persisted across restarts. */
export async function startLocalDynamoDb(path: string, port: number, tableName: string) {
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
  // State from before the index was partitioned by unit is moved once, so an upgraded checkout lists it (a table
  // created just now has nothing to move, and dynalite answers its index only once it is ACTIVE).
  // People written before the email index (the sign-in's lookup) are indexed once the same way.
  if ((await ensureTable(client, tableName)) === 'EXISTED') {
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    await reindexLegacyItems(doc, tableName);
    await indexPeopleByEmail(doc, tableName);
  }
  client.destroy();
  return {
    endpoint,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The table the CDK stack declares, built from the same schema constant (dynalite here, moto in the contract tests). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'EXISTED' | 'CREATED'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'EXISTED';
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== 'ResourceNotFoundException') throw err;
  }
  const s = TABLE_SCHEMA;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: s.partitionKey, AttributeType: 'S' },
        { AttributeName: s.sortKey, AttributeType: 'S' },
        { AttributeName: s.gsi1.partitionKey, AttributeType: 'S' },
        { AttributeName: s.gsi1.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: s.partitionKey, KeyType: 'HASH' },
        { AttributeName: s.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: s.gsi1.name,
          KeySchema: [
            { AttributeName: s.gsi1.partitionKey, KeyType: 'HASH' },
            { AttributeName: s.gsi1.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  // A table is CREATING for a moment (dynalite: a timer, moto: at once) and answers ResourceNotFound until ACTIVE:
  // return only when it is ACTIVE, or the first write may race it (seen on a busy machine).
  for (let i = 0; i < 500; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (
      Table?.TableStatus === 'ACTIVE' &&
      (Table.GlobalSecondaryIndexes ?? []).every((x) => x.IndexStatus === 'ACTIVE')
    )
      return 'CREATED';
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`table ${tableName} did not become ACTIVE within 10 s`);
}

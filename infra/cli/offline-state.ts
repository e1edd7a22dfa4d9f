import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbDirectory } from '../../functions/adapters/dynamodb-directory.ts';
import { DynamoDbReportRepository } from '../../functions/adapters/dynamodb-report-repository.ts';
import { LocalDocumentStore } from '../../functions/adapters/local-document-store.ts';
import type { DirectoryRepository } from '../../functions/ports/directory.ts';
import type { DocumentStore } from '../../functions/ports/document-store.ts';
import type { ReportRepository } from '../../functions/ports/report-repository.ts';
import { LOCAL_CREDENTIALS, startLocalDynamoDb } from '../local/dynamodb.ts';

/**
 * The local stack's database and documents while the stack is stopped (its LevelDB can only be open once, so a
 * running stack is asked over HTTP instead). Undefined when there is no local state yet, unless `create` (the
 * directory commands: a first `lapkin people …` seeds the directory that `lapkin up` then finds).
 */
export async function withOfflineState<T>(
  stateDir: string,
  publicBaseUrl: string,
  use: (ports: { repo: ReportRepository; store: DocumentStore; directory: DirectoryRepository }) => Promise<T>,
  opts: { create?: boolean } = {},
): Promise<T | undefined> {
  if (!opts.create && !existsSync(join(stateDir, 'dynamodb'))) return undefined;
  if (opts.create) await mkdir(stateDir, { recursive: true });
  const db = await startLocalDynamoDb(join(stateDir, 'dynamodb'), 0, 'lapkin-local');
  try {
    const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
    const doc = DynamoDBDocumentClient.from(client);
    const secretFile = join(stateDir, 'signing-secret');
    const secret = existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : 'unused';
    return await use({
      repo: new DynamoDbReportRepository(doc, 'lapkin-local'),
      store: new LocalDocumentStore(join(stateDir, 'documents'), { baseUrl: publicBaseUrl, secret }),
      directory: new DynamoDbDirectory(doc, 'lapkin-local'),
    });
  } finally {
    await db.stop();
  }
}

import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Session } from '../core/session.ts';
import type { SessionRepository } from '../ports/sessions.ts';

/**
 * Sessions in the report table: SESSION#<sha256(id)> / SESSION, with `ttl` (epoch seconds) so DynamoDB deletes
 * them after expiry. TTL deletion can lag by days (and dynalite never does it): readers compare expiresAt.
 */
const key = (idHash: string) => ({ pk: `SESSION#${idHash}`, sk: 'SESSION' });

export class DynamoDbSessions implements SessionRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(session: Session): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key(session.idHash), ...session, ttl: Math.ceil(Date.parse(session.expiresAt) / 1000) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(idHash: string): Promise<Session | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key(idHash) }));
    if (!out.Item) return undefined;
    const { idHash: h, nip, unit, csrf, createdAt, expiresAt } = out.Item as Session;
    return { idHash: h, nip, unit, csrf, createdAt, expiresAt };
  }

  async delete(idHash: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: key(idHash) }));
  }
}

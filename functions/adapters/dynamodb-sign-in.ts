import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SignInRequest } from '../core/sign-in.ts';
import type { SignInRepository } from '../ports/sign-in.ts';
import { isConditionFailure } from './dynamodb-query.ts';

/**
 * Sign-ins in the report table, each under its own key (nothing shared by all units or people):
 *   SIGNIN#<sha256(token)> / SIGNIN       the pending request, `ttl` at its expiry
 *   SIGNINCODE#<sha256(address)> / LATEST the address's latest request (for the code page), same `ttl`
 *   RATE#<key> / RATE                     a counter of one window (`n`), `ttl` at the window's end
 * TTL deletion lags (dynalite never does it): every read and every condition compares expiresAt itself.
 */
const requestKey = (tokenHash: string) => ({ pk: `SIGNIN#${tokenHash}`, sk: 'SIGNIN' });
const latestKey = (emailHash: string) => ({ pk: `SIGNINCODE#${emailHash}`, sk: 'LATEST' });
const epoch = (iso: string | Date) => Math.ceil(new Date(iso).getTime() / 1000);

function requestOf(item: Record<string, unknown> | undefined): SignInRequest | undefined {
  if (!item) return undefined;
  const r = item as unknown as SignInRequest;
  return {
    tokenHash: r.tokenHash,
    emailHash: r.emailHash,
    choices: r.choices.map((c) => ({ unit: c.unit, nip: c.nip })),
    codeHmac: r.codeHmac,
    attempts: Number(r.attempts),
    ...(r.next ? { next: r.next } : {}),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  };
}

export class DynamoDbSignIns implements SignInRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(request: SignInRequest): Promise<void> {
    const ttl = epoch(request.expiresAt);
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...requestKey(request.tokenHash), ...request, ttl },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...latestKey(request.emailHash), tokenHash: request.tokenHash, ttl },
      }),
    );
  }

  async get(tokenHash: string): Promise<SignInRequest | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: requestKey(tokenHash), ConsistentRead: true }),
    );
    return requestOf(out.Item);
  }

  async latestFor(emailHash: string): Promise<SignInRequest | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: latestKey(emailHash), ConsistentRead: true }),
    );
    const tokenHash = out.Item?.tokenHash;
    return typeof tokenHash === 'string' ? this.get(tokenHash) : undefined;
  }

  async consume(tokenHash: string, now: Date, maxAttempts: number): Promise<SignInRequest | undefined> {
    try {
      const out = await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: requestKey(tokenHash),
          ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now AND attempts < :max',
          ExpressionAttributeValues: { ':now': now.toISOString(), ':max': maxAttempts },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return requestOf(out.Attributes);
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw err;
    }
  }

  async countWrongCode(tokenHash: string, maxAttempts: number): Promise<number> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: requestKey(tokenHash),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk) AND attempts < :max',
          ExpressionAttributeValues: { ':one': 1, ':max': maxAttempts },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.attempts ?? maxAttempts);
    } catch (err) {
      if (isConditionFailure(err)) return maxAttempts;
      throw err;
    }
  }

  async countWithin(key: string, limit: number, windowEndsAt: Date): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `RATE#${key}`, sk: 'RATE' },
          UpdateExpression: 'ADD n :one SET #ttl = if_not_exists(#ttl, :ttl)',
          ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': epoch(windowEndsAt) },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}

/**
 * DynamoDB adapter against aws-sdk-client-mock: the requests it sends (keys, conditions, GSI attributes) and
 * how it maps ConditionalCheckFailed. The same adapter runs against dynalite in the e2e tests.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbReportRepository } from '../../functions/adapters/dynamodb-report-repository.ts';
import { DecisionAlreadyTakenError } from '../../functions/core/errors.ts';
import type { AuditEvent, Decision, Report } from '../../functions/core/report.ts';
import { StaleVersionError } from '../../functions/ports/report-repository.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const repo = new DynamoDbReportRepository(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), 'T');
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'failed', $metadata: {} });

const report = { reportId: 'r1', unit: 'karawaci', status: 'DISUSUN', version: 3 } as Report;
const event = { reportId: 'r1', seq: 4 } as AuditEvent;
const decision = {
  decisionId: 'd1',
  reportId: 'r1',
  unit: 'karawaci',
  state: 'PENDING',
  taskToken: 'tok',
  assignee: { name: 'Dewi', nip: '198003152005012002', email: 'sekcam@example.go.id', title: 'Sekretaris Camat' },
  expiresAt: '2026-05-01T00:00:00.000Z',
} as Decision;

beforeEach(() => ddb.reset());

describe('DynamoDbReportRepository', () => {
  it('replace is conditional on the version read and writes the event with attribute_not_exists', async () => {
    ddb.on(PutCommand).resolves({});
    await repo.replace({ ...report, version: 4 }, 3, event);
    const [meta, ev] = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(meta).toMatchObject({
      TableName: 'T',
      ConditionExpression: '#v = :expected',
      ExpressionAttributeValues: { ':expected': 3 },
      Item: { pk: 'REPORT#r1', sk: 'META', gsi1pk: 'REPORTS#karawaci', gsi1sk: 'DISUSUN#r1', version: 4 },
    });
    expect(ev).toMatchObject({
      Item: { pk: 'REPORT#r1', sk: 'EVENT#00000004' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('maps a failed version condition to StaleVersionError and writes no event', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed());
    await expect(repo.replace(report, 2, event)).rejects.toBeInstanceOf(StaleVersionError);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('create returns false when the report exists', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed());
    expect(await repo.create(report, event)).toBe(false);
  });

  it('putEventIfAbsent tolerates an event already stored', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    await expect(repo.putEventIfAbsent(event)).resolves.toBeUndefined();
  });

  it('get strips the key attributes', async () => {
    ddb.on(GetCommand).resolves({ Item: { pk: 'REPORT#r1', sk: 'META', gsi1pk: 'REPORTS', gsi1sk: 'x', ...report } });
    expect(await repo.get('r1')).toEqual(report);
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({
      ConsistentRead: true,
      Key: { pk: 'REPORT#r1', sk: 'META' },
    });
  });

  it('updateDecision requires the state, token and assignee read; a lost race is DecisionAlreadyTakenError', async () => {
    ddb.on(GetCommand).resolves({ Item: { pk: 'DECISION#d1', sk: 'DECISION', ...decision } });
    ddb.on(PutCommand).rejectsOnce(conditionFailed());
    await expect(repo.updateDecision('d1', 'PENDING', { state: 'USED' })).rejects.toBeInstanceOf(
      DecisionAlreadyTakenError,
    );
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      ConditionExpression: '#s = :expected AND taskToken = :token AND #a.nip = :nip',
      ExpressionAttributeValues: { ':expected': 'PENDING', ':token': 'tok', ':nip': '198003152005012002' },
      Item: { gsi1pk: 'DECISIONS#USED#karawaci', ttl: expect.any(Number) },
    });
  });

  it('updateDecision refuses a decision in another state without writing', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...decision, state: 'USED' } });
    await expect(repo.updateDecision('d1', 'PENDING', { state: 'USED' })).rejects.toBeInstanceOf(
      DecisionAlreadyTakenError,
    );
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('events pages through every item of the report', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ pk: 'REPORT#r1', sk: 'EVENT#00000001', reportId: 'r1', seq: 1 }],
        LastEvaluatedKey: { pk: 'x' },
      })
      .resolvesOnce({ Items: [{ pk: 'REPORT#r1', sk: 'EVENT#00000002', reportId: 'r1', seq: 2 }] });
    expect((await repo.events('r1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(ddb.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual({ pk: 'x' });
  });
});

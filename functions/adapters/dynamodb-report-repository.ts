import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { unitOfReportId } from '../core/directory.ts';
import { DecisionAlreadyTakenError } from '../core/errors.ts';
import type { AuditEvent, Decision, DecisionState, Report } from '../core/report.ts';
import type { VerificationRecord } from '../core/verification-code.ts';
import { type ReportRepository, StaleVersionError, VerificationCodeTakenError } from '../ports/report-repository.ts';
import { isConditionFailure, queryAll } from './dynamodb-query.ts';

/**
 * Single-table layout (the directory lives in the same table: adapters/dynamodb-directory.ts):
 *   REPORT#<id> / META           the report (gsi1: REPORTS#<unit> / <status>#<id>)
 *   REPORT#<id> / EVENT#<seq>    the audit trail, append-only, hash-chained
 *   DECISION#<id> / DECISION     a pending or taken decision (gsi1: DECISIONS#<state>#<unit> / <reportId>#<id>),
 *                                TTL `ttl`
 *   VERIFY#<code> / VERIFY       the public verification code: which report and revision it was printed on
 *   REPORT#<id> / VERIFY#<rev>   the claim of a revision's code: the one code of that revision
 * The index is partitioned by unit: no key value is shared by all units' reports or decisions, so 500 units
 * spread over 500 partitions and a unit's list reads only its own.
 */
export const GSI1 = 'gsi1';
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'ttl'] as const;
const DECISION_RETENTION_SECONDS = 400 * 24 * 3600;

const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'META' });
const eventSk = (seq: number) => `EVENT#${String(seq).padStart(8, '0')}`;
const decisionKey = (id: string) => ({ pk: `DECISION#${id}`, sk: 'DECISION' });
const verificationKey = (code: string) => ({ pk: `VERIFY#${code}`, sk: 'VERIFY' });
const revisionClaimKey = (reportId: string, revision: number) => ({
  pk: `REPORT#${reportId}`,
  sk: `VERIFY#${String(revision).padStart(4, '0')}`,
});

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const k of KEY_ATTRS) delete copy[k];
  return copy as T;
}

export class DynamoDbReportRepository implements ReportRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The stored item of a report, with its index keys (also used to move legacy items). */
  indexed(r: Report) {
    return this.reportItem(r);
  }

  indexedDecision(d: Decision) {
    return this.decisionItem(d);
  }

  private reportItem(r: Report) {
    return { ...reportKey(r.reportId), gsi1pk: `REPORTS#${r.unit}`, gsi1sk: `${r.status}#${r.reportId}`, ...r };
  }

  private decisionItem(d: Decision) {
    const ttl = Math.floor(new Date(d.expiresAt).getTime() / 1000) + DECISION_RETENTION_SECONDS;
    return {
      ...decisionKey(d.decisionId),
      gsi1pk: `DECISIONS#${d.state}#${d.unit ?? unitOfReportId(d.reportId)}`,
      gsi1sk: `${d.reportId}#${d.decisionId}`,
      ttl,
      ...d,
    };
  }

  async get(reportId: string): Promise<Report | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: reportKey(reportId), ConsistentRead: true }),
    );
    return strip<Report>(out.Item);
  }

  async create(report: Report, event: AuditEvent): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.reportItem(report),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
    await this.putEventIfAbsent(event);
    return true;
  }

  async replace(report: Report, expectedVersion: number, event: AuditEvent): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.reportItem(report),
          ConditionExpression: '#v = :expected',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new StaleVersionError(`report ${report.reportId} changed concurrently`);
      throw err;
    }
    await this.putEventIfAbsent(event);
  }

  async putEventIfAbsent(event: AuditEvent): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `REPORT#${event.reportId}`, sk: eventSk(event.seq), ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  async events(reportId: string): Promise<AuditEvent[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ev)',
      ExpressionAttributeValues: { ':pk': `REPORT#${reportId}`, ':ev': 'EVENT#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip<AuditEvent>(i) as AuditEvent);
  }

  /** GSI query: eventually consistent (ConsistentRead is not allowed on a GSI); callers re-read before acting. */
  async list(unit: string): Promise<Report[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :r',
      ExpressionAttributeValues: { ':r': `REPORTS#${unit}` },
    });
    return items.map((i) => strip<Report>(i) as Report).sort((a, b) => a.reportId.localeCompare(b.reportId));
  }

  async getDecision(decisionId: string): Promise<Decision | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: decisionKey(decisionId), ConsistentRead: true }),
    );
    return strip<Decision>(out.Item);
  }

  async putDecisionIfAbsent(decision: Decision): Promise<{ created: boolean; decision: Decision }> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.decisionItem(decision),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { created: true, decision };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const existing = await this.getDecision(decision.decisionId);
      if (!existing) throw err;
      return { created: false, decision: existing };
    }
  }

  async updateDecision(
    decisionId: string,
    expectedState: DecisionState,
    patch: Partial<Decision>,
    expectAssigneeNip?: string,
  ): Promise<Decision> {
    const current = await this.getDecision(decisionId);
    if (!current || current.state !== expectedState) {
      throw new DecisionAlreadyTakenError(`decision ${decisionId} is ${current?.state ?? 'missing'}`);
    }
    if (expectAssigneeNip !== undefined && current.assignee.nip !== expectAssigneeNip)
      throw new DecisionAlreadyTakenError(`decision ${decisionId} was re-addressed`);
    const next: Decision = { ...current, ...patch };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.decisionItem(next),
          // The state, the token and the assignee read must be unchanged: two POSTs at once, exactly one wins; two
          // re-addressings at once, exactly one mails.
          ConditionExpression: '#s = :expected AND taskToken = :token AND #a.nip = :nip',
          ExpressionAttributeNames: { '#s': 'state', '#a': 'assignee' },
          ExpressionAttributeValues: {
            ':expected': expectedState,
            ':token': current.taskToken,
            ':nip': current.assignee.nip,
          },
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new DecisionAlreadyTakenError(`decision ${decisionId} changed concurrently`);
      throw err;
    }
    return next;
  }

  /** GSI query: eventually consistent, like list(); a decision listed may be taken already, a new one missing. */
  async pendingDecisions(unit: string, reportId?: string): Promise<Decision[]> {
    const p = `DECISIONS#PENDING#${unit}`;
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: reportId ? 'gsi1pk = :p AND begins_with(gsi1sk, :r)' : 'gsi1pk = :p',
      ExpressionAttributeValues: reportId ? { ':p': p, ':r': `${reportId}#` } : { ':p': p },
    });
    return items.map((i) => strip<Decision>(i) as Decision);
  }

  async claimVerificationCode(candidate: VerificationRecord): Promise<VerificationRecord> {
    const claimed = await this.revisionClaim(candidate.reportId, candidate.revision);
    if (claimed) return claimed;
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...verificationKey(candidate.code), ...candidate },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new VerificationCodeTakenError('verification code already taken');
      throw err;
    }
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...revisionClaimKey(candidate.reportId, candidate.revision), ...candidate },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return candidate;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // A concurrent run claimed this revision first: its code is the one printed.
      const winner = await this.revisionClaim(candidate.reportId, candidate.revision);
      if (!winner) throw err;
      return winner;
    }
  }

  async getVerification(code: string): Promise<VerificationRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: verificationKey(code), ConsistentRead: true }),
    );
    const record = strip<VerificationRecord>(out.Item);
    if (!record) return undefined;
    // A lookup written by a run that lost the claim points to a revision printed with another code.
    const claim = await this.revisionClaim(record.reportId, record.revision);
    return claim?.code === code ? record : undefined;
  }

  private async revisionClaim(reportId: string, revision: number): Promise<VerificationRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: revisionClaimKey(reportId, revision),
        ConsistentRead: true,
      }),
    );
    return strip<VerificationRecord>(out.Item);
  }
}

/**
 * Moves items indexed before the index was partitioned by unit (gsi1pk `REPORTS`, `DECISIONS#<state>`) to their
 * unit's partition, by writing each again unchanged (the key attributes are recomputed). Idempotent: an item
 * written meanwhile by a use case is skipped by the version condition and is already in its new place.
 * Returns how many items moved.
 */
export async function reindexLegacyItems(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const repo = new DynamoDbReportRepository(doc, tableName);
  let moved = 0;
  for (const legacy of ['REPORTS', 'DECISIONS#PENDING', 'DECISIONS#USED', 'DECISIONS#SUPERSEDED']) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': legacy },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        const fresh = await doc.send(
          new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }),
        );
        if (!fresh.Item || fresh.Item.gsi1pk !== legacy) continue;
        const body = strip<unknown>(fresh.Item);
        const next = legacy === 'REPORTS' ? repo.indexed(body as Report) : repo.indexedDecision(body as Decision);
        try {
          await doc.send(
            new PutCommand({
              TableName: tableName,
              Item: next,
              ConditionExpression: 'gsi1pk = :legacy',
              ExpressionAttributeValues: { ':legacy': legacy },
            }),
          );
          moved++;
        } catch (err) {
          if (!isConditionFailure(err)) throw err;
        }
      }
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return moved;
}

/** Table definition shared by the CDK stack and the local stack, so both build the same table. */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: GSI1, partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ttlAttribute: 'ttl',
} as const;

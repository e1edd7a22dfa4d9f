import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Person } from '../core/config.ts';
import {
  type DirectoryActor,
  type DirectoryChange,
  type DirectoryEntry,
  type DirectoryRole,
  directoryChange,
  personOnly,
  type UnitProfile,
} from '../core/directory.ts';
import { type DirectoryRepository, StaleDirectoryError } from '../ports/directory.ts';
import { isConditionFailure, queryAll } from './dynamodb-query.ts';
import { GSI1 } from './dynamodb-report-repository.ts';

/**
 * The directory in the report table, each unit in its own partition:
 *   UNIT#<code> / PROFILE               organization, kind, role titles (gsi1: UNITS / <code>, for the unit list)
 *   UNIT#<code> / PERSON#<role>         who holds the role now (a removal leaves the item without a person)
 *   UNIT#<code> / CHANGE#<at>#<role>#<v> one audit event per change: who, before, after
 * The unit list is the only key shared by all units: ≤ 1 small item per unit, written at seeding, read by the
 * clock and the city view — never on a report's path.
 */
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'lastChange'] as const;
const pk = (unit: string) => `UNIT#${unit}`;
const changeSk = (c: Pick<DirectoryChange, 'at' | 'role' | 'version'>) =>
  `CHANGE#${c.at}#${c.role}#${String(c.version).padStart(6, '0')}`;

function strip<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const k of KEY_ATTRS) delete copy[k];
  return copy as T;
}

export class DynamoDbDirectory implements DirectoryRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async units(): Promise<UnitProfile[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :u',
      ExpressionAttributeValues: { ':u': 'UNITS' },
    });
    return items.map((i) => strip<UnitProfile>(i)).sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  }

  async unit(unitCode: string): Promise<UnitProfile | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: pk(unitCode), sk: 'PROFILE' }, ConsistentRead: true }),
    );
    return out.Item ? strip<UnitProfile>(out.Item) : undefined;
  }

  async putUnitIfAbsent(profile: UnitProfile): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: pk(profile.unitCode), sk: 'PROFILE', gsi1pk: 'UNITS', gsi1sk: profile.unitCode, ...profile },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  private async entries(unitCode: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk(unitCode), ':p': 'PERSON#' },
      ConsistentRead: true,
    });
  }

  /** One query: `PERSON#…` sorts just before `PROFILE` (and after every `CHANGE#…`), so the range holds both. */
  async unitWithPeople(unitCode: string): Promise<{ profile?: UnitProfile; people: DirectoryEntry[] }> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk(unitCode), ':from': 'PERSON#', ':to': 'PROFILE' },
      ConsistentRead: true,
    });
    const profile = items.find((i) => i.sk === 'PROFILE');
    return {
      ...(profile ? { profile: strip<UnitProfile>(profile) } : {}),
      people: items.filter((i) => i.sk !== 'PROFILE' && i.nip).map((i) => strip<DirectoryEntry>(i)),
    };
  }

  async people(unitCode: string): Promise<DirectoryEntry[]> {
    return (await this.entries(unitCode)).filter((i) => i.nip).map((i) => strip<DirectoryEntry>(i));
  }

  async setPerson(
    unitCode: string,
    role: DirectoryRole,
    person: Person | undefined,
    expectedVersion: number,
    change: { at: string; actor: DirectoryActor },
  ): Promise<DirectoryChange> {
    const current = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: pk(unitCode), sk: `PERSON#${role}` },
        ConsistentRead: true,
      }),
    );
    const stored = current.Item as (DirectoryEntry & { lastChange?: DirectoryChange }) | undefined;
    if ((stored?.version ?? 0) !== expectedVersion) throw new StaleDirectoryError(`${unitCode}/${role} changed`);
    const version = expectedVersion + 1;
    const event = directoryChange({
      unit: unitCode,
      role,
      version,
      ...change,
      before: stored?.nip ? stored : undefined,
      after: person,
    });
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          // The entry carries its last change: if the writer stops before the event item, changes() still has it.
          Item: {
            pk: pk(unitCode),
            sk: `PERSON#${role}`,
            unit: unitCode,
            role,
            version,
            updatedAt: change.at,
            ...(person ? personOnly(person) : {}),
            lastChange: event,
          },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#v = :v',
          ...(expectedVersion === 0
            ? {}
            : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new StaleDirectoryError(`${unitCode}/${role} changed`);
      throw err;
    }
    await this.putChangeIfAbsent(event);
    return event;
  }

  private async putChangeIfAbsent(event: DirectoryChange): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: pk(event.unit), sk: changeSk(event), ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  async changes(unitCode: string): Promise<DirectoryChange[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': pk(unitCode), ':c': 'CHANGE#' },
      ConsistentRead: true,
    });
    const events = items.map((i) => strip<DirectoryChange>(i));
    const have = new Set(events.map(changeSk));
    for (const entry of await this.entries(unitCode)) {
      const last = entry.lastChange as DirectoryChange | undefined;
      if (last && !have.has(changeSk(last))) events.push(last);
    }
    return events.sort((a, b) => changeSk(a).localeCompare(changeSk(b)));
  }
}

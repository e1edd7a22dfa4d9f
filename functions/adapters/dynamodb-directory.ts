import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CITY_UNIT, type Person, type Role } from '../core/config.ts';
import type { Delegation, DelegationChange } from '../core/delegation.ts';
import {
  type DirectoryActor,
  type DirectoryChange,
  type DirectoryEntry,
  type DirectoryRole,
  directoryChange,
  emailLookupKey,
  personOnly,
  type UnitProfile,
} from '../core/directory.ts';
import { type DirectoryRepository, StaleDirectoryError } from '../ports/directory.ts';
import { isConditionFailure, queryAll } from './dynamodb-query.ts';
import { GSI1 } from './dynamodb-report-repository.ts';

/**
 * The directory in the report table, each unit in its own partition:
 *   UNIT#<code> / PROFILE               organization, kind, role titles (gsi1: UNITS / <code>, for the unit list)
 *   UNIT#<code> / PERSON#<role>         who holds the role now (a removal leaves the item without a person);
 *                                       gsi1: EMAIL#<lower-case address> / <code>#<role>, the sign-in's lookup
 *   UNIT#<code> / CHANGE#<at>#<role>#<v> one audit event per change: who, before, after
 *   UNIT#<code> / DELEGATIONS#<role>    the role's delegations (Plh / Plt) as one list with a version: the
 *                                       overlap rule holds by one conditional write (no transactions)
 *   UNIT#<code> / DLGCHANGE#<at>#<id>   one audit event per delegation set or cancelled
 * The unit list is the only key shared by all units: ≤ 1 small item per unit, written at seeding, read by the
 * clock and the city view — never on a report's path.
 */
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'lastChange'] as const;
const pk = (unit: string) => `UNIT#${unit}`;
/** The person's address in the index: one partition per address, so a lookup reads one small key of 500 units. */
const emailIndex = (unit: string, role: string, email: string) => ({
  gsi1pk: `EMAIL#${emailLookupKey(email)}`,
  gsi1sk: `${unit}#${role}`,
});
/** Written once every person item of a table carries the email index (indexPeopleByEmail). */
const EMAIL_INDEX_MARK = { pk: 'DIRECTORY', sk: 'MIGRATION#EMAIL_INDEX' };
const changeSk = (c: Pick<DirectoryChange, 'at' | 'role' | 'version'>) =>
  `CHANGE#${c.at}#${c.role}#${String(c.version).padStart(6, '0')}`;
const delegationChangeSk = (c: DelegationChange) => `DLGCHANGE#${c.at}#${c.delegation.id}#${c.action}`;

function strip<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const k of KEY_ATTRS) delete copy[k];
  return copy as T;
}

/**
 * An audit history from its event items and, for a writer that stopped between the entry and its event item,
 * the last change each entry carries: every change once, oldest first.
 */
function withLastChanges<C>(events: C[], entries: Record<string, unknown>[], sk: (c: C) => string): C[] {
  const all = [...events];
  const have = new Set(events.map(sk));
  for (const entry of entries) {
    const last = entry.lastChange as C | undefined;
    if (last && !have.has(sk(last))) all.push(last);
  }
  return all.sort((a, b) => sk(a).localeCompare(sk(b)));
}

/** The condition of a versioned write: the item is still at the version read (0: there is none yet). */
function atVersion(expected: number) {
  return expected === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': expected },
      };
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

  /** The items of a unit's partition whose sort key starts with `prefix`, read consistently. */
  private async itemsOf(unitCode: string, prefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk(unitCode), ':p': prefix },
      ConsistentRead: true,
    });
  }

  private entries(unitCode: string): Promise<Record<string, unknown>[]> {
    return this.itemsOf(unitCode, 'PERSON#');
  }

  /** An audit event item, written once (a rerun of the same change finds it there). */
  private async putEventIfAbsent(item: Record<string, unknown>): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
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

  async peopleByEmail(email: string): Promise<DirectoryEntry[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :e',
      ExpressionAttributeValues: { ':e': `EMAIL#${emailLookupKey(email)}` },
    });
    return items.filter((i) => i.nip).map((i) => strip<DirectoryEntry>(i));
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
            // A removal (tombstone) has no address, so it leaves the email index.
            ...(person ? { ...personOnly(person), ...emailIndex(unitCode, role, person.email) } : {}),
            lastChange: event,
          },
          ...atVersion(expectedVersion),
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new StaleDirectoryError(`${unitCode}/${role} changed`);
      throw err;
    }
    await this.putEventIfAbsent({ pk: pk(event.unit), sk: changeSk(event), ...event });
    return event;
  }

  async delegationsOf(unitCode: string, role: Role): Promise<{ list: Delegation[]; version: number }> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: pk(unitCode), sk: `DELEGATIONS#${role}` },
        ConsistentRead: true,
      }),
    );
    return { list: (out.Item?.list as Delegation[] | undefined) ?? [], version: Number(out.Item?.version ?? 0) };
  }

  async delegations(unitCode: string): Promise<Delegation[]> {
    const items = await this.itemsOf(unitCode, 'DELEGATIONS#');
    return items.flatMap((i) => (i.list as Delegation[] | undefined) ?? []);
  }

  async putDelegations(
    unitCode: string,
    role: Role,
    list: Delegation[],
    expectedVersion: number,
    change: DelegationChange,
  ): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          // The list carries its last change: if the writer stops before the event item, the history still has it.
          Item: {
            pk: pk(unitCode),
            sk: `DELEGATIONS#${role}`,
            unit: unitCode,
            role,
            list,
            version: expectedVersion + 1,
            lastChange: change,
          },
          ...atVersion(expectedVersion),
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new StaleDirectoryError(`${unitCode}/${role} delegations changed`);
      throw err;
    }
    await this.putEventIfAbsent({ pk: pk(unitCode), sk: delegationChangeSk(change), ...change });
  }

  async delegationChanges(unitCode: string): Promise<DelegationChange[]> {
    const [events, lists] = await Promise.all([
      this.itemsOf(unitCode, 'DLGCHANGE#'),
      this.itemsOf(unitCode, 'DELEGATIONS#'),
    ]);
    return withLastChanges(
      events.map((i) => strip<DelegationChange>(i)),
      lists,
      delegationChangeSk,
    );
  }

  async changes(unitCode: string): Promise<DirectoryChange[]> {
    const [events, entries] = await Promise.all([this.itemsOf(unitCode, 'CHANGE#'), this.entries(unitCode)]);
    return withLastChanges(
      events.map((i) => strip<DirectoryChange>(i)),
      entries,
      changeSk,
    );
  }
}

/**
 * Puts person items written before the email index existed into it (gsi1 EMAIL#…), unit by unit (the unit list
 * and the city), once: a mark item records that every person is indexed, so later starts cost one read.
 * Idempotent and safe beside live writers: an item is updated only at the version read (a newer write indexed
 * itself). Returns how many items it indexed. Run where the directory is seeded (local start, the CLI on AWS).
 */
export async function indexPeopleByEmail(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const mark = await doc.send(new GetCommand({ TableName: tableName, Key: EMAIL_INDEX_MARK, ConsistentRead: true }));
  if (mark.Item) return 0;
  const units = [CITY_UNIT, ...(await new DynamoDbDirectory(doc, tableName).units()).map((u) => u.unitCode)];
  let indexed = 0;
  for (const unit of units) {
    const items = await queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk(unit), ':p': 'PERSON#' },
      ConsistentRead: true,
    });
    for (const item of items) {
      if (typeof item.email !== 'string' || !item.email || !item.nip) continue;
      const want = emailIndex(unit, String(item.role), item.email);
      if (item.gsi1pk === want.gsi1pk && item.gsi1sk === want.gsi1sk) continue;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET gsi1pk = :p, gsi1sk = :s',
            ConditionExpression: '#v = :v',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':p': want.gsi1pk, ':s': want.gsi1sk, ':v': item.version },
          }),
        );
        indexed++;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
  }
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...EMAIL_INDEX_MARK, at: new Date().toISOString() } }));
  return indexed;
}

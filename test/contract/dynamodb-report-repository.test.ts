/**
 * The real DynamoDB adapter against moto_server, an independent implementation of DynamoDB: the table built from
 * TABLE_SCHEMA (as the CDK stack and the local stack build it), optimistic versions, the audit trail, the
 * PENDING → USED race of two decisions posted at once, and the GSI the lists are read from.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbReportRepository, reindexLegacyItems } from '../../functions/adapters/dynamodb-report-repository.ts';
import { DecisionAlreadyTakenError } from '../../functions/core/errors.ts';
import type { AuditEvent, Decision, Report } from '../../functions/core/report.ts';
import { StaleVersionError, VerificationCodeTakenError } from '../../functions/ports/report-repository.ts';
import { ensureTable } from '../../infra/local/dynamodb.ts';
import { acquirePortLock } from '../../infra/local/port-lock.ts';
import { MOTO_CLIENT, MOTO_PREREQUISITE, type Moto, startMoto } from './moto.ts';

const TABLE = 'lapkin-contract';
let moto: Moto;
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let repo: DynamoDbReportRepository;

const report = (id: string, status: string, version: number, unit = 'karawaci') =>
  ({ reportId: id, unit, status, version, revision: 1 }) as unknown as Report;
const event = (reportId: string, seq: number) =>
  ({ reportId, seq, type: 'TEST', at: '2026-04-01T00:00:00.000Z', hash: `h${seq}` }) as unknown as AuditEvent;
const decision = (id: string, reportId: string, taskToken = `token-${id}`, unit = 'karawaci'): Decision =>
  ({
    decisionId: id,
    reportId,
    unit,
    step: 'VERIFY',
    role: 'SEKRETARIS_CAMAT',
    assignee: { name: 'A', nip: '1', email: 'a@example.go.id', title: 'Sekretaris Camat' },
    revision: 1,
    document: { key: 'laporan/a.pdf', versionId: 'v1', sha256: 'x' },
    taskToken,
    state: 'PENDING',
    createdAt: '2026-04-01T00:00:00.000Z',
    expiresAt: '2026-04-08T00:00:00.000Z',
    dueAt: '2026-04-02T00:00:00.000Z',
  }) as unknown as Decision;

beforeAll(async () => {
  moto = await startMoto();
  client = new DynamoDBClient({ ...MOTO_CLIENT, endpoint: moto.endpoint });
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  await ensureTable(client, TABLE);
  repo = new DynamoDbReportRepository(doc, TABLE);
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

describe('DynamoDbReportRepository on moto_server', () => {
  it('creates a report once, replaces it only at the version read, and keeps its audit trail in order', async () => {
    expect(await repo.create(report('r1', 'DITERIMA', 1), event('r1', 1))).toBe(true);
    expect(await repo.create(report('r1', 'DITERIMA', 1), event('r1', 1))).toBe(false);
    await repo.replace(report('r1', 'DISUSUN', 2), 1, event('r1', 2));
    await expect(repo.replace(report('r1', 'DISUSUN', 3), 1, event('r1', 3))).rejects.toBeInstanceOf(StaleVersionError);
    await repo.putEventIfAbsent(event('r1', 2)); // already stored: tolerated, not duplicated
    expect(await repo.get('r1')).toMatchObject({ reportId: 'r1', status: 'DISUSUN', version: 2 });
    expect((await repo.events('r1')).map((e) => e.seq)).toEqual([1, 2]);
    // Key attributes stay inside the adapter.
    expect(await repo.get('r1')).not.toHaveProperty('pk');
    expect(await repo.get('nobody')).toBeUndefined();
  });

  it('lists reports through the GSI with their current status', async () => {
    await repo.create(report('r2', 'DITERIMA', 1), event('r2', 1));
    const listed = await repo.list('karawaci');
    expect(listed.map((r) => [r.reportId, r.status])).toEqual(
      expect.arrayContaining([
        ['r1', 'DISUSUN'],
        ['r2', 'DITERIMA'],
      ]),
    );
    // The GSI row follows the item: a replaced report is listed once, under its new status.
    expect(listed.filter((r) => r.reportId === 'r1')).toHaveLength(1);
  });

  it('the index is partitioned by unit: one unit lists only its own reports, under its own key', async () => {
    await repo.create(report('other-1', 'DITERIMA', 1, 'cibodas'), event('other-1', 1));
    expect((await repo.list('cibodas')).map((r) => r.reportId)).toEqual(['other-1']);
    expect((await repo.list('karawaci')).map((r) => r.reportId)).not.toContain('other-1');
    const raw = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'REPORT#other-1', sk: 'META' } }));
    expect(raw.Item).toMatchObject({ gsi1pk: 'REPORTS#cibodas', gsi1sk: 'DITERIMA#other-1' });
  });

  it('items indexed before the index was partitioned by unit move to their unit, once', async () => {
    // As the table looked before: one index key for every unit's reports, one for every pending decision.
    await doc.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          pk: 'REPORT#sukamaju-2025-TW4',
          sk: 'META',
          gsi1pk: 'REPORTS',
          gsi1sk: 'MENUNGGU_VERIFIKASI#sukamaju-2025-TW4',
          ...report('sukamaju-2025-TW4', 'MENUNGGU_VERIFIKASI', 7, 'sukamaju'),
        },
      }),
    );
    const { unit: _u, ...old } = decision('d-legacy', 'sukamaju-2025-TW4');
    await doc.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          pk: 'DECISION#d-legacy',
          sk: 'DECISION',
          gsi1pk: 'DECISIONS#PENDING',
          gsi1sk: 'sukamaju-2025-TW4#d-legacy',
          ...old,
        },
      }),
    );
    expect(await repo.list('sukamaju')).toEqual([]);
    expect(await reindexLegacyItems(doc, TABLE)).toBe(2);
    expect((await repo.list('sukamaju')).map((r) => [r.reportId, r.version])).toEqual([['sukamaju-2025-TW4', 7]]);
    expect((await repo.pendingDecisions('sukamaju')).map((d) => d.decisionId)).toEqual(['d-legacy']);
    expect(await reindexLegacyItems(doc, TABLE)).toBe(0);
  });

  it('two decisions on one link: the conditional PENDING → USED lets one win, the other is DecisionAlreadyTakenError', async () => {
    const d = decision('d-race', 'r1');
    expect((await repo.putDecisionIfAbsent(d)).created).toBe(true);
    const again = await repo.putDecisionIfAbsent({ ...d, taskToken: 'another' });
    expect(again).toMatchObject({ created: false, decision: { taskToken: d.taskToken } });

    // moto serves requests on threads without making a conditional update atomic against a concurrent one (seen:
    // both of two simultaneous updates succeeded), so the race itself cannot be judged here; what moto can judge
    // is the condition expression: the loser's write, arriving after the winner's, is refused as DynamoDB would.
    const first = await repo.updateDecision(d.decisionId, 'PENDING', { state: 'USED', decision: 'APPROVE' });
    const second = await repo.updateDecision(d.decisionId, 'PENDING', { state: 'USED', decision: 'REVISE' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(second).toBeInstanceOf(DecisionAlreadyTakenError);
    const stored = await repo.getDecision(d.decisionId);
    expect(stored?.state).toBe('USED');
    expect(stored?.decision).toBe(first.decision);
    // The item's GSI keys moved with the state, and a TTL is set.
    const raw = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'DECISION#d-race', sk: 'DECISION' } }));
    expect(raw.Item).toMatchObject({ gsi1pk: 'DECISIONS#USED#karawaci', gsi1sk: 'r1#d-race' });
    expect(typeof raw.Item?.ttl).toBe('number');
  });

  it('a decision whose token changed (a newer wait) is not taken with the old one', async () => {
    const d = decision('d-token', 'r2');
    await repo.putDecisionIfAbsent(d);
    await repo.updateDecision(d.decisionId, 'PENDING', { taskToken: 'newer' });
    expect((await repo.getDecision(d.decisionId))?.taskToken).toBe('newer');
    await expect(repo.updateDecision(d.decisionId, 'USED', { decision: 'APPROVE' })).rejects.toBeInstanceOf(
      DecisionAlreadyTakenError,
    );
  });

  it('re-addressing is conditional on the assignee read: a second one written on the old assignee is refused', async () => {
    const d = decision('d-readdress', 'r4', 'token-d-readdress', 'tigaraksa');
    await repo.putDecisionIfAbsent(d);
    const plh = { name: 'B', nip: '2', email: 'b@example.go.id', title: 'Plh. Camat Karawaci' };
    const moved = await repo.updateDecision(d.decisionId, 'PENDING', { assignee: plh }, '1');
    expect(moved.assignee.nip).toBe('2');
    await expect(
      repo.updateDecision(d.decisionId, 'PENDING', { assignee: { ...plh, nip: '3' } }, '1'),
    ).rejects.toBeInstanceOf(DecisionAlreadyTakenError);
    expect((await repo.getDecision(d.decisionId))?.assignee.nip).toBe('2');
  });

  it('pending decisions come from the GSI, per report or all, and a taken one leaves the list', async () => {
    await repo.putDecisionIfAbsent(decision('d-p1', 'r2'));
    await repo.putDecisionIfAbsent(decision('d-p2', 'r3'));
    const ids = (ds: Decision[]) => ds.map((d) => d.decisionId).sort();
    await repo.putDecisionIfAbsent(decision('d-other', 'other-1', 'token-other', 'cibodas'));
    expect(ids(await repo.pendingDecisions('karawaci', 'r2'))).toEqual(['d-p1', 'd-token']);
    expect(ids(await repo.pendingDecisions('karawaci'))).toEqual(['d-p1', 'd-p2', 'd-token']);
    expect(ids(await repo.pendingDecisions('cibodas'))).toEqual(['d-other']);
    await repo.updateDecision('d-p1', 'PENDING', { state: 'USED', decision: 'APPROVE' });
    expect(ids(await repo.pendingDecisions('karawaci', 'r2'))).toEqual(['d-token']);
    expect(await repo.pendingDecisions('karawaci', 'r2')).not.toContainEqual(
      expect.objectContaining({ pk: expect.anything() }),
    );
  });

  it('claims one verification code per report revision; a taken code is refused; two runs at once agree', async () => {
    const at = '2026-04-06T08:00:00.000Z';
    const first = { code: 'AAAABBBBCCCC', reportId: 'v1', revision: 1, createdAt: at };
    expect(await repo.claimVerificationCode(first)).toEqual(first);
    // The revision keeps its code: a later candidate is dropped, and nothing is written for it.
    expect(await repo.claimVerificationCode({ ...first, code: 'DDDDEEEEFFFF' })).toEqual(first);
    expect(await repo.getVerification('DDDDEEEEFFFF')).toBeUndefined();
    expect(await repo.getVerification('AAAABBBBCCCC')).toEqual(first);
    // A code already stored (another report's) is refused: the caller draws another.
    await expect(
      repo.claimVerificationCode({ code: 'AAAABBBBCCCC', reportId: 'v2', revision: 1, createdAt: at }),
    ).rejects.toBeInstanceOf(VerificationCodeTakenError);
    // Another revision of the same report gets its own.
    const second = { code: 'GGGGHHHHJJJJ', reportId: 'v1', revision: 2, createdAt: at };
    expect(await repo.claimVerificationCode(second)).toEqual(second);
    // Two runs of one revision at once: both get the same code; the loser's lookup resolves to nothing.
    const [a, b] = await Promise.all([
      repo.claimVerificationCode({ code: 'KKKKMMMMNNNN', reportId: 'v3', revision: 1, createdAt: at }),
      repo.claimVerificationCode({ code: 'PPPPQQQQRRRR', reportId: 'v3', revision: 1, createdAt: at }),
    ]);
    expect(a).toEqual(b);
    const loser = a.code === 'KKKKMMMMNNNN' ? 'PPPPQQQQRRRR' : 'KKKKMMMMNNNN';
    expect(await repo.getVerification(a.code)).toMatchObject({ reportId: 'v3', revision: 1 });
    expect(await repo.getVerification(loser)).toBeUndefined();
    // Key attributes stay inside the adapter; the claim does not show up as an audit event.
    expect(await repo.getVerification(a.code)).not.toHaveProperty('pk');
    expect(await repo.events('v1')).toEqual([]);
  });
});

describe('the moto_server prerequisite', () => {
  it('moto binds its port under the machine-wide port lock, so a local stack never picks the same port meanwhile', async () => {
    // moto_server takes a second or two to listen on the port it was given; a stack in another test process
    // choosing its ports in that window could take the same one (EADDRINUSE, seen in CI runs).
    const order: string[] = [];
    const starting = startMoto().then((m) => {
      order.push('moto answering');
      return m;
    });
    await new Promise((r) => setTimeout(r, 50));
    const release = await acquirePortLock();
    order.push('a stack may choose ports');
    await release();
    await (await starting).stop();
    expect(order).toEqual(['moto answering', 'a stack may choose ports']);
  });

  it('absent, the contract tests fail and say how to install it (never a skip)', async () => {
    await expect(startMoto('moto_server-not-installed')).rejects.toThrow(MOTO_PREREQUISITE);
    expect(MOTO_PREREQUISITE).toContain('pip install "moto[server]" cfn-lint');
  });
});

import { sha256Hex } from '../../functions/core/audit-chain.ts';
import type { Person, Role } from '../../functions/core/config.ts';
import type { Delegation, DelegationChange } from '../../functions/core/delegation.ts';
import {
  type DirectoryActor,
  type DirectoryChange,
  type DirectoryEntry,
  type DirectoryRole,
  directoryChange,
  emailLookupKey,
  personOnly,
  type UnitProfile,
  unitOfReportId,
} from '../../functions/core/directory.ts';
import {
  DecisionAlreadyTakenError,
  DocumentNotFoundError,
  DocumentTooLargeError,
  TaskGoneError,
  TransientError,
} from '../../functions/core/errors.ts';
import type { AuditEvent, Decision, DecisionState, Report } from '../../functions/core/report.ts';
import type { VerificationRecord } from '../../functions/core/verification-code.ts';
import type { Clock } from '../../functions/ports/clock.ts';
import { type DirectoryRepository, StaleDirectoryError } from '../../functions/ports/directory.ts';
import type { DocumentStore, DocumentVersion, StoredDocument } from '../../functions/ports/document-store.ts';
import type { Mailer, MailMessage } from '../../functions/ports/mailer.ts';
import {
  type ReportRepository,
  StaleVersionError,
  VerificationCodeTakenError,
} from '../../functions/ports/report-repository.ts';
import type { ExecutionStatus, Workflow } from '../../functions/ports/workflow.ts';

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** In-memory ReportRepository with the same conditional semantics as the DynamoDB adapter. */
export class MemoryReportRepository implements ReportRepository {
  reports = new Map<string, Report>();
  eventsById = new Map<string, AuditEvent[]>();
  decisions = new Map<string, Decision>();
  /** VERIFY#<code> lookups and the claim of each revision (`<reportId>#<revision>` → code). */
  verifications = new Map<string, VerificationRecord>();
  revisionCodes = new Map<string, string>();
  /** Fault injection: a concurrent run claims the next revision between our lookup and our claim. */
  claimRaces: VerificationRecord[] = [];
  /** Fault injection: the next N fresh codes collide with a code already stored. */
  codeCollisions = 0;
  /** Fault injection: the next N replace() calls lose the race. */
  staleReplaces = 0;
  /** Fault injection: the next N replace() calls fail as a database outage would (nothing written). */
  failingReplaces = 0;
  /**
   * Eventual consistency of the index (GSI) on AWS: while frozen, list() and pendingDecisions() answer from the
   * copy taken at freezeIndex(), however the items changed since. get() and getDecision() stay consistent.
   */
  private frozenIndex?: { reports: Report[]; decisions: Decision[] };
  freezeIndex() {
    this.frozenIndex = {
      reports: [...this.reports.values()].map(clone),
      decisions: [...this.decisions.values()].map(clone),
    };
  }
  thawIndex() {
    this.frozenIndex = undefined;
  }

  async get(id: string) {
    return clone(this.reports.get(id));
  }
  async create(report: Report, event: AuditEvent) {
    if (this.reports.has(report.reportId)) return false;
    this.reports.set(report.reportId, clone(report));
    await this.putEventIfAbsent(event);
    return true;
  }
  async replace(report: Report, expectedVersion: number, event: AuditEvent) {
    const current = this.reports.get(report.reportId);
    if (this.staleReplaces > 0) {
      this.staleReplaces--;
      throw new StaleVersionError('injected');
    }
    if (this.failingReplaces > 0) {
      this.failingReplaces--;
      throw Object.assign(new Error('injected: table unavailable'), { name: 'InternalServerError' });
    }
    if (!current || current.version !== expectedVersion) throw new StaleVersionError('stale');
    this.reports.set(report.reportId, clone(report));
    await this.putEventIfAbsent(event);
  }
  async putEventIfAbsent(event: AuditEvent) {
    const list = this.eventsById.get(event.reportId) ?? [];
    if (!list.some((e) => e.seq === event.seq)) list.push(clone(event));
    list.sort((a, b) => a.seq - b.seq);
    this.eventsById.set(event.reportId, list);
  }
  async events(id: string) {
    return clone(this.eventsById.get(id) ?? []);
  }
  async list(unit: string) {
    return (this.frozenIndex?.reports ?? [...this.reports.values()])
      .filter((r) => r.unit === unit)
      .sort((a, b) => a.reportId.localeCompare(b.reportId))
      .map(clone);
  }
  async getDecision(id: string) {
    return clone(this.decisions.get(id));
  }
  async putDecisionIfAbsent(d: Decision) {
    const existing = this.decisions.get(d.decisionId);
    if (existing) return { created: false, decision: clone(existing) };
    this.decisions.set(d.decisionId, clone(d));
    return { created: true, decision: clone(d) };
  }
  async updateDecision(id: string, expected: DecisionState, patch: Partial<Decision>, expectAssigneeNip?: string) {
    const current = this.decisions.get(id);
    if (!current || current.state !== expected) throw new DecisionAlreadyTakenError(`${id} is ${current?.state}`);
    if (expectAssigneeNip !== undefined && current.assignee.nip !== expectAssigneeNip)
      throw new DecisionAlreadyTakenError(`${id} was re-addressed`);
    const next = { ...current, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    this.decisions.set(id, clone(next));
    return clone(next);
  }
  async pendingDecisions(unit: string, reportId?: string) {
    return (this.frozenIndex?.decisions ?? [...this.decisions.values()])
      .filter(
        (d) =>
          d.state === 'PENDING' &&
          (d.unit ?? unitOfReportId(d.reportId)) === unit &&
          (!reportId || d.reportId === reportId),
      )
      .map(clone);
  }
  async claimVerificationCode(candidate: VerificationRecord) {
    const revisionKey = `${candidate.reportId}#${candidate.revision}`;
    const claimed = this.revisionCodes.get(revisionKey);
    if (claimed) return clone(this.verifications.get(claimed) as VerificationRecord);
    if (this.codeCollisions > 0 || this.verifications.has(candidate.code)) {
      this.codeCollisions = Math.max(0, this.codeCollisions - 1);
      throw new VerificationCodeTakenError('verification code taken');
    }
    this.verifications.set(candidate.code, clone(candidate));
    const racer = this.claimRaces.shift();
    if (racer) {
      this.verifications.set(racer.code, clone(racer));
      this.revisionCodes.set(`${racer.reportId}#${racer.revision}`, racer.code);
    }
    const winner = this.revisionCodes.get(revisionKey);
    if (winner) return clone(this.verifications.get(winner) as VerificationRecord);
    this.revisionCodes.set(revisionKey, candidate.code);
    return clone(candidate);
  }
  async getVerification(code: string) {
    const record = this.verifications.get(code);
    if (!record || this.revisionCodes.get(`${record.reportId}#${record.revision}`) !== code) return undefined;
    return clone(record);
  }
}

/** In-memory directory with the DynamoDB adapter's conditional semantics (version per role, change events). */
export class MemoryDirectory implements DirectoryRepository {
  profiles = new Map<string, UnitProfile>();
  entries = new Map<string, DirectoryEntry & { removed?: boolean }>();
  changeLog: DirectoryChange[] = [];
  async units() {
    return [...this.profiles.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)).map(clone);
  }
  async unit(code: string) {
    return clone(this.profiles.get(code));
  }
  async putUnitIfAbsent(profile: UnitProfile) {
    if (this.profiles.has(profile.unitCode)) return false;
    this.profiles.set(profile.unitCode, clone(profile));
    return true;
  }
  async unitWithPeople(code: string) {
    const profile = await this.unit(code);
    return { ...(profile ? { profile } : {}), people: await this.people(code) };
  }
  async people(code: string) {
    return [...this.entries.values()]
      .filter((e) => e.unit === code && !e.removed)
      .map(({ removed: _r, ...e }) => clone(e));
  }
  /** Like the adapter's index: every unit, the address compared in lower case, tombstones never. */
  async peopleByEmail(email: string) {
    return [...this.entries.values()]
      .filter((e) => !e.removed && e.email && emailLookupKey(e.email) === emailLookupKey(email))
      .map(({ removed: _r, ...e }) => clone(e));
  }
  async setPerson(
    code: string,
    role: DirectoryRole,
    person: Person | undefined,
    expectedVersion: number,
    change: { at: string; actor: DirectoryActor },
  ) {
    const key = `${code}/${role}`;
    const stored = this.entries.get(key);
    if ((stored?.version ?? 0) !== expectedVersion) throw new StaleDirectoryError(key);
    const version = expectedVersion + 1;
    const event = directoryChange({
      unit: code,
      role,
      version,
      ...change,
      before: stored && !stored.removed ? stored : undefined,
      after: person,
    });
    this.entries.set(key, {
      ...(person ? personOnly(person) : { name: '', nip: '', email: '', title: '' }),
      unit: code,
      role,
      version,
      updatedAt: change.at,
      removed: !person,
    });
    this.changeLog.push(clone(event));
    return clone(event);
  }
  async changes(code: string) {
    return this.changeLog.filter((c) => c.unit === code).map(clone);
  }
  delegationLists = new Map<string, { list: Delegation[]; version: number }>();
  delegationLog: DelegationChange[] = [];
  async delegationsOf(code: string, role: Role) {
    return clone(this.delegationLists.get(`${code}/${role}`) ?? { list: [], version: 0 });
  }
  async delegations(code: string) {
    return [...this.delegationLists.entries()]
      .filter(([k]) => k.startsWith(`${code}/`))
      .flatMap(([, v]) => clone(v.list));
  }
  async putDelegations(
    code: string,
    role: Role,
    list: Delegation[],
    expectedVersion: number,
    change: DelegationChange,
  ) {
    const key = `${code}/${role}`;
    if ((this.delegationLists.get(key)?.version ?? 0) !== expectedVersion) throw new StaleDirectoryError(key);
    this.delegationLists.set(key, { list: clone(list), version: expectedVersion + 1 });
    this.delegationLog.push(clone(change));
  }
  async delegationChanges(code: string) {
    return this.delegationLog.filter((c) => c.unit === code).map(clone);
  }
}

export class MemoryDocumentStore implements DocumentStore {
  versions = new Map<string, StoredDocument[]>();
  /** Object Lock retention per "key@versionId", as S3 would hold it. */
  retention = new Map<string, string>();
  private n = 0;
  async put(input: {
    key: string;
    body: Uint8Array;
    contentType: string;
    metadata?: Record<string, string>;
    retainUntil?: string;
  }) {
    const versionId = `v${String(++this.n).padStart(6, '0')}`;
    if (input.retainUntil) this.retention.set(`${input.key}@${versionId}`, input.retainUntil);
    const list = this.versions.get(input.key) ?? [];
    list.push({
      key: input.key,
      versionId,
      body: new Uint8Array(input.body),
      contentType: input.contentType,
      metadata: input.metadata ?? {},
    });
    this.versions.set(input.key, list);
    return { versionId };
  }
  async get(key: string, versionId: string, opts: { maxBytes?: number } = {}) {
    const doc = this.versions.get(key)?.find((v) => v.versionId === versionId);
    if (!doc) throw new DocumentNotFoundError(`${key}@${versionId}`);
    if (opts.maxBytes !== undefined && doc.body.byteLength > opts.maxBytes)
      throw new DocumentTooLargeError(key, doc.body.byteLength);
    return doc;
  }
  async copy(from: { key: string; versionId: string }, toKey: string) {
    const doc = await this.get(from.key, from.versionId);
    return this.put({ key: toKey, body: doc.body, contentType: doc.contentType, metadata: doc.metadata });
  }
  async listVersions(key: string): Promise<DocumentVersion[]> {
    const list = this.versions.get(key) ?? [];
    return list
      .map((v, i) => ({
        key,
        versionId: v.versionId,
        size: v.body.byteLength,
        lastModified: new Date(0).toISOString(),
        isLatest: i === list.length - 1,
      }))
      .reverse();
  }
  async listKeys(prefix: string) {
    return [...this.versions.entries()]
      .filter(([k, list]) => k.startsWith(prefix) && list.length > 0)
      .map(([k]) => k)
      .sort();
  }
  /** Hashes in place, as the real stores stream: not a read of the body into the caller's memory. */
  async sha256(key: string, versionId: string) {
    const doc = this.versions.get(key)?.find((v) => v.versionId === versionId);
    if (!doc) throw new DocumentNotFoundError(`${key}@${versionId}`);
    return sha256Hex(doc.body);
  }
  async downloadUrl(key: string, versionId: string) {
    return `memory://${key}?versionId=${versionId}`;
  }
}

/** Records what the use cases asked of the workflow; tokens can be marked gone or the service made to fail. */
export class FakeWorkflow implements Workflow {
  started: { name: string; input: unknown }[] = [];
  sent: { token: string; output: unknown }[] = [];
  goneTokens = new Set<string>();
  /** The next sendSuccess fails with this error; the task is NOT resumed. */
  failNextSend?: Error;
  /** The next N sendSuccess calls fail transiently; the task is NOT resumed. */
  failSends = 0;
  /** The next sendSuccess resumes the task, then throws this error: the answer was lost on the way back. */
  loseNextReply?: Error;
  /** DescribeExecution's answer per execution ARN; an execution not listed is RUNNING. */
  executions = new Map<string, ExecutionStatus | 'MISSING'>();
  described: string[] = [];
  async start(name: string, input: unknown) {
    const already = this.started.some((s) => s.name === name);
    if (!already) this.started.push({ name, input });
    return { executionArn: `arn:aws:states:local:0:execution:sm:${name}`, alreadyStarted: already };
  }
  async sendSuccess(token: string, output: unknown) {
    if (this.failNextSend) {
      const err = this.failNextSend;
      this.failNextSend = undefined;
      throw err;
    }
    if (this.failSends > 0) {
      this.failSends--;
      throw new TransientError('Step Functions unavailable (ThrottlingException)');
    }
    if (this.goneTokens.has(token)) throw new TaskGoneError('gone');
    this.goneTokens.add(token);
    this.sent.push({ token, output });
    if (this.loseNextReply) {
      const err = this.loseNextReply;
      this.loseNextReply = undefined;
      throw err;
    }
  }
  async executionStatus(executionArn: string) {
    this.described.push(executionArn);
    const status = this.executions.get(executionArn) ?? 'RUNNING';
    return status === 'MISSING' ? undefined : status;
  }
}

export class CapturingMailer implements Mailer {
  sent: MailMessage[] = [];
  failures = 0;
  async send(m: MailMessage) {
    if (this.failures > 0) {
      this.failures--;
      // As the nodemailer adapter reports it: a mail failure is worth a retry.
      throw new TransientError('mail could not be sent: smtp down');
    }
    this.sent.push(m);
    return { messageId: `m${this.sent.length}` };
  }
}

export class FixedClock implements Clock {
  constructor(public current = new Date('2026-04-06T02:00:00.000Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

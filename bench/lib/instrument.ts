import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MailMessage } from '../../functions/ports/mailer.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import type { LambdaHandler } from '../../infra/local/lambda-runtime.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

/** The deployed function names behind the ASL substitutions (infra/stacks/stateless-stack.ts). */
export const FUNCTION_OF: Record<string, string> = {
  AssembleFunctionArn: 'assemble',
  RequestDecisionFunctionArn: 'request-decision',
  RequestRevisionFunctionArn: 'request-revision',
  ArchiveFunctionArn: 'archive',
  RecordFailureFunctionArn: 'record-failure',
};

export interface Invocation {
  fn: string;
  /** performance.now() at the start. */
  start: number;
  ms: number;
  ok: boolean;
}

/** The function a call was made from; calls outside every wrapped handler come from the decision server. */
const caller = new AsyncLocalStorage<string>();
export const OUTSIDE_HANDLERS = 'decide';
const currentFn = () => caller.getStore() ?? OUTSIDE_HANDLERS;

export interface DynamoCall {
  fn: string;
  command: string;
  ms: number;
  ok: boolean;
  /** Capacity units DynamoDB reported (when asked for), or null. */
  capacity: number | null;
  /**
   * Index writes this request causes on AWS (the GSI projects every attribute): 0 for an item without the GSI
   * key, 1 for a new index entry or one whose key is unchanged, 2 when the key changes (delete + insert).
   */
  indexWrites: 0 | 1 | 2;
  /** Bytes of the request's item (writes), for the index write units. */
  itemBytes: number;
}

export interface StoreCall {
  fn: string;
  op: 'put' | 'get' | 'copy' | 'listVersions' | 'downloadUrl';
  ms: number;
  bytes: number;
}

export interface MailSent {
  fn: string;
  recipients: number;
  bytes: number;
  attachmentBytes: number;
  subject: string;
  ms: number;
  /** The decision link in the text, if the mail carries one. */
  link?: string;
}

/**
 * Counters wrapped around a running local stack, without touching product code: every Lambda invocation
 * (the handlers the engine and the bus call), every DynamoDB request (a client middleware, optionally asking
 * DynamoDB for the consumed capacity), every document-store call, every mail, every Step Functions API call.
 * Emits `decisionReady` when a request-decision invocation has mailed its link (what a person then clicks).
 */
export class StackProbe extends EventEmitter {
  invocations: Invocation[] = [];
  dynamo: DynamoCall[] = [];
  store: StoreCall[] = [];
  mails: MailSent[] = [];
  /** Mails sent since the probe was attached (not reset). */
  mailsEver = 0;
  sfnCalls: { fn: string; op: string; ms: number }[] = [];
  /** The GSI key last written per item, to tell a key change (two index writes) from an update in place. */
  private readonly indexKeys = new Map<string, string>();
  /** Decision links seen in mails, by decision id. */
  private readonly links = new Map<string, string>();

  constructor(
    readonly stack: LocalStack,
    private readonly opts: {
      consumedCapacity?: boolean;
      /**
       * Attribute every DynamoDB, store, mail and Step Functions call to the function that made it (P5). Uses
       * AsyncLocalStorage, whose async hooks slow a busy Node 20 process down, so it is off unless asked for.
       */
      attribute?: boolean;
    } = {},
  ) {
    super();
    this.setMaxListeners(0);
    const sfn = stack.sfn as unknown as { opts?: { handlers?: Record<string, LambdaHandler> } };
    const bus = stack.bus as unknown as { opts?: { intake?: LambdaHandler } };
    const handlers = sfn.opts?.handlers;
    if (!handlers || !bus.opts?.intake) {
      throw new Error('bench: the local stack no longer exposes its handlers where the probe expects them');
    }
    for (const [arnName, handler] of Object.entries(handlers)) {
      const fn = FUNCTION_OF[arnName] ?? arnName;
      handlers[arnName] = this.timed(fn, handler, (event, result) => {
        if (fn === 'request-decision') this.onDecisionRequested(event, result);
      });
    }
    bus.opts.intake = this.timed('intake', bus.opts.intake);

    const deps = stack.deps();
    this.wrapDeps(deps);
    const repo = deps.repo as unknown as { doc?: DynamoDBDocumentClient };
    if (!repo.doc?.middlewareStack) throw new Error('bench: the repository has no DynamoDB client to observe');
    this.observeDynamo(repo.doc, !!opts.consumedCapacity);
  }

  /** Forget everything counted so far (after a warm-up). */
  reset(): void {
    this.invocations = [];
    this.dynamo = [];
    this.store = [];
    this.mails = [];
    this.sfnCalls = [];
  }

  private timed(fn: string, handler: LambdaHandler, after?: (event: unknown, result: unknown) => void): LambdaHandler {
    return async (event, context) => {
      const t0 = performance.now();
      let ok = false;
      try {
        const result = await (this.opts.attribute
          ? caller.run(fn, () => handler(event, context))
          : handler(event, context));
        ok = true;
        after?.(event, result);
        return result;
      } finally {
        this.invocations.push({ fn, start: t0, ms: performance.now() - t0, ok });
      }
    };
  }

  private onDecisionRequested(event: unknown, result: unknown) {
    const e = event as { reportId?: string; step?: string };
    const r = result as { decisionId?: string } | undefined;
    if (!r?.decisionId) return;
    const link = this.links.get(r.decisionId);
    if (!link) return;
    this.links.delete(r.decisionId);
    this.emit('decisionReady', { reportId: e.reportId, step: e.step, decisionId: r.decisionId, link });
  }

  private wrapDeps(deps: Deps) {
    const mailer = deps.mailer;
    const send = mailer.send.bind(mailer);
    mailer.send = async (m: MailMessage) => {
      const t0 = performance.now();
      const out = await send(m);
      this.mailsEver++;
      const attachmentBytes = (m.attachments ?? []).reduce((s, a) => s + a.content.byteLength, 0);
      const link = /(https?:\/\/\S+\/keputusan\/([a-z0-9]+)\?e=\d+&s=[A-Za-z0-9_-]+)/.exec(m.text);
      if (link?.[1] && link[2]) this.links.set(link[2], link[1]);
      this.mails.push({
        fn: currentFn(),
        recipients: m.to.length + (m.cc?.length ?? 0),
        bytes: Buffer.byteLength(m.text) + Buffer.byteLength(m.html) + attachmentBytes,
        attachmentBytes,
        subject: m.subject,
        ms: performance.now() - t0,
        ...(link?.[1] ? { link: link[1] } : {}),
      });
      return out;
    };

    const store = deps.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    // sha256 (a streamed GET) and listKeys (a prefix LIST) are billed as S3 GET and LIST requests.
    const billedAs = { sha256: 'get', listKeys: 'listVersions' } as const;
    for (const name of ['put', 'get', 'copy', 'listVersions', 'downloadUrl', 'sha256', 'listKeys'] as const) {
      const op = name === 'sha256' || name === 'listKeys' ? billedAs[name] : name;
      const original = store[name]?.bind(store);
      if (!original) continue;
      store[name] = async (...args: unknown[]) => {
        const t0 = performance.now();
        const out = await original(...args);
        const bytes =
          op === 'put'
            ? ((args[0] as { body?: Uint8Array }).body?.byteLength ?? 0)
            : op === 'get'
              ? ((out as { body?: Uint8Array }).body?.byteLength ?? 0)
              : 0;
        this.store.push({ fn: currentFn(), op, ms: performance.now() - t0, bytes });
        return out;
      };
    }

    const workflow = deps.workflow as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const op of ['start', 'sendSuccess'] as const) {
      const original = workflow[op]?.bind(workflow);
      if (!original) continue;
      workflow[op] = async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await original(...args);
        } finally {
          this.sfnCalls.push({ fn: currentFn(), op, ms: performance.now() - t0 });
        }
      };
    }
  }

  private observeDynamo(doc: DynamoDBDocumentClient, consumedCapacity: boolean) {
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        if (consumedCapacity) input.ReturnConsumedCapacity = 'TOTAL';
        const item = input.Item as Record<string, unknown> | undefined;
        const indexKey = item && 'gsi1pk' in item ? `${item.gsi1pk}|${item.gsi1sk}` : undefined;
        const itemKey = item ? `${item.pk}|${item.sk}` : '';
        const t0 = performance.now();
        let ok = false;
        let capacity: number | null = null;
        try {
          const out = await next(args);
          ok = true;
          const cc = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
          capacity = cc?.CapacityUnits ?? null;
          return out;
        } finally {
          let indexWrites: 0 | 1 | 2 = 0;
          if (ok && indexKey) {
            const before = this.indexKeys.get(itemKey);
            indexWrites = before !== undefined && before !== indexKey ? 2 : 1;
            this.indexKeys.set(itemKey, indexKey);
          }
          this.dynamo.push({
            fn: currentFn(),
            command: String((context as { commandName?: string }).commandName ?? 'unknown').replace(/Command$/, ''),
            ms: performance.now() - t0,
            ok,
            capacity,
            indexWrites,
            itemBytes: item ? Buffer.byteLength(JSON.stringify(item)) : 0,
          });
        }
      },
      { step: 'initialize', name: 'lapkinBenchProbe', override: true },
    );
  }
}

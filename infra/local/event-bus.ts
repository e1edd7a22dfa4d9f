import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalDocumentStore, ObjectCreatedNotice } from '../../functions/adapters/local-document-store.ts';
import { UPLOAD_PREFIX } from '../../functions/core/upload-key.ts';
import { invokeLambda, type LambdaHandler } from './lambda-runtime.ts';

/** The EventBridge event S3 sends for a new object version, as the intake function receives it on AWS. */
export function objectCreatedEvent(bucket: string, n: ObjectCreatedNotice) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: n.at,
    region: 'local',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: { key: n.key, size: n.size, etag: n.etag, 'version-id': n.versionId, sequencer: n.versionId },
      'request-id': randomUUID(),
      requester: '000000000000',
      'source-ip-address': '127.0.0.1',
      reason: 'PutObject',
    },
  };
}

/**
 * The local EventBridge rule: objects created under masuk/ (and only there, so lapkin's own writes never loop)
 * go to the intake handler, retried with backoff like EventBridge; what still fails lands in a dead-letter folder.
 */
export class LocalEventBus {
  private readonly inflight = new Set<Promise<void>>();
  /** The intake's answer per uploaded version, kept a minute after it came, for whoever uploaded it. */
  private readonly outcomes = new Map<string, Promise<unknown>>();
  private readonly listener = (n: ObjectCreatedNotice) => {
    if (!n.key.startsWith(UPLOAD_PREFIX)) return;
    const delivery = this.deliver(objectCreatedEvent(this.opts.bucket, n));
    this.outcomes.set(n.versionId, delivery);
    const p = delivery.then(() => {
      setTimeout(() => this.outcomes.delete(n.versionId), 60_000).unref();
    });
    this.inflight.add(p);
    p.finally(() => this.inflight.delete(p));
  };

  constructor(
    private readonly opts: {
      bucket: string;
      /** The store whose writes this rule watches (its own stack's only). */
      store: LocalDocumentStore;
      intake: LambdaHandler;
      dlqDir: string;
      attempts?: number;
      onDelivered?: (key: string, result: unknown) => void;
      onDeadLetter?: (key: string, error: string) => void;
    },
  ) {}

  start() {
    this.opts.store.events.on('objectCreated', this.listener);
  }

  stop() {
    this.opts.store.events.off('objectCreated', this.listener);
  }

  /** What intake answered for this uploaded version (undefined: not an upload, or forgotten; or dead-lettered). */
  intakeOutcome(versionId: string): Promise<unknown> | undefined {
    return this.outcomes.get(versionId);
  }

  async drain() {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  /** One delivery with EventBridge-like retries; the intake's answer, or undefined when it went to the DLQ. */
  async deliver(event: ReturnType<typeof objectCreatedEvent>): Promise<unknown> {
    const attempts = this.opts.attempts ?? 5;
    let lastError = '';
    for (let i = 0; i < attempts; i++) {
      try {
        const result = await invokeLambda('lapkin-intake', this.opts.intake, event);
        this.opts.onDelivered?.(event.detail.object.key, result);
        return result;
      } catch (err) {
        lastError = `${(err as Error).name}: ${(err as Error).message}`;
        await new Promise((r) => setTimeout(r, 100 * 2 ** i));
      }
    }
    await mkdir(this.opts.dlqDir, { recursive: true });
    await writeFile(join(this.opts.dlqDir, `${event.id}.json`), JSON.stringify({ event, error: lastError }, null, 2));
    this.opts.onDeadLetter?.(event.detail.object.key, lastError);
    return undefined;
  }
}

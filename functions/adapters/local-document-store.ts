import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentNotFoundError, DocumentTooLargeError } from '../core/errors.ts';
import type { DocumentStore, DocumentVersion, StoredDocument } from '../ports/document-store.ts';

export interface ObjectCreatedNotice {
  key: string;
  versionId: string;
  size: number;
  etag: string;
  at: string;
}

interface VersionMeta {
  key: string;
  versionId: string;
  contentType: string;
  metadata: Record<string, string>;
  size: number;
  lastModified: string;
  /** Recorded like S3 Object Lock; this store never deletes or overwrites a version anyway. */
  retainUntil?: string;
}

/**
 * A versioned object store on local disk — the local stand-in for a versioned S3 bucket, because no S3
 * emulator on npm keeps versions. Layout: <root>/<encoded key>/<versionId>.bin + .json. Version ids sort by
 * time, so the newest is the last one. Every put emits `objectCreated`, which the local stack turns into the
 * EventBridge "Object Created" event intake receives on AWS.
 */
export class LocalDocumentStore implements DocumentStore {
  /** This store's writes only: each local stack listens to its own store (never a process-wide emitter). */
  readonly events = new EventEmitter<{ objectCreated: [ObjectCreatedNotice] }>();
  private static lastStamp = '';
  private static counter = 0;

  constructor(
    private readonly root: string,
    private readonly download: { baseUrl: string; secret: string },
  ) {}

  private keyDir(key: string): string {
    if (!key || key.length > 1024 || key.includes('\0')) throw new DocumentNotFoundError(`invalid key`);
    // One directory per key, its name fully percent-encoded: a key can never climb out of the root.
    return join(this.root, encodeURIComponent(key).replace(/\./g, '%2E'));
  }

  /** Time-ordered and unique within the process, like S3 version ids are opaque but distinct. */
  private static newVersionId(): string {
    const stamp = Date.now().toString(36).padStart(9, '0');
    LocalDocumentStore.counter = stamp === LocalDocumentStore.lastStamp ? LocalDocumentStore.counter + 1 : 0;
    LocalDocumentStore.lastStamp = stamp;
    return `${stamp}${LocalDocumentStore.counter.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
  }

  async put(input: {
    key: string;
    body: Uint8Array;
    contentType: string;
    metadata?: Record<string, string>;
    retainUntil?: string;
  }) {
    const dir = this.keyDir(input.key);
    await mkdir(dir, { recursive: true });
    const versionId = LocalDocumentStore.newVersionId();
    const meta: VersionMeta = {
      key: input.key,
      versionId,
      contentType: input.contentType,
      metadata: input.metadata ?? {},
      size: input.body.byteLength,
      lastModified: new Date().toISOString(),
      ...(input.retainUntil ? { retainUntil: input.retainUntil } : {}),
    };
    // Write to temporary names and rename: a crash never leaves a half-written version behind.
    const bin = join(dir, `${versionId}.bin`);
    await writeFile(`${bin}.tmp`, input.body);
    await rename(`${bin}.tmp`, bin);
    await writeFile(join(dir, `${versionId}.json.tmp`), JSON.stringify(meta));
    await rename(join(dir, `${versionId}.json.tmp`), join(dir, `${versionId}.json`));
    this.events.emit('objectCreated', {
      key: input.key,
      versionId,
      size: meta.size,
      etag: randomBytes(16).toString('hex'),
      at: meta.lastModified,
    });
    return { versionId };
  }

  private async meta(key: string, versionId: string): Promise<VersionMeta> {
    if (!/^[a-z0-9]{20,40}$/.test(versionId)) throw new DocumentNotFoundError(`${key}@${versionId} not found`);
    try {
      return JSON.parse(await readFile(join(this.keyDir(key), `${versionId}.json`), 'utf8')) as VersionMeta;
    } catch {
      throw new DocumentNotFoundError(`${key}@${versionId} not found`);
    }
  }

  async get(key: string, versionId: string, opts: { maxBytes?: number } = {}): Promise<StoredDocument> {
    const meta = await this.meta(key, versionId);
    if (opts.maxBytes !== undefined && meta.size > opts.maxBytes) throw new DocumentTooLargeError(key, meta.size);
    const body = new Uint8Array(await readFile(join(this.keyDir(key), `${versionId}.bin`)));
    return { key, versionId, body, contentType: meta.contentType, metadata: meta.metadata };
  }

  async copy(from: { key: string; versionId: string }, toKey: string) {
    const doc = await this.get(from.key, from.versionId);
    return this.put({ key: toKey, body: doc.body, contentType: doc.contentType, metadata: doc.metadata });
  }

  async listVersions(key: string): Promise<DocumentVersion[]> {
    let names: string[];
    try {
      names = await readdir(this.keyDir(key));
    } catch {
      return [];
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .sort();
    const out: DocumentVersion[] = [];
    for (const [i, id] of ids.entries()) {
      const meta = await this.meta(key, id);
      out.push({
        key,
        versionId: id,
        size: meta.size,
        lastModified: meta.lastModified,
        isLatest: i === ids.length - 1,
      });
    }
    return out.reverse();
  }

  async listKeys(prefix: string): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const keys: string[] = [];
    for (const name of names) {
      let key: string;
      try {
        key = decodeURIComponent(name);
      } catch {
        continue; // not a key directory
      }
      if (!key.startsWith(prefix)) continue;
      const files = await readdir(join(this.root, name)).catch(() => [] as string[]);
      if (files.some((f) => f.endsWith('.json'))) keys.push(key);
    }
    return keys.sort();
  }

  async sha256(key: string, versionId: string): Promise<string> {
    await this.meta(key, versionId);
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(join(this.keyDir(key), `${versionId}.bin`))) hash.update(chunk);
    } catch {
      throw new DocumentNotFoundError(`${key}@${versionId} not found`);
    }
    return hash.digest('hex');
  }

  async exists(key: string, versionId: string): Promise<boolean> {
    try {
      await stat(join(this.keyDir(key), `${versionId}.bin`));
      return true;
    } catch {
      return false;
    }
  }

  async downloadUrl(key: string, versionId: string, expiresInSeconds: number): Promise<string> {
    const e = Math.floor(Date.now() / 1000) + expiresInSeconds;
    const s = signDownload(this.download.secret, key, versionId, e);
    const q = new URLSearchParams({ k: key, v: versionId, e: String(e), s });
    return `${this.download.baseUrl.replace(/\/+$/, '')}/_dokumen?${q}`;
  }
}

export function signDownload(secret: string, key: string, versionId: string, e: number): string {
  return createHmac('sha256', secret).update(`dl|${key}|${versionId}|${e}`).digest('base64url');
}

/** Checks a local download link the way S3 checks a presigned URL: signature first, then expiry. */
export function verifyDownload(
  secret: string,
  q: URLSearchParams,
  now = Date.now(),
): { key: string; versionId: string } | null {
  const key = q.get('k');
  const versionId = q.get('v');
  const e = Number(q.get('e'));
  const s = q.get('s') ?? '';
  if (!key || !versionId || !Number.isFinite(e)) return null;
  const expected = Buffer.from(signDownload(secret, key, versionId, e));
  const given = Buffer.from(s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (now / 1000 > e) return null;
  return { key, versionId };
}

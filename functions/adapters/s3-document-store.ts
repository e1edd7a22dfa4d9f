import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  type ObjectVersion,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DocumentNotFoundError, DocumentTooLargeError } from '../core/errors.ts';
import type { DocumentStore, DocumentVersion, StoredDocument } from '../ports/document-store.ts';

/** S3 with bucket versioning: every put is a new version and every read names the exact version it wants. */
export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(input: {
    key: string;
    body: Uint8Array;
    contentType: string;
    metadata?: Record<string, string>;
    retainUntil?: string;
  }) {
    // The SHA-256 goes with every PUT, computed here rather than left to the SDK: S3 refuses an Object Lock PUT
    // without a checksum header (MissingUploadObjectWithObjectLockHeaders), and the SDK adds one by default only
    // since 3.729 and not at all with AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED. S3 verifies it on receipt.
    const out = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: input.key,
        Body: input.body,
        ContentType: input.contentType,
        Metadata: input.metadata,
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: createHash('sha256').update(input.body).digest('base64'),
        ...(input.retainUntil
          ? { ObjectLockMode: 'GOVERNANCE' as const, ObjectLockRetainUntilDate: new Date(input.retainUntil) }
          : {}),
      }),
    );
    if (!out.VersionId) throw new Error(`bucket ${this.bucket} returned no VersionId: is versioning enabled?`);
    return { versionId: out.VersionId };
  }

  async get(key: string, versionId: string, opts: { maxBytes?: number } = {}): Promise<StoredDocument> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
      const size = out.ContentLength ?? 0;
      if (opts.maxBytes !== undefined && size > opts.maxBytes) {
        // Only the headers were read: drop the connection instead of pulling the body through.
        (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
        throw new DocumentTooLargeError(key, size);
      }
      const body = await out.Body?.transformToByteArray();
      if (!body) throw new DocumentNotFoundError(`${key}@${versionId} has no body`);
      return {
        key,
        versionId,
        body,
        contentType: out.ContentType ?? 'application/octet-stream',
        metadata: out.Metadata ?? {},
      };
    } catch (err) {
      throw notFound(err, key, versionId);
    }
  }

  async sha256(key: string, versionId: string): Promise<string> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
      if (!out.Body) throw new DocumentNotFoundError(`${key}@${versionId} has no body`);
      const hash = createHash('sha256');
      for await (const chunk of out.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
      return hash.digest('hex');
    } catch (err) {
      throw notFound(err, key, versionId);
    }
  }

  async copy(from: { key: string; versionId: string }, toKey: string) {
    const source = `${this.bucket}/${from.key.split('/').map(encodeURIComponent).join('/')}?versionId=${encodeURIComponent(from.versionId)}`;
    const out = await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: toKey, CopySource: source }));
    if (!out.VersionId) throw new Error(`bucket ${this.bucket} returned no VersionId on copy`);
    return { versionId: out.VersionId };
  }

  async listVersions(key: string): Promise<DocumentVersion[]> {
    const versions: DocumentVersion[] = [];
    for await (const v of this.versionsUnder(key)) {
      if (v.Key !== key || !v.VersionId) continue;
      versions.push({
        key,
        versionId: v.VersionId,
        size: v.Size ?? 0,
        lastModified: (v.LastModified ?? new Date(0)).toISOString(),
        isLatest: v.IsLatest ?? false,
      });
    }
    return versions;
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys = new Set<string>();
    // Versions only: a key hidden behind a delete marker still has its (locked) versions.
    for await (const v of this.versionsUnder(prefix)) if (v.Key) keys.add(v.Key);
    return [...keys].sort();
  }

  /** Every object version under a prefix, page after page. */
  private async *versionsUnder(prefix: string): AsyncGenerator<ObjectVersion> {
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const out = await this.s3.send(
        new ListObjectVersionsCommand({
          Bucket: this.bucket,
          Prefix: prefix,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      yield* out.Versions ?? [];
      keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
      versionMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
    } while (keyMarker);
  }

  downloadUrl(key: string, versionId: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }), {
      expiresIn: Math.min(expiresInSeconds, 7 * 24 * 3600),
    });
  }
}

function notFound(err: unknown, key: string, versionId: string): unknown {
  const name = (err as Error).name;
  if (err instanceof NoSuchKey || name === 'NoSuchKey' || name === 'NoSuchVersion' || name === 'InvalidArgument') {
    return new DocumentNotFoundError(`${key}@${versionId} not found`);
  }
  return err;
}

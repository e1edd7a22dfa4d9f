/**
 * The real S3 adapter against moto_server, an independent implementation of S3: versions, reads by version,
 * the version list, a presigned download fetched over HTTP, the archive's Object Lock PUT with the SDK set to
 * send checksums only when required, and a missing object answering DocumentNotFoundError.
 */
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3DocumentStore } from '../../functions/adapters/s3-document-store.ts';
import { DocumentNotFoundError, DocumentTooLargeError } from '../../functions/core/errors.ts';
import { MOTO_CLIENT, type Moto, startMoto } from './moto.ts';

let moto: Moto;
let s3: S3Client;
let store: S3DocumentStore;
let locked: S3DocumentStore;
const BUCKET = 'lapkin-contract';
const LOCKED_BUCKET = 'lapkin-contract-locked';
const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ ...MOTO_CLIENT, endpoint: moto.endpoint, forcePathStyle: true });
  // Object Lock enables versioning, as on the stateful stack's bucket.
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET, ObjectLockEnabledForBucket: true }));
  await s3.send(new CreateBucketCommand({ Bucket: LOCKED_BUCKET, ObjectLockEnabledForBucket: true }));
  store = new S3DocumentStore(s3, BUCKET);
  // AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED (or an SDK older than 3.729): no checksum unless the
  // operation's model demands one — PutObject's does not, yet S3 refuses an Object Lock PUT without one.
  const whenRequired = new S3Client({
    ...MOTO_CLIENT,
    endpoint: moto.endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  locked = new S3DocumentStore(whenRequired, LOCKED_BUCKET);
}, 60_000);

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});

describe('S3DocumentStore on moto_server', () => {
  it('every put is a new version; each reads back by its versionId; the list names them all', async () => {
    const key = 'laporan/karawaci/2026/TW1/laporan.json';
    const a = await store.put({ key, body: text('first'), contentType: 'application/json', metadata: { rev: '1' } });
    const b = await store.put({ key, body: text('second'), contentType: 'application/json', metadata: { rev: '2' } });
    expect(a.versionId).not.toBe(b.versionId);
    const first = await store.get(key, a.versionId);
    expect(decode(first.body)).toBe('first');
    expect(first).toMatchObject({
      key,
      versionId: a.versionId,
      contentType: 'application/json',
      metadata: { rev: '1' },
    });
    expect(decode((await store.get(key, b.versionId)).body)).toBe('second');
    // A key that only shares the prefix is not one of this key's versions.
    await store.put({ key: `${key}.bak`, body: text('other'), contentType: 'application/json' });
    const versions = await store.listVersions(key);
    expect(versions.map((v) => v.versionId).sort()).toEqual([a.versionId, b.versionId].sort());
    expect(versions.find((v) => v.versionId === b.versionId)).toMatchObject({ isLatest: true, size: 6 });
    expect(versions.find((v) => v.versionId === a.versionId)).toMatchObject({ isLatest: false, size: 5 });
  });

  it('copies an exact version to a new key as a new version', async () => {
    const from = await store.put({ key: 'laporan/k/a b.pdf', body: text('pdf v1'), contentType: 'application/pdf' });
    await store.put({ key: 'laporan/k/a b.pdf', body: text('pdf v2'), contentType: 'application/pdf' });
    const copied = await store.copy({ key: 'laporan/k/a b.pdf', versionId: from.versionId }, 'arsip/k/a b.pdf');
    expect(decode((await store.get('arsip/k/a b.pdf', copied.versionId)).body)).toBe('pdf v1');
  });

  it('a presigned download URL fetched over plain HTTP returns exactly that version', async () => {
    const key = 'laporan/karawaci/2026/TW1/laporan-karawaci-2026-TW1.pdf';
    const old = await store.put({ key, body: text('%PDF old'), contentType: 'application/pdf' });
    await store.put({ key, body: text('%PDF new'), contentType: 'application/pdf' });
    const url = await store.downloadUrl(key, old.versionId, 600);
    expect(url).toContain('X-Amz-Signature=');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await res.text()).toBe('%PDF old');
    // The signature covers the query: another version through the same signature is refused.
    const tampered = url.replace(encodeURIComponent(old.versionId), 'other');
    expect((await fetch(tampered)).status).toBeGreaterThanOrEqual(400);
  });

  it('a missing key or version is DocumentNotFoundError', async () => {
    await expect(store.get('laporan/none.pdf', 'nope')).rejects.toBeInstanceOf(DocumentNotFoundError);
    const { versionId } = await store.put({ key: 'laporan/one.pdf', body: text('x'), contentType: 'application/pdf' });
    await expect(store.get('laporan/two.pdf', versionId)).rejects.toBeInstanceOf(DocumentNotFoundError);
    await expect(store.get('laporan/one.pdf', 'nope')).rejects.toBeInstanceOf(DocumentNotFoundError);
  });

  it('a version above maxBytes is DocumentTooLargeError with its size, read from the headers only', async () => {
    const { versionId } = await store.put({
      key: 'masuk/big.csv',
      body: new Uint8Array(5000),
      contentType: 'text/csv',
    });
    const err = await store.get('masuk/big.csv', versionId, { maxBytes: 4999 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentTooLargeError);
    expect((err as DocumentTooLargeError).size).toBe(5000);
    expect((await store.get('masuk/big.csv', versionId, { maxBytes: 5000 })).body.byteLength).toBe(5000);
  });

  it('the archive’s Object Lock PUT is accepted with an SDK that sends checksums only when required', async () => {
    const retainUntil = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000).toISOString();
    const key = 'arsip/karawaci/2026/TW1/laporan-karawaci-2026-TW1.pdf';
    const { versionId } = await locked.put({
      key,
      body: text('%PDF archived'),
      contentType: 'application/pdf',
      retainUntil,
    });
    // GetObject reports the lock (moto answers GetObjectRetention with a 500, so the read is the check).
    const out = await s3.send(new GetObjectCommand({ Bucket: LOCKED_BUCKET, Key: key, VersionId: versionId }));
    expect(await out.Body?.transformToString()).toBe('%PDF archived');
    expect(out.ObjectLockMode).toBe('GOVERNANCE');
    expect(out.ObjectLockRetainUntilDate?.toISOString().slice(0, 10)).toBe(retainUntil.slice(0, 10));
  });
});

/** The local versioned store on a temporary folder: versions kept, keys confined, download links signed. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalDocumentStore, verifyDownload } from '../../functions/adapters/local-document-store.ts';
import { DocumentNotFoundError, DocumentTooLargeError } from '../../functions/core/errors.ts';

const secret = 's'.repeat(40);
const make = () => {
  const root = mkdtempSync(join(tmpdir(), 'lapkin-store-'));
  return { root, store: new LocalDocumentStore(root, { baseUrl: 'http://127.0.0.1:1', secret }) };
};
const text = (s: string) => new TextEncoder().encode(s);

describe('LocalDocumentStore', () => {
  it('keeps every version and reads each one back', async () => {
    const { store } = make();
    const a = await store.put({
      key: 'masuk/k/2026/TW1/a.csv',
      body: text('one'),
      contentType: 'text/csv',
      metadata: { u: '1' },
    });
    const b = await store.put({ key: 'masuk/k/2026/TW1/a.csv', body: text('two'), contentType: 'text/csv' });
    expect(a.versionId).not.toBe(b.versionId);
    expect(new TextDecoder().decode((await store.get('masuk/k/2026/TW1/a.csv', a.versionId)).body)).toBe('one');
    expect((await store.get('masuk/k/2026/TW1/a.csv', a.versionId)).metadata).toEqual({ u: '1' });
    const versions = await store.listVersions('masuk/k/2026/TW1/a.csv');
    expect(versions.map((v) => v.versionId)).toEqual([b.versionId, a.versionId]);
    expect(versions[0]?.isLatest).toBe(true);
  });

  it('refuses to read a version above maxBytes, naming its size', async () => {
    const { store } = make();
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

  it('confines any key to one directory under the root', async () => {
    const { root, store } = make();
    await store.put({ key: '../../escape/../x', body: text('x'), contentType: 'text/plain' });
    expect(readdirSync(root)).toHaveLength(1);
    await expect(store.get('masuk/none', 'aaaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toBeInstanceOf(DocumentNotFoundError);
    await expect(store.get('masuk/none', '../../etc')).rejects.toBeInstanceOf(DocumentNotFoundError);
  });

  it('emits objectCreated for every put', async () => {
    const { store } = make();
    const seen: string[] = [];
    const listener = (n: { key: string }) => seen.push(n.key);
    store.events.on('objectCreated', listener);
    await store.put({ key: 'masuk/k/2026/TW1/b.csv', body: text('b'), contentType: 'text/csv' });
    store.events.off('objectCreated', listener);
    expect(seen).toEqual(['masuk/k/2026/TW1/b.csv']);
  });

  it('signs download links for one version and refuses tampered or expired ones', async () => {
    const { store } = make();
    const { versionId } = await store.put({ key: 'laporan/a.pdf', body: text('%PDF'), contentType: 'application/pdf' });
    const url = new URL(await store.downloadUrl('laporan/a.pdf', versionId, 60));
    expect(verifyDownload(secret, url.searchParams)).toEqual({ key: 'laporan/a.pdf', versionId });
    const tampered = new URLSearchParams(url.searchParams);
    tampered.set('k', 'arsip/other.pdf');
    expect(verifyDownload(secret, tampered)).toBeNull();
    expect(verifyDownload(secret, url.searchParams, Date.now() + 61_000)).toBeNull();
  });

  it('hashes one exact version as a stream, lists keys under a prefix and records retention', async () => {
    const { store } = make();
    const a = await store.put({
      key: 'audit/r1/00000002.json',
      body: text('{"a":1}'),
      contentType: 'application/json',
      retainUntil: '2036-01-01T00:00:00.000Z',
    });
    const b = await store.put({
      key: 'audit/r1/00000002.json',
      body: text('{"a":2}'),
      contentType: 'application/json',
    });
    await store.put({ key: 'audit/r10/00000001.json', body: text('x'), contentType: 'application/json' });
    await store.put({ key: 'laporan/r1.pdf', body: text('%PDF'), contentType: 'application/pdf' });
    expect(await store.sha256('audit/r1/00000002.json', a.versionId)).toBe(
      createHash('sha256').update('{"a":1}').digest('hex'),
    );
    expect(await store.sha256('audit/r1/00000002.json', b.versionId)).toBe(
      createHash('sha256').update('{"a":2}').digest('hex'),
    );
    await expect(store.sha256('audit/r1/00000002.json', 'aaaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toBeInstanceOf(
      DocumentNotFoundError,
    );
    expect(await store.listKeys('audit/r1/')).toEqual(['audit/r1/00000002.json']);
    expect(await store.listKeys('audit/')).toEqual(['audit/r1/00000002.json', 'audit/r10/00000001.json']);
    expect(await store.listKeys('nothing/')).toEqual([]);
  });
});

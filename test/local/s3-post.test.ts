/**
 * The local stack's S3 POST route checks a presigned form the way S3 does: a form signed by the portal's signer
 * (the real @aws-sdk/s3-presigned-post against `/_lokal/s3`) stores the object with its metadata, and any change
 * to it — the policy, the signature, the key, a metadata value, the file's place or size, the time — is refused
 * with S3's XML error and stores nothing. Then on a running local stack: the stored upload starts the report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3UploadSigner } from '../../functions/adapters/s3-upload-signer.ts';
import type { PresignedPostRequest, UploadForm } from '../../functions/ports/upload-signer.ts';
import { prepareUpload } from '../../functions/usecases/prepare-upload.ts';
import { resumeSession, startSession } from '../../functions/usecases/sessions.ts';
import { LOCAL_CREDENTIALS } from '../../infra/local/dynamodb.ts';
import { LOCAL_BUCKET, localS3PostRoutes } from '../../infra/local/s3-post.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { people, testConfig } from '../fakes/deps.ts';
import { sample } from '../fakes/flow.ts';
import { MemoryDocumentStore } from '../fakes/memory-ports.ts';
import { waitFor } from '../fakes/wait-for.ts';

const ORIGIN = 'http://127.0.0.1:8787';
const signer = new S3UploadSigner(
  new S3Client({
    region: 'local',
    endpoint: `${ORIGIN}/_lokal/s3`,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  }),
  LOCAL_BUCKET,
);
const REQUEST: PresignedPostRequest = {
  key: 'masuk/karawaci/2026/TW1/0b0c8f3e-0000-4000-8000-000000000001.csv',
  contentType: 'text/csv',
  maxBytes: 64,
  metadata: { 'uploader-email': 'staf@example.go.id', 'uploader-nip': '199001012020011001' },
  expiresInSeconds: 600,
};

function routes(now?: () => Date) {
  const store = new MemoryDocumentStore();
  const app = localS3PostRoutes({ store, maxObjectBytes: () => 10 * 1024 * 1024, now });
  return { store, app };
}

function body(form: UploadForm, file: string = 'a;b\n1;2\n', order: 'file-last' | 'file-first' = 'file-last') {
  const data = new FormData();
  if (order === 'file-first') data.append('file', new Blob([file]), 'data.csv');
  for (const [k, v] of Object.entries(form.fields)) data.append(k, v);
  if (order === 'file-last') data.append('file', new Blob([file]), 'data.csv');
  return data;
}

async function post(app: ReturnType<typeof routes>['app'], form: UploadForm, data: FormData) {
  const res = await app.request(form.url, { method: 'POST', body: data });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const code = (xml: string) => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
const policyOf = (form: UploadForm) =>
  JSON.parse(Buffer.from(form.fields.Policy as string, 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };

describe('the local S3 POST route', () => {
  it('stores a valid presigned form’s file with its metadata and answers 204, like S3', async () => {
    const { store, app } = routes();
    const form = await signer.presignPost(REQUEST);
    expect(form.url).toBe(`${ORIGIN}/_lokal/s3/${LOCAL_BUCKET}`);
    const res = await post(app, form, body(form));
    expect(res.status).toBe(204);
    const [stored] = store.versions.get(REQUEST.key) ?? [];
    expect(new TextDecoder().decode(stored?.body)).toBe('a;b\n1;2\n');
    expect(stored?.contentType).toBe('text/csv');
    expect(stored?.metadata).toEqual(REQUEST.metadata);
    expect(res.headers.get('x-amz-version-id')).toBe(stored?.versionId);
  });

  it('refuses every tampered, expired or misshapen form with S3’s error, and stores nothing', async () => {
    const form = await signer.presignPost(REQUEST);
    const cases: { name: string; status: number; code: string; data: () => FormData; now?: () => Date }[] = [
      {
        name: 'policy changed (another key)',
        status: 403,
        code: 'SignatureDoesNotMatch',
        data: () => {
          const policy = policyOf(form);
          policy.conditions = policy.conditions.map((c) =>
            c && typeof c === 'object' && 'key' in c ? { key: 'masuk/sukamaju/2026/TW1/x.csv' } : c,
          );
          const fields = {
            ...form.fields,
            key: 'masuk/sukamaju/2026/TW1/x.csv',
            Policy: Buffer.from(JSON.stringify(policy)).toString('base64'),
          };
          return body({ ...form, fields });
        },
      },
      {
        name: 'signature changed',
        status: 403,
        code: 'SignatureDoesNotMatch',
        data: () => body({ ...form, fields: { ...form.fields, 'X-Amz-Signature': '0'.repeat(64) } }),
      },
      {
        name: 'key changed (the policy pins it)',
        status: 403,
        code: 'AccessDenied',
        data: () => body({ ...form, fields: { ...form.fields, key: 'masuk/sukamaju/2026/TW1/x.csv' } }),
      },
      {
        name: 'uploader metadata changed',
        status: 403,
        code: 'AccessDenied',
        data: () => body({ ...form, fields: { ...form.fields, 'x-amz-meta-uploader-email': 'orang@lain.example' } }),
      },
      {
        name: 'a field the policy does not name',
        status: 403,
        code: 'AccessDenied',
        data: () => body({ ...form, fields: { ...form.fields, 'x-amz-meta-unit': 'sukamaju' } }),
      },
      {
        name: 'file over the size range',
        status: 400,
        code: 'EntityTooLarge',
        data: () => body(form, 'x'.repeat(65)),
      },
      { name: 'empty file', status: 400, code: 'EntityTooSmall', data: () => body(form, '') },
      {
        name: 'file not the last field',
        status: 400,
        code: 'InvalidArgument',
        data: () => body(form, 'a', 'file-first'),
      },
      {
        name: 'expired form',
        status: 403,
        code: 'AccessDenied',
        data: () => body(form),
        now: () => new Date(Date.now() + 11 * 60_000),
      },
    ];
    for (const c of cases) {
      const { store, app } = routes(c.now);
      const res = await post(app, form, c.data());
      expect({ name: c.name, status: res.status, code: code(res.text) }).toEqual({
        name: c.name,
        status: c.status,
        code: c.code,
      });
      expect(res.headers.get('content-type')).toContain('application/xml');
      expect(store.versions.size, c.name).toBe(0);
    }
    const expired = await post(routes(() => new Date(Date.now() + 11 * 60_000)).app, form, body(form));
    expect(expired.text).toContain('Policy expired');
  });

  it('knows one bucket, and answers other methods with 405', async () => {
    const { store, app } = routes();
    const form = await signer.presignPost(REQUEST);
    const other = await app.request(`${ORIGIN}/_lokal/s3/another-bucket`, { method: 'POST', body: body(form) });
    expect(other.status).toBe(404);
    expect((await app.request(form.url, { method: 'PUT', body: 'x' })).status).toBe(405);
    expect(store.versions.size).toBe(0);
  });
});

describe('a presigned POST to the running local stack', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({
      config: testConfig(),
      stateDir: mkdtempSync(join(tmpdir(), 'lapkin-s3post-')),
      randomPorts: true,
    });
  }, 60_000);
  afterAll(async () => stack?.stop());

  it('stores the file and starts the report through the bucket event, the uploader known from the session', async () => {
    const staf = people(testConfig()).STAF;
    const { id } = await startSession(stack.deps(), { nip: staf.nip, unit: 'karawaci' });
    const found = await resumeSession(stack.deps(), id);
    if (!found) throw new Error('no session');
    const prepared = await prepareUpload(stack.deps(), found.person, { tahun: 2026, periode: 'TW2', jenis: 'csv' });
    expect(prepared.form.url).toBe(`${stack.urls.http}/_lokal/s3/${LOCAL_BUCKET}`);
    const csv = new TextDecoder().decode(sample('awal')).replaceAll(';TW1;', ';TW2;');
    const data = new FormData();
    for (const [k, v] of Object.entries(prepared.form.fields)) data.append(k, v);
    data.append('file', new Blob([csv]), 'kinerja.csv');
    const res = await fetch(prepared.form.url, { method: 'POST', body: data });
    expect(res.status).toBe(204);
    const report = await waitFor(
      async () => {
        const r = await stack.deps().repo.get('karawaci-2026-TW2');
        return r?.status === 'MENUNGGU_VERIFIKASI' ? r : undefined;
      },
      20_000,
      'report assembled',
    );
    expect(report.reportId).toBe(prepared.reportId);
    expect(report.uploaderEmail).toBe(staf.email);
    expect(report.source.key).toMatch(/^masuk\/karawaci\/2026\/TW2\/[0-9a-f-]{36}\.csv$/);
  });
});

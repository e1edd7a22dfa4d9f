/**
 * The KMS Signer against moto_server, an independent KMS (real RSA signatures): a PDF signed through KMS Sign
 * (the key never leaves it) is valid for pdfsig; the certificate the deployment issues for the key — by the
 * archive function on first use, or by `lapkin signing-cert` — is signed by that same key, stored under
 * sertifikat/ in the bucket and reused; the container builds this signer from SIGNING_KEY_ID.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateKeyCommand, GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_KEY, kmsSigner } from '../../functions/adapters/kms-signer.ts';
import { S3DocumentStore } from '../../functions/adapters/s3-document-store.ts';
import { buildDeps } from '../../functions/commons/container.ts';
import { withPdfSigner } from '../../functions/commons/pdf-signer.ts';
import { signerSubject } from '../../functions/core/signer-subject.ts';
import { renderDispositionPdf } from '../../functions/documents/disposition-pdf.ts';
import { certificateDer } from '../../functions/documents/pades.ts';
import { runSigningCert } from '../../infra/cli/signing-cert.ts';
import { organization, testConfig } from '../fakes/deps.ts';
import { MemoryDocumentStore } from '../fakes/memory-ports.ts';
import { MOTO_CLIENT, type Moto, startMoto } from './moto.ts';

const run = promisify(execFile);
let moto: Moto;
let kms: KMSClient;
let s3: S3Client;
let dir: string;
let pdf: Buffer;
const BUCKET = 'lapkin-signing';
const config = testConfig();
const subject = signerSubject(config);

beforeAll(async () => {
  [moto, dir] = await Promise.all([startMoto(), mkdtemp(join(tmpdir(), 'lapkin-kms-signer-'))]);
  kms = new KMSClient({ ...MOTO_CLIENT, endpoint: moto.endpoint });
  s3 = new S3Client({ ...MOTO_CLIENT, endpoint: moto.endpoint, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET, ObjectLockEnabledForBucket: true }));
  pdf = await renderDispositionPdf({
    organization: organization(config),
    reportId: 'karawaci-2026-TW1',
    tahun: 2026,
    periode: 'TW1',
    revision: 1,
    entries: [],
    documents: [],
    archivedAt: '2026-04-06T08:05:00.000Z',
    agendaNumber: 'KARAWACI/2026/TW1/R1',
    receivedAt: '2026-04-06T07:00:00.000Z',
    origin: 'Ketua TIMSAKIP',
    documentation: 'Ketua TIMSAKIP',
  });
}, 60_000);

afterAll(async () => {
  kms?.destroy();
  s3?.destroy();
  await Promise.all([moto?.stop(), dir && rm(dir, { recursive: true, force: true })]);
});

async function newKey(): Promise<string> {
  const { KeyMetadata } = await kms.send(
    new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', Description: 'lapkin PDF signing' }),
  );
  if (!KeyMetadata?.KeyId) throw new Error('moto created no key');
  return KeyMetadata.KeyId;
}

async function pdfsig(signed: Uint8Array, name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, signed);
  return (await run('pdfsig', [path])).stdout;
}

/** The certificate embedded in the (last) signature's CMS contains exactly `cert`. */
const embeds = (signed: Uint8Array, cert: Uint8Array): boolean =>
  Buffer.from(
    [
      ...Buffer.from(signed)
        .toString('latin1')
        .matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g),
    ].at(-1)?.[1] ?? '',
    'hex',
  ).includes(Buffer.from(cert));

describe('the KMS signer on moto_server', () => {
  it('signs through KMS: pdfsig finds a valid signature by a certificate the key itself issued, stored and reused', async () => {
    const keyId = await newKey();
    const store = new S3DocumentStore(s3, BUCKET);
    const signer = kmsSigner(kms, keyId, () => store, subject);
    expect(signer.subject).toBe('lapkin - Pelaporan Kinerja (Pemerintah Kota Tangerang)');
    const signed = await signer.sign(pdf, new Date('2026-04-06T08:05:00Z'));
    const out = await pdfsig(signed, 'kms.pdf');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');

    // The certificate: in the bucket, for the KMS key's public key, signed by that key.
    const versions = await store.listVersions(CERTIFICATE_KEY);
    expect(versions).toHaveLength(1);
    const pem = new TextDecoder().decode((await store.get(CERTIFICATE_KEY, versions[0]?.versionId ?? '')).body);
    const cert = new X509Certificate(pem);
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    expect(Buffer.from(cert.publicKey.export({ type: 'spki', format: 'der' }))).toEqual(Buffer.from(PublicKey ?? []));
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.subject).toContain('CN=lapkin - Pelaporan Kinerja');
    expect(cert.ca).toBe(false);
    expect(embeds(signed, certificateDer(pem))).toBe(true);

    // Another runtime (a cold start) reads the stored certificate instead of issuing another.
    const again = await kmsSigner(kms, keyId, () => store, subject).sign(pdf, new Date());
    expect(await store.listVersions(CERTIFICATE_KEY)).toHaveLength(1);
    expect(embeds(again, certificateDer(pem))).toBe(true);
    expect(await pdfsig(again, 'kms-again.pdf')).toContain('Signature is Valid.');

    // A stored certificate of another key (the key was replaced): a new one is issued, never a wrong one used.
    const otherKey = await newKey();
    const other = await kmsSigner(kms, otherKey, () => store, subject).sign(pdf, new Date());
    expect(await store.listVersions(CERTIFICATE_KEY)).toHaveLength(2);
    expect(embeds(other, certificateDer(pem))).toBe(false);
    expect(await pdfsig(other, 'kms-other.pdf')).toContain('Signature is Valid.');

    // Ten years on, within a month of its end: renewed, with the same key.
    const later = new Date(Date.now() + (10 * 365 - 20) * 86_400_000);
    await kmsSigner(
      kms,
      otherKey,
      () => store,
      subject,
      () => later,
    ).sign(pdf, later);
    expect(await store.listVersions(CERTIFICATE_KEY)).toHaveLength(3);
  }, 60_000);

  it('lapkin signing-cert issues the certificate with the KMS key, prints it and stores it for the archive function', async () => {
    const keyId = await newKey();
    let printed = '';
    await runSigningCert(config, { keyId, bucket: BUCKET }, { kms, s3 }, (t) => {
      printed += t;
    });
    const pem = printed.slice(printed.indexOf('-----BEGIN CERTIFICATE-----'));
    const cert = new X509Certificate(pem);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(printed).toContain(`Stored as s3://${BUCKET}/${CERTIFICATE_KEY}`);
    expect(printed).toContain(`SHA-256 fingerprint: ${cert.fingerprint256}`);
    // The archive function signs with exactly that certificate.
    const signed = await kmsSigner(kms, keyId, () => new S3DocumentStore(s3, BUCKET), subject).sign(pdf, new Date());
    expect(embeds(signed, certificateDer(pem))).toBe(true);
    expect(await pdfsig(signed, 'cli.pdf')).toContain('Signature is Valid.');
  }, 60_000);

  it('the archive function signs with KMS when SIGNING_KEY_ID is set (withPdfSigner)', async () => {
    const keyId = await newKey();
    const env = {
      TABLE_NAME: 't',
      AWS_REGION: MOTO_CLIENT.region,
      SIGNING_KEY_ID: keyId,
      KMS_ENDPOINT: moto.endpoint,
      AWS_ACCESS_KEY_ID: 'moto',
      AWS_SECRET_ACCESS_KEY: 'moto',
    };
    // Any other function's dependencies have no signer.
    await expect(
      buildDeps(env, { config, store: new MemoryDocumentStore() }).signer.sign(pdf, new Date()),
    ).rejects.toThrow('this function has no PDF signer');
    const deps = withPdfSigner(buildDeps(env, { config, store: new MemoryDocumentStore() }), env);
    const signed = await deps.signer.sign(pdf, new Date());
    expect(await pdfsig(signed, 'container.pdf')).toContain('Signature is Valid.');
    expect(await deps.store.listVersions(CERTIFICATE_KEY)).toHaveLength(1);
  }, 60_000);
});

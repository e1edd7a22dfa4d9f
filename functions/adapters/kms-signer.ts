import { X509Certificate } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { CertificateSubject } from '../core/signer-subject.ts';
import {
  certificateDer,
  certificatePem,
  issueSelfCertificate,
  padesSigner,
  type RsaSigningKey,
} from '../documents/pades.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { Signer } from '../ports/signer.ts';

/** Where the deployment keeps the certificate of its KMS key: in the document bucket, versioned like the rest. */
export const CERTIFICATE_KEY = 'sertifikat/penandatangan.pem';
const VALIDITY_YEARS = 10;
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * RSASSA-PKCS1-v1_5 / SHA-256 by an asymmetric KMS key (RSA_2048, SIGN_VERIFY): the private key never leaves KMS.
 * KMS hashes the message itself (MessageType RAW; what is signed — DER signed attributes or a TBSCertificate —
 * is far below KMS's 4 096-byte limit). RAW also because moto, the contract tests' KMS, ignores DIGEST.
 */
export function kmsSignSha256(kms: KMSClient, keyId: string) {
  return async (data: Uint8Array): Promise<Uint8Array> => {
    const out = await kms.send(
      new SignCommand({
        KeyId: keyId,
        Message: data,
        MessageType: 'RAW',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    );
    if (!out.Signature) throw new Error(`KMS returned no signature for key ${keyId}`);
    return out.Signature;
  };
}

async function publicKeyOf(kms: KMSClient, keyId: string): Promise<Uint8Array> {
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!out.PublicKey) throw new Error(`KMS returned no public key for key ${keyId}`);
  // CustomerMasterKeySpec: the deprecated name of KeySpec, which moto still answers with.
  const spec = out.KeySpec ?? out.CustomerMasterKeySpec;
  if (spec !== 'RSA_2048' || out.KeyUsage !== 'SIGN_VERIFY')
    throw new Error(`KMS key ${keyId} is ${spec}/${out.KeyUsage}, not RSA_2048/SIGN_VERIFY`);
  return out.PublicKey;
}

/** A self-issued certificate for the KMS key, signed by the same key (the deployment is its own issuer). */
export async function issueKmsCertificate(
  kms: KMSClient,
  keyId: string,
  subject: CertificateSubject,
  notBefore: Date,
): Promise<Uint8Array> {
  return issueSelfCertificate({
    publicKey: await publicKeyOf(kms, keyId),
    subject,
    notBefore,
    years: VALIDITY_YEARS,
    signSha256: kmsSignSha256(kms, keyId),
  });
}

/**
 * The Signer of a deployment: its KMS key and the certificate stored under CERTIFICATE_KEY. No certificate yet, one
 * of another key (the key was replaced) or one about to expire: the function issues one on first use and stores it
 * as a new version
 * (`lapkin signing-cert` does the same by hand, and prints it). Read once per runtime.
 */
export function kmsSigner(
  kms: KMSClient,
  keyId: string,
  store: () => DocumentStore,
  subject: CertificateSubject,
  clock: () => Date = () => new Date(),
): Signer {
  let cert: Promise<Uint8Array> | undefined;
  const certificate = () => {
    cert ??= storedOrIssued(kms, keyId, store(), subject, clock);
    cert.catch(() => {
      cert = undefined;
    });
    return cert;
  };
  const key: RsaSigningKey = { signSha256: kmsSignSha256(kms, keyId), certificate };
  return padesSigner(key, subject);
}

async function storedOrIssued(
  kms: KMSClient,
  keyId: string,
  store: DocumentStore,
  subject: CertificateSubject,
  clock: () => Date,
): Promise<Uint8Array> {
  const [publicKey, versions] = await Promise.all([publicKeyOf(kms, keyId), store.listVersions(CERTIFICATE_KEY)]);
  const current = versions.find((v) => v.isLatest);
  if (current) {
    const pem = new TextDecoder().decode((await store.get(CERTIFICATE_KEY, current.versionId)).body);
    const der = certificateDer(pem);
    // Reused while it is this key's and has a month left; then a new one (a signature made while the old one
    // was valid stays valid).
    const renewBy = new Date(new X509Certificate(der).validTo).getTime() - RENEW_BEFORE_MS;
    if (Buffer.from(der).includes(Buffer.from(publicKey)) && clock().getTime() < renewBy) return der;
  }
  const der = await issueKmsCertificate(kms, keyId, subject, clock());
  await store.put({
    key: CERTIFICATE_KEY,
    body: new TextEncoder().encode(certificatePem(der)),
    contentType: 'application/x-pem-file',
  });
  return der;
}

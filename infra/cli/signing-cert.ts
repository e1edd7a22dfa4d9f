import { X509Certificate } from 'node:crypto';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import { CERTIFICATE_KEY, issueKmsCertificate } from '../../functions/adapters/kms-signer.ts';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { signerSubject } from '../../functions/core/signer-subject.ts';
import { certificatePem } from '../../functions/documents/pades.ts';

export interface SigningCertOptions {
  keyId: string;
  /** The deployment's document bucket (stack output BucketName): the certificate is stored where archive reads it. */
  bucket?: string;
}

/**
 * `lapkin signing-cert --key-id <KMS key> [--bucket <BucketName>]`: the deployment issues the certificate of its
 * signing key itself — a self-issued X.509 certificate (CA:FALSE, 10 years) whose TBSCertificate is signed by the
 * same KMS key (the private key never leaves KMS). Prints the PEM; with --bucket also stores it as the current
 * version of sertifikat/penandatangan.pem, which the archive function signs with. (Without one there, the archive
 * function issues the same kind of certificate on its first signature.) Uses the operator's AWS credentials.
 */
export async function runSigningCert(
  config: LapkinConfig,
  options: SigningCertOptions,
  clients: { kms: KMSClient; s3?: S3Client },
  out: (text: string) => void,
): Promise<void> {
  const der = await issueKmsCertificate(clients.kms, options.keyId, signerSubject(config), new Date());
  const pem = certificatePem(der);
  const cert = new X509Certificate(der);
  // Checked before it is stored: the certificate verifies with its own (KMS) public key.
  if (!cert.verify(cert.publicKey)) throw new Error('the issued certificate does not verify with its own key');
  if (options.bucket) {
    if (!clients.s3) throw new Error('--bucket needs an S3 client');
    const { S3DocumentStore } = await import('../../functions/adapters/s3-document-store.ts');
    const { versionId } = await new S3DocumentStore(clients.s3, options.bucket).put({
      key: CERTIFICATE_KEY,
      body: new TextEncoder().encode(pem),
      contentType: 'application/x-pem-file',
    });
    out(`Stored as s3://${options.bucket}/${CERTIFICATE_KEY} (versionId ${versionId}).\n`);
  }
  out(`Subject: ${cert.subject.replace(/\n/g, ', ')}\nSerial: ${cert.serialNumber}\n`);
  out(`Valid: ${cert.validFrom} - ${cert.validTo}\nSHA-256 fingerprint: ${cert.fingerprint256}\n\n${pem}`);
}

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertificateSubject } from '../core/signer-subject.ts';
import {
  certificateDer,
  certificatePem,
  issueSelfCertificate,
  padesSigner,
  type RsaSigningKey,
} from '../documents/pades.ts';
import type { Signer } from '../ports/signer.ts';

export const KEY_FILE = 'signing-key.pem';

/**
 * The local stack's Signer: an RSA 2048 key and its self-issued certificate in one PEM file under the state
 * directory (mode 0600), made on first use and reused afterwards, so every archived PDF of that directory carries
 * the same certificate. Two processes creating it at once: the file is linked into place only if absent, and the
 * loser reads the winner's.
 */
export function keyFileSigner(dir: string, subject: CertificateSubject, validityYears = 10): Signer {
  let loaded: Promise<{ key: KeyObject; cert: Uint8Array }> | undefined;
  const load = () => {
    loaded ??= loadOrCreate(dir, subject, validityYears);
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
  const key: RsaSigningKey = {
    signSha256: async (data) => new Uint8Array(sign('sha256', data, (await load()).key)),
    certificate: async () => (await load()).cert,
  };
  return padesSigner(key, subject);
}

async function loadOrCreate(dir: string, subject: CertificateSubject, years: number) {
  const path = join(dir, KEY_FILE);
  const existing = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (existing) return parse(existing);
  await mkdir(dir, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = await issueSelfCertificate({
    publicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    subject,
    notBefore: new Date(),
    years,
    signSha256: async (data) => new Uint8Array(sign('sha256', data, privateKey)),
  });
  const pem = `${privateKey.export({ type: 'pkcs8', format: 'pem' })}${certificatePem(cert)}`;
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return parse(await readFile(path, 'utf8'));
  } finally {
    await rm(tmp, { force: true });
  }
  return { key: privateKey, cert };
}

function parse(pem: string): { key: KeyObject; cert: Uint8Array } {
  const key = createPrivateKey(pem);
  const cert = certificateDer(pem.slice(pem.indexOf('-----BEGIN CERTIFICATE-----')));
  // A certificate of another key would make every signature invalid: refuse it here, loudly.
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  if (!Buffer.from(cert).includes(spki)) throw new Error('the signing key file holds a certificate of another key');
  return { key, cert };
}

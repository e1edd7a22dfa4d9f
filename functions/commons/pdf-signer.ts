import type { LapkinConfig } from '../core/config.ts';
import { signerSubject, subjectLine } from '../core/signer-subject.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { Signer } from '../ports/signer.ts';
import type { Deps } from '../usecases/deps.ts';
import type { Env } from './container.ts';
import { once } from './lazy-adapters.ts';

/**
 * The PDF signer of the environment, loaded with its first signature:
 *   SIGNING_KEY_ID  the asymmetric KMS key (AWS; KMS_ENDPOINT? and local credentials for tests), its certificate
 *                   under sertifikat/ in the document store (kms-signer.ts)
 *   SIGNING_KEY_DIR a key file there (the local stack: <stateDir>/signing)
 * Imported only by the archive function and the local stack: it pulls pkijs and @signpdf into a bundle.
 */
export function signerFromEnv(env: Env, config: LapkinConfig, store: () => DocumentStore): Signer {
  const subject = signerSubject(config);
  const region = env.AWS_REGION ?? 'ap-southeast-3';
  const loaded = once(async (): Promise<Signer> => {
    if (env.SIGNING_KEY_ID) {
      const [{ KMSClient }, { kmsSigner }] = await Promise.all([
        import('@aws-sdk/client-kms'),
        import('../adapters/kms-signer.ts'),
      ]);
      const kms = new KMSClient({
        region,
        endpoint: env.KMS_ENDPOINT || undefined,
        ...(env.KMS_ENDPOINT && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } }
          : {}),
      });
      return kmsSigner(kms, env.SIGNING_KEY_ID, store, subject);
    }
    if (!env.SIGNING_KEY_DIR) throw new Error('environment variable SIGNING_KEY_ID (or SIGNING_KEY_DIR) is not set');
    const { keyFileSigner } = await import('../adapters/key-file-signer.ts');
    return keyFileSigner(env.SIGNING_KEY_DIR, subject);
  });
  return {
    subject: subjectLine(subject),
    // Loaded with the first signature; a failed load (KMS throttled) is tried again on the next one.
    sign: async (pdf, at) => (await loaded.get()).sign(pdf, at),
  };
}

/** The runtime's dependencies with the signer of its environment (the archive function's deployed entry). */
export function withPdfSigner(deps: Deps, env: Env = process.env): Deps {
  deps.signer = signerFromEnv(env, deps.config, () => deps.store);
  return deps;
}

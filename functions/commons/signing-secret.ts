import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/**
 * The HMAC secret of decision links. On AWS it lives in Secrets Manager and is read through Powertools
 * Parameters (cached for 5 minutes); locally the stack generates one under .lapkin/ and passes it in.
 */
export async function resolveSigningSecret(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.SIGNING_SECRET) return env.SIGNING_SECRET;
  const arn = env.SIGNING_SECRET_ARN;
  if (!arn) throw new Error('neither SIGNING_SECRET nor SIGNING_SECRET_ARN is set');
  const secret = await getSecret(arn, { maxAge: 300 });
  if (typeof secret !== 'string' || secret.length < 32) throw new Error('signing secret is missing or too short');
  return secret;
}

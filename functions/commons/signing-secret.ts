/**
 * The HMAC secret of decision links. On AWS it lives in Secrets Manager and is read through Powertools
 * Parameters (cached for 5 minutes); locally the stack generates one under .lapkin/ and passes it in.
 * Parameters and its Secrets Manager client load on first use: five of the eight functions never sign or verify a
 * link, and would otherwise pay for them at every cold start (bench P4).
 */
export async function resolveSigningSecret(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.SIGNING_SECRET) return env.SIGNING_SECRET;
  const arn = env.SIGNING_SECRET_ARN;
  if (!arn) throw new Error('neither SIGNING_SECRET nor SIGNING_SECRET_ARN is set');
  const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
  const secret = await getSecret(arn, { maxAge: 300 });
  if (typeof secret !== 'string' || secret.length < 32) throw new Error('signing secret is missing or too short');
  return secret;
}

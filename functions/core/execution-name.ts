import { createHash } from 'node:crypto';

/**
 * Step Functions execution names are unique per state machine for 90 days; deriving the name from the upload's
 * key and versionId makes a repeated S3/EventBridge event start nothing new.
 */
export function executionNameFor(key: string, versionId: string): string {
  const digest = createHash('sha256').update(`${key}\n${versionId}`).digest('hex').slice(0, 40);
  return `lapkin-${digest}`;
}

/** Decision ids are derived from the wait they belong to, so a retried request reuses the same decision. */
export function decisionIdFor(executionArn: string, step: string, revision: number): string {
  return createHash('sha256').update(`${executionArn}\n${step}\n${revision}`).digest('hex').slice(0, 32);
}

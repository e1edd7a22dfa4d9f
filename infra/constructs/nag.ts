import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own formatter of finding ids, so an acknowledgement names exactly the resource it accepts.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one AwsSolutions-IAM5 wildcard finding for a resource expression (a token or a string). Only
 * works for expressions resolvable inside the stack (no cross-stack import), which is why the stateless stack
 * names the document bucket by its deterministic name rather than importing it.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
}

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

declare module 'cdk-nag/lib/utils/flatten-cfn-reference.js' {
  export function flattenCfnReference(reference: unknown): string;
}

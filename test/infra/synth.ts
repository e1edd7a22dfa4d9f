import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/lapkin-app.ts';
import { ROOT } from '../fakes/deps.ts';

/** The CDK app exactly as `cdk synth` builds it (cdk.json context, cdk-nag on), synthesized once per test file. */
export function synthApp() {
  const context = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
  const outdir = mkdtempSync(join(tmpdir(), 'lapkin-cdk-'));
  const built = buildApp({ context, outdir });
  const assembly = built.app.synth();
  return {
    ...built,
    assembly,
    outdir,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
  };
}

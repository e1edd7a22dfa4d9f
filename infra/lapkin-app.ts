import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseConfig } from '../functions/core/config.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';

/**
 * The lapkin CDK app: a stateful stack (bucket, table — retained) and a stateless one (functions, state
 * machine, API, monitoring) wired with typed props, cdk-nag AwsSolutions checks on everything. The configuration
 * is the `lapkin` context of cdk.json — the same object the local stack and the CLI read.
 */
export function buildApp(props: AppProps = {}) {
  const app = new App(props);
  const config = parseConfig(app.node.tryGetContext('lapkin'), 'cdk.json context "lapkin"');
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.aws.region };
  const prefix = config.aws.stackPrefix;

  const stateful = new StatefulStack(app, `${prefix}Stateful`, {
    env,
    config,
    description: 'lapkin — SOP Pelaporan Kinerja: documents and report state (retained)',
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${prefix}Stateless`, {
    env,
    config,
    documents: stateful.documents,
    table: stateful.table,
    signingKey: stateful.signingKey,
    description: 'lapkin — SOP Pelaporan Kinerja: functions, state machine, decision API, monitoring',
  });
  Tags.of(app).add('app', 'lapkin');

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, config, stateful, stateless };
}

import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb-report-repository.ts';
import {
  afterBundlingCommands,
  BUNDLE_ALIAS,
  BUNDLE_BANNER,
  BUNDLE_DEFINE,
  BUNDLE_EXTERNALS,
  BUNDLE_TARGET,
  PROJECT_ROOT,
} from './bundling.ts';
import { acknowledge, acknowledgeWildcardResource } from './nag.ts';

/** Name of the configuration file inside every bundle (cdk.json's shape: `{ context: { lapkin } }`). */
export const CONFIG_FILE_NAME = 'lapkin-config.json';

/** Partition keys of the portal's own items (functions/adapters/dynamodb-sessions.ts, dynamodb-sign-in.ts). */
export const PORTAL_KEYS = ['SESSION#*', 'SIGNIN#*', 'SIGNINCODE#*', 'RATE#*'];

const XRAY_REASON =
  'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions.';

export interface LapkinFunctionProps {
  /** Handler module name under functions/handlers/ (the SOP step). */
  handler: string;
  description: string;
  environment: Record<string, string>;
  /**
   * The configuration, shipped as a file in the bundle (LAPKIN_CONFIG_FILE): with hundreds of units it outgrows
   * the 4 KB Lambda allows for all environment variables together.
   */
  configFile?: string;
  /** Bundle the portal's browser scripts into `static/` next to the function (the portal only). */
  browserAssets?: boolean;
  logRetention: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * One opinionated Lambda for every SOP step: Node.js 24 on ARM64, esbuild on the host (no Docker), X-Ray
 * tracing, JSON logs into its own log group with retention. The bind methods add the environment variable and
 * the narrowest IAM grant together, so least privilege is the easy path.
 */
export class LapkinFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: LapkinFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    // An own role instead of AWSLambdaBasicExecutionRole: it may write to this function's log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `lapkin ${props.handler}`,
    });
    logGroup.grantWrite(role);
    this.fn = new NodejsFunction(this, 'Fn', {
      role,
      entry: `${PROJECT_ROOT}/functions/handlers/${props.handler}.ts`,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}/package-lock.json`,
      // No NODE_OPTIONS=--enable-source-maps: Node would parse the whole map at every cold start (assemble's is
      // over 10 MB: +230 ms, bench P4). The .map files still ship next to each bundle to read a stack trace offline.
      environment: {
        POWERTOOLS_SERVICE_NAME: 'lapkin',
        POWERTOOLS_METRICS_NAMESPACE: 'Lapkin',
        ...(props.configFile ? { LAPKIN_CONFIG_FILE: `/var/task/${CONFIG_FILE_NAME}` } : {}),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.CJS,
        target: BUNDLE_TARGET,
        minify: true,
        sourceMap: true,
        externalModules: BUNDLE_EXTERNALS,
        banner: BUNDLE_BANNER,
        define: BUNDLE_DEFINE,
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIAS).map(([from, to]) => [`--alias:${from}`, to])),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_input: string, outputDir: string) => [
            ...afterBundlingCommands(outputDir),
            ...(props.configFile ? [`cp "${props.configFile}" "${outputDir}/${CONFIG_FILE_NAME}"`] : []),
            // The portal's browser scripts, bundled for the browser next to the function (functions/web/static-assets.ts).
            ...(props.browserAssets
              ? [`"${process.execPath}" "${PROJECT_ROOT}/infra/static-build.ts" "${outputDir}/static"`]
              : []),
          ],
        },
      },
    });
    acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', XRAY_REASON);
  }

  /** The report table: read-only (GetItem/Query) or read-write (adds PutItem). */
  bindTable(table: ITableV2, access: 'RO' | 'RW'): this {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    const actions = ['dynamodb:GetItem', 'dynamodb:Query', ...(access === 'RW' ? ['dynamodb:PutItem'] : [])];
    this.fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions,
        resources: [table.tableArn, `${table.tableArn}/index/${TABLE_SCHEMA.gsi1.name}`],
      }),
    );
    return this;
  }

  /**
   * The portal's own table items, beyond the report records: sessions, one-time sign-in links and rate-limit
   * counters are deleted (sign-out, a link used) and counted (UpdateItem ADD) — on those keys only.
   */
  bindPortalItems(table: ITableV2): this {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': PORTAL_KEYS } },
      }),
    );
    return this;
  }

  /**
   * Signing presigned POSTs of uploads: the browser's POST is authorised by this role, so it needs s3:PutObject
   * under the prefix — and nothing else of the bucket (no read, no list). The policy the portal signs narrows it
   * further to one key, one size range and the uploader's metadata.
   */
  bindUploadSigning(bucket: IBucket, prefix: string): this {
    this.fn.addEnvironment('BUCKET_NAME', bucket.bucketName);
    this.fn.addEnvironment('UPLOAD_ORIGIN', `https://${bucket.bucketRegionalDomainName}`);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`${prefix}*`)],
      }),
    );
    acknowledgeWildcardResource(
      this.fn.role ?? this,
      bucket.arnForObjects(`${prefix}*`),
      `Uploads under ${prefix} only (presigned POST): each signed policy names one key of the signed-in person's unit.`,
    );
    return this;
  }

  /**
   * One key prefix of the document bucket. RO reads exact versions; RW also writes new versions (and, for the
   * archive, sets Object Lock retention on what it writes).
   */
  bindBucket(bucket: IBucket, prefix: string, access: 'RO' | 'RW' | 'RW_LOCKED'): this {
    this.fn.addEnvironment('BUCKET_NAME', bucket.bucketName);
    this.fn.addEnvironment('DOCUMENT_STORE', 's3');
    const read = ['s3:GetObject', 's3:GetObjectVersion'];
    const write = ['s3:PutObject', ...(access === 'RW_LOCKED' ? ['s3:PutObjectRetention'] : [])];
    this.fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: access === 'RO' ? read : [...read, ...write],
        resources: [bucket.arnForObjects(`${prefix}*`)],
      }),
    );
    acknowledgeWildcardResource(
      this.fn.role ?? this,
      bucket.arnForObjects(`${prefix}*`),
      `Objects under the ${prefix} prefix only: reports are keyed by unit/year/period below it, so the grant cannot name single objects.`,
    );
    // ListBucket on the same prefix: without it S3 answers a GET of a missing key with 403 AccessDenied instead
    // of 404 NoSuchKey, and the adapter's DocumentNotFoundError never fires. Writers also list versions.
    this.fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket', ...(access === 'RO' ? [] : ['s3:ListBucketVersions'])],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
      }),
    );
    return this;
  }

  /** Sending through one SES identity and configuration set, nothing else. */
  bindMail(identityArn: string, configurationSetName: string): this {
    this.fn.addEnvironment('MAIL_TRANSPORT', 'ses');
    this.fn.addEnvironment('SES_CONFIGURATION_SET', configurationSetName);
    const stack = Stack.of(this);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          identityArn,
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName }),
        ],
      }),
    );
    return this;
  }

  /** The HMAC secret of decision links, read (and cached) through Powertools Parameters. */
  bindSigningSecret(secret: ISecret): this {
    this.fn.addEnvironment('SIGNING_SECRET_ARN', secret.secretArn);
    secret.grantRead(this.fn);
    return this;
  }

  /**
   * Signing the archived PDFs with the asymmetric KMS key (archive): Sign, and GetPublicKey to check the stored
   * certificate is this key's (or issue one on first use, kept under sertifikat/ — see kms-signer.ts).
   */
  bindPdfSigningKey(key: IKey, bucket: IBucket): this {
    this.fn.addEnvironment('SIGNING_KEY_ID', key.keyArn);
    this.fn.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [key.keyArn] }),
    );
    return this.bindBucket(bucket, 'sertifikat/', 'RW');
  }

  /** StartExecution of the one state machine (intake). */
  bindStartExecution(stateMachineArn: string): this {
    this.fn.addEnvironment('STATE_MACHINE_ARN', stateMachineArn);
    this.fn.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['states:StartExecution'], resources: [stateMachineArn] }),
    );
    return this;
  }

  /**
   * SendTaskSuccess/Failure (intake, portal, request-decision) on the SOP's state machine only: a task token of
   * any other state machine in the account is refused even if it leaks. In a policy of its own rather than the
   * role's default policy: the function depends on its default policy, the state machine names request-decision
   * (a task), so a grant inside that policy (CDK's stateMachine.grantTaskResponse) would close a dependency cycle.
   */
  bindTaskResponse(stateMachineArn: string): this {
    const role = this.fn.role;
    if (!role) throw new Error(`${this.node.path}: no role to grant the task response on`);
    new Policy(this, 'TaskResponse', {
      roles: [role],
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
          resources: [stateMachineArn],
        }),
      ],
    });
    return this;
  }
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { LapkinConfig } from '../../functions/core/config.ts';
import { UPLOAD_PREFIX } from '../../functions/core/upload-key.ts';
import { PROJECT_ROOT } from '../constructs/bundling.ts';
import { LapkinFunction } from '../constructs/lapkin-function.ts';
import { acknowledge, acknowledgeWildcardResource } from '../constructs/nag.ts';
import { SopMonitoring } from '../constructs/sop-monitoring.ts';
import { documentsBucketName } from './stateful-stack.ts';

export const ASL_FILE = join(PROJECT_ROOT, 'statemachine/pelaporan-kinerja.asl.json');

export interface StatelessStackProps extends StackProps {
  config: LapkinConfig;
  /** The document bucket of the stateful stack (referred to by its deterministic name, see documentsBucketName). */
  documents: Bucket;
  table: TableV2;
  /** The asymmetric KMS key the archive function signs the archived PDFs with (stateful stack). */
  signingKey: IKey;
}

/** The nearest RetentionDays value not shorter than the configured number of days. */
function retention(days: number): RetentionDays {
  const values = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number' && v > 0);
  return values.sort((a, b) => a - b).find((v) => v >= days) ?? RetentionDays.TEN_YEARS;
}

/**
 * Everything that can be replaced at will: the SOP's functions, the state machine built from the one ASL file,
 * the decision endpoint, the trigger, mail and monitoring. Data lives in the stateful stack.
 */
export class StatelessStack extends Stack {
  readonly stateMachine: StateMachine;
  readonly api: HttpApi;
  readonly functions: Record<string, LapkinFunction>;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const documents = Bucket.fromBucketName(this, 'DocumentsRef', documentsBucketName(config));
    this.addStackDependency(props.documents.stack);
    const aws = config.aws;
    const logRetention = retention(aws.logRetentionDays);
    // The functions get the whole configuration except the local-stack section, as a file in each bundle: with
    // hundreds of units it is far above the 4 KB Lambda allows for environment variables.
    const { local: _local, ...functionConfig } = config;
    const configFile = join(mkdtempSync(join(tmpdir(), 'lapkin-config-')), 'lapkin-config.json');
    writeFileSync(configFile, JSON.stringify({ context: { lapkin: functionConfig } }));
    const env: Record<string, string> = {};

    const signingSecret = new Secret(this, 'LinkSigningSecret', {
      description: 'HMAC key of lapkin decision links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the link-signing key would invalidate every decision link already mailed (valid up to linkExpiryHours); it is rotated by hand between reporting periods, as the README describes.',
    });

    const identity = aws.ses.identity.includes('@')
      ? Identity.email(aws.ses.identity)
      : Identity.domain(aws.ses.identity);
    const configurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: aws.ses.configurationSetName,
    });
    const emailIdentity = new EmailIdentity(this, 'MailIdentity', { identity, configurationSet });
    const identityArn = this.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: emailIdentity.emailIdentityName,
    });

    const fn = (
      handler: string,
      description: string,
      extra: { memorySize?: number; timeout?: Duration; browserAssets?: boolean } = {},
    ) =>
      new LapkinFunction(this, handler, { handler, description, environment: env, configFile, logRetention, ...extra });

    // Intake also checks and stores a unit's Perjanjian Kinerja (masuk/<unit>/<tahun>/PK/): a whole XLSX read.
    const intake = fn('intake', 'SOP 1: an upload under masuk/ starts or resumes a report, or is a PK', {
      memorySize: 1024,
      timeout: Duration.minutes(2),
    });
    const assemble = fn('assemble', 'SOP 2: validate data, compute capaian, write the report PDF + XLSX', {
      memorySize: 1769,
      timeout: Duration.minutes(4),
    });
    const requestDecision = fn('request-decision', 'SOP 3-4: store the task token, mail the decision link');
    const portal = fn('portal', 'SOP portal (hono): sign-in, upload, reports, tasks, decision links, verification', {
      browserAssets: true,
    });
    const requestRevision = fn('request-revision', 'Revision: store the task token, mail the note to TIMSAKIP');
    const archive = fn('archive', 'SOP 5: archive the ratified versions with the disposition sheet', {
      memorySize: 1024,
      timeout: Duration.minutes(4),
    });
    const recordFailure = fn('record-failure', 'Failure path: status GAGAL and a notice');
    const mutuBakuClock = fn('mutu-baku-clock', 'SOP Mutu Baku: reminders and escalations of waiting steps');

    // Least privilege, one binding per need: each function gets exactly the table, prefixes and APIs it uses.
    this.functions = {
      intake,
      assemble,
      requestDecision,
      portal,
      requestRevision,
      archive,
      recordFailure,
      mutuBakuClock,
    };
    for (const f of Object.values(this.functions)) f.bindTable(table, 'RW');
    // Intake hashes each upload for the audit trail.
    intake.bindBucket(documents, UPLOAD_PREFIX, 'RO').bindBucket(documents, 'pk/', 'RW');
    // Audit checkpoints (Object Lock): written after decisions (portal) and the documentation (archive), and
    // repaired by the steps that write right after a decision if a checkpoint was cut off.
    for (const f of [portal, archive, requestDecision, requestRevision]) f.bindBucket(documents, 'audit/', 'RW_LOCKED');
    // Assembly checks data against the unit's PK and adds up the documented quarters.
    assemble
      .bindBucket(documents, UPLOAD_PREFIX, 'RO')
      .bindBucket(documents, 'laporan/', 'RW')
      .bindBucket(documents, 'pk/', 'RO');
    requestDecision.bindBucket(documents, 'laporan/', 'RO');
    // The clock re-addresses pending requests when a Plh / Plt starts or ends: the request mail carries the PDF.
    mutuBakuClock.bindBucket(documents, 'laporan/', 'RO');
    // The portal: documents to download on report pages (the uploaded data, working copies, the archive), uploads it signs
    // (presigned POST under masuk/), its own session/sign-in items, sign-in mails.
    portal
      .bindBucket(documents, UPLOAD_PREFIX, 'RO')
      .bindBucket(documents, 'laporan/', 'RO')
      .bindBucket(documents, 'arsip/', 'RO')
      .bindBucket(documents, 'pk/', 'RO')
      .bindUploadSigning(documents, UPLOAD_PREFIX)
      .bindPortalItems(table);
    requestRevision.bindBucket(documents, 'laporan/', 'RO');
    archive
      .bindBucket(documents, UPLOAD_PREFIX, 'RO')
      .bindBucket(documents, 'laporan/', 'RO')
      .bindBucket(documents, 'arsip/', 'RW_LOCKED')
      .bindPdfSigningKey(props.signingKey, documents);
    for (const f of [intake, requestDecision, requestRevision, archive, recordFailure, mutuBakuClock, portal]) {
      f.bindMail(identityArn, aws.ses.configurationSetName);
    }
    requestDecision.bindSigningSecret(signingSecret);
    mutuBakuClock.bindSigningSecret(signingSecret);
    portal.bindSigningSecret(signingSecret);

    // ── the SOP ────────────────────────────────────────────────────────────────────────────────────────
    const tasks = {
      AssembleFunctionArn: assemble,
      RequestDecisionFunctionArn: requestDecision,
      RequestRevisionFunctionArn: requestRevision,
      ArchiveFunctionArn: archive,
      RecordFailureFunctionArn: recordFailure,
    };
    const smLogs = new LogGroup(this, 'StateMachineLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stateMachine = new StateMachine(this, 'PelaporanKinerja', {
      comment: 'SOP Pelaporan Kinerja',
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromFile(ASL_FILE),
      definitionSubstitutions: Object.fromEntries(Object.entries(tasks).map(([k, f]) => [k, f.fn.functionArn])),
      // Execution data would carry task tokens into the logs: never included.
      logs: { destination: smLogs, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    // Invoke exactly these functions ($LATEST), not their versions: no `function:*` wildcard.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: Object.values(tasks).map((f) => f.fn.functionArn),
      }),
    );
    acknowledge(
      this.stateMachine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing and CloudWatch Logs vended delivery (logs:CreateLogDelivery, DescribeLogGroups, …) of the state machine support no resource-level permissions.',
    );
    intake.bindStartExecution(this.stateMachine.stateMachineArn);
    // A resume whose answer was lost is settled by asking the execution (DescribeExecution, on its executions only).
    // request-decision resumes only its own fresh token and never needs to ask (nor could: a dependency cycle).
    const executions = `${this.formatArn({ service: 'states', resource: 'execution', arnFormat: ArnFormat.COLON_RESOURCE_NAME, resourceName: this.stateMachine.stateMachineName })}:*`;
    for (const f of [portal, mutuBakuClock]) {
      f.fn.addToRolePolicy(new PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executions] }));
      acknowledgeWildcardResource(
        f.fn.role ?? f,
        executions,
        "DescribeExecution on this state machine's executions only; their names derive from each upload.",
      );
    }
    // Resuming a wait: only this state machine's task tokens (a policy of its own per function, see
    // LapkinFunction.bindTaskResponse for why not grantTaskResponse). The clock resumes too: it finishes a decision
    // whose completion was interrupted (complete-decision.ts).
    for (const f of [intake, requestDecision, portal, mutuBakuClock])
      f.bindTaskResponse(this.stateMachine.stateMachineArn);

    // ── trigger: uploads under masuk/ only, so lapkin's own writes never loop ─────────────────────────
    this.deadLetterQueue = new Queue(this, 'IntakeDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the upload trigger; its depth is alarmed.',
    });
    new Rule(this, 'UploadCreated', {
      description: 'S3 Object Created under masuk/ → intake',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [documents.bucketName] }, object: { key: [{ prefix: UPLOAD_PREFIX }] } },
      },
      targets: [
        new LambdaFunction(intake.fn, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });

    // ── decision endpoint ──────────────────────────────────────────────────────────────────────────────
    const domain =
      aws.api.domainName && aws.api.certificateArn
        ? new DomainName(this, 'DecisionDomain', {
            domainName: aws.api.domainName,
            certificate: Certificate.fromCertificateArn(this, 'DecisionCertificate', aws.api.certificateArn),
          })
        : undefined;
    this.api = new HttpApi(this, 'DecisionApi', { description: 'lapkin decision links', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'DecisionApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new HttpStage(this, 'DecisionApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: aws.api.throttleRatePerSecond, burstLimit: aws.api.throttleBurst },
      // The route key, never the raw path or query string: the link signature must not reach a log.
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            route: '$context.routeKey',
            status: '$context.status',
            latency: '$context.integrationLatency',
          }),
        ),
      },
      ...(domain ? { domainMapping: { domainName: domain } } : {}),
    });
    // One app behind every path: the portal routes itself (hono), the decision links included.
    const portalIntegration = new HttpLambdaIntegration('Portal', portal.fn);
    for (const path of ['/', '/{proxy+}'])
      this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration: portalIntegration });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Decision links are capability URLs: each carries an HMAC signature over an opaque id, bound to the assignee and expiring; the portal function verifies it. Portal pages authenticate with a server-side session (mailed one-time sign-in link); the verification page is public by design. No IAM caller exists.',
    });
    const publicBaseUrl = domain ? `https://${aws.api.domainName}` : stage.url.replace(/\/$/, '');
    // Every function that mails links to the portal (decision links, tasks, the upload page) or prints it (the
    // archive: the verification page's URL and QR code on every archived PDF) knows its public URL.
    for (const f of [intake, requestDecision, requestRevision, archive, recordFailure, mutuBakuClock, portal])
      f.fn.addEnvironment('PUBLIC_BASE_URL', publicBaseUrl);
    new Rule(this, 'MutuBakuClock', {
      description: 'Mutu Baku reminders and escalations',
      schedule: Schedule.rate(Duration.minutes(config.mutuBakuClockMinutes)),
      targets: [
        new LambdaFunction(mutuBakuClock.fn, {
          retryAttempts: 2,
          maxEventAge: Duration.minutes(config.mutuBakuClockMinutes),
        }),
      ],
    });

    new SopMonitoring(this, 'Monitoring', {
      config,
      functions: this.functions,
      stateMachine: this.stateMachine,
      deadLetterQueue: this.deadLetterQueue,
      api: this.api,
    });

    new CfnOutput(this, 'DecisionBaseUrl', { value: publicBaseUrl });
    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });
    new CfnOutput(this, 'UploadPrefix', { value: `s3://${documents.bucketName}/${UPLOAD_PREFIX}` });
  }
}

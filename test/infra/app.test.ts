/**
 * The CDK app, synthesized with bundling and cdk-nag exactly as `npm run synth` does, asserted with
 * aws-cdk-lib/assertions: data safety of the stateful stack, least privilege per function, the trigger, the
 * state machine built from the one ASL file, logging without execution data, monitoring, and a clean cdk-nag.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../functions/documents/fonts.ts';
import { ROOT } from '../fakes/deps.ts';
import { synthApp } from './synth.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
let s: ReturnType<typeof synthApp>;
beforeAll(() => {
  s = synthApp();
}, 120_000);

const asList = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);

/** Every statement of the policies attached to the role of the function whose handler is `name`. */
function statementsOf(name: string): Statement[] {
  const policies = s.stateless.findResources('AWS::IAM::Policy');
  const roles = s.stateless.findResources('AWS::IAM::Role');
  const roleId = Object.keys(roles).find((id) => id.startsWith(`${name.replace(/-/g, '')}Role`));
  if (!roleId) throw new Error(`no role for ${name}`);
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
/** The stateless stack's file assets (bundles, the ASL) as the asset manifest lists them. */
function assetFiles(): Record<string, { source: { path: string; packaging?: string } }> {
  return JSON.parse(readFileSync(join(s.outdir, 'LapkinStateless.assets.json'), 'utf8')).files;
}
const FUNCTIONS = [
  'intake',
  'assemble',
  'request-decision',
  'portal',
  'request-revision',
  'archive',
  'record-failure',
  'mutu-baku-clock',
];
const actionsOf = (name: string) => statementsOf(name).flatMap((st) => asList(st.Action));

describe('stateful stack', () => {
  it('keeps every document version safe: versioning, Object Lock, no public access, TLS only, retained', () => {
    s.stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        ObjectLockEnabled: true,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'documents/' }),
      }),
    });
    s.stateful.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: Match.stringLikeRegexp('^Documents') },
      NotificationConfiguration: { EventBridgeConfiguration: {} },
    });
    s.stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('lets a browser POST uploads straight into it (presigned POST) and nothing else cross-origin', () => {
    const buckets = Object.values(s.stateful.findResources('AWS::S3::Bucket'));
    const documents = buckets.find((b) => b.Properties.ObjectLockEnabled);
    expect(documents?.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['POST'], AllowedOrigins: ['*'] }),
    ]);
  });

  it('moves older versions to colder storage and never expires them', () => {
    const buckets = s.stateful.findResources('AWS::S3::Bucket', { Properties: { ObjectLockEnabled: true } });
    const rules = Object.values(buckets)[0]?.Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
    });
    expect(JSON.stringify(rules)).not.toContain('NoncurrentVersionExpiration');
    expect(rules[0]).not.toHaveProperty('ExpirationInDays');
  });

  it('the table is on demand, point-in-time recoverable, deletion-protected, retained, with the GSI and TTL', () => {
    s.stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' })],
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('functions', () => {
  it('run Node.js 24 on ARM64 with X-Ray and their own log group', () => {
    const fns = s.stateless.findResources('AWS::Lambda::Function');
    const ours = Object.values(fns).filter((f) => String(f.Properties.Description ?? '').match(/SOP|Revision|Failure/));
    expect(ours).toHaveLength(8);
    for (const f of ours) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
      expect(f.Properties.LoggingConfig.LogGroup).toBeDefined();
      // The configuration ships as a file in the bundle: every unit of it, and the variables stay under 4 KB.
      expect(f.Properties.Environment.Variables.LAPKIN_CONFIG_FILE).toBe('/var/task/lapkin-config.json');
      expect(JSON.stringify(f.Properties.Environment.Variables).length).toBeLessThan(4096);
    }
  });

  it('use "*" only where AWS requires it (X-Ray), and SendTask* only where a wait is resumed', () => {
    const allowedStar = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);
    for (const name of FUNCTIONS) {
      for (const st of statementsOf(name)) {
        if (asList(st.Resource).includes('*'))
          for (const a of asList(st.Action)) expect(allowedStar.has(a), `${name}: ${a} on *`).toBe(true);
      }
      const resumes = actionsOf(name).includes('states:SendTaskSuccess');
      expect(resumes, name).toBe(['intake', 'request-decision', 'portal', 'mutu-baku-clock'].includes(name));
      const asks = actionsOf(name).includes('states:DescribeExecution');
      expect(asks, name).toBe(['portal', 'mutu-baku-clock'].includes(name));
    }
  });

  it('resume waits of the SOP state machine only: SendTask* scoped to its ARN', () => {
    const [smId] = Object.keys(s.stateless.findResources('AWS::StepFunctions::StateMachine'));
    for (const fn of ['intake', 'request-decision', 'portal']) {
      const grants = statementsOf(fn).filter((st) => asList(st.Action).includes('states:SendTaskSuccess'));
      expect(grants.length, fn).toBeGreaterThan(0);
      for (const st of grants) {
        expect(asList(st.Action)).toEqual(expect.arrayContaining(['states:SendTaskSuccess', 'states:SendTaskFailure']));
        expect(asList(st.Resource), fn).toEqual([{ Ref: smId }]);
      }
    }
  });

  it('may list exactly the prefixes they read, so a missing object is a 404 (DocumentNotFoundError), not a 403', () => {
    const listed = (name: string) =>
      statementsOf(name)
        .filter((st) => asList(st.Action).includes('s3:ListBucket'))
        .flatMap((st) => {
          const resources = asList(st.Resource).map((r) => JSON.stringify(r));
          // The bucket itself (not its objects), under an s3:prefix condition.
          for (const r of resources) expect(r, name).not.toContain('/*');
          const prefixes = (st as Statement & { Condition?: { StringLike?: { 's3:prefix'?: string | string[] } } })
            .Condition?.StringLike?.['s3:prefix'];
          expect(prefixes, `${name}: ListBucket without an s3:prefix condition`).toBeDefined();
          return asList(prefixes ?? []);
        })
        .sort();
    const reads = (name: string) =>
      statementsOf(name)
        .filter((st) => asList(st.Action).includes('s3:GetObject'))
        .flatMap((st) => asList(st.Resource).map((r) => /\/(\w+\/)\*/.exec(JSON.stringify(r))?.[1]))
        .map((p) => `${p}*`)
        .sort();
    const expected: Record<string, string[]> = {
      // pk/: intake stores a unit's Perjanjian Kinerja; assembly checks data against it.
      intake: ['masuk/*', 'pk/*'],
      assemble: ['laporan/*', 'masuk/*', 'pk/*'],
      // audit/: the chain-head checkpoints, read back to repair one a crash cut off (audit-checkpoints.ts).
      'request-decision': ['audit/*', 'laporan/*'],
      // The portal offers the uploaded data, working copies and archived documents on report pages.
      // pk/: the unit's PK, for the upload page's checker.
      portal: ['arsip/*', 'audit/*', 'laporan/*', 'masuk/*', 'pk/*'],
      'request-revision': ['audit/*', 'laporan/*'],
      // sertifikat/: the certificate of the PDF signing key (kms-signer.ts).
      archive: ['arsip/*', 'audit/*', 'laporan/*', 'masuk/*', 'sertifikat/*'],
      'record-failure': [],
      'mutu-baku-clock': ['laporan/*'],
    };
    for (const name of FUNCTIONS) {
      expect(listed(name), name).toEqual(expected[name]);
      expect(reads(name), name).toEqual(expected[name]);
    }
  });

  it('that mail or print the portal’s links know its URL (upload page, tasks, the QR code of the verification page)', () => {
    const fns = Object.values(s.stateless.findResources('AWS::Lambda::Function'));
    const withUrl = fns
      .filter((f) => f.Properties.Environment?.Variables?.PUBLIC_BASE_URL)
      .map((f) => String(f.Properties.Description).split(':')[0])
      .sort();
    expect(withUrl).toEqual([
      'Failure path',
      'Revision',
      'SOP 1',
      'SOP 3-4',
      'SOP 5',
      'SOP Mutu Baku',
      'SOP portal (hono)',
    ]);
  });

  it('touch only their own bucket prefixes', () => {
    const s3Resources = (name: string, action: string) =>
      statementsOf(name)
        .filter((st) => asList(st.Action).includes(action))
        .flatMap((st) => asList(st.Resource))
        .map((r) => JSON.stringify(r));
    // Intake reads uploads (to record their SHA-256, and a PK to check it), and writes only a unit's PK.
    expect(s3Resources('intake', 's3:GetObject').join()).toContain('/masuk/*');
    expect(s3Resources('intake', 's3:GetObject').join()).not.toMatch(/laporan|arsip|audit/);
    expect(s3Resources('intake', 's3:PutObject').join()).toContain('/pk/*');
    expect(s3Resources('intake', 's3:PutObject').join()).not.toMatch(/masuk|laporan|arsip|audit/);
    // The audit checkpoints are written under Object Lock by the functions that record decisions and the
    // documentation, and nowhere else.
    for (const name of ['portal', 'archive', 'request-decision', 'request-revision']) {
      expect(s3Resources(name, 's3:PutObjectRetention').join(), name).toContain('/audit/*');
    }
    expect(s3Resources('assemble', 's3:PutObject').join()).not.toMatch(/audit/);
    expect(s3Resources('assemble', 's3:PutObject').join()).toContain('/laporan/*');
    expect(s3Resources('assemble', 's3:PutObject').join()).not.toMatch(/arsip|masuk/);
    expect(s3Resources('archive', 's3:PutObject').join()).toContain('/arsip/*');
    expect(s3Resources('archive', 's3:PutObject').join()).not.toMatch(/laporan|masuk/);
    expect(actionsOf('archive')).toContain('s3:PutObjectRetention');
    // The portal writes audit checkpoints and signs upload POSTs under masuk/ — never a report or the archive.
    expect(s3Resources('portal', 's3:PutObject').join()).not.toMatch(/laporan|arsip/);
    expect(s3Resources('portal', 's3:PutObject').join()).toContain('/masuk/*');
    // Sign-in mails; and deletes/counters on its own session, sign-in and rate-limit items only.
    expect(actionsOf('portal')).toContain('ses:SendEmail');
    const portalItems = statementsOf('portal').find((st) => asList(st.Action).includes('dynamodb:DeleteItem'));
    expect(portalItems?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*', 'SIGNIN#*', 'SIGNINCODE#*', 'RATE#*'] },
    });
    for (const name of FUNCTIONS.filter((n) => n !== 'portal'))
      expect(actionsOf(name), name).not.toContain('dynamodb:DeleteItem');
    expect(actionsOf('record-failure').some((a) => a.startsWith('s3:'))).toBe(false);
    expect(actionsOf('intake')).toContain('states:StartExecution');
    expect(actionsOf('portal')).not.toContain('states:StartExecution');
  });

  it('sign PDFs with the asymmetric KMS key only in archive: Sign and GetPublicKey on that key, nothing else', () => {
    const keys = s.stateful.findResources('AWS::KMS::Key');
    const [keyId, key] = Object.entries(keys).find(([, k]) => k.Properties.KeyUsage === 'SIGN_VERIFY') ?? [];
    expect(key?.Properties).toMatchObject({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    expect(key?.DeletionPolicy).toBe('Retain');
    const kmsStatements = (name: string) =>
      statementsOf(name).filter((st) => asList(st.Action).some((a) => a.startsWith('kms:')));
    const archive = kmsStatements('archive');
    expect(archive.flatMap((st) => asList(st.Action)).sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    // The key of the stateful stack, by its ARN (imported), not "*".
    for (const st of archive) expect(JSON.stringify(st.Resource)).toContain(String(keyId));
    for (const name of FUNCTIONS.filter((n) => n !== 'archive')) expect(kmsStatements(name), name).toEqual([]);
    const withKey = Object.values(s.stateless.findResources('AWS::Lambda::Function'))
      .filter((f) => f.Properties.Environment?.Variables?.SIGNING_KEY_ID)
      .map((f) => String(f.Properties.Description).split(':')[0]);
    expect(withKey).toEqual(['SOP 5']);
  });

  it('read the link secret only where links are signed or verified', () => {
    const reads = (name: string) => actionsOf(name).includes('secretsmanager:GetSecretValue');
    expect(['request-decision', 'portal', 'mutu-baku-clock'].every(reads)).toBe(true);
    expect(['intake', 'assemble', 'request-revision', 'archive', 'record-failure'].some(reads)).toBe(false);
  });

  it('are bundled with the AWS SDK, pdfkit fonts, the embedded DejaVu TTFs and the import.meta shim next to them', () => {
    const assetDirs = Object.values(assetFiles())
      .filter((a) => a.source.packaging === 'zip')
      .map((a) => join(s.outdir, a.source.path));
    expect(assetDirs.length).toBeGreaterThanOrEqual(8);
    for (const dir of assetDirs) {
      expect(existsSync(join(dir, 'standard-fonts/Helvetica.cjs'))).toBe(true);
      for (const file of Object.values(FONT_FILES)) expect(existsSync(join(dir, 'fonts', file))).toBe(true);
      const code = readFileSync(join(dir, 'index.js'), 'utf8');
      expect(code.startsWith('const __lapkin_import_meta_url')).toBe(true);
      // The AWS SDK is inside (DynamoDB's JSON protocol target prefix is the client's own code), not the runtime's.
      expect(code.includes('DynamoDB_20120810'), dir).toBe(true);
    }
    // The portal's bundle alone carries the browser scripts, with the manifest the function reads them by.
    const withScripts = assetDirs.filter((dir) => existsSync(join(dir, 'static/manifest.json')));
    expect(withScripts).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(join(withScripts[0] as string, 'static/manifest.json'), 'utf8'));
    for (const file of Object.values(manifest) as string[])
      expect(existsSync(join(withScripts[0] as string, 'static', file))).toBe(true);
    // The PDF signer (pkijs, @signpdf, the KMS client; ≈0.5 MB) is in the archive function's bundle alone.
    const withSigner = assetDirs.filter((dir) =>
      readFileSync(join(dir, 'index.js'), 'utf8').includes('ETSI.CAdES.detached'),
    );
    expect(withSigner).toHaveLength(1);
    expect(readFileSync(join(withSigner[0] as string, 'index.js'), 'utf8')).toContain('RSASSA_PKCS1_V1_5_SHA_256');
  });
});

describe('trigger', () => {
  it('only masuk/ of this bucket reaches intake, with retries and a dead-letter queue', () => {
    s.stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: [Match.anyValue()] }, object: { key: [{ prefix: 'masuk/' }] } },
      },
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
        }),
      ],
    });
  });
});

describe('state machine', () => {
  it('is the ASL file, with every substitution placeholder bound to its function', () => {
    const asl = readFileSync(join(ROOT, 'statemachine/pelaporan-kinerja.asl.json'), 'utf8');
    const placeholders = [...new Set([...asl.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const sm = Object.values(s.stateless.findResources('AWS::StepFunctions::StateMachine'))[0];
    const subs = sm?.Properties.DefinitionSubstitutions as Record<string, { 'Fn::GetAtt': [string, string] }>;
    expect(Object.keys(subs).sort()).toEqual(placeholders);
    const fnOf: Record<string, string> = {
      AssembleFunctionArn: 'assemble',
      RequestDecisionFunctionArn: 'requestdecision',
      RequestRevisionFunctionArn: 'requestrevision',
      ArchiveFunctionArn: 'archive',
      RecordFailureFunctionArn: 'recordfailure',
    };
    for (const [k, v] of Object.entries(subs)) expect(v['Fn::GetAtt'][0].startsWith(`${fnOf[k]}Fn`), k).toBe(true);
    // DefinitionBody.fromFile ships the file itself as an asset: byte for byte the ASL the local stack runs.
    const key = sm?.Properties.DefinitionS3Location.Key as string;
    expect(readFileSync(join(s.outdir, `asset.${key}`), 'utf8')).toBe(asl);
  });

  it('logs without execution data (task tokens never reach logs), traces, and invokes only its own functions', () => {
    s.stateless.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ IncludeExecutionData: false, Level: 'ALL' }),
      TracingConfiguration: { Enabled: true },
    });
    const roles = s.stateless.findResources('AWS::IAM::Role');
    const smRole = Object.keys(roles).find((id) => id.startsWith('PelaporanKinerjaRole'));
    const policies = Object.values(s.stateless.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(smRole ?? '?'),
    );
    const invoke = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((st) => asList(st.Action).includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    expect(asList(invoke[0]?.Resource)).toHaveLength(5);
    expect(JSON.stringify(invoke[0]?.Resource)).not.toContain(':*');
  });
});

describe('decision endpoint', () => {
  it('routes every path to the portal (decision links included), throttled, with access logs that omit the query string', () => {
    const routes = Object.values(s.stateless.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(['ANY /', 'ANY /{proxy+}']);
    const stage = Object.values(s.stateless.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
    const format = stage?.Properties.AccessLogSettings.Format as string;
    expect(format).toContain('$context.routeKey');
    expect(format).not.toMatch(/querystring|\$context\.path|rawQueryString/i);
  });
});

describe('monitoring', () => {
  it('has the SOP dashboard and alarms on failed executions, dead letters, 5xx and Mutu Baku breaches', () => {
    const dashboards = s.stateless.findResources('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(Object.values(dashboards)[0]?.Properties.DashboardBody);
    for (const widget of [
      'SOP Pelaporan Kinerja',
      'ReportsReceived',
      'ReportsDocumented',
      'Mutu Baku',
      'IntakeDeadLetters',
      'Decision links',
    ]) {
      expect(body, widget).toContain(widget);
    }
    const alarms = JSON.stringify(s.stateless.findResources('AWS::CloudWatch::Alarm'));
    for (const metric of [
      'ExecutionsFailed',
      'ApproximateNumberOfMessagesVisible',
      '5xx',
      'SlaBreaches',
      'ExecutionsTimedOut',
    ]) {
      expect(alarms, metric).toContain(metric);
    }
    s.stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'operator@example.go.id',
    });
  });
});

describe('the city view on the dashboard', () => {
  /** The dashboard body as CloudFormation has it: a Fn::Join of strings and log group Refs, joined here. */
  function dashboardBody(): { text: string; refs: string[] } {
    const dash = Object.values(s.stateless.findResources('AWS::CloudWatch::Dashboard'))[0];
    const parts = (dash?.Properties.DashboardBody['Fn::Join']?.[1] ?? [dash?.Properties.DashboardBody]) as unknown[];
    const refs = parts.flatMap((p) => (typeof p === 'object' && p && 'Ref' in p ? [String(p.Ref)] : []));
    return { text: parts.map((p) => (typeof p === 'string' ? p : '<ref>')).join(''), refs };
  }
  interface Widget {
    type: string;
    properties: { title?: string; view?: string; query?: string; metrics?: unknown[][] };
  }
  // Every Ref sits inside a JSON string of the body (a region, a log group name in the query).
  const widgets = () => (JSON.parse(dashboardBody().text.replace(/<ref>/g, 'ref')) as { widgets: Widget[] }).widgets;

  it('shows the funnel and Mutu Baku breaches per unit with SEARCH expressions: any number of units, no redeploy', () => {
    const searches = widgets().flatMap((w) =>
      ((w.properties?.metrics ?? []) as unknown[][]).flatMap((m) =>
        m.flatMap((x) => (typeof x === 'object' && x && 'expression' in x ? [String(x.expression)] : [])),
      ),
    );
    for (const name of [
      'ReportsReceived',
      'ReportsAssembled',
      'DecisionsRequested',
      'ReportsDocumented',
      'SlaBreaches',
    ])
      expect(searches, name).toContain(`SEARCH('{Lapkin,service,unit} MetricName="${name}"', 'Sum')`);
    expect(searches).toContain(`SEARCH('{Lapkin,service,unit} MetricName="SlaBreaches"', 'Sum', 86400)`);
    const breaches = widgets().find((w) => String(w.properties?.title).startsWith('Mutu Baku terlampaui: laporan'));
    expect(breaches?.properties.view).toBe('bar');
  });

  it('tabulates reports by unit and status with a Logs Insights widget over the log group of every function', () => {
    const table = widgets().find((w) => w.type === 'log');
    expect(table?.properties.view).toBe('table');
    const query = String(table?.properties.query);
    expect(query).toContain('stats latest(status) as currentStatus by unit, reportId');
    expect(query).toContain('stats count(*) as reports by unit, currentStatus');
    const groups = Object.keys(s.stateless.findResources('AWS::Logs::LogGroup')).filter((id) =>
      FUNCTIONS.some((f) => id.startsWith(`${f.replace(/-/g, '')}Logs`)),
    );
    expect(groups).toHaveLength(FUNCTIONS.length);
    for (const g of groups) expect(dashboardBody().refs, g).toContain(g);
  });
});

describe('cdk-nag', () => {
  it('AwsSolutions reports nothing unacknowledged, and every acknowledgement gives a reason', () => {
    const report = JSON.parse(readFileSync(join(s.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: unknown[]; suppressedViolations?: { reason?: string }[] }[];
    };
    for (const p of report.pluginReports) {
      expect(p.violations, p.pluginName).toEqual([]);
      for (const v of p.suppressedViolations ?? []) expect((v.reason ?? '').length).toBeGreaterThan(30);
    }
  });

  it('is really checking: an unencrypted queue without a DLQ fails synthesis', () => {
    const app = new App({ outdir: `${s.outdir}-neg` });
    const stack = new Stack(app, 'Bad');
    new Queue(stack, 'Plain');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});

describe('Mutu Baku clock', () => {
  it('runs on the configured schedule', () => {
    s.stateless.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^mutubakuclockFn'), 'Arn'] } })],
    });
  });
});

/**
 * cfn-lint (AWS's CloudFormation linter, an independent check of what CDK writes) over the synthesized templates,
 * with the deployment region's resource schemas (its us-east-1 schema would refuse what ap-southeast-3 accepts).
 * Ignored, because CDK itself writes them and they are harmless: W3005 (a DependsOn that a Ref/GetAtt already
 * implies — CDK adds explicit dependencies on roles and policies) and W3045 (the legacy AccessControl property CDK
 * sets on the server-access-log bucket for the log delivery group). Anything else, error or warning, fails.
 */
function cfnLint(files: string[], region: string) {
  const r = spawnSync('cfn-lint', ['--regions', region, '--ignore-checks', 'W3005', 'W3045', '--', ...files], {
    encoding: 'utf8',
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error('cfn-lint is not on PATH: the template checks need it — run pip install "moto[server]" cfn-lint');
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('cfn-lint', () => {
  it('finds nothing in the synthesized templates for the deployment region', () => {
    const files = readdirSync(s.outdir)
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => join(s.outdir, f));
    expect(files.map((f) => f.split('/').at(-1)).sort()).toEqual([
      'LapkinStateful.template.json',
      'LapkinStateless.template.json',
    ]);
    const { status, output } = cfnLint(files, s.config.aws.region);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 180_000);

  it('is really checking: an unknown Lambda runtime is an error', () => {
    const bad = join(`${s.outdir}`, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        Resources: {
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Role: 'arn:aws:iam::1:role/r',
              Runtime: 'nodejs99.x',
              Handler: 'i.h',
              Code: { ZipFile: 'x' },
            },
          },
        },
      }),
    );
    const { status, output } = cfnLint([bad], s.config.aws.region);
    expect(output).toContain('nodejs99.x');
    expect((status ?? 0) & 2).toBe(2); // cfn-lint's exit code: bit 2 = errors
  }, 180_000);
});

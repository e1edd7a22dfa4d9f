import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb-report-repository.ts';
import type { LapkinConfig } from '../../functions/core/config.ts';

/**
 * The document bucket's name is deterministic (prefix, account, region), so the stateless stack refers to it
 * without a cross-stack import and its IAM grants resolve to plain, reviewable ARNs.
 */
export function documentsBucketName(config: LapkinConfig): string {
  return `${config.aws.stackPrefix.toLowerCase()}-dokumen-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

export interface StatefulStackProps extends StackProps {
  config: LapkinConfig;
}

/**
 * What must outlive every deployment: the document bucket (every softcopy version of every report) and the
 * report table (state, audit trail, decisions). Both are retained when the stack is deleted.
 */
export class StatefulStack extends Stack {
  readonly documents: Bucket;
  readonly accessLogs: Bucket;
  readonly table: TableV2;
  readonly signingKey: Key;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const aws = props.config.aws;

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(aws.logRetentionDays) }],
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server-access-log target of the document bucket; logging it into itself would loop.',
    });

    // Object Lock is enabled on the bucket without a default retention: the archive function sets governance
    // retention on what it writes under arsip/ (and the ledger on audit checkpoints under audit/); uploads and
    // working copies stay ordinary (but versioned).
    this.documents = new Bucket(this, 'Documents', {
      bucketName: documentsBucketName(props.config),
      versioned: true,
      objectLockEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      eventBridgeEnabled: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
      // The portal's upload page posts the file straight here (S3 presigned POST: key, size and metadata fixed by
      // the signed policy). The browser needs CORS for that POST and nothing else; with a custom domain only the
      // portal's origin may, without one the API's generated URL is not known in this stack, so any origin may —
      // which grants nothing: no POST succeeds without a policy the portal signed for a signed-in person.
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: aws.api.domainName ? [`https://${aws.api.domainName}`] : ['*'],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'older-versions-to-cold-storage',
          // Every revision survives: noncurrent versions move to a colder class and are never expired.
          noncurrentVersionTransitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(aws.noncurrentToColdDays),
            },
          ],
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });

    // eventBridgeEnabled is applied at deploy time by a CDK-provided custom resource with the basic execution role.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'Only the CDK BucketNotificationsHandler custom resource (turns on EventBridge notifications at deploy) uses it; lapkin functions have their own roles.',
    });

    this.table = new TableV2(this, 'Reports', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: [
        {
          indexName: TABLE_SCHEMA.gsi1.name,
          partitionKey: { name: TABLE_SCHEMA.gsi1.partitionKey, type: AttributeType.STRING },
          sortKey: { name: TABLE_SCHEMA.gsi1.sortKey, type: AttributeType.STRING },
        },
      ],
    });
    // `lapkin people … --table <TableName>` changes the deployed directory with the operator's AWS credentials.
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    // The archived PDFs' signing key: asymmetric, so the private key never leaves KMS (only kms:Sign is granted,
    // to the archive function). Retained: the certificate issued for it, and every signature made with it, name it.
    // An asymmetric key cannot rotate automatically; a new key means a new certificate (kms-signer.ts).
    this.signingKey = new Key(this, 'PdfSigningKey', {
      description: 'lapkin: PAdES signatures of the archived reports and disposition sheets',
      keySpec: KeySpec.RSA_2048,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // `lapkin signing-cert --key-id <SigningKeyArn> --bucket <bucket>` issues (or renews) its certificate.
    new CfnOutput(this, 'SigningKeyArn', { value: this.signingKey.keyArn });
  }
}

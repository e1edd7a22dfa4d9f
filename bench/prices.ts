/**
 * Public on-demand list prices used by the P5 cost model — the one table to update when prices change.
 *
 * Region: US East (N. Virginia), us-east-1, NOT Asia Pacific (Jakarta), ap-southeast-3 where lapkin would run.
 * Why: the price pages render their per-region tables client-side and this bench was written without live
 * access to them; the us-east-1 figures below are the ones the pages (and stored copies of them) state as their
 * headline. The stored Step Functions page lists $0.025 per 1,000 transitions for us-east-1, Singapore, Tokyo
 * and Sydney (and up to $0.0375 elsewhere) but no Jakarta row, and no Jakarta figure of the other services
 * could be read reliably. Jakarta list prices are equal or higher for most of these services, so the model
 * also prints the cost with every price +25 % (JAKARTA_MARGIN) as a stand-in until the Jakarta figures are
 * filled in here.
 */
export const PRICES_READ_ON = '2026-11-25';
export const PRICE_REGION = 'us-east-1 (N. Virginia)';
export const JAKARTA_MARGIN = 1.25;

export interface Price {
  usd: number;
  per: string;
  source: string;
}

export const PRICES = {
  stepFunctionsTransition: {
    usd: 0.025 / 1000,
    per: 'state transition (Standard workflow)',
    source: 'https://aws.amazon.com/step-functions/pricing/ — $0.025 per 1,000 state transitions',
  },
  lambdaRequest: {
    usd: 0.2 / 1e6,
    per: 'Lambda request',
    source: 'https://aws.amazon.com/lambda/pricing/ — $0.20 per 1M requests',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 'GB-second, Arm (Graviton), first pricing tier',
    source: 'https://aws.amazon.com/lambda/pricing/ — $0.0000133334 per GB-second (Arm)',
  },
  dynamoWriteRequestUnit: {
    usd: 0.625 / 1e6,
    per: 'write request unit (on-demand, 1 KB)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ — $0.625 per 1M WRU (since Nov 2024)',
  },
  dynamoReadRequestUnit: {
    usd: 0.125 / 1e6,
    per: 'read request unit (on-demand, 4 KB strongly consistent)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ — $0.125 per 1M RRU (since Nov 2024)',
  },
  s3PutCopyPostList: {
    usd: 0.005 / 1000,
    per: 'S3 Standard PUT, COPY, POST or LIST request',
    source: 'https://aws.amazon.com/s3/pricing/ — $0.005 per 1,000 requests',
  },
  s3GetSelect: {
    usd: 0.0004 / 1000,
    per: 'S3 Standard GET request',
    source: 'https://aws.amazon.com/s3/pricing/ — $0.0004 per 1,000 requests',
  },
  s3StorageGbMonth: {
    usd: 0.023,
    per: 'GB-month, S3 Standard, first 50 TB',
    source: 'https://aws.amazon.com/s3/pricing/ — $0.023 per GB-month',
  },
  sesMessage: {
    usd: 0.1 / 1000,
    per: 'outbound email (each recipient counts)',
    source: 'https://aws.amazon.com/ses/pricing/ — $0.10 per 1,000 emails',
  },
  sesAttachmentGb: {
    usd: 0.12,
    per: 'GB of attachments sent',
    source: 'https://aws.amazon.com/ses/pricing/ — $0.12 per GB of attachments',
  },
  httpApiRequest: {
    usd: 1.0 / 1e6,
    per: 'API Gateway HTTP API request (first 300M)',
    source: 'https://aws.amazon.com/api-gateway/pricing/ — $1.00 per million',
  },
  xrayTrace: {
    usd: 5.0 / 1e6,
    per: 'X-Ray trace recorded (tracing is active on every function)',
    source: 'https://aws.amazon.com/xray/pricing/ — $5.00 per 1M traces recorded (100k/month free)',
  },
  cloudWatchLogsIngestGb: {
    usd: 0.5,
    per: 'GB of log data ingested (standard class)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/ — $0.50 per GB collected',
  },
  secretsManagerApiCall: {
    usd: 0.05 / 10000,
    per: 'Secrets Manager API call',
    source: 'https://aws.amazon.com/secrets-manager/pricing/ — $0.05 per 10,000 API calls',
  },
  eventBridgeAwsServiceEvent: {
    usd: 0,
    per: 'S3 "Object Created" event on the default bus',
    source: 'https://aws.amazon.com/eventbridge/pricing/ — events published by AWS services are free',
  },
} satisfies Record<string, Price>;

/** Fixed monthly costs that do not grow with reports (shown separately; not part of the per-report target). */
export const MONTHLY = {
  secret: { usd: 0.4, what: 'Secrets Manager: the link-signing secret' },
  dashboard: { usd: 3.0, what: 'CloudWatch dashboard (beyond the 3 free ones)' },
  alarms: { usd: 0.1, what: 'per standard CloudWatch alarm' },
};

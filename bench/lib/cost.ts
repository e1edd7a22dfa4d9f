/**
 * The cost of one report on AWS: the counts measured on the local stack (P5) and the cold-start times (P4),
 * times the prices in bench/prices.ts. Every assumption the measurements cannot make is a named constant here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { P4Result } from '../parts/p4-cold-start.ts';
import type { P5Counts } from '../parts/p5-cost.ts';
import { JAKARTA_MARGIN, MONTHLY, PRICE_REGION, PRICES, PRICES_READ_ON } from '../prices.ts';
import { ROOT } from './data.ts';

/** Lambda gives a function one full vCPU at 1 769 MB and a proportional share below. */
const FULL_VCPU_MB = 1769;
/**
 * Assumptions (not measured here):
 * - a Step Functions API call (StartExecution, SendTaskSuccess) from a function takes this long on AWS; locally
 *   the engine runs the next task inside the call, so the local time is not the function's own;
 * - each invocation writes this much to CloudWatch Logs (the START/END/REPORT lines in JSON plus one
 *   Powertools INFO line), and each state transition two execution-history log events of this size
 *   (LogLevel.ALL, without execution data);
 * - X-Ray records one trace per execution (the state machine traces its tasks) plus one per function invoked
 *   from outside it (intake from EventBridge, decide from the HTTP API); at this volume the default sampling
 *   rule (1 request/s + 5 %) records every one.
 */
export const ASSUMPTIONS = {
  sfnApiCallMs: 40,
  logBytesPerInvocation: 1500,
  logBytesPerTransitionEvent: 400,
  logEventsPerTransition: 2,
};

/** Memory of each function as the CDK stack declares it (infra/stacks/stateless-stack.ts). */
export function memorySizes(): Record<string, number> {
  const construct = readFileSync(join(ROOT, 'infra/constructs/lapkin-function.ts'), 'utf8');
  const fallback = Number(/memorySize:\s*props\.memorySize\s*\?\?\s*(\d+)/.exec(construct)?.[1] ?? 512);
  const stack = readFileSync(join(ROOT, 'infra/stacks/stateless-stack.ts'), 'utf8');
  const out: Record<string, number> = {};
  for (const chunk of stack.split(/\bfn\(\s*'/).slice(1)) {
    const name = /^([a-z-]+)'/.exec(chunk)?.[1];
    if (!name) continue;
    const call = chunk.slice(0, chunk.indexOf(');') + 1);
    out[name] = Number(/memorySize:\s*(\d+)/.exec(call)?.[1] ?? fallback);
  }
  return out;
}

export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitUsd: number;
  usd: number;
  /**
   * 'measured' = counted in the local run; 'measured + model' = measured durations scaled to Lambda's CPU share;
   * 'estimate' = from the named assumptions.
   */
  basis: 'measured' | 'measured + model' | 'estimate';
}

export interface CostModel {
  pricesReadOn: string;
  priceRegion: string;
  memoryMB: Record<string, number>;
  lambda: Record<string, { invocations: number; memoryMB: number; billedMs: number; initMs: number | null }>;
  warm: { lines: CostLine[]; totalUsd: number };
  cold: { lines: CostLine[]; totalUsd: number };
  jakartaMarginTotalUsd: number;
  storage: { bytesPerReport: number; usdPerReportMonth: number; usdPerReportTenYears: number };
  monthlyFixedUsd: { item: string; usd: number }[];
  assumptions: typeof ASSUMPTIONS;
}

const line = (item: string, quantity: number, unit: string, unitUsd: number, basis: CostLine['basis']): CostLine => ({
  item,
  quantity: quantity >= 1 ? Math.round(quantity * 1000) / 1000 : Number(quantity.toPrecision(4)),
  unit,
  unitUsd,
  usd: quantity * unitUsd,
  basis,
});

export function costModel(counts: P5Counts, coldStart?: P4Result): CostModel {
  const memoryMB = memorySizes();
  const lambda: CostModel['lambda'] = {};
  for (const [fn, f] of Object.entries(counts.functions)) {
    const mem = memoryMB[fn] ?? 512;
    const cpuScale = Math.max(1, FULL_VCPU_MB / mem);
    // CPU work slows down with the smaller vCPU share; waiting on services does not.
    const cpuMs = Math.max(0, f.meanMs - f.dependencyMs - f.sfnMs);
    const billedMs = Math.ceil(cpuMs * cpuScale + f.dependencyMs + f.sfnCalls * ASSUMPTIONS.sfnApiCallMs);
    const bundle = coldStart?.bundles.find((b) => b.handler === fn);
    // The load's CPU time where measured (wall time on a shared machine includes waiting for a core).
    const initMs = bundle ? Math.ceil((bundle.cpuMs?.median ?? bundle.importMs.median) * cpuScale) : null;
    lambda[fn] = { invocations: f.invocations, memoryMB: mem, billedMs, initMs };
  }
  const invocations = Object.values(lambda).reduce((s, l) => s + l.invocations, 0);
  const gbSeconds = Object.values(lambda).reduce(
    (s, l) => s + l.invocations * (l.billedMs / 1000) * (l.memoryMB / 1024),
    0,
  );
  const initGbSeconds = Object.values(lambda).reduce(
    (s, l) => s + l.invocations * ((l.initMs ?? 0) / 1000) * (l.memoryMB / 1024),
    0,
  );
  const decideRequests = counts.decideHttp.get + counts.decideHttp.post;
  const signingFunctions = (lambda['request-decision']?.invocations ?? 0) + (lambda.decide?.invocations ?? 0);
  const logGb =
    (invocations * ASSUMPTIONS.logBytesPerInvocation +
      counts.transitions * ASSUMPTIONS.logEventsPerTransition * ASSUMPTIONS.logBytesPerTransitionEvent) /
    1024 ** 3;
  const traces = 1 + (lambda.intake?.invocations ?? 0) + decideRequests;
  const d = counts.dynamo;

  const common: CostLine[] = [
    line(
      'Step Functions state transitions',
      counts.transitions,
      'transition',
      PRICES.stepFunctionsTransition.usd,
      'measured',
    ),
    line('Lambda requests', invocations, 'request', PRICES.lambdaRequest.usd, 'measured'),
    line('Lambda duration (Arm)', gbSeconds, 'GB-s', PRICES.lambdaArmGbSecond.usd, 'measured + model'),
    line('DynamoDB writes (table)', d.writeUnits, 'WRU', PRICES.dynamoWriteRequestUnit.usd, 'measured'),
    line(
      'DynamoDB writes (GSI, projection ALL)',
      d.indexWriteUnits,
      'WRU',
      PRICES.dynamoWriteRequestUnit.usd,
      'measured',
    ),
    line('DynamoDB reads', d.readUnits, 'RRU', PRICES.dynamoReadRequestUnit.usd, 'measured'),
    line(
      'S3 PUT/COPY/LIST (incl. the upload)',
      counts.s3.put + counts.s3.copy + counts.s3.list,
      'request',
      PRICES.s3PutCopyPostList.usd,
      'measured',
    ),
    line('S3 GET', counts.s3.get, 'request', PRICES.s3GetSelect.usd, 'measured'),
    line('SES messages (per recipient)', counts.mail.recipients, 'message', PRICES.sesMessage.usd, 'measured'),
    line('SES attachments', counts.mail.attachmentBytes / 1024 ** 3, 'GB', PRICES.sesAttachmentGb.usd, 'measured'),
    line('HTTP API requests (decision page + POST)', decideRequests, 'request', PRICES.httpApiRequest.usd, 'measured'),
    line('EventBridge (S3 event, default bus)', 1, 'event', PRICES.eventBridgeAwsServiceEvent.usd, 'measured'),
    line('X-Ray traces', traces, 'trace', PRICES.xrayTrace.usd, 'estimate'),
    line('CloudWatch Logs ingestion', logGb, 'GB', PRICES.cloudWatchLogsIngestGb.usd, 'estimate'),
  ];
  const coldOnly: CostLine[] = [
    line(
      'Lambda INIT (every invocation cold)',
      initGbSeconds,
      'GB-s',
      PRICES.lambdaArmGbSecond.usd,
      'measured + model',
    ),
    line(
      'Secrets Manager reads (each cold signer)',
      signingFunctions,
      'call',
      PRICES.secretsManagerApiCall.usd,
      'estimate',
    ),
  ];
  const total = (lines: CostLine[]) => lines.reduce((s, l) => s + l.usd, 0);
  const warmLines = common;
  const coldLines = [...common, ...coldOnly];
  const bytesPerReport = counts.storedBytes;
  const perMonth = (bytesPerReport / 1024 ** 3) * PRICES.s3StorageGbMonth.usd;
  const clockPerMonth = (30 * 24 * 60) / 15;
  return {
    pricesReadOn: PRICES_READ_ON,
    priceRegion: PRICE_REGION,
    memoryMB,
    lambda,
    warm: { lines: warmLines, totalUsd: total(warmLines) },
    cold: { lines: coldLines, totalUsd: total(coldLines) },
    jakartaMarginTotalUsd: total(coldLines) * JAKARTA_MARGIN,
    storage: { bytesPerReport, usdPerReportMonth: perMonth, usdPerReportTenYears: perMonth * 120 },
    monthlyFixedUsd: [
      { item: MONTHLY.secret.what, usd: MONTHLY.secret.usd },
      { item: MONTHLY.dashboard.what, usd: MONTHLY.dashboard.usd },
      { item: `CloudWatch alarms (4 × ${MONTHLY.alarms.what})`, usd: 4 * MONTHLY.alarms.usd },
      {
        item: `Mutu Baku clock: ${clockPerMonth} invocations/month (every 15 min), requests only`,
        usd: clockPerMonth * PRICES.lambdaRequest.usd,
      },
    ],
    assumptions: ASSUMPTIONS,
  };
}

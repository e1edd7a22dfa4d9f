import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addSopMetric, reportSubject } from '../commons/unit-metric.ts';
import { unitOfReportId } from '../core/directory.ts';
import type { ReportStatus } from '../core/report.ts';
import '../core/zod.ts';
import type { Deps } from '../usecases/deps.ts';
import { receiveUpload } from '../usecases/receive-upload.ts';

/** EventBridge "Object Created" for the document bucket, prefix masuk/ (the rule filters the prefix). */
const objectCreated = z.object({
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      key: z.string().check(z.minLength(1)),
      'version-id': z.string().check(z.minLength(1)),
      size: z.optional(z.number()),
      sequencer: z.optional(z.string()),
    }),
  }),
});

/** S3 may percent-encode keys in notifications; lapkin's own key pattern never contains '%' or '+'. */
function decodeKey(key: string): string {
  if (!/[%+]/.test(key)) return key;
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

/** The report's status after the intake, when the outcome says it (a started or resumed report is DITERIMA). */
function statusAfter(result: Awaited<ReturnType<typeof receiveUpload>>): ReportStatus | undefined {
  if (result.outcome === 'STARTED' || result.outcome === 'RESUMED') return 'DITERIMA';
  return result.outcome === 'IGNORED' ? result.status : undefined;
}

export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const parsed = objectCreated.safeParse(event);
    if (!parsed.success) {
      // Not retryable: a malformed event would fail the same way every time. Logged and dropped.
      logger.error('intake: not an S3 Object Created event', { issues: parsed.error.issues.slice(0, 5) });
      return { outcome: 'REJECTED', reason: 'malformed event' };
    }
    logger.appendKeys({ eventId: (event as { id?: string }).id });
    const key = decodeKey(parsed.data.detail.object.key);
    const versionId = parsed.data.detail.object['version-id'];
    const result = await receiveUpload(depsOf(), { key, versionId, sequencer: parsed.data.detail.object.sequencer });
    const reportId = 'reportId' in result ? result.reportId : undefined;
    // unit, reportId and status as keys: the dashboard's table of units tabulates the reports from these logs.
    const unit = reportId ? unitOfReportId(reportId) : 'unit' in result ? result.unit : undefined;
    logger.appendKeys({ reportId, unit, status: statusAfter(result) });
    logger.info('intake', {
      key,
      versionId,
      outcome: result.outcome,
      ...('reason' in result ? { reason: result.reason } : {}),
      ...('problems' in result ? { problems: result.problems } : {}),
    });
    // Reports, not uploads: a corrected upload resuming a report is a correction, not another report received.
    const subject = reportId ? reportSubject(reportId) : undefined;
    addSopMetric(metrics, 'ReportsReceived', MetricUnit.Count, result.outcome === 'STARTED' ? 1 : 0, subject);
    addSopMetric(metrics, 'CorrectionsReceived', MetricUnit.Count, result.outcome === 'RESUMED' ? 1 : 0, subject);
    // No per-unit copy: a refused key may name a unit that does not exist, and must not create a metric.
    metrics.addMetric('UploadsRejected', MetricUnit.Count, result.outcome === 'REJECTED' ? 1 : 0);
    // A unit's Perjanjian Kinerja: accepted, or refused for its problems (the uploader has the list by mail).
    if (result.outcome === 'PK_STORED' || result.outcome === 'PK_INVALID') {
      metrics.addMetric('PerjanjianKinerjaReceived', MetricUnit.Count, 1);
      metrics.addMetric('PerjanjianKinerjaRejected', MetricUnit.Count, result.outcome === 'PK_INVALID' ? 1 : 0);
    }
    return result;
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

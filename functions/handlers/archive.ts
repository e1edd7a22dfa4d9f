import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { withPdfSigner } from '../commons/pdf-signer.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addSopMetric, reportSubject } from '../commons/unit-metric.ts';
import { unitOfReportId } from '../core/directory.ts';
import { parseEvent } from '../core/zod.ts';
import { archiveReport } from '../usecases/archive-report.ts';
import type { Deps } from '../usecases/deps.ts';

const input = z.object({ reportId: z.string().check(z.minLength(1)) });

/** Task "Archive" (SOP step 5). */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const payload = parseEvent(input, event);
    logger.appendKeys({ reportId: payload.reportId, unit: unitOfReportId(payload.reportId), step: 'documentation' });
    const deps = depsOf();
    const archive = await archiveReport(deps, payload);
    const subject = reportSubject(payload.reportId);
    addSopMetric(metrics, 'ReportsDocumented', MetricUnit.Count, 1, subject);
    const report = await deps.repo.get(payload.reportId);
    if (report) {
      const seconds = (Date.now() - Date.parse(report.createdAt)) / 1000;
      addSopMetric(
        metrics,
        'TimeToDocumented',
        MetricUnit.Seconds,
        seconds,
        reportSubject(report.reportId, report.unit),
      );
      logger.appendKeys({ revision: report.revision, status: report.status });
    }
    logger.info('documented', { pdf: archive.pdf.key, versionId: archive.pdf.versionId });
    return archive;
  });
}

let deps: Deps | undefined;
/** The deployed entry: the runtime's dependencies, with the PDF signer only this function has, and Powertools. */
export const handler = makeHandler(() => {
  deps ??= withPdfSigner(getDeps());
  return deps;
}, defaultPowertools);

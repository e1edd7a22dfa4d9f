import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { parseEvent } from '../core/zod.ts';
import { archiveReport } from '../usecases/archive-report.ts';
import type { Deps } from '../usecases/deps.ts';

const input = z.object({ reportId: z.string().check(z.minLength(1)) });

/** Task "Archive" (SOP step 5). */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const payload = parseEvent(input, event);
    logger.appendKeys({ reportId: payload.reportId, step: 'documentation' });
    const deps = depsOf();
    const archive = await archiveReport(deps, payload);
    metrics.addMetric('ReportsDocumented', MetricUnit.Count, 1);
    const report = await deps.repo.get(payload.reportId);
    if (report) {
      metrics.addMetric('TimeToDocumented', MetricUnit.Seconds, (Date.now() - Date.parse(report.createdAt)) / 1000);
      logger.appendKeys({ revision: report.revision });
    }
    logger.info('documented', { pdf: archive.pdf.key, versionId: archive.pdf.versionId });
    return archive;
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addSopMetric, reportSubject } from '../commons/unit-metric.ts';
import { unitOfReportId } from '../core/directory.ts';
import { parseEvent } from '../core/zod.ts';
import { assembleReport } from '../usecases/assemble-report.ts';
import type { Deps } from '../usecases/deps.ts';

const input = z.object({
  reportId: z.string().check(z.minLength(1)),
  source: z.object({ key: z.string().check(z.minLength(1)), versionId: z.string().check(z.minLength(1)) }),
});

/** Task "Assemble" (SOP step 2). */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async (event: unknown) => {
    const payload = parseEvent(input, event);
    logger.appendKeys({ reportId: payload.reportId, unit: unitOfReportId(payload.reportId), step: 'assemble' });
    const result = await assembleReport(depsOf(), payload);
    const subject = reportSubject(payload.reportId);
    addSopMetric(metrics, result.valid ? 'ReportsAssembled' : 'DataRejected', MetricUnit.Count, 1, subject);
    logger.appendKeys({ revision: result.revision, status: result.valid ? 'DISUSUN' : 'PERLU_PERBAIKAN_DATA' });
    logger.info('assembled', { valid: result.valid });
    return result;
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

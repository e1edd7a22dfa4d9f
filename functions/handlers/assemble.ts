import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod/mini';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { parseEvent } from '../core/zod.ts';
import { assembleReport } from '../usecases/assemble-report.ts';

const input = z.object({
  reportId: z.string().check(z.minLength(1)),
  source: z.object({ key: z.string().check(z.minLength(1)), versionId: z.string().check(z.minLength(1)) }),
});

/** Task "Assemble" (SOP step 2). */
export const handler = lambda(async (event: unknown) => {
  const payload = parseEvent(input, event);
  logger.appendKeys({ reportId: payload.reportId, step: 'assemble' });
  const result = await assembleReport(getDeps(), payload);
  metrics.addMetric(result.valid ? 'ReportsAssembled' : 'DataRejected', MetricUnit.Count, 1);
  logger.appendKeys({ revision: result.revision });
  logger.info('assembled', { valid: result.valid });
  return result;
});

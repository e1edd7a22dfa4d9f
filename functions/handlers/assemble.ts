import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { assembleReport } from '../usecases/assemble-report.ts';

const input = z.object({
  reportId: z.string().min(1),
  source: z.object({ key: z.string().min(1), versionId: z.string().min(1) }),
});

/** Task "Assemble" (SOP step 2). */
export const handler = lambda(async (event: unknown) => {
  const payload = input.parse(event);
  logger.appendKeys({ reportId: payload.reportId, step: 'assemble' });
  const result = await assembleReport(getDeps(), payload);
  metrics.addMetric(result.valid ? 'ReportsAssembled' : 'DataRejected', MetricUnit.Count, 1);
  logger.appendKeys({ revision: result.revision });
  logger.info('assembled', { valid: result.valid });
  return result;
});

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { keepMutuBaku } from '../usecases/keep-mutu-baku.ts';

/** Scheduled (EventBridge, every few minutes): reminders and escalations of the Mutu Baku; interrupted decisions finished. */
export const handler = lambda(async () => {
  const result = await keepMutuBaku(getDeps());
  metrics.addMetric('RemindersSent', MetricUnit.Count, result.reminded.length);
  metrics.addMetric('SlaBreaches', MetricUnit.Count, result.escalated.length);
  if (result.reminded.length || result.escalated.length || result.completed.length)
    logger.info('mutu baku', { ...result });
  return { reminded: result.reminded.length, escalated: result.escalated.length, completed: result.completed.length };
});

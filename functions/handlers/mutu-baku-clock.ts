import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addUnitMetric, subjectsByUnit } from '../commons/unit-metric.ts';
import type { Deps } from '../usecases/deps.ts';
import { keepMutuBaku } from '../usecases/keep-mutu-baku.ts';

/** Scheduled (EventBridge, every few minutes): reminders and escalations of the Mutu Baku; interrupted decisions finished. */
export function makeHandler(depsOf: () => Deps, tools: Powertools) {
  const { logger, metrics } = tools;
  return lambda(tools, async () => {
    const result = await keepMutuBaku(depsOf());
    metrics.addMetric('RemindersSent', MetricUnit.Count, result.reminded.length);
    metrics.addMetric('SlaBreaches', MetricUnit.Count, result.escalated.length);
    // Per unit, late REPORTS: each report once per run however many people were mailed. A step still late is
    // escalated again once per further Mutu Baku period, so a daily sum is the number of reports late that day.
    for (const s of subjectsByUnit(result.reminded))
      addUnitMetric(metrics, 'RemindersSent', MetricUnit.Count, s.reportIds.length, s);
    for (const s of subjectsByUnit(result.escalated))
      addUnitMetric(metrics, 'SlaBreaches', MetricUnit.Count, s.reportIds.length, s);
    if (result.reminded.length || result.escalated.length || result.completed.length || result.readdressed)
      logger.info('mutu baku', { ...result });
    return {
      reminded: result.reminded.length,
      escalated: result.escalated.length,
      completed: result.completed.length,
      ...(result.readdressed ? { readdressed: result.readdressed.length } : {}),
    };
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

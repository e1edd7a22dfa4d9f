import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { unitOfReportId } from '../core/directory.ts';

/** A Powertools metric unit (Count, Seconds, …); not a lapkin unit. */
type MetricUnitValue = (typeof MetricUnit)[keyof typeof MetricUnit];

/** What a metric counted: the reports (of one unit) it was about. */
export interface MetricSubject {
  unit: string;
  reportIds: readonly string[];
}

/** One report as a metric subject; its unit is the report id's prefix unless given. */
export const reportSubject = (reportId: string, unit = unitOfReportId(reportId)): MetricSubject => ({
  unit,
  reportIds: [reportId],
});

/** Report ids grouped by their unit, each report once (a report notified twice in one run counts once). */
export function subjectsByUnit(reportIds: readonly string[]): MetricSubject[] {
  const units = new Map<string, Set<string>>();
  for (const id of reportIds) {
    const unit = unitOfReportId(id);
    units.set(unit, (units.get(unit) ?? new Set()).add(id));
  }
  return [...units].map(([unit, ids]) => ({ unit, reportIds: [...ids] }));
}

/**
 * The per-unit copy of an SOP metric: its own EMF line (a single metric) with the dimensions {service, unit}, so
 * the dashboard finds every unit with one SEARCH expression and no redeploy when a unit is added. The report ids
 * ride along as metadata (a log field, no dimension, no cost). A count of zero is not sent: CloudWatch bills a
 * custom metric per hour in which it receives data, so a quiet unit costs nothing. Units come from report ids
 * the system created (never from an upload key it refused), so no request can mint new metrics.
 */
export function addUnitMetric(
  metrics: Metrics,
  name: string,
  metricUnit: MetricUnitValue,
  value: number,
  subject: MetricSubject,
): void {
  if (metricUnit === MetricUnit.Count && value <= 0) return;
  const single = metrics.singleMetric();
  single.addDimensions({ unit: subject.unit });
  if (subject.reportIds.length === 1) single.addMetadata('reportId', subject.reportIds[0] as string);
  else if (subject.reportIds.length > 1) single.addMetadata('reportIds', subject.reportIds.join(','));
  single.addMetric(name, metricUnit, value);
}

/**
 * An SOP metric twice: the unit-less series (dimension service only) the alarms and the whole-city funnel use,
 * batched with the invocation's other metrics as before, and its per-unit copy.
 */
export function addSopMetric(
  metrics: Metrics,
  name: string,
  metricUnit: MetricUnitValue,
  value: number,
  subject: MetricSubject | undefined,
): void {
  metrics.addMetric(name, metricUnit, value);
  if (subject) addUnitMetric(metrics, name, metricUnit, value, subject);
}

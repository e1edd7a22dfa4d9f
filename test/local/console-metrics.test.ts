/**
 * The local stand-in for CloudWatch keeps the per-unit copies apart: a metric sent unit-less and once more with
 * the dimension `unit` is one event in the totals and one for its unit, never two.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { makePowertools } from '../../functions/commons/powertools.ts';
import { addSopMetric, reportSubject } from '../../functions/commons/unit-metric.ts';
import { LocalMetrics } from '../../infra/local/metrics-collector.ts';

describe('LocalMetrics', () => {
  it('counts a metric and its per-unit copy once each, and reads them back after a restart', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lapkin-metrics-')), 'metrics.jsonl');
    const local = new LocalMetrics(file);
    const { metrics } = makePowertools({ emfSink: (l) => local.add(l) });
    addSopMetric(metrics, 'ReportsDocumented', MetricUnit.Count, 1, reportSubject('karawaci-2026-TW1'));
    addSopMetric(metrics, 'TimeToDocumented', MetricUnit.Seconds, 90, reportSubject('karawaci-2026-TW1'));
    addSopMetric(metrics, 'ReportsDocumented', MetricUnit.Count, 1, reportSubject('dinas-arsip-2026-TW1'));
    metrics.publishStoredMetrics();
    const expected = {
      counts: { ReportsDocumented: 2 },
      durations: { TimeToDocumented: [90] },
      byUnit: { karawaci: { ReportsDocumented: 1 }, 'dinas-arsip': { ReportsDocumented: 1 } },
    };
    expect(local.totals).toMatchObject(expected);
    expect(new LocalMetrics(file).totals).toMatchObject(expected);
  });
});

/**
 * Every SOP metric also per unit: the unit-less series stays as the alarms read it (dimension service only), and
 * a copy with the dimension `unit` is its own EMF line, which a CloudWatch SEARCH finds for any number of units.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { makePowertools } from '../../functions/commons/powertools.ts';
import { addSopMetric, addUnitMetric, reportSubject, subjectsByUnit } from '../../functions/commons/unit-metric.ts';
import * as intake from '../../functions/handlers/intake.ts';
import * as clock from '../../functions/handlers/mutu-baku-clock.ts';
import { requestDecision } from '../../functions/usecases/request-decision.ts';
import { lambdaContext } from '../../infra/local/lambda-runtime.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { KEY, REPORT_ID, sample, uploadAndAssemble } from '../fakes/flow.ts';

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [k: string]: unknown;
}
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Emf);
const dims = (e: Emf) => e._aws.CloudWatchMetrics[0]?.Dimensions;

describe('per-unit metrics', () => {
  it('a metric is sent unit-less (for the alarms) and once more with {service, unit} and the report id', () => {
    const lines: string[] = [];
    const { metrics } = makePowertools({ emfSink: (l) => lines.push(l) });
    addSopMetric(metrics, 'ReportsDocumented', MetricUnit.Count, 1, reportSubject('dinas-arsip-2026-TW1'));
    metrics.publishStoredMetrics();
    const [perUnit, unitless] = parse(lines);
    expect(dims(perUnit as Emf)).toEqual([['service', 'unit']]);
    expect(perUnit).toMatchObject({
      service: 'lapkin',
      unit: 'dinas-arsip',
      reportId: 'dinas-arsip-2026-TW1',
      ReportsDocumented: 1,
    });
    expect(perUnit?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Lapkin');
    expect(dims(unitless as Emf)).toEqual([['service']]);
    expect(unitless).toMatchObject({ ReportsDocumented: 1 });
    expect(unitless).not.toHaveProperty('unit');
  });

  it('a count of zero goes unit-less only: a quiet unit sends (and costs) nothing', () => {
    const lines: string[] = [];
    const { metrics } = makePowertools({ emfSink: (l) => lines.push(l) });
    addSopMetric(metrics, 'DecisionsRequested', MetricUnit.Count, 0, reportSubject('karawaci-2026-TW1'));
    addUnitMetric(metrics, 'SlaBreaches', MetricUnit.Count, 0, { unit: 'karawaci', reportIds: [] });
    metrics.publishStoredMetrics();
    expect(parse(lines).map(dims)).toEqual([[['service']]]);
  });

  it('late reports are grouped by unit, each report once however often it was notified', () => {
    expect(
      subjectsByUnit(['karawaci-2026-TW1', 'dinas-arsip-2026-TW1', 'karawaci-2026-TW1', 'karawaci-2026-TW2']),
    ).toEqual([
      { unit: 'karawaci', reportIds: ['karawaci-2026-TW1', 'karawaci-2026-TW2'] },
      { unit: 'dinas-arsip', reportIds: ['dinas-arsip-2026-TW1'] },
    ]);
    const lines: string[] = [];
    const { metrics } = makePowertools({ emfSink: (l) => lines.push(l) });
    for (const s of subjectsByUnit(['karawaci-2026-TW1', 'karawaci-2026-TW2']))
      addUnitMetric(metrics, 'SlaBreaches', MetricUnit.Count, s.reportIds.length, s);
    expect(parse(lines)).toMatchObject([
      { unit: 'karawaci', SlaBreaches: 2, reportIds: 'karawaci-2026-TW1,karawaci-2026-TW2' },
    ]);
  });

  it('the intake counts a new report per unit, and logs unit, reportId and status for the table of units', async () => {
    const { deps, store } = fakeDeps();
    const lines: string[] = [];
    const tools = makePowertools({ logLevel: 'INFO', emfSink: (l) => lines.push(l) });
    const logged: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      logged.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const { versionId } = await store.put({ key: KEY, body: sample('awal'), contentType: 'text/csv' });
      await intake.makeHandler(() => deps, tools)(
        {
          'detail-type': 'Object Created',
          detail: { bucket: { name: 'b' }, object: { key: KEY, 'version-id': versionId } },
        },
        lambdaContext('lapkin-intake'),
      );
    } finally {
      process.stdout.write = write;
    }
    const emf = parse(lines);
    expect(emf.find((e) => e.unit === 'karawaci')).toMatchObject({ ReportsReceived: 1, reportId: 'karawaci-2026-TW1' });
    expect(emf.find((e) => !('unit' in e))).toMatchObject({ ReportsReceived: 1, CorrectionsReceived: 0 });
    const line = logged.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'intake');
    expect(line).toMatchObject({ unit: 'karawaci', reportId: 'karawaci-2026-TW1', status: 'DITERIMA' });
  });

  it('the Mutu Baku clock sends per unit the late REPORTS of the run, not the mails (sekcam and camat)', async () => {
    const f = fakeDeps();
    await uploadAndAssemble(f.deps, sample('awal'));
    const executionArn = 'arn:aws:states:local:0:execution:sm:x';
    await requestDecision(f.deps, { taskToken: 't1', reportId: REPORT_ID, executionArn, step: 'verify' });
    const lines: string[] = [];
    const run = clock.makeHandler(() => f.deps, makePowertools({ emfSink: (l) => lines.push(l) }));
    f.clock.advance(24 * 3_600_000 + 1);
    f.mailer.sent = [];
    await run({}, lambdaContext('lapkin-mutu-baku-clock'));
    expect(f.mailer.sent.length).toBeGreaterThanOrEqual(2); // the assignee and the role above
    const perUnit = parse(lines).filter((e) => 'unit' in e);
    expect(perUnit).toEqual([expect.objectContaining({ unit: 'karawaci', SlaBreaches: 1, reportId: REPORT_ID })]);
    expect(parse(lines).find((e) => !('unit' in e))).toMatchObject({ SlaBreaches: 1 });
  });
});

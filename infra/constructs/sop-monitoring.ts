import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  GraphWidget,
  GraphWidgetView,
  type IWidget,
  LogQueryVisualizationType,
  LogQueryWidget,
  Metric,
  SearchExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { DefaultDashboardFactory, MonitoringFacade, notifySns } from 'cdk-monitoring-constructs';
import { Construct } from 'constructs';
import type { LapkinConfig } from '../../functions/core/config.ts';
import type { LapkinFunction } from './lapkin-function.ts';

export interface SopMonitoringProps {
  config: LapkinConfig;
  functions: Record<string, LapkinFunction>;
  stateMachine: StateMachine;
  deadLetterQueue: IQueue;
  api: IHttpApi;
}

/** The Powertools EMF metrics of the SOP (namespace Lapkin, default dimension service=lapkin). */
export function sopMetric(name: string, statistic = 'Sum', period = Duration.hours(1)) {
  return new Metric({
    namespace: 'Lapkin',
    metricName: name,
    dimensionsMap: { service: 'lapkin' },
    statistic,
    period,
    label: name,
  });
}

/**
 * One series per unit of an SOP metric, found by a SEARCH over the per-unit copies the functions emit
 * (functions/commons/unit-metric.ts: dimensions {service, unit}): a unit added to the directory shows up without a
 * redeploy. One SEARCH returns at most 500 series (500 units). Without a period, the widget's period applies.
 */
export function unitSearch(name: string, period?: Duration): SearchExpression {
  const seconds = period ? `, ${period.toSeconds()}` : '';
  return new SearchExpression({
    expression: `SEARCH('{Lapkin,service,unit} MetricName="${name}"', 'Sum'${seconds})`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudWatch dynamic label (the unit), not JavaScript
    label: "${PROP('Dim.unit')}",
    ...(period ? { period } : {}),
  });
}

/** The per-unit SOP funnel (reports per unit over the dashboard's time range), stage by stage. */
const UNIT_FUNNEL: [string, string][] = [
  ['ReportsReceived', 'Diterima (laporan baru) per unit'],
  ['ReportsAssembled', 'Disusun per unit'],
  ['DecisionsRequested', 'Keputusan diminta per unit'],
  ['RevisionsRequested', 'Dikembalikan / perbaikan data per unit'],
  ['ReportsDocumented', 'Terdokumentasi per unit'],
  ['ReportsFailed', 'Gagal per unit'],
];

/**
 * The table of units from the functions' logs: each report's latest `status` (every function logs unit, reportId
 * and status), counted by unit and status. Set the dashboard's time range to the reporting period.
 */
export const UNITS_TABLE_QUERY = [
  'fields @timestamp, unit, reportId, status',
  'filter ispresent(unit) and ispresent(reportId) and ispresent(status)',
  'stats latest(status) as currentStatus by unit, reportId',
  'stats count(*) as reports by unit, currentStatus',
  'sort unit asc, currentStatus asc',
  'limit 10000',
];

/** The city's view on the dashboard: funnel and Mutu Baku breaches per unit, and the table of units. */
function perUnitWidgets(logGroupNames: string[]): IWidget[] {
  const bars = UNIT_FUNNEL.map(
    ([name, title]) =>
      new GraphWidget({
        title,
        left: [unitSearch(name)],
        view: GraphWidgetView.BAR,
        setPeriodToTimeRange: true,
        width: 8,
        height: 6,
      }),
  );
  return [
    ...bars,
    new GraphWidget({
      title: 'Mutu Baku terlampaui: laporan terlambat per unit (jumlah)',
      left: [unitSearch('SlaBreaches')],
      view: GraphWidgetView.BAR,
      setPeriodToTimeRange: true,
      width: 12,
      height: 6,
    }),
    new GraphWidget({
      title: 'Mutu Baku terlampaui: laporan terlambat per unit per hari',
      left: [unitSearch('SlaBreaches', Duration.days(1))],
      width: 12,
      height: 6,
    }),
    new LogQueryWidget({
      title: 'Tabel unit: laporan per status (status terakhir tiap laporan pada rentang waktu dasbor)',
      logGroupNames,
      queryLines: UNITS_TABLE_QUERY,
      view: LogQueryVisualizationType.TABLE,
      width: 24,
      height: 8,
    }),
  ];
}

/**
 * The CloudWatch side of the SOP: one dashboard (the SOP funnel, decision times against Mutu Baku, the state
 * machine, every function, the trigger's dead-letter queue, the decision API) and alarms mailed to the operator.
 * cdk-monitoring-constructs builds the standard widgets; the SOP-specific ones are plain metrics.
 */
export class SopMonitoring extends Construct {
  readonly topic: Topic;
  readonly facade: MonitoringFacade;
  readonly slaBreachAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SopMonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const key = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'lapkin alarm topic' });
    // CloudWatch publishes alarms into the encrypted topic: it needs to use the key.
    key.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
    this.topic = new Topic(this, 'Alarms', { displayName: 'lapkin alarms', masterKey: key, enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.config.aws.alarmEmail));

    this.facade = new MonitoringFacade(this, 'Facade', {
      alarmFactoryDefaults: { alarmNamePrefix: stack.stackName, actionsEnabled: true, action: notifySns(this.topic) },
      metricFactoryDefaults: {},
      dashboardFactory: new DefaultDashboardFactory(this, 'Dashboards', {
        dashboardNamePrefix: `${stack.stackName}-pelaporan-kinerja`,
        createDashboard: true,
        createSummaryDashboard: false,
      }),
    });
    const mutuBakuSeconds = props.config.mutuBakuHours.verify * 3600;

    this.facade
      .addLargeHeader('SOP Pelaporan Kinerja')
      .monitorCustom({
        alarmFriendlyName: 'SopFunnel',
        humanReadableName: 'SOP funnel (reports per hour)',
        metricGroups: [
          {
            title: 'Received → assembled → decisions → documented',
            metrics: [
              sopMetric('ReportsReceived'),
              sopMetric('ReportsAssembled'),
              sopMetric('DataRejected'),
              sopMetric('DecisionsRequested'),
              sopMetric('RevisionsRequested'),
              sopMetric('Decisions'),
              sopMetric('ReportsDocumented'),
              sopMetric('ReportsFailed'),
            ],
          },
          {
            title: 'Decisions requested per SOP step (paraf → verifikasi → pengesahan)',
            metrics: [
              sopMetric('ParafRequested'),
              sopMetric('VerificationsRequested'),
              sopMetric('RatificationsRequested'),
            ],
          },
          {
            title: 'Step age against Mutu Baku (seconds)',
            metrics: [sopMetric('TimeToDecision', 'p90'), sopMetric('TimeToDocumented', 'p90', Duration.days(1))],
            horizontalAnnotations: [{ value: mutuBakuSeconds, label: 'Mutu Baku (1 hari)' }],
          },
          {
            title: 'Mutu Baku breaches',
            metrics: [sopMetric('SlaBreaches')],
          },
        ],
      })
      .monitorStepFunction({
        stateMachine: props.stateMachine,
        humanReadableName: 'State machine: pelaporan-kinerja',
        addFailedExecutionCountAlarm: { Critical: { maxErrorCount: 0 } },
        addTimedOutExecutionCountAlarm: { Critical: { maxErrorCount: 0 } },
        addAbortedExecutionCountAlarm: { Warning: { maxErrorCount: 0 } },
      })
      .monitorSqsQueue({
        queue: props.deadLetterQueue,
        humanReadableName: 'Upload trigger dead letters',
        addQueueMaxSizeAlarm: { Critical: { maxMessageCount: 0 } },
      })
      .monitorApiGatewayV2HttpApi({
        api: props.api,
        humanReadableName: 'Decision links (HTTP API)',
        add5xxCountAlarm: { Critical: { maxErrorCount: 0 } },
      });
    this.facade.addLargeHeader('Per unit (kota): alur SOP, Mutu Baku, tabel unit');
    for (const widget of perUnitWidgets(Object.values(props.functions).map((f) => f.fn.logGroup.logGroupName)))
      this.facade.addWidget(widget);
    for (const [name, f] of Object.entries(props.functions)) {
      this.facade.monitorLambdaFunction({
        lambdaFunction: f.fn,
        humanReadableName: `λ ${name}`,
        alarmFriendlyName: `Fn-${name}`,
        addFaultCountAlarm: { Warning: { maxErrorCount: 0 } },
        addThrottlesCountAlarm: { Warning: { maxErrorCount: 0 } },
      });
    }

    // A report past its Mutu Baku is the SOP's own alarm, not an infrastructure one.
    this.slaBreachAlarm = new Alarm(this, 'SlaBreachAlarm', {
      alarmName: `${stack.stackName}-MutuBakuTerlampaui`,
      alarmDescription: 'A report step passed its Mutu Baku (1 day); the assignee and the role above were notified.',
      metric: sopMetric('SlaBreaches', 'Sum', Duration.minutes(15)),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.slaBreachAlarm.addAlarmAction(new SnsAction(this.topic));
  }
}

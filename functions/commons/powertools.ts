import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** The Powertools a handler logs, measures and traces with; one set per Lambda runtime, one per local stack. */
export interface Powertools {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
}

export const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'lapkin';
const namespace = process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Lapkin';

type EmfSink = (line: string) => void;

/**
 * Metrics whose EMF lines go to a given sink instead of stdout. Powertools Metrics (2.x) has no output option:
 * it prints through a private `console` it builds itself, so this subclass replaces that one member — on its
 * own instances only, including the separate instances `singleMetric()` returns — and always publishes (the
 * sink is the local stand-in for CloudWatch, never stdout).
 */
class SinkMetrics extends Metrics {
  constructor(
    options: ConstructorParameters<typeof Metrics>[0],
    private readonly sink: EmfSink,
  ) {
    super(options);
    SinkMetrics.redirect(this, sink);
  }

  private static redirect(m: Metrics, sink: EmfSink): void {
    Object.assign(m as unknown as object, { console: { log: sink }, disabled: false });
  }

  override singleMetric(): Metrics {
    const single = super.singleMetric();
    SinkMetrics.redirect(single, this.sink);
    return single;
  }
}

/**
 * A set of Powertools: on Lambda the defaults (JSON logs and EMF on stdout, X-Ray); a local stack passes its own
 * log level and an EMF sink, so two stacks in one process neither share nor patch each other's instances.
 */
export function makePowertools(opts: { logLevel?: string; emfSink?: EmfSink; tracing?: boolean } = {}): Powertools {
  const logger = new Logger({ serviceName, ...(opts.logLevel ? { logLevel: opts.logLevel as never } : {}) });
  // Metrics' own warnings (e.g. an invocation that emitted nothing) go through the structured logger and its level.
  const metricsOptions = { serviceName, namespace, logger };
  const metrics = opts.emfSink ? new SinkMetrics(metricsOptions, opts.emfSink) : new Metrics(metricsOptions);
  const tracer = new Tracer({ serviceName, ...(opts.tracing === false ? { enabled: false } : {}) });
  return { logger, metrics, tracer };
}

/** The runtime's Powertools on Lambda, shared by the handler module deployed there. */
export const defaultPowertools = makePowertools();
export const { logger, metrics, tracer } = defaultPowertools;

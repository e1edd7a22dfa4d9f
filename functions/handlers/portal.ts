import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { getDeps } from '../commons/container.ts';
import { lambda } from '../commons/lambda.ts';
import { defaultPowertools, type Powertools } from '../commons/powertools.ts';
import { addUnitMetric, reportSubject } from '../commons/unit-metric.ts';
import { unitOfReportId } from '../core/directory.ts';
import type { Decision } from '../core/report.ts';
import type { Deps } from '../usecases/deps.ts';
import { createPortalApp } from '../web/app.tsx';
import type { PortalOptions } from '../web/portal-env.ts';
import { type StaticAssets, staticAssetsFromDir } from '../web/static-assets.ts';

/** Decisions by decision and role, and how long the person took: the dashboard's SOP funnel. */
export function decisionMetrics(tools: Powertools) {
  const { metrics } = tools;
  return (decided: Decision) => {
    const unit = decided.unit ?? unitOfReportId(decided.reportId);
    const subject = reportSubject(decided.reportId, unit);
    const byKind = metrics.singleMetric();
    byKind.addDimensions({ decision: decided.decision ?? 'UNKNOWN', role: decided.role });
    byKind.addMetric('Decisions', MetricUnit.Count, 1);
    // Per unit: one copy by unit alone (not by unit × decision × role, which would multiply the metrics).
    addUnitMetric(metrics, 'Decisions', MetricUnit.Count, 1, subject);
    const seconds = (Date.parse(decided.decidedAt ?? '') - Date.parse(decided.createdAt)) / 1000;
    if (Number.isFinite(seconds)) {
      const time = metrics.singleMetric();
      time.addDimensions({ step: decided.step });
      time.addMetric('TimeToDecision', MetricUnit.Seconds, seconds);
      addUnitMetric(metrics, 'TimeToDecision', MetricUnit.Seconds, seconds, subject);
    }
    tools.logger.info('decision recorded', {
      decisionId: decided.decisionId,
      reportId: decided.reportId,
      unit,
      step: decided.step,
      revision: decided.revision,
      decision: decided.decision,
    });
  };
}

/** The portal's options from a runtime's dependencies and Powertools: logs and metrics, never secrets. */
export function portalOptions(
  depsOf: () => Deps,
  tools: Powertools,
  extra: Partial<PortalOptions> & Pick<PortalOptions, 'secureCookies'>,
): PortalOptions {
  return {
    deps: depsOf,
    onDecided: decisionMetrics(tools),
    log: (message, fields) => {
      tools.logger.info(message, fields);
      const status = Number(fields.statusCode);
      tools.metrics.addMetric('PortalRequests', MetricUnit.Count, 1);
      if (status >= 500) tools.metrics.addMetric('PortalErrors', MetricUnit.Count, 1);
      if (String(fields.route ?? '').startsWith('/keputusan'))
        tools.metrics.addMetric('DecisionLinkRejected', MetricUnit.Count, status >= 400 ? 1 : 0);
    },
    logError: (message, fields) => tools.logger.error(message, fields),
    ...extra,
  };
}

/**
 * The HTTP API's one function: every portal route and the emailed decision links (hono/aws-lambda). The request
 * id joins the logs; no query string, cookie or body is ever logged.
 */
export function makeHandler(depsOf: () => Deps, tools: Powertools, env: NodeJS.ProcessEnv = process.env) {
  let assets: StaticAssets | undefined;
  const app = createPortalApp(
    portalOptions(depsOf, tools, {
      secureCookies: true,
      // SES answers a send in 100–300 ms: every sign-in request takes at least this long.
      signInAnswerMs: Number(env.SIGN_IN_ANSWER_MS ?? 700),
      connectSrc: env.UPLOAD_ORIGIN ? [env.UPLOAD_ORIGIN] : [],
      assets: () => {
        // Written next to the bundle by the CDK hook (infra/static-build.ts); read on the first page that needs it.
        assets ??= staticAssetsFromDir(env.LAMBDA_TASK_ROOT ? `${env.LAMBDA_TASK_ROOT}/static` : 'static');
        return assets;
      },
      // The HTTP API's view of the caller (hono/aws-lambda hands the event over as c.env.event).
      clientIp: (c) =>
        (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined)?.event?.requestContext
          ?.http?.sourceIp,
    }),
  );
  const fetchHandler = handle(app);
  return lambda(tools, async (event: LambdaEvent, context: Context) => {
    tools.logger.appendKeys({
      requestId: (event as { requestContext?: { requestId?: string } }).requestContext?.requestId,
    });
    return fetchHandler(event, context as unknown as LambdaContext);
  });
}

/** The deployed entry: the runtime's dependencies and Powertools. */
export const handler = makeHandler(getDeps, defaultPowertools);

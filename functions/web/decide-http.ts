import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type UnitProfile, unitOfReportId } from '../core/directory.ts';
import { DecisionAlreadyTakenError, InvalidLinkError, TransientError } from '../core/errors.ts';
import type { Decision } from '../core/report.ts';
import type { Deps } from '../usecases/deps.ts';
import { unitDirectory } from '../usecases/directory.ts';
import { DecisionInputError, type LinkParams, submitDecision, viewDecision } from '../usecases/take-decision.ts';
import { confirmPage, type ResultKind, resultPage } from './decision-pages.ts';
import type { Lang } from './i18n.ts';

export const MAX_BODY_BYTES = 16 * 1024;

const STATUS: Record<ResultKind, number> = {
  APPROVED: 200,
  REVISED: 200,
  ALREADY: 409,
  SUPERSEDED: 409,
  EXPIRED: 410,
  INVALID: 403,
  RETRY: 503,
  BAD: 400,
  TOO_LARGE: 413,
  NOT_ALLOWED: 405,
};

function html(statusCode: number, body: string, extra: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      ...extra,
    },
    body,
  };
}

function readForm(event: APIGatewayProxyEventV2): URLSearchParams | 'TOO_LARGE' | 'BAD' {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) return 'TOO_LARGE';
  const type = (event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) return 'BAD';
  try {
    return new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return 'BAD';
  }
}

/**
 * The decision's unit, for the title on the thank-you page ("diteruskan kepada Kepala Dinas"). The decision is
 * recorded by then: a directory hiccup must not turn that into an error page, so the page falls back to words
 * every unit shares.
 */
async function unitOf(deps: Deps, d: Decision): Promise<UnitProfile | undefined> {
  try {
    return (await unitDirectory(deps, d.unit ?? unitOfReportId(d.reportId))).profile;
  } catch {
    return undefined;
  }
}

/**
 * GET|POST /keputusan/{id} — the HTTP face of the decision use cases. Every outcome is a page in the user's
 * language with a precise status code; nothing here ever answers 500 for something a user did.
 */
export async function handleDecisionHttp(
  deps: Deps,
  event: APIGatewayProxyEventV2,
  /** Told about a decision that was recorded (for metrics), never about a refused one. */
  onDecided?: (decision: Decision) => void,
): Promise<APIGatewayProxyStructuredResultV2> {
  const q = event.queryStringParameters ?? {};
  const lang: Lang = q.lang === 'en' || q.lang === 'id' ? q.lang : deps.config.language;
  const params: LinkParams = { decisionId: event.pathParameters?.id, e: q.e, s: q.s };
  const page = (kind: ResultKind, decision?: Parameters<typeof resultPage>[0]['decision']) =>
    html(STATUS[kind], resultPage({ lang, kind, decision }));
  const method = event.requestContext?.http?.method ?? 'GET';

  try {
    if (method === 'GET' || method === 'HEAD') {
      const view = await viewDecision(deps, params);
      if (view.decision.state !== 'PENDING')
        return html(200, resultPage({ lang, kind: 'ALREADY', decision: view.decision }));
      return html(200, confirmPage({ lang, ...view }));
    }
    if (method !== 'POST') return page('NOT_ALLOWED');

    const form = readForm(event);
    if (form === 'TOO_LARGE' || form === 'BAD') return page(form);
    const decisionValue = form.get('keputusan') ?? undefined;
    const note = form.get('catatan') ?? undefined;
    try {
      const result = await submitDecision(deps, params, { decision: decisionValue, note });
      if (result.outcome === 'SUPERSEDED') return page('SUPERSEDED', result.decision);
      onDecided?.(result.decision);
      if (result.decision.decision !== 'APPROVE') return page('REVISED', result.decision);
      // Only an approved verification names someone on its result page (who ratifies next).
      const unit = result.decision.step === 'verify' ? await unitOf(deps, result.decision) : undefined;
      return html(STATUS.APPROVED, resultPage({ lang, kind: 'APPROVED', decision: result.decision, unit }));
    } catch (err) {
      if (!(err instanceof DecisionInputError)) throw err;
      const view = await viewDecision(deps, params);
      if (view.decision.state !== 'PENDING') return page('ALREADY', view.decision);
      return html(422, confirmPage({ lang, ...view, problem: err.problem, note }));
    }
  } catch (err) {
    if (err instanceof InvalidLinkError) return page(err.problem === 'EXPIRED' ? 'EXPIRED' : 'INVALID');
    if (err instanceof DecisionAlreadyTakenError) {
      const decision = params.decisionId ? await deps.repo.getDecision(params.decisionId) : undefined;
      return page('ALREADY', decision);
    }
    if (err instanceof TransientError) return page('RETRY');
    throw err;
  }
}

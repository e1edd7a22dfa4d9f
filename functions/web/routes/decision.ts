import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type UnitProfile, unitOfReportId } from '../../core/directory.ts';
import { DecisionAlreadyTakenError, InvalidLinkError, TransientError } from '../../core/errors.ts';
import type { Decision } from '../../core/report.ts';
import type { Deps } from '../../usecases/deps.ts';
import { unitDirectory } from '../../usecases/directory.ts';
import { DecisionInputError, type LinkParams, submitDecision, viewDecision } from '../../usecases/take-decision.ts';
import { confirmPage, type ResultKind, resultPage } from '../decision-pages.ts';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';

/**
 * A decision form is a choice and a note of ≤ 2000 characters: anything near this is not one. The portal applies
 * it to every request body before the body is read (app.tsx).
 */
export const MAX_BODY_BYTES = 16 * 1024;

const STATUS: Record<ResultKind, ContentfulStatusCode> = {
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

async function readForm(body: ArrayBuffer, type: string): Promise<URLSearchParams | 'BAD'> {
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return 'BAD';
  try {
    return new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return 'BAD';
  }
}

/**
 * GET|POST /keputusan/:id — the emailed decision link (its signature is the proof of identity). Every outcome is
 * a page in the user's language with a precise status code; nothing here answers 500 for something a user did.
 */
export function decisionLinkRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  app.on(['GET', 'HEAD', 'POST'], '/keputusan/:id', async (c) => {
    const deps = opts.deps();
    const lang = c.get('lang');
    const params: LinkParams = { decisionId: c.req.param('id'), e: c.req.query('e'), s: c.req.query('s') };
    const csrf = c.get('session')?.csrf;
    const page = (kind: ResultKind, decision?: Decision, unit?: UnitProfile) =>
      c.html(resultPage({ lang, kind, decision, unit }), STATUS[kind]);
    try {
      if (c.req.method !== 'POST') {
        const view = await viewDecision(deps, params);
        if (view.decision.state !== 'PENDING')
          return c.html(resultPage({ lang, kind: 'ALREADY', decision: view.decision }));
        return c.html(confirmPage({ lang, ...view, csrf }));
      }
      const form = await readForm(await c.req.arrayBuffer(), c.req.header('content-type') ?? '');
      if (form === 'BAD') return page('BAD');
      const note = form.get('catatan') ?? undefined;
      try {
        const result = await submitDecision(deps, params, { decision: form.get('keputusan') ?? undefined, note });
        if (result.outcome === 'SUPERSEDED') return page('SUPERSEDED', result.decision);
        opts.onDecided?.(result.decision);
        if (result.decision.decision !== 'APPROVE') return page('REVISED', result.decision);
        // Only an approved verification names someone on its result page (who ratifies next).
        const unit = result.decision.step === 'verify' ? await unitOf(deps, result.decision) : undefined;
        return page('APPROVED', result.decision, unit);
      } catch (err) {
        if (!(err instanceof DecisionInputError)) throw err;
        const view = await viewDecision(deps, params);
        if (view.decision.state !== 'PENDING') return page('ALREADY', view.decision);
        return c.html(confirmPage({ lang, ...view, problem: err.problem, note, csrf }), 422);
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
  });
  app.all('/keputusan/:id', (c) =>
    c.html(resultPage({ lang: c.get('lang'), kind: 'NOT_ALLOWED' }), STATUS.NOT_ALLOWED),
  );
  return app;
}

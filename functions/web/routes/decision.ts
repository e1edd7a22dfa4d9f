import { Hono } from 'hono';
import type { LinkParams } from '../../usecases/take-decision.ts';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';
import { answerDecision, decisionBodyLimit, MAX_BODY_BYTES, notAllowed } from './decision-answer.tsx';

export { MAX_BODY_BYTES };

/**
 * GET|POST /keputusan/:id — the emailed decision link (its signature is the proof of identity). The confirm view,
 * the use case and the result pages are the ones of the portal's task page (/tugas/:id).
 */
export function decisionLinkRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  app.on(['GET', 'HEAD', 'POST'], '/keputusan/:id', decisionBodyLimit, (c) => {
    const params: LinkParams = { decisionId: c.req.param('id'), e: c.req.query('e'), s: c.req.query('s') };
    return answerDecision(c, opts, params);
  });
  app.all('/keputusan/:id', notAllowed);
  return app;
}

import { Hono } from 'hono';
import type { SessionPerson } from '../../core/session.ts';
import { myTasks } from '../../usecases/my-tasks.ts';
import { TaskListPage } from '../pages/tasks.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';
import { requireSignIn } from '../session.ts';
import { answerDecision, decisionBodyLimit, notAllowed } from './decision-answer.tsx';

/**
 * GET /tugas — "Tugas saya": the decisions waiting for the signed-in official. GET|POST /tugas/:id — one of them:
 * the same confirm view, use case and result pages as the emailed link; the session (its NIP and unit, equal to
 * the assignee's) is the proof of identity instead of the link's signature, and the POST carries the CSRF token.
 */
export function taskRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  app.use('/tugas', requireSignIn);
  app.use('/tugas/*', requireSignIn);

  app.get('/tugas', async (c) => {
    const deps = opts.deps();
    const person = c.get('person') as SessionPerson;
    const tasks = await myTasks(deps, person, deps.clock.now());
    return c.html(<TaskListPage lang={c.get('lang')} tasks={tasks} person={person} csrf={c.get('session')?.csrf} />);
  });

  app.on(['GET', 'HEAD', 'POST'], '/tugas/:id', decisionBodyLimit, (c) =>
    answerDecision(c, opts, { decisionId: c.req.param('id'), person: c.get('person') as SessionPerson }),
  );
  app.all('/tugas/:id', notAllowed);
  return app;
}

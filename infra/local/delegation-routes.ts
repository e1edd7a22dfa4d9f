import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Delegation } from '../../functions/core/delegation.ts';
import { DelegationError } from '../../functions/core/delegation.ts';
import type { DirectoryActor } from '../../functions/core/directory.ts';
import { UnknownUnitError } from '../../functions/core/errors.ts';
import { StaleDirectoryError } from '../../functions/ports/directory.ts';
import {
  cancelDelegation,
  delegateNow,
  endDelegationNow,
  listDelegations,
  type Readdressed,
  setDelegation,
} from '../../functions/usecases/delegation.ts';
import type { Deps } from '../../functions/usecases/deps.ts';
import type { DirectoryDeps } from '../../functions/usecases/directory.ts';

/**
 * `lapkin delegate` — Plh / Plt set by an operator. One module for the CLI's two ways in (like the directory's):
 * over HTTP to the running local stack, which re-addresses the pending requests at once (it can mail), and on a
 * stopped stack's files or an AWS table, where only the delegation is written and the Mutu Baku clock
 * re-addresses within its next run.
 */

export interface DelegationRequest {
  unit: string;
  role: string;
  to: string;
  kind?: string;
  from: string;
  until: string;
  reason?: string;
  by: { name: string; email?: string };
}

export interface DelegationAnswer {
  delegation: Delegation;
  /** Re-addressed now; undefined when this way in cannot mail (the clock does it). */
  readdressed?: Readdressed[];
}

/** A refusal: the rules' problems (Bahasa Indonesia), or an unknown unit. */
export class DelegationRequestError extends Error {
  override name = 'DelegationRequestError';
  constructor(
    readonly status: number,
    readonly problems: string[],
  ) {
    super(problems.join('; '));
  }
}

export function asDelegationError(err: unknown): unknown {
  if (err instanceof DelegationError) return new DelegationRequestError(400, err.problems);
  if (err instanceof UnknownUnitError)
    return new DelegationRequestError(404, [`unit "${err.unit}" tidak ada di direktori`]);
  if (err instanceof StaleDirectoryError)
    return new DelegationRequestError(409, [
      'delegasi jabatan ini baru saja diubah oleh orang lain; ulangi perintahnya',
    ]);
  return err;
}

const actorOf = (by: DelegationRequest['by']): DirectoryActor => ({ ...by, source: 'CLI' });

/** Sets one; with full deps (a running stack) the pending requests of that role are re-addressed at once. */
export async function delegate(deps: DirectoryDeps | Deps, req: DelegationRequest): Promise<DelegationAnswer> {
  const input = {
    unit: req.unit,
    role: req.role.toUpperCase(),
    delegateNip: req.to,
    kind: req.kind,
    from: req.from,
    until: req.until,
    reason: req.reason,
    actor: actorOf(req.by),
  };
  return canMail(deps) ? delegateNow(deps, input) : { delegation: await setDelegation(deps, input) };
}

export async function cancel(
  deps: DirectoryDeps | Deps,
  req: { unit: string; id: string; by: DelegationRequest['by'] },
): Promise<DelegationAnswer> {
  const input = { unit: req.unit, id: req.id, actor: actorOf(req.by) };
  return canMail(deps) ? endDelegationNow(deps, input) : { delegation: await cancelDelegation(deps, input) };
}

/** Full dependencies (a running stack) can mail the re-addressed requests; the directory alone cannot. */
const canMail = (deps: DirectoryDeps | Deps): deps is Deps => 'mailer' in deps;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function parseBy(raw: unknown): DelegationRequest['by'] {
  const by = (raw ?? {}) as Record<string, unknown>;
  const name = text(by.name).trim();
  if (!name || name.length > 200)
    throw new DelegationRequestError(400, ['by.name (siapa yang menetapkan) wajib diisi']);
  return { name, ...(text(by.email) ? { email: text(by.email) } : {}) };
}

/** The JSON of a request, as strings (the use case checks every value in depth). */
function parseRequest(b: Record<string, unknown>): DelegationRequest {
  return {
    unit: text(b.unit),
    role: text(b.role),
    to: text(b.to),
    from: text(b.from),
    until: text(b.until),
    ...(text(b.kind) ? { kind: text(b.kind) } : {}),
    ...(text(b.reason) ? { reason: text(b.reason) } : {}),
    by: parseBy(b.by),
  };
}

/**
 * The running stack's routes, under /_lokal (JSON only; the server's Host and cross-site checks run first):
 *   GET  /delegasi?unit=U[&semua=1]   the unit's delegations (current and future; semua: all)
 *   POST /delegasi                    DelegationRequest
 *   POST /delegasi/batal              {unit, id, by}
 */
export function delegationRoutes(depsOf: () => Deps) {
  const app = new Hono();
  const answer = async (c: Context, work: (deps: Deps) => Promise<unknown>) => {
    c.header('cache-control', 'no-store');
    try {
      return c.json(await work(depsOf()));
    } catch (err) {
      const e = asDelegationError(err);
      if (!(e instanceof DelegationRequestError)) throw e;
      return c.json({ problems: e.problems }, e.status as ContentfulStatusCode);
    }
  };
  const body = async (c: Context): Promise<Record<string, unknown>> => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
      throw new DelegationRequestError(415, ['isi permintaan harus application/json']);
    try {
      return (await c.req.json()) as Record<string, unknown>;
    } catch {
      throw new DelegationRequestError(400, ['isi permintaan bukan JSON yang sah']);
    }
  };
  app.get('/delegasi', (c) =>
    answer(c, async (deps) => ({
      delegations: await listDelegations(deps, c.req.query('unit') ?? '', { all: !!c.req.query('semua') }),
    })),
  );
  app.post('/delegasi', (c) => answer(c, async (deps) => delegate(deps, parseRequest(await body(c)))));
  app.post('/delegasi/batal', (c) =>
    answer(c, async (deps) => {
      const b = await body(c);
      return cancel(deps, { unit: text(b.unit), id: text(b.id), by: parseBy(b.by) });
    }),
  );
  return app;
}

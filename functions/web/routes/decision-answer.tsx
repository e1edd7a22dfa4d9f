import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type UnitProfile, unitOfReportId } from '../../core/directory.ts';
import { DecisionAlreadyTakenError, InvalidLinkError, TransientError } from '../../core/errors.ts';
import type { Decision } from '../../core/report.ts';
import type { Deps } from '../../usecases/deps.ts';
import { unitDirectory } from '../../usecases/directory.ts';
import {
  DecisionInputError,
  DecisionNotFoundError,
  type DecisionProof,
  DecisionRedirectedError,
  NotAssigneeError,
  submitDecision,
  viewDecision,
} from '../../usecases/take-decision.ts';
import { ConfirmPage, type ResultKind, ResultPage } from '../pages/decision.tsx';
import { MessagePage } from '../pages/message.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';

/** A decision form is a choice and a note of ≤ 2000 characters: anything near this is not one. */
export const MAX_BODY_BYTES = 16 * 1024;

export const STATUS: Record<ResultKind, ContentfulStatusCode> = {
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
  // The link is genuine, only no longer this person's: like a decided one, a conflict.
  REDIRECTED: 409,
};

const REFUSED = {
  id: {
    notYours: 'Bukan tugas Bapak/Ibu',
    notYoursBody:
      'Keputusan ini ditujukan kepada pejabat lain. Hanya pejabat yang diminta yang dapat memberikannya; tidak ada yang diubah.',
    unknown: 'Tugas tidak ditemukan',
    unknownBody: 'Tugas ini tidak dikenal. Mohon buka kembali dari daftar Tugas saya.',
    tasks: 'Ke Tugas saya',
  },
  en: {
    notYours: 'Not your task',
    notYoursBody:
      'This decision is addressed to another official. Only the official asked may take it; nothing was changed.',
    unknown: 'Task not found',
    unknownBody: 'This task is unknown. Please open it again from My tasks.',
    tasks: 'Go to My tasks',
  },
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
 * GET or POST of one decision, whatever proves who is deciding (the emailed link's signature, or the portal's
 * session): the same confirm view, the same take-decision use case, the same result pages with precise status
 * codes. Nothing here answers 500 for something a user did.
 */
export async function answerDecision(c: Context<PortalEnv>, opts: PortalOptions, proof: DecisionProof) {
  const deps = opts.deps();
  const lang = c.get('lang');
  const csrf = c.get('session')?.csrf;
  // The portal's menu only on the portal's own task pages: a link opened in a signed-in browser stays a link.
  const person = 'person' in proof ? c.get('person') : undefined;
  const page = (kind: ResultKind, decision?: Decision, unit?: UnitProfile, status = STATUS[kind]) =>
    c.html(<ResultPage lang={lang} kind={kind} decision={decision} unit={unit} person={person} csrf={csrf} />, status);
  const confirm = async (extra: { problem?: DecisionInputError['problem']; note?: string } = {}, status = 200) => {
    const view = await viewDecision(deps, proof);
    // Opening a decided task is no error (200); posting to one is a conflict (409).
    if (view.decision.state !== 'PENDING')
      return page('ALREADY', view.decision, undefined, c.req.method === 'POST' ? STATUS.ALREADY : 200);
    return c.html(
      <ConfirmPage lang={lang} {...view} {...extra} csrf={csrf} person={person} now={deps.clock.now()} />,
      status as ContentfulStatusCode,
    );
  };
  try {
    if (c.req.method !== 'POST') return await confirm();
    const form = await readForm(await c.req.arrayBuffer(), c.req.header('content-type') ?? '');
    if (form === 'BAD') return page('BAD');
    const note = form.get('catatan') ?? undefined;
    try {
      const result = await submitDecision(deps, proof, { decision: form.get('keputusan') ?? undefined, note });
      if (result.outcome === 'SUPERSEDED') return page('SUPERSEDED', result.decision);
      opts.onDecided?.(result.decision);
      if (result.decision.decision !== 'APPROVE') return page('REVISED', result.decision);
      // Only an approved verification names someone on its result page (who ratifies next).
      const unit = result.decision.step === 'verify' ? await unitOf(deps, result.decision) : undefined;
      return page('APPROVED', result.decision, unit);
    } catch (err) {
      if (!(err instanceof DecisionInputError)) throw err;
      return await confirm({ problem: err.problem, note }, 422);
    }
  } catch (err) {
    if (err instanceof InvalidLinkError) return page(err.problem === 'EXPIRED' ? 'EXPIRED' : 'INVALID');
    if (err instanceof DecisionAlreadyTakenError) {
      const decision = proof.decisionId ? await deps.repo.getDecision(proof.decisionId) : undefined;
      return page('ALREADY', decision);
    }
    if (err instanceof TransientError) return page('RETRY');
    if (err instanceof DecisionRedirectedError)
      return page('REDIRECTED', err.decision, undefined, c.req.method === 'POST' ? STATUS.REDIRECTED : 200);
    if (err instanceof NotAssigneeError || err instanceof DecisionNotFoundError) {
      const t = REFUSED[lang];
      const mine = err instanceof NotAssigneeError;
      return c.html(
        <MessagePage
          lang={lang}
          title={mine ? t.notYours : t.unknown}
          body={mine ? t.notYoursBody : t.unknownBody}
          tone="bad"
          person={c.get('person')}
          csrf={csrf}
          next={{ href: '/tugas', label: t.tasks }}
        />,
        mine ? 403 : 404,
      );
    }
    throw err;
  }
}

/** The answer to a body above MAX_BODY_BYTES (hono's bodyLimit). */
export function tooLarge(c: Context<PortalEnv>) {
  return c.html(<ResultPage lang={c.get('lang')} kind="TOO_LARGE" />, STATUS.TOO_LARGE);
}

const streamLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });

/**
 * The size limit of a decision form. A signed-in browser's POST has been read already by the CSRF check (its
 * stream is spent, so hono's bodyLimit could not read it again without a Content-Length): measure what was read.
 */
export const decisionBodyLimit: MiddlewareHandler<PortalEnv> = async (c, next) => {
  const read = c.req.bodyCache.arrayBuffer;
  if (read) return (await read).byteLength > MAX_BODY_BYTES ? tooLarge(c) : next();
  return streamLimit(c, next);
};

/** The answer to a method a decision page does not take. */
export function notAllowed(c: Context<PortalEnv>) {
  return c.html(<ResultPage lang={c.get('lang')} kind="NOT_ALLOWED" />, STATUS.NOT_ALLOWED);
}

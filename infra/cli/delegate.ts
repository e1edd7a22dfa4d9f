import type { LapkinConfig } from '../../functions/core/config.ts';
import { type Delegation, delegationSpan, KIND_PREFIX, withdrawnBeforeStart } from '../../functions/core/delegation.ts';
import { formatDateTime } from '../../functions/i18n/format.ts';
import { listDelegations } from '../../functions/usecases/delegation.ts';
import type { DirectoryDeps } from '../../functions/usecases/directory.ts';
import {
  asDelegationError,
  cancel,
  type DelegationAnswer,
  type DelegationRequest,
  DelegationRequestError,
  delegate,
} from '../local/delegation-routes.ts';
import { answeringStack } from '../local/stack-file.ts';
import { parseActor, withDirectoryDeps } from './people.ts';

/**
 * `lapkin delegate` — an operator sets a Plh / Plt (as `lapkin people` sets a person): the running local stack
 * over HTTP (it re-addresses pending requests at once and mails), a stopped stack's files or an AWS table
 * (`--table`) directly (there the Mutu Baku clock re-addresses on its next run).
 */
export interface DelegationClient {
  list(unit: string, all: boolean): Promise<Delegation[]>;
  set(req: DelegationRequest): Promise<DelegationAnswer>;
  cancel(req: { unit: string; id: string; by: DelegationRequest['by'] }): Promise<DelegationAnswer>;
}

export function httpDelegations(base: string): DelegationClient {
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${base}${path}`, init).catch(() => {
      throw new DelegationRequestError(503, [`stack lokal di ${base} tidak menjawab`]);
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new DelegationRequestError(res.status, (body.problems as string[]) ?? [`HTTP ${res.status}`]);
    return body as T;
  };
  const post = <T>(path: string, body: unknown) =>
    call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    list: async (unit, all) =>
      (
        await call<{ delegations: Delegation[] }>(
          `/_lokal/delegasi?unit=${encodeURIComponent(unit)}${all ? '&semua=1' : ''}`,
        )
      ).delegations,
    set: (req) => post('/_lokal/delegasi', req),
    cancel: (req) => post('/_lokal/delegasi/batal', req),
  };
}

export function localDelegations(deps: DirectoryDeps): DelegationClient {
  const guard = async <T>(run: () => Promise<T>) => {
    try {
      return await run();
    } catch (err) {
      throw asDelegationError(err);
    }
  };
  return {
    list: (unit, all) => guard(() => listDelegations(deps, unit, { all })),
    set: (req) => guard(() => delegate(deps, req)),
    cancel: (req) => guard(() => cancel(deps, req)),
  };
}

const WORDS = {
  id: {
    none: 'belum ada Plh/Plt yang berlaku atau akan datang',
    for: 'menggantikan',
    cancelled: 'dibatalkan',
    by: 'oleh',
    moved: (n: number) => `${n} permintaan yang sedang menunggu dialihkan sekarang.`,
    later:
      'Permintaan yang sedang menunggu dialihkan oleh jam Mutu Baku pada putaran berikutnya (stack lokal: saat berjalan; AWS: paling lama 15 menit).',
  },
  en: {
    none: 'no current or upcoming acting officials',
    for: 'acting for',
    cancelled: 'cancelled',
    by: 'by',
    moved: (n: number) => `${n} pending request(s) re-addressed now.`,
    later:
      'Pending requests are re-addressed by the Mutu Baku clock on its next run (local stack: when it runs; AWS: within 15 minutes).',
  },
};

export function delegationLine(d: Delegation, lang: 'id' | 'en'): string {
  const w = WORDS[lang];
  return [
    `${d.id}  ${d.unit}/${d.role}  ${KIND_PREFIX[d.kind]} ${d.delegate.name} (NIP ${d.delegate.nip})`,
    `    ${w.for} ${d.official.name} (NIP ${d.official.nip})`,
    `    ${delegationSpan(d, lang)}${d.cancelledAt && !withdrawnBeforeStart(d) ? ` (${w.cancelled})` : ''}${d.reason ? ` — ${d.reason}` : ''}`,
    `    ${w.by} ${d.setBy.name} (${d.setBy.source}), ${formatDateTime(d.setAt, lang)}`,
  ].join('\n');
}

export interface DelegateArgs {
  config: LapkinConfig;
  stateDir: string;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const ALLOWED: Record<string, string[]> = {
  set: ['unit', 'role', 'to', 'from', 'until', 'kind', 'reason', 'by', 'json', 'table'],
  list: ['unit', 'all', 'json', 'table'],
  cancel: ['unit', 'id', 'by', 'json', 'table'],
};

/** Exit code: 0 done, 1 refused (the rules' problems, unknown unit), 2 wrong usage. */
export async function runDelegate(a: DelegateArgs): Promise<number> {
  const lang = a.config.language;
  const fail = (message: string, code = 1) => {
    a.err(`lapkin delegate: ${message}\n`);
    return code;
  };
  const [first, ...extra] = a.positionals;
  const sub = first ?? 'set';
  if (!(sub in ALLOWED) || extra.length || first === 'set')
    return fail(`give one of: list, cancel, or no subcommand to set one${first ? ` (not "${first}")` : ''}`, 2);
  const v = a.values as Record<string, string | undefined> & { json?: boolean; all?: boolean };
  const given = Object.keys(a.values).filter((k) => a.values[k] !== undefined && k !== 'state-dir' && k !== 'help');
  const stray = given.filter((k) => !(ALLOWED[sub] as string[]).includes(k));
  if (stray.length)
    return fail(`delegate ${sub === 'set' ? '' : sub} does not take ${stray.map((k) => `--${k}`).join(', ')}`, 2);
  const unit = v.unit?.trim();
  if (!unit) return fail(`needs --unit (one of ${a.config.units.map((u) => u.organization.unitCode).join(', ')})`, 2);
  const missing =
    sub === 'set'
      ? (['role', 'to', 'from', 'until'] as const).filter((k) => !v[k]?.trim())
      : sub === 'cancel' && !v.id
        ? ['id']
        : [];
  if (missing.length) return fail(`needs ${missing.map((k) => `--${k}`).join(', ')}`, 2);
  const by = parseActor(v.by);
  if (typeof by === 'string') return fail(by, 2);
  if (v.table !== undefined && !/^[A-Za-z0-9_.-]{3,255}$/.test(v.table))
    return fail('--table must be a DynamoDB table name (the stack output TableName)', 2);

  const say = (text: string) => a.out(`${text}\n`);
  const w = WORDS[lang];
  const report = (answer: DelegationAnswer) => {
    if (v.json) return say(JSON.stringify(answer, null, 2));
    say(delegationLine(answer.delegation, lang));
    say(answer.readdressed ? w.moved(answer.readdressed.length) : w.later);
  };
  try {
    return await withDelegations(a.config, a.stateDir, v.table, async (client) => {
      if (sub === 'list') {
        const list = await client.list(unit, !!v.all);
        if (v.json) say(JSON.stringify({ delegations: list }, null, 2));
        else say(list.length ? list.map((d) => delegationLine(d, lang)).join('\n') : w.none);
      } else if (sub === 'cancel') report(await client.cancel({ unit, id: (v.id as string).trim(), by }));
      else
        report(
          await client.set({
            unit,
            role: (v.role as string).trim().toUpperCase(),
            to: (v.to as string).trim(),
            from: (v.from as string).trim(),
            until: (v.until as string).trim(),
            ...(v.kind ? { kind: v.kind.trim() } : {}),
            ...(v.reason ? { reason: v.reason } : {}),
            by,
          }),
        );
      return 0;
    });
  } catch (err) {
    if (!(err instanceof DelegationRequestError)) throw err;
    return fail(err.problems.length > 1 ? `\n  - ${err.problems.join('\n  - ')}` : (err.problems[0] ?? err.message));
  }
}

/** The delegations of the state dir's stack (over HTTP when it runs), or of a deployed table. */
async function withDelegations<T>(
  config: LapkinConfig,
  stateDir: string,
  awsTable: string | undefined,
  use: (client: DelegationClient) => Promise<T>,
): Promise<T> {
  if (!awsTable) {
    const running = await answeringStack(stateDir);
    if (running) return use(httpDelegations(running.urls.http));
  }
  return withDirectoryDeps(config, stateDir, awsTable, (deps) => use(localDelegations(deps)));
}

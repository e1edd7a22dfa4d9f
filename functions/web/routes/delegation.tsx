import { type Context, Hono } from 'hono';
import type { Person, Role } from '../../core/config.ts';
import { DelegationError, delegateTitle, isCurrentOrFuture, officialTitle } from '../../core/delegation.ts';
import type { DirectoryActor } from '../../core/directory.ts';
import type { SessionPerson } from '../../core/session.ts';
import { delegableRoles, delegateNow, endDelegationNow, listDelegations } from '../../usecases/delegation.ts';
import { unitDirectory } from '../../usecases/directory.ts';
import { type DelegationForm, DelegationPage } from '../pages/delegation.tsx';
import { MessagePage } from '../pages/message.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';
import { requireSignIn } from '../session.ts';

const REFUSED = {
  id: {
    title: 'Khusus pejabat pengambil keputusan',
    body: 'Plh / Plt hanya dapat ditetapkan oleh pejabat yang memberikan paraf atau pengesahan (Ketua TIMSAKIP, Sekretaris, kepala unit) untuk jabatannya sendiri.',
    home: 'Ke beranda',
  },
  en: {
    title: 'For deciding officials only',
    body: 'An acting official can only be set by an official who initials or ratifies (team lead, Secretary, head of the unit), for their own position.',
    home: 'Go to home',
  },
};

/**
 * GET /delegasi — the signed-in official's Plh / Plt (their positions that decide a step); POST /delegasi sets
 * one, POST /delegasi/:id/batal ends or cancels one. Both re-address the pending requests of that position at
 * once when the change holds now (later starts and ends: the Mutu Baku clock). Only for a person holding a
 * deciding role, and only for their own positions; every POST carries the CSRF token (checked by the app).
 */
export function delegationRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  app.use('/delegasi', requireSignIn);
  app.use('/delegasi/*', requireSignIn);

  const ownRoles = (c: Context<PortalEnv>): Role[] => {
    const person = c.get('person') as SessionPerson;
    const deciding = delegableRoles(opts.deps().config);
    return deciding.filter((r) => person.roles.includes(r));
  };

  const refuse = (c: Context<PortalEnv>) => {
    const t = REFUSED[c.get('lang')];
    return c.html(
      <MessagePage
        lang={c.get('lang')}
        title={t.title}
        body={t.body}
        tone="bad"
        person={c.get('person')}
        csrf={c.get('session')?.csrf}
        next={{ href: '/', label: t.home }}
      />,
      403,
    );
  };

  const render = async (
    c: Context<PortalEnv>,
    extra: {
      form?: DelegationForm;
      problems?: string[];
      failed?: 'set' | 'cancel';
      notice?: 'saved' | 'cancelled';
    } = {},
    status: 200 | 422 = 200,
  ) => {
    const deps = opts.deps();
    const person = c.get('person') as SessionPerson;
    const roles = ownRoles(c);
    const now = deps.clock.now();
    const [unit, all] = await Promise.all([unitDirectory(deps, person.unit), listDelegations(deps, person.unit)]);
    // The unit's officials once each (a person may hold two roles), but the official himself: a Plh/Plt is an
    // official, so a person holding only the staff role is not offered (setDelegation would refuse him).
    const seen = new Set<string>([person.nip]);
    const candidates: (Person & { roleTitle: string })[] = [];
    for (const [role, p] of Object.entries(unit.people) as [Role, Person][]) {
      if (!p || seen.has(p.nip) || role === 'STAF') continue;
      seen.add(p.nip);
      candidates.push({ ...p, roleTitle: unit.profile.roleTitles[role] });
    }
    return c.html(
      <DelegationPage
        lang={c.get('lang')}
        person={person}
        csrf={c.get('session')?.csrf}
        now={now}
        roles={roles.map((role) => ({ role, title: officialTitle(unit.profile, role) }))}
        candidates={candidates}
        mine={all.filter((d) => roles.includes(d.role))}
        actingAs={all
          .filter((d) => d.delegate.nip === person.nip && isCurrentOrFuture(d, now))
          .map((d) => ({ ...d, title: delegateTitle(unit.profile, d) }))}
        titleOf={(d) => officialTitle(unit.profile, d.role)}
        {...extra}
      />,
      status,
    );
  };

  const actorOf = (person: SessionPerson): DirectoryActor => ({
    name: person.name,
    email: person.email,
    source: 'PORTAL',
  });

  app.get('/delegasi', async (c) => {
    if (!ownRoles(c).length) return refuse(c);
    const notice = c.req.query('ok') ? 'saved' : c.req.query('batal') ? 'cancelled' : undefined;
    return render(c, notice ? { notice } : {});
  });

  app.post('/delegasi', async (c) => {
    const roles = ownRoles(c);
    if (!roles.length) return refuse(c);
    const deps = opts.deps();
    const person = c.get('person') as SessionPerson;
    const body = await c.req.parseBody();
    const field = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const form: DelegationForm = {
      role: field('peran') || roles[0],
      delegateNip: field('nip'),
      kind: field('jenis') || 'PLH',
      from: field('mulai'),
      until: field('sampai'),
      reason: field('alasan'),
    };
    // Only the official's own positions: a role this person does not hold is refused like any other problem.
    if (!roles.includes(form.role as Role))
      return render(c, { form, problems: ['Bapak/Ibu hanya dapat menetapkan Plh/Plt untuk jabatan sendiri'] }, 422);
    try {
      await delegateNow(deps, {
        unit: person.unit,
        role: form.role ?? '',
        delegateNip: form.delegateNip ?? '',
        kind: form.kind,
        from: form.from ?? '',
        until: form.until ?? '',
        reason: form.reason,
        actor: actorOf(person),
      });
    } catch (err) {
      if (err instanceof DelegationError) return render(c, { form, problems: err.problems }, 422);
      throw err;
    }
    return c.redirect('/delegasi?ok=1', 303);
  });

  app.post('/delegasi/:id/batal', async (c) => {
    const roles = ownRoles(c);
    if (!roles.length) return refuse(c);
    const deps = opts.deps();
    const person = c.get('person') as SessionPerson;
    try {
      await endDelegationNow(deps, {
        unit: person.unit,
        id: c.req.param('id'),
        actor: actorOf(person),
        allowed: (d) => roles.includes(d.role),
      });
    } catch (err) {
      if (err instanceof DelegationError) return render(c, { problems: err.problems, failed: 'cancel' }, 422);
      throw err;
    }
    return c.redirect('/delegasi?batal=1', 303);
  });
  return app;
}

import { type Context, Hono } from 'hono';
import { CITY_ROLE, CITY_UNIT, DEFAULT_ROLE_TITLES, type Role } from '../../core/config.ts';
import type { DirectoryRole, UnitProfile } from '../../core/directory.ts';
import { hasTasks, type SessionPerson, UPLOADER_ROLES } from '../../core/session.ts';
import type { Lang } from '../../i18n/lang.ts';
import { Layout } from '../pages/layout.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';

const T = {
  id: {
    title: 'Beranda portal lapkin',
    welcome: (name: string) => `Selamat datang, Bapak/Ibu ${name}`,
    unit: 'Unit',
    roles: 'Peran Bapak/Ibu',
    allUnits: 'Semua unit',
    city: 'Tingkat kota',
    todo: 'Yang dapat Bapak/Ibu lakukan',
    upload: [
      'Unggah data',
      'Unggah berkas data kinerja (CSV/XLSX) untuk satu periode; berkas diperiksa sebelum dikirim.',
    ],
    reports: ['Laporan', 'Laporan kinerja unit Bapak/Ibu: status, tahap, batas waktu, dan dokumennya.'],
    reportsCity: ['Laporan semua unit', 'Laporan kinerja setiap unit: status, tahap, dan batas waktu.'],
    tasks: [
      'Tugas saya',
      'Laporan yang menunggu paraf, verifikasi atau pengesahan Bapak/Ibu, yang terlama lebih dahulu.',
    ],
  },
  en: {
    title: 'lapkin portal home',
    welcome: (name: string) => `Welcome, ${name}`,
    unit: 'Unit',
    roles: 'Your roles',
    allUnits: 'All units',
    city: 'City level',
    todo: 'What you can do',
    upload: [
      'Upload data',
      'Upload a performance data file (CSV/XLSX) for one period; it is checked before it is sent.',
    ],
    reports: ['Reports', "Your unit's performance reports: status, step, due time and documents."],
    reportsCity: ['Reports of all units', 'The performance reports of every unit: status, step and due time.'],
    tasks: ['My tasks', 'Reports awaiting your initials, verification or ratification, oldest first.'],
  },
};

/** The SOP's data collectors upload; the team lead, the Sekretaris and the head of the unit decide; everyone reads reports. */
const UPLOADERS = UPLOADER_ROLES;

const FACT = 'margin:0 0 10px;font-weight:600';

interface Action {
  href: string;
  label: string;
  hint: string;
}

export function actionsFor(person: SessionPerson, lang: Lang): Action[] {
  const t = T[lang];
  const has = (roles: readonly DirectoryRole[]) => person.roles.some((r) => roles.includes(r));
  const city = person.roles.includes(CITY_ROLE);
  const act = ([label, hint]: string[], href: string): Action => ({ href, label: label ?? '', hint: hint ?? '' });
  return [
    ...(has(UPLOADERS) ? [act(t.upload, '/unggah')] : []),
    act(city ? t.reportsCity : t.reports, '/laporan'),
    ...(hasTasks(person) ? [act(t.tasks, '/tugas')] : []),
  ];
}

function roleLabel(role: DirectoryRole, unit: UnitProfile | undefined, lang: Lang): string {
  if (role === CITY_ROLE) return T[lang].city;
  return unit?.roleTitles[role as Role] ?? DEFAULT_ROLE_TITLES.KECAMATAN[role as Role];
}

function HomePage(p: {
  lang: Lang;
  person: SessionPerson;
  csrf?: string;
  unitName: string;
  roles: string[];
  actions: Action[];
}) {
  const t = T[p.lang];
  return (
    <Layout lang={p.lang} title={t.title} person={p.person} csrf={p.csrf}>
      <h1>{t.welcome(p.person.name)}</h1>
      <dl class="facts" style="margin:0">
        <dt class="muted">{t.unit}</dt>
        <dd style={FACT}>{p.unitName}</dd>
        <dt class="muted">{t.roles}</dt>
        <dd style={FACT}>{p.roles.join(', ')}</dd>
      </dl>
      <h2>{t.todo}</h2>
      <ul class="actions" style="list-style:none;padding:0;margin:0">
        {p.actions.map((a) => (
          <li style="margin:0 0 16px">
            <a class="btn btn-link" href={a.href} style="display:block;margin:0 0 4px">
              {a.label}
            </a>
            <span class="muted">{a.hint}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/**
 * GET / — the portal's home: who is signed in, for which unit, in which roles (all from the directory), and the
 * pages those roles need. Not signed in: to the sign-in page.
 */
export function homeRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();
  app.get('/', async (c: Context<PortalEnv>) => {
    const person = c.get('person');
    if (!person) return c.redirect('/masuk', 303);
    const lang = c.get('lang');
    const deps = opts.deps();
    const unit = person.unit === CITY_UNIT ? undefined : await deps.directory.unit(person.unit);
    const unitName =
      person.unit === CITY_UNIT
        ? `${deps.config.city?.name ?? T[lang].city} — ${T[lang].allUnits}`
        : (unit?.organization.name ?? person.unit);
    return c.html(
      <HomePage
        lang={lang}
        person={person}
        csrf={c.get('session')?.csrf}
        unitName={unitName}
        roles={person.roles.map((r) => roleLabel(r, unit, lang))}
        actions={actionsFor(person, lang)}
      />,
    );
  });
  return app;
}

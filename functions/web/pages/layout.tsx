import type { Child, FC } from 'hono/jsx';
import { canDelegate, canUpload, hasTasks, type SessionPerson } from '../../core/session.ts';
import type { Lang } from '../../i18n/lang.ts';
import { languageSwitchHref } from '../language.ts';

export type Tone = 'neutral' | 'ok' | 'warn' | 'bad';
const ACCENT: Record<Tone, string> = { neutral: '#1f4e79', ok: '#1e7d32', warn: '#9a6700', bad: '#b3261e' };

const NAV = {
  id: {
    home: 'Beranda',
    upload: 'Unggah data',
    reports: 'Laporan',
    tasks: 'Tugas saya',
    delegation: 'Plh/Plt',
    signOut: 'Keluar',
  },
  en: {
    home: 'Home',
    upload: 'Upload data',
    reports: 'Reports',
    tasks: 'My tasks',
    delegation: 'Acting officials',
    signOut: 'Sign out',
  },
};

/**
 * The portal's one page shell, phone first: no horizontal scroll at 390 px, large tap targets, visible focus,
 * contrast ≥ 4.5:1. No external assets; scripts only where a page names its own (from /static, never inline).
 */
export const Layout: FC<{
  lang: Lang;
  title: string;
  tone?: Tone;
  wide?: boolean;
  person?: SessionPerson;
  /** The session's CSRF token: the sign-out form in the header carries it. */
  csrf?: string;
  /** Script paths (c.var.asset(name)): loaded deferred, from this origin only. */
  scripts?: string[];
  children?: Child;
}> = (p) => {
  const accent = ACCENT[p.tone ?? 'neutral'];
  const t = NAV[p.lang];
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{p.title}</title>
        {/* Our own constant CSS, not user data: written raw so its quotes stay quotes. */}
        <style dangerouslySetInnerHTML={{ __html: css(accent, p.wide) }} />
        {(p.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        {p.person ? (
          <header class="top">
            <nav aria-label={p.lang === 'id' ? 'Menu utama' : 'Main menu'}>
              <a href="/">{t.home}</a>
              {/* Each role sees what it can use (the routes check again). */}
              {canUpload(p.person) ? <a href="/unggah">{t.upload}</a> : null}
              <a href="/laporan">{t.reports}</a>
              {hasTasks(p.person) ? <a href="/tugas">{t.tasks}</a> : null}
              {canDelegate(p.person) ? <a href="/delegasi">{t.delegation}</a> : null}
            </nav>
            <form method="post" action="/keluar" class="signout">
              <input type="hidden" name="csrf" value={p.csrf ?? ''} />
              <span class="who">{p.person.name}</span>
              <button type="submit" class="linkish">
                {t.signOut}
              </button>
            </form>
          </header>
        ) : null}
        <main class="wrap">
          <LanguageSwitch lang={p.lang} />
          <div class="card">{p.children}</div>
          <div class="footer">lapkin — SOP Pelaporan Kinerja</div>
        </main>
      </body>
    </html>
  );
};

/** "English / Bahasa Indonesia": the language shown is plain text, the other switches (it sticks, same page). */
function LanguageSwitch(p: { lang: Lang }) {
  const names: [Lang, string][] = [
    ['en', 'English'],
    ['id', 'Bahasa Indonesia'],
  ];
  return (
    <nav class="lang-switch" aria-label={p.lang === 'id' ? 'Bahasa' : 'Language'}>
      {names.map(([to, name], i) => (
        <>
          {i ? ' / ' : ''}
          {to === p.lang ? (
            <span aria-current="true">{name}</span>
          ) : (
            // The one link that tells this origin which page it is on (the switch goes back there).
            <a href={languageSwitchHref(to)} hreflang={to} lang={to} referrerpolicy="same-origin">
              {name}
            </a>
          )}
        </>
      ))}
    </nav>
  );
}

function css(accent: string, wide?: boolean): string {
  return `
  *, *::before, *::after { box-sizing: border-box; }
  body { margin:0; background:#f3f5f8; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color:#1b1f24; line-height:1.5; }
  .wrap { max-width: ${wide ? '1100px' : '680px'}; margin: 0 auto; padding: 12px; }
  .card { background:#fff; border-radius:10px; padding:16px; box-shadow:0 1px 3px rgba(0,0,0,.08); border-top:5px solid ${accent}; overflow-wrap:anywhere; }
  h1 { font-size: 1.3rem; margin: 0 0 12px; color:${accent}; }
  h2 { font-size: 1.05rem; margin: 20px 0 8px; }
  .top { display:flex; flex-wrap:wrap; gap:4px 12px; align-items:center; justify-content:space-between; background:#1f4e79; color:#fff; padding:6px 12px; }
  .top nav { display:flex; flex-wrap:wrap; gap:2px 4px; }
  .top a { color:#fff; text-decoration:none; padding:8px 6px; font-weight:600; }
  .top a:hover { text-decoration:underline; }
  .signout { display:flex; gap:8px; align-items:center; margin:0; }
  .who { font-size:.85rem; opacity:.9; }
  .linkish { background:none; border:1px solid #fff; color:#fff; border-radius:6px; padding:6px 10px; font:inherit; cursor:pointer; }
  .table-scroll { overflow-x:auto; -webkit-overflow-scrolling:touch; }
  table { width:100%; border-collapse: collapse; font-size: .92rem; }
  th, td { text-align:left; padding:6px 8px; border-bottom:1px solid #e3e7ed; vertical-align: top; }
  th { background:#f0f3f7; font-weight:600; }
  td.num { text-align:right; white-space:nowrap; }
  .muted { color:#4f5966; font-size:.88rem; }
  .btn { display:inline-block; padding:12px 20px; border-radius:8px; font-weight:600; text-decoration:none; border:0; font-size:1rem; cursor:pointer; margin:6px 8px 6px 0; min-height:44px; }
  .btn-ok { background:#1e7d32; color:#fff; } .btn-warn { background:#fff; color:#8a5a00; border:2px solid #8a5a00; }
  .btn-link { background:${accent}; color:#fff; }
  .btn:disabled { opacity:.55; cursor:not-allowed; }
  label { display:block; font-weight:600; margin:12px 0 4px; }
  input[type=text], input[type=email], select, textarea { width:100%; font:inherit; padding:10px; border:1px solid #8a94a3; border-radius:6px; background:#fff; }
  textarea { min-height:110px; }
  :focus-visible { outline:3px solid #ffbf47; outline-offset:2px; }
  .notice { background:#fff8e1; border-left:4px solid #9a6700; padding:10px 12px; margin:12px 0; }
  .error { background:#fdecea; border-left:4px solid #b3261e; padding:10px 12px; margin:12px 0; }
  .ok { background:#e8f5e9; border-left:4px solid #1e7d32; padding:10px 12px; margin:12px 0; }
  .lang-switch { text-align:right; font-size:.85rem; margin:0 0 8px; color:#4f5966; }
  .lang-switch a { color:#1f4e79; display:inline-block; padding:6px 2px; }
  .footer { margin-top:16px; font-size:.8rem; color:#4f5966; text-align:center; }
  `;
}

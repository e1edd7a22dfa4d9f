import type { Child } from 'hono/jsx';
import type { SessionPerson } from '../../core/session.ts';
import type { Lang } from '../../i18n/lang.ts';
import { Layout, type Tone } from './layout.tsx';

/** A page that says one thing: an error, a refusal, a confirmation. */
export function MessagePage(p: {
  lang: Lang;
  title: string;
  body: Child;
  tone?: Tone;
  person?: SessionPerson;
  csrf?: string;
  /** Where the person can go from here. */
  next?: { href: string; label: string };
}) {
  return (
    <Layout lang={p.lang} title={p.title} tone={p.tone} person={p.person} csrf={p.csrf}>
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      {p.next ? (
        <p>
          <a class="btn btn-link" href={p.next.href}>
            {p.next.label}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The hidden field every POST form of a signed-in browser carries. */
export function CsrfField(p: { token?: string }) {
  return p.token ? <input type="hidden" name="csrf" value={p.token} /> : null;
}

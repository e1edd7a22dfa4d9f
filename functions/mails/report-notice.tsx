import type { Person } from '../core/config.ts';
import type { UnitProfile } from '../core/directory.ts';
import type { Report } from '../core/report.ts';
import { reportTitle } from '../i18n/labels.ts';
import type { Lang } from '../i18n/lang.ts';
import {
  Button,
  Closing,
  closing,
  Facts,
  greeting,
  Heading,
  P,
  type QuotedNote,
  QuotedNotes,
  quotedText,
  UrlLine,
} from './parts.tsx';
import { type Mail, MailShell, mailDocument, subjectOf, type Tone } from './shell.tsx';

/**
 * The layout the short notices share (a report documented, failed, an upload not used, a PK accepted): what
 * happened in a sentence, the facts, and at most one way on.
 */
export function reportNotice(a: {
  unit: UnitProfile;
  lang: Lang;
  /** What the notice is about: a report (its title), or a title of its own (a unit's Perjanjian Kinerja). */
  about: Report | { title: string };
  to: Person;
  action: string;
  heading: string;
  body: string;
  tone: Tone;
  facts?: [string, string][];
  next?: { label: string; href: string };
  /** Notes quoted under a title: the arahan given with the approvals of a documented report. */
  notes?: { title: string; items: QuotedNote[] };
}): Mail {
  const title = 'title' in a.about ? a.about.title : reportTitle(a.about, a.unit.organization.name, a.lang);
  const subject = subjectOf(a.action, title);
  const facts = a.facts ?? [];
  return {
    subject,
    text: [
      greeting(a.to.name, a.lang),
      '',
      a.body,
      '',
      title,
      ...facts.map(([k, v]) => `${k}: ${v}`),
      ...(a.notes?.items.length ? ['', `${a.notes.title}:`, ...quotedText(a.notes.items)] : []),
      ...(a.next ? ['', `${a.next.label}:`, a.next.href] : []),
      '',
      closing(a.lang),
      '',
    ].join('\n'),
    html: mailDocument(
      <MailShell lang={a.lang} title={subject} tone={a.tone}>
        <P>{greeting(a.to.name, a.lang)}</P>
        <Heading tone={a.tone}>{a.heading}</Heading>
        <P>
          <strong>{title}</strong>
        </P>
        <P>{a.body}</P>
        <Facts rows={facts} />
        {a.notes ? <QuotedNotes title={a.notes.title} notes={a.notes.items} /> : null}
        {a.next ? (
          <>
            <p style="margin:8px 0 4px">
              <Button href={a.next.href} tone={a.tone}>
                {a.next.label}
              </Button>
            </p>
            <UrlLine href={a.next.href} />
          </>
        ) : null}
        <Closing lang={a.lang} />
      </MailShell>,
    ),
  };
}

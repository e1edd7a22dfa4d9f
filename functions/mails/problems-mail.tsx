import type { Person } from '../core/config.ts';
import type { DataProblem } from '../core/performance-data.ts';
import type { Lang } from '../i18n/lang.ts';
import { Button, Closing, closing, Facts, greeting, Heading, Muted, P, TD, TH, tdFor, UrlLine } from './parts.tsx';
import { type Mail, MailShell, mailDocument, subjectOf } from './shell.tsx';

const T = {
  id: {
    row: 'Baris',
    column: 'Kolom',
    value: 'Nilai',
    problem: 'Masalah',
    file: 'Berkas yang diperiksa',
    more: (n: number) => `… dan ${n} masalah lainnya (lihat lampiran).`,
  },
  en: {
    row: 'Row',
    column: 'Column',
    value: 'Value',
    problem: 'Problem',
    file: 'File checked',
    more: (n: number) => `… and ${n} more (see the attachment).`,
  },
};

/** Shown in the mail; the attached XLSX lists every problem. */
const SHOWN = 30;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The layout of the mails that refuse an upload for its problems (data, a Perjanjian Kinerja): what was refused,
 * the file, what to do (and where, when there is a page for it), the first problems, the whole list attached.
 */
export function problemsMail(a: {
  lang: Lang;
  to: Person;
  title: string;
  action: string;
  heading: string;
  intro: string;
  fileName: string;
  ask: string;
  next?: { label: string; href: string };
  problems: readonly DataProblem[];
  problemCount: number;
  attachment?: { filename: string; content: Uint8Array };
}): Mail {
  const t = T[a.lang];
  const subject = subjectOf(a.action, a.title);
  const shown = a.problems.slice(0, SHOWN);
  const rest = a.problemCount - shown.length;
  const file: [string, string] = [t.file, a.fileName];
  return {
    subject,
    text: [
      greeting(a.to.name, a.lang),
      '',
      a.title,
      '',
      a.intro,
      `${file[0]}: ${file[1]}`,
      '',
      ...problemLines(shown, a.lang),
      ...(rest > 0 ? [t.more(rest)] : []),
      '',
      a.ask,
      ...(a.next ? [a.next.href] : []),
      '',
      closing(a.lang),
      '',
    ].join('\n'),
    html: mailDocument(
      <MailShell lang={a.lang} title={subject} tone="bad">
        <P>{greeting(a.to.name, a.lang)}</P>
        <Heading tone="bad">{a.heading}</Heading>
        <P>
          <strong>{a.title}</strong>
        </P>
        <P>{a.intro}</P>
        <Facts rows={[file]} />
        <P>{a.ask}</P>
        {a.next ? (
          <>
            <p style="margin:8px 0 4px">
              <Button href={a.next.href} tone="bad">
                {a.next.label}
              </Button>
            </p>
            <UrlLine href={a.next.href} />
          </>
        ) : null}
        <ProblemsTable problems={shown} lang={a.lang} />
        {rest > 0 ? <Muted>{t.more(rest)}</Muted> : null}
        <Closing lang={a.lang} />
      </MailShell>,
    ),
    attachments: a.attachment ? [{ ...a.attachment, contentType: XLSX }] : undefined,
  };
}

/** The problems of an upload as the mail's text part lists them. */
export function problemLines(problems: readonly DataProblem[], lang: Lang): string[] {
  const t = T[lang];
  return problems.map((p) => `- ${t.row} ${p.row ?? '–'}, ${t.column} ${p.column ?? '–'}: ${p.message}`);
}

/** The problems of an upload as a table: where (row, column), the value as written, and what is wrong. */
export function ProblemsTable(p: { problems: readonly DataProblem[]; lang: Lang }) {
  const t = T[p.lang];
  return (
    <table style="width:100%;border-collapse:collapse;font-size:13px;margin-top:8px">
      <tr>
        <th style={TH}>{t.row}</th>
        <th style={TH}>{t.column}</th>
        <th style={TH}>{t.value}</th>
        <th style={TH}>{t.problem}</th>
      </tr>
      {p.problems.map((x) => (
        <tr>
          <td style={`${TD};text-align:right;white-space:nowrap`}>{x.row ?? '–'}</td>
          <td style={TD}>{x.column ?? '–'}</td>
          <td style={tdFor(x.value ?? '')}>{x.value ?? ''}</td>
          <td style={tdFor(x.message)}>{x.message}</td>
        </tr>
      ))}
    </table>
  );
}

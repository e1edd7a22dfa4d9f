import type { DiffSummary } from '../core/performance-data.ts';
import { diffView } from '../i18n/diff.ts';
import type { Lang } from '../i18n/lang.ts';
import { Muted, Notice, P, SubHeading, TD, TH, tdFor } from './parts.tsx';
import { toHtml } from './shell.tsx';

const BEFORE = '#8a1c1c';
const AFTER = '#1e7d32';
const EMPTY = '#5b6573';

function Value(p: { text: string; empty: boolean; color: string; bold: boolean }) {
  return (
    <span style={`color:${p.empty ? EMPTY : p.color}${p.bold && !p.empty ? ';font-weight:600' : ''}`}>{p.text}</span>
  );
}

/**
 * The revision diff of a decision mail: three columns so it stays readable on a phone, the kode written once per
 * indicator, before in red and after in green (a figure after the change in bold, an empty value muted).
 */
export function RevisionDiff(p: { summary: DiffSummary; lang: Lang }) {
  const v = diffView(p.summary, p.lang);
  return (
    <>
      <SubHeading>{v.heading}</SubHeading>
      {v.request ? (
        <Notice>
          <strong>{v.request.intro}</strong>
          <br />
          {v.request.note}
        </Notice>
      ) : null}
      <P>{v.counts}</P>
      {v.rows.length === 0 ? null : (
        <table style="width:100%;border-collapse:collapse;font-size:14px">
          <tr>
            {v.headers.map((h) => (
              <th style={TH}>{h}</th>
            ))}
          </tr>
          {v.rows.map((r, i) => (
            <tr>
              <td style={`${TD};white-space:nowrap`}>{i > 0 && v.rows[i - 1]?.kode === r.kode ? '' : r.kode}</td>
              <td style={TD}>{r.field}</td>
              <td style={tdFor(`${r.before} ${r.after}`)}>
                <Value text={r.before} empty={r.beforeEmpty} color={BEFORE} bold={false} />
                {' → '}
                <Value text={r.after} empty={r.afterEmpty} color={AFTER} bold={r.figure} />
              </td>
            </tr>
          ))}
        </table>
      )}
      {v.more ? <Muted>{v.more}</Muted> : null}
    </>
  );
}

/**
 * The same diff as an HTML fragment, for the decision page while it is still built from strings
 * (functions/web/decision-pages.ts); it goes when that page renders RevisionDiff itself.
 */
export function diffHtml(summary: DiffSummary, lang: Lang): string {
  return toHtml(<RevisionDiff summary={summary} lang={lang} />);
}

import type { Child } from 'hono/jsx';
import type { Lang } from '../i18n/lang.ts';
import { ACCENT, type Tone } from './shell.tsx';

/**
 * The pieces every mail is built of, each with its style inline (see MailShell). Every text goes in as a JSX
 * child or attribute, so names, notes and values from uploads are escaped by the renderer, never by hand.
 */

/** "Yth. Bapak/Ibu Ratna Sari," — the register of an Indonesian office letter. */
export function greeting(name: string, lang: Lang): string {
  return lang === 'id' ? `Yth. Bapak/Ibu ${name},` : `Dear ${name},`;
}

/** The closing line of a letter-like mail, after what it asks. */
export function closing(lang: Lang): string {
  return lang === 'id' ? 'Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.' : 'Thank you for your attention.';
}

export function Closing(p: { lang: Lang }) {
  return <p style="margin:16px 0 0">{closing(p.lang)}</p>;
}

/** An official's arahan (the note given with an approval) or note, quoted under who gave it and when. */
export interface QuotedNote {
  /** "Sekretaris Camat — Dewi Lestari, S.STP., M.Si., 6 April 2026 pukul 13.00 WIB" */
  by: string;
  note: string;
}

export function quotedText(notes: QuotedNote[]): string[] {
  return notes.map((n) => `${n.by}:\n"${n.note}"`);
}

export function QuotedNotes(p: { title: string; notes: QuotedNote[] }) {
  if (p.notes.length === 0) return null;
  return (
    <>
      <p style="margin:16px 0 4px;font-weight:600">{p.title}</p>
      {p.notes.map((n) => (
        <div style="background:#eef3f9;border-left:4px solid #1f4e79;padding:10px 12px;margin:8px 0">
          <div style="font-size:13px;color:#4f5966">{n.by}</div>
          <div style="white-space:pre-wrap">“{n.note}”</div>
        </div>
      ))}
    </>
  );
}

export function Heading(p: { tone?: Tone; children?: Child }) {
  return (
    <h1 style={`font-size:20px;line-height:1.3;margin:8px 0 12px;color:${ACCENT[p.tone ?? 'neutral']}`}>
      {p.children}
    </h1>
  );
}

export function SubHeading(p: { children?: Child }) {
  return <h2 style="font-size:16px;margin:20px 0 8px">{p.children}</h2>;
}

export function P(p: { children?: Child }) {
  return <p style="margin:0 0 12px">{p.children}</p>;
}

export function Muted(p: { children?: Child }) {
  return <p style="margin:12px 0 0;color:#4f5966;font-size:13px">{p.children}</p>;
}

/** A quoted note or a warning, set apart. */
export function Notice(p: { tone?: 'warn' | 'bad'; children?: Child }) {
  const [bg, bar] = p.tone === 'bad' ? ['#fdecea', '#b3261e'] : ['#fff8e1', '#9a6700'];
  return (
    <div style={`background:${bg};border-left:4px solid ${bar};padding:10px 12px;margin:12px 0;white-space:pre-wrap`}>
      {p.children}
    </div>
  );
}

const CELL = 'text-align:left;padding:6px 8px;border-bottom:1px solid #e3e7ed;vertical-align:top';
export const TH = `${CELL};background:#f0f3f7;font-weight:600`;
export const TD = CELL;

/**
 * A cell for a value that may be one long token (a storage key, a SHA-256, a pasted URL): allowed to break
 * anywhere, or it would widen the table past a phone's screen. Words break only at spaces.
 */
export function tdFor(value: string): string {
  return /\S{21,}/.test(value) ? `${TD};word-break:break-all` : TD;
}

/** Label–value rows: the report's key facts. */
export function Facts(p: { rows: [string, string][] }) {
  if (p.rows.length === 0) return null;
  return (
    <table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px;margin:8px 0 12px">
      {p.rows.map(([k, v]) => (
        <tr>
          <th style={`${TH};width:40%`}>{k}</th>
          <td style={tdFor(v)}>{v}</td>
        </tr>
      ))}
    </table>
  );
}

/**
 * A link that opens in a new tab: a mail's web view (MailDev, webmail) shows the mail in a frame, and the portal
 * refuses to be framed — in the same frame the page would stay empty. No referrer, no opener for the page.
 */
export function Button(p: { href: string; tone?: Tone; secondary?: boolean; children?: Child }) {
  const accent = ACCENT[p.tone ?? 'neutral'];
  const look = p.secondary
    ? `background:#ffffff;color:${accent};border:2px solid ${accent}`
    : `background:${accent};color:#ffffff;border:2px solid ${accent}`;
  return (
    <a
      class="btn"
      href={p.href}
      target="_blank"
      rel="noopener noreferrer"
      style={`display:inline-block;padding:11px 18px;border-radius:8px;font-weight:600;font-size:16px;text-decoration:none;margin:4px 8px 4px 0;${look}`}
    >
      {p.children}
    </a>
  );
}

/** A link written out in full, for readers who copy it (or whose client hides buttons). */
export function UrlLine(p: { href: string }) {
  return (
    <p style="margin:4px 0 12px;font-size:12px;color:#4f5966;word-break:break-all">
      <a href={p.href} target="_blank" rel="noopener noreferrer" style="color:#1f4e79">
        {p.href}
      </a>
    </p>
  );
}

import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../i18n/lang.ts';
import type { MailMessage } from '../ports/mailer.ts';

/** What a mail template returns; the use case adds the recipients. */
export type Mail = Omit<MailMessage, 'to' | 'cc'>;

export type Tone = 'neutral' | 'ok' | 'warn' | 'bad';
export const ACCENT: Record<Tone, string> = { neutral: '#1f4e79', ok: '#1e7d32', warn: '#8a5a00', bad: '#b3261e' };

/**
 * The one shell of every mail. Mail clients keep little of a page: no scripts, no external assets, and many drop
 * the <style> element — so every element that matters carries its style inline (the <style> only adds the
 * phone-width refinements where it survives). One column, at most 640 px, readable at 390 px.
 */
export function MailShell(p: { lang: Lang; title: string; tone?: Tone; children?: Child }) {
  const accent = ACCENT[p.tone ?? 'neutral'];
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title}</title>
        {/* Our own constant CSS, not user data: written raw so its quotes stay quotes. */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body style={`margin:0;padding:0;background:#f3f5f8;${FONT}color:#1b1f24;line-height:1.5`}>
        <div class="wrap" style="max-width:640px;margin:0 auto;padding:16px">
          <div
            class="card"
            style={`background:#ffffff;border-radius:10px;padding:20px;border-top:5px solid ${accent};overflow-wrap:break-word;word-wrap:break-word`}
          >
            {p.children}
          </div>
          <div style="margin-top:16px;font-size:12px;color:#4f5966;text-align:center">
            lapkin — SOP Pelaporan Kinerja
          </div>
        </div>
      </body>
    </html>
  );
}

export const FONT = 'font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif;';

const CSS = `
  body { -webkit-text-size-adjust:100%; }
  a { color:#1f4e79; }
  @media (max-width: 480px) {
    .wrap { padding:8px !important; }
    .card { padding:14px !important; }
    .btn { display:block !important; text-align:center !important; margin:8px 0 !important; }
  }
`;

/** JSX as one string: the templates are synchronous (no async components), so it renders without waiting. */
export function toHtml(el: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (el instanceof Promise) throw new Error('mail templates render synchronously');
  const out: string | Promise<string> = el.toString();
  if (typeof out !== 'string') throw new Error('mail templates render synchronously');
  return out;
}

/** A whole mail (a MailShell) as the HTML part of the message. */
export function mailDocument(el: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  return `<!doctype html>\n${toHtml(el)}`;
}

/** "[Perlu verifikasi] Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci": the action first, then what. */
export function subjectOf(action: string, about: string): string {
  return `[${action}] ${about}`;
}

import { html, raw } from 'hono/html';
import type { Lang } from '../i18n/lang.ts';

/**
 * The page shell of the pages still built from strings (the decision page, the local console) until they move
 * to the JSX Layout (functions/web/pages/layout.tsx). Mails have their own shell: functions/mails/shell.tsx.
 * `body` must already be escaped markup; the title is escaped here.
 */
export function htmlPage(opts: {
  lang: Lang;
  title: string;
  body: string;
  tone?: 'neutral' | 'ok' | 'warn' | 'bad';
  /** Pages that show live state (the local console) reload themselves. */
  refreshSeconds?: number;
  wide?: boolean;
}): string {
  const accent = { neutral: '#1f4e79', ok: '#1e7d32', warn: '#9a6700', bad: '#b3261e' }[opts.tone ?? 'neutral'];
  // Our own constant CSS (two values chosen above from fixed tables): trusted markup.
  const css = raw(`
  body { margin:0; background:#f3f5f8; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color:#1b1f24; line-height:1.5; }
  .wrap { max-width: ${opts.wide ? '1100px' : '640px'}; margin: 0 auto; padding: 16px; }
  .card { background:#fff; border-radius:10px; padding:20px; box-shadow:0 1px 3px rgba(0,0,0,.08); border-top:5px solid ${accent}; }
  h1 { font-size: 1.35rem; margin: 0 0 12px; color:${accent}; }
  h2 { font-size: 1.05rem; margin: 20px 0 8px; }
  table { width:100%; border-collapse: collapse; font-size: .92rem; }
  th, td { text-align:left; padding:6px 8px; border-bottom:1px solid #e3e7ed; vertical-align: top; }
  th { background:#f0f3f7; font-weight:600; }
  td.num { text-align:right; white-space:nowrap; }
  .muted { color:#5b6573; font-size:.88rem; }
  .btn { display:inline-block; padding:12px 20px; border-radius:8px; font-weight:600; text-decoration:none; border:0; font-size:1rem; cursor:pointer; margin:6px 8px 6px 0; }
  .btn-ok { background:#1e7d32; color:#fff; } .btn-warn { background:#fff; color:#9a6700; border:2px solid #9a6700; }
  .btn-link { background:${accent}; color:#fff; }
  textarea { width:100%; box-sizing:border-box; min-height:110px; font:inherit; padding:8px; border:1px solid #b8c0cc; border-radius:6px; }
  .notice { background:#fff8e1; border-left:4px solid #9a6700; padding:10px 12px; margin:12px 0; }
  .error { background:#fdecea; border-left:4px solid #b3261e; padding:10px 12px; margin:12px 0; }
  .footer { margin-top:16px; font-size:.8rem; color:#5b6573; text-align:center; }
`);
  const refresh = opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${String(opts.refreshSeconds)}">` : '';
  const page = html`<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${refresh}
<title>${opts.title}</title>
<style>${css}</style>
</head>
<body><div class="wrap"><div class="card">
${raw(opts.body)}
</div><div class="footer">lapkin — SOP Pelaporan Kinerja</div></div></body>
</html>`;
  if (page instanceof Promise) throw new Error('the page shell renders synchronously');
  return String(page);
}

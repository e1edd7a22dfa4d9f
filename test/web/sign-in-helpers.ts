/** A test browser for the sign-in pages: the portal on fakes, forms posted as a browser posts them. */
import type { MailMessage } from '../../functions/ports/mailer.ts';
import { seedDirectory } from '../../functions/usecases/directory.ts';
import type { PortalOptions } from '../../functions/web/portal-env.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { portalOf } from '../fakes/portal.ts';

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Every log line the portal writes (its `log` and `logError` options), as the text a log store would keep. */
export async function signInWorld(extra: Partial<PortalOptions> = {}) {
  const f = fakeDeps();
  await seedDirectory(f.deps);
  const logLines: string[] = [];
  let ip = '198.51.100.7';
  const portal = portalOf(f.deps, {
    log: (message, fields) => logLines.push(JSON.stringify({ message, ...fields })),
    logError: (message, fields) => logLines.push(JSON.stringify({ message, ...fields })),
    clientIp: () => ip,
    ...extra,
  });
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    portal.request(path, {
      method: 'POST',
      headers: { ...FORM, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const get = (path: string, headers: Record<string, string> = {}) => portal.request(path, { headers });
  return {
    f,
    portal,
    post,
    get,
    logLines,
    fromIp: (next: string) => {
      ip = next;
    },
  };
}

/** The token of the one-time link in a sign-in mail (its path). */
export function linkIn(mail: MailMessage | undefined): string {
  const m = /\/masuk\/tautan\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '');
  if (!m?.[1]) throw new Error('no sign-in link in the mail');
  return m[1];
}

/** The 6-digit code in a sign-in mail (a NIP has 18 digits: never matched). */
export function codeIn(mail: MailMessage | undefined): string {
  const m = /(?<!\d)(\d{6})(?!\d)/.exec(mail?.text ?? '');
  if (!m?.[1]) throw new Error('no code in the mail');
  return m[1];
}

/** The session cookie a response sets: its value and attributes. */
export function sessionCookie(headers: Headers): { name: string; value: string; attrs: string[] } | undefined {
  const raw = headers.getSetCookie().find((c) => /lapkin_sesi=/.test(c));
  if (!raw) return undefined;
  const [pair = '', ...attrs] = raw.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

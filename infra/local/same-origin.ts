import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a state-changing request looks cross-site, or undefined when it may go on. A browser names the page a
 * request comes from (Sec-Fetch-Site; Origin on every POST): a page of another site open in the same browser
 * could otherwise upload, retry or decide on the local stack (a text/plain POST needs no CORS preflight).
 * Allowed: the stack's own pages (same origin), a request the user typed (Sec-Fetch-Site: none), and requests
 * with neither header — the CLI and scripts, which no web page can make (a browser always names the origin
 * of a cross-origin POST).
 */
export function crossSiteReason(headers: IncomingHttpHeaders): string | undefined {
  const site = headers['sec-fetch-site'];
  // Sec-Fetch-Site, when sent, decides: the decision page's own form posts with `Origin: null` (its
  // Referrer-Policy is no-referrer, so the signed link never leaks) but `Sec-Fetch-Site: same-origin`.
  if (site !== undefined)
    return site === 'same-origin' || site === 'none' ? undefined : `Sec-Fetch-Site: ${site.slice(0, 40)}`;
  // Browsers without Fetch Metadata: the Origin must be this server's own; without an Origin either, the Referer
  // (the page the request came from) when there is one.
  const origin = headers.origin ?? headers.referer;
  if (origin === undefined) return undefined;
  let from: string;
  let own: string;
  try {
    from = new URL(origin).host;
    own = new URL(`http://${headers.host ?? ''}`).host;
  } catch {
    return `Origin: ${origin.slice(0, 200)}`;
  }
  // The origin "null" (sandboxed frames, file: pages) parses to no host and is refused with the rest.
  return from && from === own ? undefined : `Origin: ${origin.slice(0, 200)}`;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether the Host header names this machine (or the configured public host). A page of another site can make
 * its own name resolve to 127.0.0.1 (DNS rebinding) and then be "same origin" with the stack; its requests
 * still carry its own name as Host, and are refused.
 */
export function hostAllowed(host: string | undefined, publicHost?: string): boolean {
  if (!host) return true; // HTTP/1.0 clients (and curl --http1.0) send none; browsers always do.
  let name: string;
  try {
    name = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return LOOPBACK.has(name) || name === publicHost;
}

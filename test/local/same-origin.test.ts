/** The cross-site check of the local stack's state-changing routes, on header sets browsers and the CLI send. */
import { describe, expect, it } from 'vitest';
import { crossSiteReason } from '../../infra/local/same-origin.ts';

const host = '127.0.0.1:8787';
describe('crossSiteReason', () => {
  it.each([
    [{ host, 'sec-fetch-site': 'same-origin', origin: 'null' }],
    [{ host, 'sec-fetch-site': 'none' }],
    [{ host, origin: 'http://127.0.0.1:8787' }],
    [{ host, referer: 'http://127.0.0.1:8787/laporan/x' }],
    [{ host }],
  ])('lets %o through', (headers) => {
    expect(crossSiteReason(headers)).toBeUndefined();
  });

  it.each([
    [{ host, 'sec-fetch-site': 'cross-site' }],
    [{ host, origin: 'http://evil.example' }],
    [{ host, origin: 'null' }],
    // An old browser (or a plugin) that sends neither Fetch Metadata nor Origin still names the page it came from.
    [{ host, referer: 'http://evil.example/page' }],
  ])('refuses %o', (headers) => {
    expect(crossSiteReason(headers)).toBeDefined();
  });
});

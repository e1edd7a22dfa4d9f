import { describe, expect, it } from 'vitest';
import { browserAssets, buildBrowserAssets } from '../../infra/static-build.ts';
import { fakeDeps } from '../fakes/deps.ts';
import { portalOf } from '../fakes/portal.ts';

describe('the portal’s browser scripts', () => {
  it('are bundled per entry under a content-hashed name and served immutable from /static', async () => {
    const { manifest, files } = await buildBrowserAssets();
    expect(manifest.hello).toMatch(/^hello\.[0-9a-f]{12}\.js$/);
    const body = files.get(manifest.hello as string);
    expect(new TextDecoder().decode(body)).toContain('classList.add("js")');

    const assets = await browserAssets();
    const { request } = portalOf(fakeDeps().deps, { assets: () => assets });
    const path = assets.path('hello');
    const res = await request(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.body).toContain('classList.add("js")');
    expect((await request('/static/hello.000000000000.js')).statusCode).toBe(404);
    expect((await request('/static/..%2Fpackage.json')).statusCode).toBe(404);
  });
});

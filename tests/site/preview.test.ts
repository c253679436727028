import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview } from '../../scripts/preview.ts';
import { FORMATS } from '../../src/core/feeds/catalog.ts';
import { BUILDS, EXTRA_BUILD, listFiles, requireBuild, urlPathOf } from '../support/site.ts';

// `npm run preview` serves a build as Netlify and Cloudflare Pages would, `_headers` applied.
describe.each([...BUILDS, EXTRA_BUILD])('npm run preview of $name', ({ dir, base }) => {
  let site: Awaited<ReturnType<typeof preview>>;
  beforeAll(async () => {
    requireBuild(dir);
    site = await preview(dir, 0);
  });
  afterAll(() => site?.close());
  const get = (path: string) => fetch(new URL(path, site.url), { redirect: 'manual' });

  it('serves under the base path the build was made for', () => {
    expect(new URL(site.url).pathname).toBe(base);
  });

  it('sends every feed and archive with its own media type', async () => {
    const types = new Map<string, string>(Object.values(FORMATS).map((f) => [f.file, f.type]));
    const feeds = listFiles(dir).filter((f) => types.has(f.split('/').at(-1) ?? ''));
    expect(feeds.length).toBeGreaterThan(3);
    for (const f of feeds) {
      const res = await get(urlPathOf(f, base));
      expect(await res.text(), f).toBe(readFileSync(join(dir, f), 'utf8'));
      expect(res.headers.get('content-type'), f).toBe(
        `${types.get(f.split('/').at(-1) ?? '')}; charset=utf-8`,
      );
    }
  });

  it('sends the security headers, the 404 page and the trailing-slash redirect', async () => {
    const missing = await get(`${base}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(join(dir, '404.html'), 'utf8'));
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const bare = await get(`${base}about`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${base}about/`);
  });
});

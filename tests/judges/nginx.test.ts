import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/core/feeds/catalog.ts';
import { headersFor, parseHeaders } from '../../src/core/security.ts';
import { type RunningNginx, startNginx } from '../support/nginx.ts';
import { planetParse } from '../support/peers.ts';
import { BUILDS, EXTRA_BUILD, listFiles, requireBuild, urlPathOf } from '../support/site.ts';

// The README's nginx configuration, run by Debian's nginx: what a reader gets from such a host.
const SITES = [...BUILDS, EXTRA_BUILD];
let nginx: RunningNginx;

/** The policy a build's _headers sends on its home page: what the README says to copy into nginx. */
function ownPolicy(dir: string, base: string): string | undefined {
  const rules = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
  return headersFor(rules, base).find(([k]) => k === 'Content-Security-Policy')?.[1];
}

beforeAll(async () => {
  for (const b of SITES) requireBuild(b.dir);
  // The extra build has a post that names a fediverse toot, so its policy names that instance;
  // the real builds are served with the README's snippet exactly as written.
  nginx = await startNginx(
    SITES.map((b) => (b === EXTRA_BUILD ? { ...b, policy: ownPolicy(b.dir, b.base) } : b)),
  );
}, 60_000);
afterAll(() => nginx?.close());

/** The feed files of a build (current feeds and archives) with the type each one declares. */
function feedFiles(dir: string): { file: string; type: string }[] {
  const byName = new Map<string, string>(Object.values(FORMATS).map((f) => [f.file, f.type]));
  return listFiles(dir).flatMap((file) => {
    const type = byName.get(file.split('/').at(-1) ?? '');
    return type ? [{ file, type: `${type}; charset=utf-8` }] : [];
  });
}

describe.each(SITES.map((b, i) => ({ ...b, i })))('nginx serving $name', ({ dir, base, i }) => {
  const origin = () => new URL(nginx.urls[i] as string).origin;
  const get = (path: string) => fetch(`${origin()}${path}`, { redirect: 'manual' });
  const rules = () => parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));

  it('serves every feed and archive with the media type _headers declares for it', async () => {
    const feeds = feedFiles(dir);
    expect(feeds.length).toBeGreaterThan(3);
    const wrong: string[] = [];
    for (const { file, type } of feeds) {
      const path = urlPathOf(file, base);
      const declared = headersFor(rules(), path).find(([k]) => k === 'Content-Type')?.[1];
      const res = await get(path);
      await res.arrayBuffer();
      const got = `${res.status} ${res.headers.get('content-type')}`;
      if (got !== `200 ${type}` || declared !== type)
        wrong.push(`${path}: ${got}, _headers ${declared}`);
    }
    expect(wrong).toEqual([]);
  });

  it('sends the security headers of _headers on pages, feeds and the 404 page', async () => {
    for (const path of [base, `${base}about/`, `${base}rss.xml`, `${base}no-such-page/`]) {
      const res = await get(path);
      await res.arrayBuffer();
      for (const [name, value] of headersFor(rules(), path)) {
        if (name === 'Content-Type' || name === 'Cache-Control') continue;
        expect(res.headers.get(name), `${name} of ${path}`).toBe(value);
      }
    }
  });

  it('answers an unknown path with 404 and the site’s own not-found page', async () => {
    const res = await get(`${base}posts/no-such-post/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe(readFileSync(join(dir, '404.html'), 'utf8'));
  });

  it('redirects a folder URL without its trailing slash to the one with it', async () => {
    const res = await get(`${base}about`);
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location') ?? '', origin()).pathname).toBe(`${base}about/`);
  });

  it('caches _assets for a year, immutable, and pages not at all', async () => {
    const asset = listFiles(dir).find((f) => f.startsWith('_assets/') && f.endsWith('.css'));
    expect(asset).toBeDefined();
    const res = await get(urlPathOf(asset as string, base));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
    expect((await get(base)).headers.get('cache-control')).toBeNull();
  });

  it('Planet KDE’s feedparser call takes every RSS and Atom feed and archive, bozo false', () => {
    const xml = feedFiles(dir).filter((f) => !f.file.endsWith('.json'));
    const views = planetParse(xml.map((f) => `${origin()}${urlPathOf(f.file, base)}`));
    const problems: string[] = [];
    for (const v of views) {
      if (v.bozo && v.bozo_exception !== 'CharacterEncodingOverride')
        problems.push(`${v.url}: bozo ${v.bozo_exception} (${v.content_type})`);
      if (v.entries.length === 0) problems.push(`${v.url}: no entries`);
      for (const e of v.entries) {
        if (!e.content[0] || !e.published_parsed || !e.id || !e.link)
          problems.push(`${v.url}: ${e.id || e.title} lacks content, date, id or link`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

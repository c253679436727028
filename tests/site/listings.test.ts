/**
 * Listings and feeds of a blog bigger than one page: the extra build (real posts, fixtures and
 * synthetic posts) has more posts than a listing page or a feed holds, so pagination and feed caps
 * show there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { pageLabel } from '../../src/core/pagination.ts';
import { LIMITS } from '../../src/site.config.ts';
import { publishedPosts } from '../support/posts.ts';
import {
  EXTRA_BUILD,
  elements,
  fileFor,
  listFiles,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
} from '../support/site.ts';

const { dir, base } = EXTRA_BUILD;
requireBuild(dir);

const site = `${TEST_ORIGIN}${base}`;
const files = listFiles(dir);
const postSlugs = files
  .map((f) => /^posts\/([^/]+)\/index\.html$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined);
const realSlugs = publishedPosts().map((p) => p.slug);

const attr = (el: Element, name: string) => {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined ? undefined : String(v);
};
const text = (el: Element): string =>
  el.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : ''))
    .join('');
const parsed = new Map<string, Element[]>();
const page = (path: string) => {
  const file = fileFor(dir, base, `${base}${path}`);
  if (!file) throw new Error(`no page at ${base}${path} in ${dir}`);
  const els = parsed.get(file) ?? elements(parseHtml(file));
  parsed.set(file, els);
  return els;
};
/** The posts a listing page links in its list, in order. */
const listed = (els: Element[]) =>
  els
    .filter((e) => e.tagName === 'ul' && attr(e, 'className')?.includes('post-list'))
    .flatMap((ul) => elements({ type: 'root', children: ul.children }))
    .filter((e) => e.tagName === 'a' && /\/posts\/[^/]+\/$/.test(attr(e, 'href') ?? ''))
    .map((e) => (attr(e, 'href') ?? '').split('/').at(-2) ?? '');
const rel = (els: Element[], r: string) =>
  els.find((e) => e.tagName === 'a' && attr(e, 'rel') === r)?.properties['href'];
const canonical = (els: Element[]) =>
  els.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')?.properties['href'];

/** Follows "next" from a listing's first page; returns each page's path and posts. */
function walk(first: string): { path: string; posts: string[]; els: Element[] }[] {
  const out: { path: string; posts: string[]; els: Element[] }[] = [];
  for (let path: string | undefined = first; path !== undefined; ) {
    const els = page(path);
    out.push({ path, posts: listed(els), els });
    const next = rel(els, 'next');
    path = next === undefined ? undefined : String(next).slice(base.length);
    if (out.length > 10_000) throw new Error(`the "next" links of ${first} loop`);
  }
  return out;
}

describe('the extra build is big enough to test listings and feeds', () => {
  it(`has more posts than a page (${LIMITS.postsPerPage}) and a feed (${LIMITS.feedPosts}) hold, the real ones among them`, () => {
    expect(postSlugs.length).toBeGreaterThan(Math.max(LIMITS.postsPerPage, LIMITS.feedPosts));
    for (const slug of realSlugs) expect(postSlugs).toContain(slug);
  });
});

describe('paginated listings', () => {
  const home = walk('');
  const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');

  it('the home page and its older pages list every post once, newest first, a page at a time', () => {
    expect(home.length).toBe(Math.ceil(postSlugs.length / LIMITS.postsPerPage));
    expect(home.flatMap((p) => p.posts).sort()).toEqual([...postSlugs].sort());
    for (const p of home) expect(p.posts.length).toBeLessThanOrEqual(LIMITS.postsPerPage);
    expect(home.map((p) => p.path)).toEqual(home.map((_, i) => (i === 0 ? '' : `page/${i + 1}/`)));
  });

  it('each page says where it is, links its neighbours with rel prev/next and is its own canonical', () => {
    home.forEach((p, i) => {
      const label = pageLabel({ number: i + 1, total: home.length });
      expect(
        p.els.some((e) => e.tagName === 'nav' && text(e).includes(label)),
        label,
      ).toBe(true);
      expect(canonical(p.els)).toBe(`${site}${p.path}`);
      expect(rel(p.els, 'prev')).toBe(i === 0 ? undefined : `${base}${home[i - 1]?.path}`);
    });
  });

  it('every listing page after the first is in the sitemap, with a distinct title', () => {
    const titles = new Set(home.map((p) => text(p.els.find((e) => e.tagName === 'title')!)));
    expect(titles.size).toBe(home.length);
    for (const p of home.slice(1)) expect(sitemap).toContain(`<loc>${site}${p.path}</loc>`);
  });

  it('each tag is listed in full over its pages, none over the page size', () => {
    const tags = files
      .map((f) => /^tags\/([^/]+)\/index\.html$/.exec(f)?.[1])
      .filter((t): t is string => t !== undefined);
    let paged = 0;
    for (const tag of tags) {
      const pages = walk(`tags/${tag}/`);
      const posts = pages.flatMap((p) => p.posts);
      const tagged = postSlugs.filter((slug) =>
        page(`posts/${slug}/`).some(
          (e) => e.tagName === 'a' && attr(e, 'href') === `${base}tags/${tag}/`,
        ),
      );
      expect(posts.sort(), tag).toEqual(tagged.sort());
      for (const p of pages) expect(p.posts.length).toBeLessThanOrEqual(LIMITS.postsPerPage);
      for (const p of pages.slice(1)) {
        expect(p.path).toMatch(new RegExp(`^tags/${tag}/page/\\d+/$`));
        expect(canonical(p.els)).toBe(`${site}${p.path}`);
        expect(sitemap).toContain(`<loc>${site}${p.path}</loc>`);
      }
      if (pages.length > 1) paged++;
    }
    expect(paged, 'no tag of the extra build spans two pages; add fixture posts').toBeGreaterThan(
      0,
    );
  });

  it('the archive lists every post, and every post is reachable from the home page by links', () => {
    expect(listFiles(dir).includes('archive/index.html')).toBe(true);
    const archived = page('archive/')
      .filter((e) => e.tagName === 'a' && /\/posts\/[^/]+\/$/.test(attr(e, 'href') ?? ''))
      .map((e) => attr(e, 'href'));
    expect(new Set(archived).size).toBe(postSlugs.length);
    // Breadth-first over every same-site HTML link from the home page.
    const seen = new Set<string>(['']);
    const queue = [''];
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      for (const a of page(path)) {
        const href = a.tagName === 'a' ? attr(a, 'href') : undefined;
        if (!href?.startsWith(base) || !href.endsWith('/')) continue;
        const next = href.slice(base.length).split('#')[0] ?? '';
        if (seen.has(next) || !fileFor(dir, base, `${base}${next}`)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    const missing = postSlugs.filter((s) => !seen.has(`posts/${s}/`));
    expect(missing).toEqual([]);
  });
});

describe('bounded feeds', () => {
  const feeds = files.filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f));
  const count = (file: string) => {
    const body = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.json')) return (JSON.parse(body) as { items: unknown[] }).items.length;
    return (body.match(file.endsWith('atom.xml') ? /<entry>/g : /<item>/g) ?? []).length;
  };
  const newest = walk('')
    .flatMap((p) => p.posts)
    .slice(0, LIMITS.feedPosts);

  it.each(feeds)('%s carries at most the configured number of posts, under 1 MB', (file) => {
    expect(count(file)).toBeLessThanOrEqual(LIMITS.feedPosts);
    expect(count(file)).toBeGreaterThan(0);
    expect(readFileSync(join(dir, file)).length).toBeLessThan(1_000_000);
  });

  it.each(['rss.xml', 'atom.xml', 'feed.json'])(
    'the site-wide %s carries exactly the newest posts',
    (file) => {
      const body = readFileSync(join(dir, file), 'utf8');
      // URLs of posts with non-ASCII names are percent-encoded in the feeds.
      const links = [...body.matchAll(/\/posts\/([^/"<]+)\//g)].map((m) =>
        decodeURIComponent(m[1] ?? ''),
      );
      expect(count(file)).toBe(LIMITS.feedPosts);
      expect([...new Set(links)].filter((s) => s !== undefined && newest.includes(s)).length).toBe(
        LIMITS.feedPosts,
      );
    },
  );

  it('the Subscribe page says how many posts each feed carries', () => {
    const about = readFileSync(join(dir, 'about/index.html'), 'utf8');
    expect(about).toContain(`the newest ${LIMITS.feedPosts} posts`);
    expect(about).toContain(`Carries the newest ${LIMITS.feedPosts} of ${postSlugs.length} posts.`);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedPosts } from '../support/posts.ts';
import {
  BUILDS,
  elements,
  fileFor,
  htmlPages,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
  urlPathOf,
} from '../support/site.ts';

/** Every published post, newest first, read from content/posts. */
const POSTS = publishedPosts().map((p) => p.slug);

describe.each(BUILDS)('build at $name', ({ dir, base }) => {
  requireBuild(dir);
  const pages = htmlPages(dir);

  it('has every post, listing and error page', () => {
    for (const slug of POSTS) expect(pages).toContain(`posts/${slug}/index.html`);
    for (const p of [
      'index.html',
      'archive/index.html',
      'tags/index.html',
      'tags/kde/index.html',
      'about/index.html',
      '404.html',
    ]) {
      expect(pages).toContain(p);
    }
  });

  // Astro drops white space that holds a line break between text and a tag, as JSX does: a link at
  // the end of a source line needs {' '} or it runs into the next word.
  const INLINE = new Set(['a', 'code', 'strong', 'em', 'b', 'i', 'kbd', 'abbr', 'time']);
  it('never runs a link or other inline element into the words beside it', () => {
    const joined: string[] = [];
    for (const page of pages) {
      for (const parent of elements(parseHtml(join(dir, page)))) {
        parent.children.forEach((child, i) => {
          if (child.type !== 'element' || !INLINE.has(child.tagName)) return;
          const classes = child.properties['className'];
          if (Array.isArray(classes) && classes.includes('heading-anchor')) return;
          const before = parent.children[i - 1];
          const after = parent.children[i + 1];
          if (before?.type === 'text' && /[\p{L}\p{N}]$/u.test(before.value))
            joined.push(`${page}: …${before.value.slice(-20)}<${child.tagName}>`);
          if (after?.type === 'text' && /^[\p{L}\p{N}]/u.test(after.value))
            joined.push(`${page}: </${child.tagName}>${after.value.slice(0, 20)}…`);
        });
      }
    }
    expect(joined).toEqual([]);
  });

  it('every internal link, image, stylesheet and script resolves, fragments included', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const pageUrl = new URL(urlPathOf(page, base), TEST_ORIGIN);
      const tree = parseHtml(join(dir, page));
      const ids = new Set(
        elements(tree)
          .map((e) => e.properties['id'])
          .filter(Boolean),
      );
      for (const el of elements(tree)) {
        const refs: string[] = [];
        for (const key of ['href', 'src', 'poster']) {
          const v = el.properties[key];
          if (typeof v === 'string') refs.push(v);
        }
        const srcset = el.properties['srcSet'];
        if (Array.isArray(srcset))
          refs.push(...srcset.map((c) => String(c).trim().split(/\s+/)[0] ?? ''));
        for (const ref of refs) {
          const target = new URL(ref, pageUrl);
          if (target.origin !== TEST_ORIGIN) continue;
          const samePage = target.pathname === pageUrl.pathname;
          if (!samePage && !fileFor(dir, base, target.pathname)) broken.push(`${page}: ${ref}`);
          const fragment = decodeURIComponent(target.hash.slice(1));
          if (fragment) {
            const targetIds = samePage
              ? ids
              : new Set(
                  elements(parseHtml(fileFor(dir, base, target.pathname) ?? ''))
                    .map((e) => e.properties['id'])
                    .filter(Boolean),
                );
            if (!targetIds.has(fragment))
              broken.push(`${page}: ${ref} (no element with id "${fragment}")`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every page has a title, description, canonical URL and Open Graph meta', () => {
    for (const page of pages) {
      const els = elements(parseHtml(join(dir, page)));
      const meta = (attr: string, name: string) =>
        els.find((e) => e.tagName === 'meta' && e.properties[attr] === name)?.properties['content'];
      expect(
        els.find((e) => e.tagName === 'title'),
        page,
      ).toBeDefined();
      expect(meta('name', 'description'), page).toBeTruthy();
      for (const og of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) {
        expect(meta('property', og), `${page} ${og}`).toBeTruthy();
      }
      const canonical = els.find(
        (e) => e.tagName === 'link' && String(e.properties['rel']) === 'canonical',
      );
      const expected =
        page === '404.html'
          ? `${TEST_ORIGIN}${base}404.html`
          : `${TEST_ORIGIN}${urlPathOf(page, base)}`;
      expect(canonical?.properties['href'], page).toBe(expected);
    }
  });

  it('posts have heading ids with visible anchor links, highlighted code and a dark theme', () => {
    for (const slug of POSTS) {
      const els = elements(parseHtml(join(dir, `posts/${slug}/index.html`)));
      const prose = els.find(
        (e) =>
          Array.isArray(e.properties['className']) && e.properties['className'].includes('prose'),
      );
      expect(prose).toBeDefined();
      // Widgets title themselves with headings of their own; the post's sections are the Markdown ones.
      const widgets = elements(prose!).filter(
        (e) =>
          Array.isArray(e.properties['className']) && e.properties['className'].includes('widget'),
      );
      const inWidget = new Set(widgets.flatMap((w) => elements(w)));
      const headings = elements(prose!).filter(
        (e) => /^h[2-6]$/.test(e.tagName) && !inWidget.has(e),
      );
      for (const h of headings) {
        expect(h.properties['id'], `${slug} heading`).toBeTruthy();
        const anchor = elements(h).find((e) => e.tagName === 'a');
        expect(anchor?.properties['href']).toBe(`#${h.properties['id']}`);
      }
    }
    const load = readFileSync(join(dir, 'posts/load-average-spikes/index.html'), 'utf8');
    expect(load).toMatch(/class="astro-code[^"]*github-light github-dark-default/);
    expect(load).toContain('--shiki-dark:');
  });

  it('posts show date, reading time, tags, and previous/next links', () => {
    const html = readFileSync(join(dir, 'posts/decrypting-ios-tls-traffic/index.html'), 'utf8');
    expect(html).toMatch(/<time datetime="2021-04-11T00:00:00.000Z">11 April 2021<\/time>/);
    expect(html).toMatch(/\d+ min read/);
    expect(html).toContain(`href="${base}tags/apple/"`);
    // Newer and older: its neighbours in publication order, whatever posts come to surround it.
    const i = POSTS.indexOf('decrypting-ios-tls-traffic');
    const [newer, older] = [POSTS[i - 1], POSTS[i + 1]];
    if (newer) expect(html).toContain(`href="${base}posts/${newer}/" rel="next"`);
    if (older) expect(html).toContain(`href="${base}posts/${older}/" rel="prev"`);
    expect(newer ?? older, 'the post has no neighbour to link to').toBeDefined();
  });

  it('the home page lists posts newest first', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const order = POSTS.map((slug) => html.indexOf(`${base}posts/${slug}/`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has a sitemap with every post and robots.txt pointing at it', () => {
    const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    for (const slug of POSTS)
      expect(sitemap).toContain(`<loc>${TEST_ORIGIN}${base}posts/${slug}/</loc>`);
    expect(sitemap).not.toContain('404');
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${TEST_ORIGIN}${base}sitemap.xml`,
    );
  });

  it('ships no JavaScript on text-only pages beyond the theme script', () => {
    const html = readFileSync(join(dir, 'posts/first-post/index.html'), 'utf8');
    // JSON-LD is a data block, not JavaScript: browsers never execute it.
    const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].map(
      (m) => m[0],
    );
    expect(scripts).toEqual([`<script src="${base}site.js">`]);
  });
});

describe('the sub-path build', () => {
  const [root, blog] = BUILDS;
  for (const { dir } of BUILDS) requireBuild(dir);

  // A link written without the base works at the domain root and breaks under a sub-path: the
  // /blog/ build must carry every root-relative URL of the root build, with /blog in front.
  it('has every root-relative link and asset of the root build, under /blog/', () => {
    const urls = (dir: string, page: string) =>
      [...readFileSync(join(dir, page), 'utf8').matchAll(/(?:href|src|action)="(\/[^"]*)"/g)].map(
        // A bundle's content hash may differ between the builds (it can contain the base).
        (m) => (m[1] ?? '').replace(/(\/_assets\/[^/]+)\.[\w-]{8}(\.\w+)$/, '$1$2'),
      );
    const pages = htmlPages(root.dir);
    expect(htmlPages(blog.dir)).toEqual(pages);
    let checked = 0;
    for (const page of pages) {
      const atRoot = urls(root.dir, page);
      const underBlog = urls(blog.dir, page);
      expect(
        underBlog.filter((u) => !u.startsWith(blog.base)),
        page,
      ).toEqual([]);
      expect(
        underBlog.map((u) => u.slice(blog.base.length - 1)),
        page,
      ).toEqual(atRoot);
      checked += atRoot.length;
    }
    expect(checked).toBeGreaterThan(pages.length);
  });
});

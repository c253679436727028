import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/bench/weight.ts';
import {
  BLOCKED_ACCOUNT,
  FIXTURE_ACCOUNT,
  FIXTURE_INSTANCE,
  HIDDEN_TEXTS,
  HOSTILE_POST,
  HOSTILE_SHOWN,
  MANY_COUNT,
  MANY_POST,
} from '../../scripts/replies-fixtures.ts';
import { contentSecurityPolicy, parseHeaders } from '../../src/core/security.ts';
import { publishedPosts } from '../support/posts.ts';
import {
  BUILDS,
  EXTRA_BUILD,
  elements,
  htmlPages,
  listFiles,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
} from '../support/site.ts';

const KB = 1000;
const page = (dir: string, slug: string) => join(dir, 'posts', slug, 'index.html');
const textOf = (e: Element): string =>
  e.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('');
const INSTANCE_ORIGIN = `https://${FIXTURE_INSTANCE}`;

/** The 1,000-reply post's budget: what its first visit may transfer, gzipped, in all. */
const MANY_BUDGET_KB = 60;

describe('replies in the extra build', () => {
  requireBuild(EXTRA_BUILD.dir);
  const dir = EXTRA_BUILD.dir;
  const els = elements(parseHtml(page(dir, HOSTILE_POST)));
  const section = els.find(
    (e) => e.tagName === 'section' && e.properties['id'] === 'replies',
  ) as Element;
  const inside = elements(section);

  it('shows the fixture post’s replies, threaded, with JavaScript off (in the HTML itself)', () => {
    expect(textOf(inside.find((e) => e.tagName === 'h2') as Element)).toBe(
      `${HOSTILE_SHOWN.length} replies on the fediverse`,
    );
    const ids = inside.filter((e) => e.tagName === 'li').map((e) => String(e.properties['id']));
    expect(ids.sort()).toEqual(HOSTILE_SHOWN.map((id) => `reply-${id}`).sort());
    expect(inside.filter((e) => e.tagName === 'ol').map((e) => e.properties['dataDepth'])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('puts no private, direct or blocked reply in any file of the build', () => {
    for (const file of listFiles(dir).filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const hidden of [...HIDDEN_TEXTS, BLOCKED_ACCOUNT.slice(1)]) {
        expect(text.includes(hidden), `${file}: ${hidden}`).toBe(false);
      }
    }
  });

  it('leaves no script, handler, frame, image or non-http link in the replies', () => {
    for (const e of inside) {
      expect(['script', 'iframe', 'img', 'style', 'object', 'embed', 'svg']).not.toContain(
        e.tagName,
      );
      for (const name of Object.keys(e.properties)) expect(name).not.toMatch(/^on/i);
      if (e.tagName === 'a') expect(String(e.properties['href'])).toMatch(/^(https:\/\/|#reply-)/);
    }
    const scripts = els.filter((e) => e.tagName === 'script' && !e.properties['src']);
    expect(scripts.map((s) => s.properties['type'])).toEqual(['application/ld+json']);
  });

  it('lets the page fetch from and post a form to the instance the post names, and nothing else', () => {
    const meta = els.find((e) => e.tagName === 'meta' && e.properties['httpEquiv']);
    expect(meta?.properties['content']).toBe(
      contentSecurityPolicy('meta', { instances: [INSTANCE_ORIGIN] }),
    );
    const [rule] = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
    const csp = rule?.headers.find(([k]) => k === 'Content-Security-Policy')?.[1];
    expect(csp).toBe(contentSecurityPolicy('header', { instances: [INSTANCE_ORIGIN] }));
    // A post without a toot keeps the plain policy.
    const plain = elements(parseHtml(page(dir, 'first-post'))).find(
      (e) => e.properties['httpEquiv'],
    );
    expect(plain?.properties['content']).toBe(contentSecurityPolicy('meta'));
  });

  it('names the author’s fediverse account on every page', () => {
    for (const file of htmlPages(dir).filter((f) => !f.startsWith('pagefind/'))) {
      const head = elements(parseHtml(join(dir, file)));
      const creator = head.find(
        (e) => e.tagName === 'meta' && e.properties['name'] === 'fediverse:creator',
      );
      expect(creator?.properties['content'], file).toBe(FIXTURE_ACCOUNT);
      const me = head.find((e) => e.tagName === 'link' && String(e.properties['rel']) === 'me');
      expect(me?.properties['href'], file).toBe(`${INSTANCE_ORIGIN}/@nicolas17`);
    }
  });

  it('gives every feed that carries the post the count and the links, not the replies', () => {
    const url = `${TEST_ORIGIN}/posts/${HOSTILE_POST}/`;
    const feeds = listFiles(dir).filter((f) => /(rss|atom)\.xml$|feed\.json$/.test(f));
    const carrying = feeds.filter((f) => readFileSync(join(dir, f), 'utf8').includes(url));
    expect(carrying).toEqual(
      expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json', 'tags/meta/rss.xml']),
    );
    for (const f of carrying) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).toContain(`${HOSTILE_SHOWN.length} replies on the fediverse`);
      expect(text, f).toContain(`${url}#replies`);
      expect(text, f).not.toContain('Depth one');
      expect(text, f).not.toContain('HOSTILE-REPLY');
    }
  });

  it(`holds the post of ${MANY_COUNT} replies to ${MANY_BUDGET_KB} KB gzipped on a first visit`, () => {
    const many = parseHtml(page(dir, MANY_POST));
    expect(elements(many).filter((e) => e.tagName === 'li' && e.properties['id'])).toHaveLength(
      MANY_COUNT,
    );
    const weight = pageWeight(dir, '/', `posts/${MANY_POST}/index.html`, TEST_ORIGIN);
    expect(weight.foreign).toEqual([]);
    expect(weight.total.gzip, `${(weight.total.gzip / KB).toFixed(1)} KB`).toBeLessThanOrEqual(
      MANY_BUDGET_KB * KB,
    );
  });
});

describe.each([...BUILDS, EXTRA_BUILD])('the real posts in the build at $name', ({ dir }) => {
  requireBuild(dir);
  it('show no replies section, no empty heading and load nothing for replies', () => {
    for (const post of publishedPosts()) {
      const html = readFileSync(page(dir, post.slug), 'utf8');
      expect(html, post.slug).not.toContain('on the fediverse');
      expect(html, post.slug).not.toContain('id="replies"');
      expect(html, post.slug).not.toContain('replies.css');
      expect(html, post.slug).not.toContain('fediverse-replies');
    }
  });
});

describe.each(BUILDS)('the real site at $name', ({ dir }) => {
  it('names no fediverse account while the site config names none', () => {
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('fediverse:creator');
  });
});

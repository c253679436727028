import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archivePath,
  archivesText,
  feedPages,
  historyOf,
} from '../../../src/core/feeds/archives.ts';
import { FEEDS, feedTypeRules, tagFeed } from '../../../src/core/feeds/catalog.ts';
import {
  type FeedChannel,
  renderAtom,
  renderJson,
  renderRss,
} from '../../../src/core/feeds/render.ts';
import type { PostMeta } from '../../../src/core/posts.ts';
import { headersFor } from '../../../src/core/security.ts';

const post = (n: number, tags: string[], draft = false): PostMeta => ({
  id: `p${n}`,
  data: { title: `p${n}`, pubDate: new Date(Date.UTC(2020, 0, 1) + n * 86_400_000), tags, draft },
});
/** Posts 1…n newest first, as getPosts returns them; `draft(n)` says which are drafts. */
const corpus = (count: number, draft: (n: number) => boolean = () => false) =>
  Array.from({ length: count }, (_, i) => count - i).map((n) =>
    post(n, n % 2 ? ['kde'] : ['apple'], draft(n)),
  );
const all = FEEDS[0] ?? tagFeed('x');
const ids = (posts: readonly PostMeta[]) => posts.map((p) => p.id);
const url = (path: string) => `https://example.org/${path}`;

describe('feed archives (RFC 5005)', () => {
  it('the current feed holds the newest posts; archives hold the rest, numbered from the oldest', () => {
    const pages = feedPages(all, corpus(45), 20);
    expect(ids(pages.current)).toEqual(ids(corpus(45).slice(0, 20)));
    expect(pages.archives.map(ids)).toEqual([
      ids(corpus(20)), // archive 1: posts 20…1, full
      ['p25', 'p24', 'p23', 'p22', 'p21'], // archive 2: the newest, filling up
    ]);
  });

  it('a feed with every post in it has no archive', () => {
    expect(feedPages(all, corpus(20), 20).archives).toEqual([]);
    expect(feedPages(all, [], 20)).toEqual({ current: [], archives: [] });
  });

  it('refuses a page size that is not a whole number of at least 1', () => {
    expect(() => feedPages(all, corpus(3), 0)).toThrow(/at least 1 \(got 0\)/);
    expect(() => feedPages(all, corpus(3), 2.5)).toThrow(/whole number/);
  });

  it('property: current and archives hold every published post of the feed once, and no draft', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 25 }), (n, size) => {
        const posts = corpus(n, (k) => k % 7 === 0);
        for (const spec of FEEDS) {
          const pages = feedPages(spec, posts, size);
          const got = [...pages.current, ...pages.archives.toReversed().flat()];
          const want = posts.filter((p) => !p.data.draft && spec.includes(p));
          expect(ids(got)).toEqual(ids(want));
          expect(pages.current.length).toBeLessThanOrEqual(size);
          for (const a of pages.archives.slice(0, -1)) expect(a.length).toBe(size);
        }
      }),
    );
  });

  it('property: a new post changes only the current feed and the newest archive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 25 }), (n, size) => {
        const before = feedPages(all, corpus(n), size).archives;
        const after = feedPages(all, corpus(n + 1), size).archives;
        // Every archive but the newest one before stays exactly as it was.
        expect(after.slice(0, Math.max(0, before.length - 1))).toEqual(before.slice(0, -1));
        expect(after.length - before.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('links the current feed to the newest archive and each archive to the one before', () => {
    expect(historyOf(all, 'rss', 0, 3, url)).toEqual({
      archive: false,
      complete: false,
      prevArchive: 'https://example.org/feed-archive/3/rss.xml',
      current: undefined,
    });
    expect(historyOf(all, 'atom', 1, 3, url)).toEqual({
      archive: true,
      complete: false,
      prevArchive: undefined,
      current: 'https://example.org/atom.xml',
    });
    expect(historyOf(all, 'json', 0, 0, url).complete).toBe(true);
    expect(archivePath(tagFeed('kde'), 'rss', 2)).toBe('tags/kde/feed-archive/2/rss.xml');
    expect(() => historyOf(all, 'rss', 4, 3, url)).toThrow(/pages 0 \(current\) to 3; got 4/);
  });

  it('says in one sentence where the archives are', () => {
    expect(archivesText([], 20)).toBe('');
    expect(archivesText([url('a/1'), url('a/2'), url('a/3')], 20)).toBe(
      'Older posts are in 3 archives of 20 posts each, from https://example.org/a/1 (the oldest) to https://example.org/a/3; the other formats’ archives have the same names, and readers that support RFC 5005 follow them from the feed.',
    );
  });
});

const channel: FeedChannel = {
  title: 'T',
  description: 'D',
  siteUrl: 'https://example.org/',
  selfUrl: 'https://example.org/feed-archive/2/rss.xml',
  language: 'en',
  author: 'A',
  icon: 'https://example.org/icon.png',
  favicon: 'https://example.org/favicon.svg',
  fallbackDate: new Date(0),
};

describe('feed history in the rendered documents', () => {
  const archive = {
    ...channel,
    history: historyOf(all, 'rss', 2, 2, url),
  };
  it('an RSS archive says fh:archive and links the current feed and the older archive', () => {
    const xml = renderRss(archive, []);
    expect(xml).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(xml).toContain('<atom:link rel="current" href="https://example.org/rss.xml"/>');
    expect(xml).toContain(
      '<atom:link rel="prev-archive" href="https://example.org/feed-archive/1/rss.xml"/>',
    );
    expect(xml).toContain('<fh:archive/>');
    expect(xml).not.toContain('fh:complete');
  });
  it('an Atom feed that holds every post says fh:complete and links no archive', () => {
    const xml = renderAtom({ ...channel, history: historyOf(all, 'atom', 0, 0, url) }, []);
    expect(xml).toContain('<fh:complete/>');
    expect(xml).not.toContain('prev-archive');
  });
  it('a JSON feed is version 1.1 with authors and language, and pages with next_url', () => {
    const json = JSON.parse(
      renderJson({ ...channel, history: historyOf(all, 'json', 0, 2, url) }, []),
    );
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.next_url).toBe('https://example.org/feed-archive/2/feed.json');
    expect(json.language).toBe('en');
    expect(json.authors).toEqual([{ name: 'A', url: 'https://example.org/' }]);
  });
  it('a JSON archive names the current feed as its feed_url, the feed it is a page of', () => {
    const json = JSON.parse(
      renderJson({ ...channel, history: historyOf(all, 'json', 1, 2, url) }, []),
    );
    expect(json.feed_url).toBe('https://example.org/feed.json');
    expect(json.next_url).toBeUndefined();
  });
});

describe('feed media types in _headers', () => {
  it('give each feed and archive file, at any depth under the base, its own type', () => {
    const rules = feedTypeRules('/blog/');
    const typeOf = (path: string) =>
      headersFor(rules, path).find(([k]) => k === 'Content-Type')?.[1];
    expect(typeOf('/blog/rss.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(typeOf('/blog/feeds/planet-kde/feed-archive/3/atom.xml')).toBe(
      'application/atom+xml; charset=utf-8',
    );
    expect(typeOf('/blog/feed-archive/1/feed.json')).toBe('application/feed+json; charset=utf-8');
    expect(typeOf('/blog/sitemap.xml')).toBeUndefined();
    expect(typeOf('/rss.xml')).toBeUndefined();
  });
});

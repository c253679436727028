import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allFeeds,
  carriesText,
  FEEDS,
  FORMATS,
  feedPath,
  routeDir,
  selectForFeed,
  siteFeed,
  tagFeed,
} from '../../../src/core/feeds/catalog.ts';
import type { PostMeta } from '../../../src/core/posts.ts';
import { LIMITS } from '../../../src/site.config.ts';

const post = (n: number, tags: string[], draft = false): PostMeta => ({
  id: `p${n}`,
  data: { title: `p${n}`, pubDate: new Date(Date.UTC(2020, 0, 1) + n * 86_400_000), tags, draft },
});
// Newest first, as getPosts returns them: p60 … p1, every third a draft, odd ones tagged kde.
const corpus = Array.from({ length: 60 }, (_, i) => 60 - i).map((n) =>
  post(n, n % 2 ? ['kde'] : ['apple'], n % 3 === 0),
);

describe('feed caps', () => {
  it('the configured cap is 20 posts', () => {
    expect(LIMITS.feedPosts).toBe(20);
  });
  it.each([1, 5, 20, 100])(
    'a feed capped at %i carries the newest published posts it includes',
    (limit) => {
      for (const spec of allFeeds(['kde', 'apple'])) {
        const all = selectForFeed(spec, corpus);
        const capped = selectForFeed(spec, corpus, limit);
        expect(capped).toEqual(all.slice(0, limit));
      }
    },
  );
  it('refuses a cap under 1', () => {
    expect(() => selectForFeed(siteFeed(), corpus, 0)).toThrow(/at least 1 post/);
  });
  it('property: a capped feed is never longer than the cap and never skips a newer post', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tag: fc.constantFrom('kde', 'apple'), draft: fc.boolean() }), {
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 30 }),
        (raw, limit) => {
          const posts = raw.map((r, i) => post(raw.length - i, [r.tag], r.draft));
          for (const spec of allFeeds(['kde'])) {
            const got = selectForFeed(spec, posts, limit);
            expect(got.length).toBeLessThanOrEqual(limit);
            const eligible = posts.filter((p) => !p.data.draft && spec.includes(p));
            expect(got).toEqual(eligible.slice(0, limit));
          }
        },
      ),
    );
  });
  it.each([
    // Issue 23, item 13: a feed of 3 posts does not "carry the newest 20 posts".
    [3, 20, 'Carries all 3 posts so far (it keeps the newest 20).'],
    [1, 20, 'Carries the one post so far (it keeps the newest 20).'],
    [0, 20, 'Carries no posts yet (it keeps the newest 20).'],
    [20, 20, 'Carries all 20 posts so far (it keeps the newest 20).'],
    [1000, 20, 'Carries the newest 20 of 1,000 posts.'],
  ])('the Subscribe page says a feed with %i posts capped at %i: %s', (total, limit, text) => {
    expect(carriesText(total, limit)).toBe(text);
  });
});

describe('catalogue-driven routes', () => {
  it('the site-wide feed is the catalogue entry at the root', () => {
    expect(siteFeed().dir).toBe('');
    expect(FEEDS).toContain(siteFeed());
  });
  it('every feed file keeps its URL: the route folder plus the format file name', () => {
    const urls = allFeeds(['kde', 'backups']).flatMap((spec) =>
      spec.formats.map((f) => [routeDir(spec), FORMATS[f].file, feedPath(spec, f)] as const),
    );
    for (const [dir, file, path] of urls) expect(dir ? `${dir}/${file}` : file).toBe(path);
    expect(urls.map(([, , path]) => path)).toEqual([
      'rss.xml',
      'atom.xml',
      'feed.json',
      'feeds/planet-kde/rss.xml',
      'feeds/planet-kde/atom.xml',
      'feeds/apple/rss.xml',
      'feeds/apple/atom.xml',
      'tags/kde/rss.xml',
      'tags/backups/rss.xml',
    ]);
  });
  it('each tag in use gets its feed after the fixed ones', () => {
    expect(allFeeds(['a-tag']).at(-1)).toEqual({
      ...tagFeed('a-tag'),
      includes: expect.any(Function),
    });
  });
});

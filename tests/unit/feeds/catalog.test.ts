import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alternatesOf,
  FEEDS,
  feedPath,
  feedTitle,
  groupFeedsOf,
  selectForFeed,
  tagFeed,
} from '../../../src/core/feeds/catalog.ts';
import type { PostMeta } from '../../../src/core/posts.ts';

const post = (id: string, tags: string[], draft = false): PostMeta => ({
  id,
  data: { title: id, pubDate: new Date('2021-01-01'), tags, draft },
});
const spec = (id: string) => {
  const found = FEEDS.find((f) => f.id === id);
  if (!found) throw new Error(`no feed ${id}`);
  return found;
};

const corpus = [
  post('load-average-spikes', ['kde', 'sysadmin']),
  post('decrypting-ios-tls-traffic', ['apple', 'ios']),
  post('apple-and-kde', ['apple', 'kde']),
  post('kde-draft', ['kde'], true),
  post('first-post', ['kde', 'meta']),
];

describe('feed selection', () => {
  it.each([
    ['all', ['load-average-spikes', 'decrypting-ios-tls-traffic', 'apple-and-kde', 'first-post']],
    ['planet-kde', ['load-average-spikes', 'first-post']],
    ['apple', ['decrypting-ios-tls-traffic', 'apple-and-kde']],
  ])('%s carries %j', (id, expected) => {
    expect(selectForFeed(spec(id), corpus).map((p) => p.id)).toEqual(expected);
  });
  it('tag feeds carry exactly the tagged, published posts', () => {
    expect(selectForFeed(tagFeed('meta'), corpus).map((p) => p.id)).toEqual(['first-post']);
  });
  it('property: no apple post ever reaches Planet KDE and no draft reaches any feed', () => {
    const tag = fc.constantFrom('kde', 'apple', 'ios', 'meta', 'sysadmin');
    const arbPost = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      tags: fc.uniqueArray(tag, { minLength: 1, maxLength: 4 }),
      draft: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbPost, { maxLength: 12 }), (raw) => {
        const posts = raw.map((r) => post(r.id, r.tags, r.draft));
        const specs = [...FEEDS, tagFeed('kde'), tagFeed('apple')];
        for (const s of specs) {
          for (const p of selectForFeed(s, posts)) {
            expect(p.data.draft).toBe(false);
            if (s.id === 'planet-kde') expect(p.data.tags).not.toContain('apple');
          }
        }
        const kde = selectForFeed(spec('planet-kde'), posts);
        const expected = posts.filter(
          (p) => !p.data.draft && p.data.tags.includes('kde') && !p.data.tags.includes('apple'),
        );
        expect(kde).toEqual(expected);
      }),
    );
  });
});

describe('feed URLs and titles', () => {
  it.each([
    ['all', 'rss', 'rss.xml'],
    ['all', 'atom', 'atom.xml'],
    ['all', 'json', 'feed.json'],
    ['planet-kde', 'rss', 'feeds/planet-kde/rss.xml'],
    ['planet-kde', 'atom', 'feeds/planet-kde/atom.xml'],
    ['apple', 'rss', 'feeds/apple/rss.xml'],
    ['apple', 'atom', 'feeds/apple/atom.xml'],
  ] as const)('%s %s lives at %s', (id, format, path) => {
    expect(feedPath(spec(id), format)).toBe(path);
  });
  it('tag feeds live under the tag page', () => {
    expect(feedPath(tagFeed('sysadmin'), 'rss')).toBe('tags/sysadmin/rss.xml');
  });
  it('titles say what the feed holds', () => {
    expect(feedTitle(spec('planet-kde'), 'Notes')).toBe('Notes — KDE posts');
    expect(feedTitle(spec('all'), 'Notes')).toBe('Notes');
  });
  it('a KDE post advertises the Planet KDE feeds, an Apple post the Apple ones', () => {
    expect(groupFeedsOf(corpus[0]!).map((f) => f.id)).toEqual(['planet-kde']);
    expect(groupFeedsOf(corpus[1]!).map((f) => f.id)).toEqual(['apple']);
    expect(alternatesOf(spec('apple'), 'N').map((a) => a.type)).toEqual([
      'application/rss+xml',
      'application/atom+xml',
    ]);
  });
});

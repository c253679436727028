import { describe, expect, it } from 'vitest';
import {
  byYear,
  formatDate,
  lastModified,
  neighbours,
  type PostMeta,
  readingMinutes,
  selectPosts,
  TAG_PATTERN,
  tagCounts,
  withTag,
} from '../../src/core/posts.ts';

const post = (
  id: string,
  date: string,
  tags: string[],
  draft = false,
  updated?: string,
): PostMeta => ({
  id,
  data: {
    title: id,
    pubDate: new Date(date),
    updatedDate: updated ? new Date(updated) : undefined,
    tags,
    draft,
  },
});

const corpus = [
  post('first-post', '2021-03-14', ['kde', 'meta']),
  post('load-average-spikes', '2021-06-06', ['kde', 'sysadmin']),
  post('secret-draft', '2021-07-01', ['kde'], true),
  post('decrypting-ios-tls-traffic', '2021-04-11', ['apple', 'ios']),
  post('offsite-backups-kde-servers', '2021-03-29', ['kde', 'backups'], false, '2021-04-02'),
];

describe('selectPosts', () => {
  it('drops drafts from a build and sorts newest first', () => {
    expect(selectPosts(corpus, { includeDrafts: false }).map((p) => p.id)).toEqual([
      'load-average-spikes',
      'decrypting-ios-tls-traffic',
      'offsite-backups-kde-servers',
      'first-post',
    ]);
  });
  it('keeps drafts for the dev server', () => {
    expect(selectPosts(corpus, { includeDrafts: true })[0]?.id).toBe('secret-draft');
  });
  it('orders same-day posts by id so builds are reproducible', () => {
    const same = [post('b', '2021-01-01', ['x']), post('a', '2021-01-01', ['x'])];
    expect(selectPosts(same, { includeDrafts: false }).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('tags and neighbours', () => {
  const published = selectPosts(corpus, { includeDrafts: false });
  it('counts tags, most used first', () => {
    expect(tagCounts(published)[0]).toEqual({ tag: 'kde', count: 3 });
  });
  it('filters by tag', () => {
    expect(withTag(published, 'apple').map((p) => p.id)).toEqual(['decrypting-ios-tls-traffic']);
  });
  it('finds newer and older posts', () => {
    const n = neighbours(published, 'decrypting-ios-tls-traffic');
    expect(n.newer?.id).toBe('load-average-spikes');
    expect(n.older?.id).toBe('offsite-backups-kde-servers');
    expect(neighbours(published, 'first-post').older).toBeUndefined();
    expect(neighbours(published, 'nope')).toEqual({ newer: undefined, older: undefined });
  });
  it('groups by year and finds the last modification', () => {
    expect(byYear(published).map((g) => [g.year, g.posts.length])).toEqual([[2021, 4]]);
    expect(lastModified(published)?.toISOString()).toBe('2021-06-06T00:00:00.000Z');
    expect(lastModified([])).toBeUndefined();
  });
  it.each([
    ['kde', true],
    ['reverse-engineering', true],
    ['KDE', false],
    ['two words', false],
    ['-x', false],
    ['', false],
  ])('tag %j valid: %s', (tag, ok) => {
    expect(TAG_PATTERN.test(tag)).toBe(ok);
  });
});

describe('readingMinutes', () => {
  it.each([
    ['empty', '', 1],
    ['220 words', 'word '.repeat(220), 1],
    ['1100 words', 'word '.repeat(1100), 5],
    ['frontmatter is not read', `---\ntitle: ${'x '.repeat(5000)}\n---\nshort`, 1],
    ['code lines count', `${'word '.repeat(220)}\n\`\`\`sh\n${'ls\n'.repeat(110)}\`\`\`\n`, 3],
  ])('%s', (_name, source, minutes) => {
    expect(readingMinutes(source)).toBe(minutes);
  });
});

describe('dates', () => {
  it('formats in UTC whatever the machine zone', () => {
    expect(formatDate(new Date('2021-06-06T00:00:00Z'))).toBe('6 June 2021');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  excerptSegments,
  MAX_QUERY,
  normaliseQuery,
  searchStatus,
  statusMessage,
  toHit,
} from '../../src/core/search/results.ts';

describe('excerptSegments', () => {
  it.each([
    ['plain text', [{ text: 'plain text', mark: false }]],
    [
      'set <mark>round_interval</mark>=false',
      [
        { text: 'set ', mark: false },
        { text: 'round_interval', mark: true },
        { text: '=false', mark: false },
      ],
    ],
    ['a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27;', [{ text: `a <b> & "c" 'd'`, mark: false }]],
    ['<mark>x</mark><mark>y</mark>', [{ text: 'xy', mark: true }]],
    ['<script>alert(1)</script>ok', [{ text: 'alert(1)ok', mark: false }]],
    ['&bogus; &#0; &#x110000;', [{ text: '&bogus; &#0; &#x110000;', mark: false }]],
  ])('%j', (excerpt, segments) => {
    expect(excerptSegments(excerpt)).toEqual(segments);
  });

  it('yields no empty segment, and neighbours always differ in highlighting', () => {
    const piece = fc.constantFrom('<mark>', '</mark>', 'a', ' ', '&amp;', '<b>', '');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 30 }),
        (parts) => {
          const segments = excerptSegments(parts.join(''));
          for (const [i, seg] of segments.entries()) {
            expect(seg.text).not.toBe('');
            if (i > 0) expect(seg.mark).not.toBe(segments[i - 1]?.mark);
          }
        },
      ),
    );
  });
});

describe('toHit', () => {
  const page = {
    url: '/blog/posts/load-average-spikes/',
    excerpt: 'page <mark>hit</mark>',
    meta: { title: 'The mystery of load average spikes' },
    sub_results: [
      { title: 'Top', url: '/blog/posts/load-average-spikes/', excerpt: 'x', locations: [1, 2, 3] },
      {
        title: 'A fix?',
        url: '/blog/posts/load-average-spikes/#a-fix',
        excerpt: 'y',
        locations: [9],
      },
      {
        title: 'Two',
        url: '/blog/posts/load-average-spikes/#two',
        excerpt: 'z',
        locations: [4, 5],
      },
      {
        title: 'Three',
        url: '/blog/posts/load-average-spikes/#three',
        excerpt: 'w',
        locations: [6],
      },
      { title: 'Four', url: '/blog/posts/load-average-spikes/#four', excerpt: 'v', locations: [7] },
    ],
  };

  it('keeps sections that link to a heading, most matches first, at most three', () => {
    const hit = toHit(page);
    expect(hit.title).toBe('The mystery of load average spikes');
    expect(hit.sections.map((s) => s.url.split('#')[1])).toEqual(['two', 'a-fix', 'three']);
  });

  it('falls back to the URL for an untitled page and copes with no sub-results', () => {
    const { sub_results: _, ...bare } = page;
    const hit = toHit({ ...bare, meta: {} });
    expect(hit.title).toBe(page.url);
    expect(hit.sections).toEqual([]);
    expect(hit.excerpt).toEqual([
      { text: 'page ', mark: false },
      { text: 'hit', mark: true },
    ]);
  });
});

describe('queries and status', () => {
  it.each([
    ['  round_interval  ', 'round_interval'],
    ['a \n\t b', 'a b'],
    ['x'.repeat(MAX_QUERY + 50), 'x'.repeat(MAX_QUERY)],
  ])('normaliseQuery(%j)', (raw, query) => {
    expect(normaliseQuery(raw)).toBe(query);
  });

  it.each([
    ['', 0, 'Type words to find in the posts, code blocks included.'],
    ['zz', 0, 'No post matches “zz”.'],
    // Pagefind matches loosely: it may find a post for a word no post contains (issue 16, finding 10).
    ['xyzzy', 1, '1 post matches “xyzzy”.'],
    ['kde', 3, '3 posts match “kde”.'],
  ])('statusMessage(%j, %d)', (q, n, text) => {
    expect(statusMessage(q, n)).toBe(text);
  });

  describe('searchStatus says "match" only for the words as typed', () => {
    const page = (excerpt: string) => ({ url: '/posts/x/', excerpt, meta: { title: 'X' } });
    it.each<[string, string, string[], number, string]>([
      [
        'exact matches',
        'kde',
        ['Planet <mark>KDE</mark> posts', 'the <mark>kde</mark> servers'],
        2,
        '2 posts match “kde”.',
      ],
      [
        'a fallback to a shorter prefix (issue 24, finding 10)',
        'aaaaaaaa',
        [
          '<mark>aaaab</mark> x',
          '<mark>aaaac</mark>',
          'y <mark>aaaab</mark>',
          '<mark>aaaaz</mark>',
        ],
        4,
        'No exact match for “aaaaaaaa”; 4 posts contain words starting with “aaaa”.',
      ],
      [
        'some exact, some loose',
        'interval',
        ['the <mark>interval</mark>', '<mark>intervals</mark> and'],
        2,
        '1 post matches “interval”; 1 more contains similar words (such as “intervals”).',
      ],
      [
        'a multi-word query with one word missing',
        'load spikes',
        ['<mark>load</mark> <mark>spikes</mark>', 'the <mark>load</mark> <mark>spiked</mark>'],
        2,
        '1 post matches “load spikes”; 1 more contains similar words (such as “spiked”).',
      ],
    ])('%s', (_name, query, excerpts, total, status) => {
      expect(searchStatus(query, excerpts.map(page), total)).toBe(status);
    });

    it('says nothing matches when Pagefind finds nothing', () => {
      expect(searchStatus('zz', [], 0)).toBe('No post matches “zz”.');
    });
  });
});

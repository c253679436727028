import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postFileProblems, postIdOf, slugify } from '../../src/core/post-files.ts';
import { ROOT } from '../support/site.ts';

const DIR = 'content/posts';

describe('slugify', () => {
  it.each([
    ['The mystery of load average spikes', 'the-mystery-of-load-average-spikes'],
    ["What's still missing?", 'whats-still-missing'],
    ['  Łódź café & Straße  ', 'lodz-cafe-strasse'],
    ['KDE 6.0 — the release', 'kde-6-0-the-release'],
    ['Привет мир', 'привет-мир'],
    ['שלום עולם', 'שלום-עולם'],
    ['日本語のタイトル', '日本語のタイトル'],
    ['デザイン', 'デザイン'],
    ['हिन्दी शीर्षक', 'हिन्दी-शीर्षक'],
    ['Ελληνικά Νέα', 'ελληνικά-νέα'],
    ['😀 !!! 🎉', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('always yields lower-case words joined by single dashes, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(/^([\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*)?$/u);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});

describe('postFileProblems', () => {
  it.each<[string, string[], string[]]>([
    ['distinct posts', ['a.mdx', 'b-c.mdx', 'привет.mdx'], []],
    [
      'a capitalised twin',
      ['first-post.mdx', 'First-Post.mdx'],
      [
        'content/posts/First-Post.mdx and content/posts/first-post.mdx would both be published at /posts/first-post/; rename all but one',
      ],
    ],
    [
      'a twin with a space',
      ['first post.mdx', 'first-post.mdx', 'other.mdx'],
      [
        'content/posts/first post.mdx and content/posts/first-post.mdx would both be published at /posts/first-post/; rename all but one',
      ],
    ],
    [
      'two names that look the same: café typed precomposed and decomposed',
      ['caf\u00e9.mdx', 'cafe\u0301.mdx'],
      [
        'content/posts/cafe\u0301.mdx and content/posts/caf\u00e9.mdx would both be published at /posts/cafe/; rename all but one (the names look the same but are written differently: cafe<U+0301>.mdx and caf<U+00E9>.mdx)',
      ],
    ],
    [
      'a post in a subfolder',
      ['first-post.mdx', 'sub/first-post.mdx'],
      [
        'content/posts/sub/first-post.mdx: a post must sit directly in content/posts/, not in a subfolder (its URL is /posts/<file name>/); move it up',
      ],
    ],
    [
      'a name with nothing to make a URL of',
      ['!!!.mdx'],
      ["content/posts/!!!.mdx: the file name has no letter or digit to make the post's URL from"],
    ],
  ])('%s', (_name, files, problems) => {
    expect(postFileProblems(files, DIR)).toEqual(problems);
  });

  it('finds nothing wrong with the real posts, whose URLs are their file names', () => {
    const files = readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    expect(postFileProblems(files, DIR)).toEqual([]);
    for (const f of files) expect(`${postIdOf(f)}.mdx`).toBe(f);
  });

  it('reports two files exactly when they would share a URL', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9 _-]{1,8}$/), { maxLength: 8 }),
        (names) => {
          const files = names.map((n) => `${n}.mdx`);
          const ids = files.map(postIdOf).filter((id) => id !== '');
          const shared = ids.length - new Set(ids).size > 0;
          const problems = postFileProblems(files, DIR);
          expect(problems.some((p) => p.includes('would both be published'))).toBe(shared);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../src/core/frontmatter.ts';

const FILE = 'content/posts/broken-post.mdx';
const OPTIONS = { maxYear: 2027 };

/** The frontmatter of a good post, as YAML 1.2 reads it (dates stay text). */
const GOOD = parse(`
title: A good post
description: Fine.
pubDate: 2021-05-01
tags: [kde]
`) as Record<string, unknown>;

/** The problems checkFrontmatter reports for the good post with some fields changed (undefined: removed). */
function problems(change: Record<string, unknown>): string[] {
  const data: Record<string, unknown> = { ...GOOD, ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete data[k];
  const r = checkFrontmatter(FILE, data, OPTIONS);
  return 'problems' in r ? r.problems : [];
}

/** Any text: every code point (unpaired surrogates too), often controls, spaces and zero-width ones. */
const anyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.constantFrom(
        '\u0000',
        '\t',
        '\n',
        '\u007f',
        '\u0085',
        '\u009f',
        '\u200b',
        '\u2028',
        '\ufeff',
        ' ',
        'a',
      ),
    ),
    { maxLength: 30 },
  )
  .map((chars) => chars.join(''));

const ACCEPTED = 'write a date YYYY-MM-DD that exists, from 1990 to 2027';

describe('checkFrontmatter refuses, naming the file, the field and what is wrong', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['missing title', { title: undefined }, 'title: is required'],
    ['title that is not text', { title: 42 }, 'title: must be text; got 42'],
    ['empty title', { title: '   ' }, 'title: has no visible text'],
    ['zero-width title', { title: '\u200b' }, 'title: has no visible text'],
    [
      'title of invisible characters',
      { title: '\u2060\u200d\u3164\u2800 \ufeff' },
      'title: has no visible text',
    ],
    ['title with DEL', { title: 'a\u007fb' }, 'title: contains the control character U+007F'],
    [
      'title with a C1 control',
      { title: 'a\u0090b' },
      'title: contains the control character U+0090',
    ],
    ['title with NUL', { title: 'a\u0000b' }, 'title: contains the control character U+0000'],
    ['title with an unpaired surrogate', { title: 'a\ud800b' }, 'U+D800'],
    [
      'title with a right-to-left override',
      { title: 'Invoice \u202Efdp.exe and more' },
      'title: contains the bidirectional control character U+202E',
    ],
    [
      'description with a first-strong isolate',
      { description: 'Read \u2068this\u2069 now' },
      'description: contains the bidirectional control character U+2068',
    ],
    [
      'title longer than a listing line, a feed headline and the card hold',
      { title: 'x'.repeat(10_000) },
      'title: must be at most 120 characters; got 10000',
    ],
    ['invisible description', { description: '\u200b\u200c' }, 'description: has no visible text'],
    [
      'long description',
      { description: 'x'.repeat(201) },
      'description: must be at most 200 characters; got 201',
    ],
    ['missing pubDate', { pubDate: undefined }, 'pubDate: is required'],
    [
      'words for a date',
      { pubDate: 'last tuesday' },
      `pubDate: "last tuesday" is not in the form YYYY-MM-DD; ${ACCEPTED}`,
    ],
    ['month 13', { pubDate: '2021-13-45' }, 'pubDate: "2021-13-45" has no month 13'],
    [
      '30 February',
      { pubDate: '2021-02-30' },
      'pubDate: "2021-02-30" is not a day of the calendar (2021-02 has 28 days)',
    ],
    ['29 February of a common year', { pubDate: '2023-02-29' }, 'is not a day of the calendar'],
    ['a number', { pubDate: 1 }, `pubDate: must be ${ACCEPTED.replace('write ', '')}`],
    [
      'a five-digit year',
      { pubDate: '10000-01-01' },
      'pubDate: "10000-01-01" is not in the form YYYY-MM-DD',
    ],
    [
      'before 1990',
      { pubDate: '1989-12-31' },
      'pubDate: "1989-12-31" is outside the years 1990 to 2027',
    ],
    ['after next year', { pubDate: '2028-01-01' }, 'is outside the years 1990 to 2027'],
    ['a time without an offset', { pubDate: '2021-05-01T10:00:00' }, 'is not in the form'],
    ['hour 24', { pubDate: '2021-05-01T24:00:00Z' }, 'has no such time of day'],
    ['offset +25:00', { pubDate: '2021-05-01T10:00:00+25:00' }, 'has no offset +25:00'],
    [
      'impossible updatedDate',
      { updatedDate: '2021-04-31' },
      'updatedDate: "2021-04-31" is not a day of the calendar',
    ],
    [
      'updatedDate before pubDate',
      { updatedDate: '2021-04-30' },
      'updatedDate: must not be earlier than pubDate',
    ],
    [
      'tags that are not a list',
      { tags: 42 },
      'tags: must be a list such as [kde, sysadmin]; got 42',
    ],
    ['an empty tag list', { tags: [] }, 'tags: must list at least one tag'],
    [
      'a tag that is not kebab-case',
      { tags: ['KDE Stuff'] },
      'tags: "KDE Stuff" is not lower-case kebab-case',
    ],
    ['a tag that is not text', { tags: [7] }, 'tags: must be a list of words'],
    ['draft that is not a boolean', { draft: 'yes' }, 'draft: must be true or false; got "yes"'],
    [
      'an unknown field',
      { author: 'someone' },
      'author: is not a field; allowed: title, description, pubDate, updatedDate, tags, draft',
    ],
    ['a slug key', { slug: 'other-url' }, 'slug: is not a field: the URL comes from the file name'],
  ])('%s', (_name, change, message) => {
    const found = problems(change);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`${FILE}: `);
    expect(found[0]).toContain(message);
  });

  it('reports every problem of a post at once', () => {
    const found = problems({ title: '\u200b', pubDate: '2021-02-30', slug: 'x' });
    expect(found.map((p) => p.split(': ')[1]).sort()).toEqual(['pubDate', 'slug', 'title']);
  });
});

describe('checkFrontmatter accepts', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a date', {}, { pubDate: new Date('2021-05-01T00:00:00Z') }],
    [
      'the first day of 1990',
      { pubDate: '1990-01-01' },
      { pubDate: new Date('1990-01-01T00:00:00Z') },
    ],
    [
      'the last day of next year',
      { pubDate: '2027-12-31' },
      { pubDate: new Date('2027-12-31T00:00:00Z') },
    ],
    [
      '29 February of a leap year',
      { pubDate: '2024-02-29' },
      { pubDate: new Date('2024-02-29T00:00:00Z') },
    ],
    [
      'a time with an offset',
      { pubDate: '2024-02-29T23:30:00-05:00' },
      { pubDate: new Date('2024-03-01T04:30:00Z') },
    ],
    [
      'a time in UTC with a fraction',
      { pubDate: '2021-05-01 10:00:00.5Z' },
      { pubDate: new Date('2021-05-01T10:00:00.500Z') },
    ],
    [
      'updatedDate on pubDate',
      { updatedDate: '2021-05-01' },
      { updatedDate: new Date('2021-05-01T00:00:00Z') },
    ],
    [
      'emoji, RTL text and markup in a title',
      { title: '😀 שלום <b>&amp;</b>' },
      { title: '😀 שלום <b>&amp;</b>' },
    ],
    ['a title with a joiner inside an emoji', { title: '👩‍💻' }, { title: '👩‍💻' }],
    [
      'line breaks, tabs and NEL as spaces',
      { title: ' a\tb\n\nc\u0085d\u2028e ' },
      { title: 'a b c d e' },
    ],
    ['a non-breaking space kept as written', { title: 'KDE\u00a06' }, { title: 'KDE\u00a06' }],
    ['a draft', { draft: true }, { draft: true }],
  ])('%s', (_name, change, expected) => {
    const r = checkFrontmatter(FILE, { ...GOOD, ...change }, OPTIONS);
    expect('problems' in r ? r.problems : []).toEqual([]);
    expect('data' in r && r.data).toMatchObject(expected);
  });

  it('never lets a control character through, whatever the title', () => {
    fc.assert(
      fc.property(anyText, (title) => {
        const r = checkFrontmatter(FILE, { ...GOOD, title }, OPTIONS);
        if ('data' in r) {
          // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
          expect(r.data.title).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(r.data.title).toMatch(/[\p{L}\p{N}\p{P}\p{S}]/u);
        } else
          expect(r.problems[0]).toMatch(
            /title: (contains the (bidirectional )?control character U\+[0-9A-F]{4}|has no visible text)/,
          );
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../src/core/frontmatter.ts';
import {
  DEFAULT_DESCRIPTION,
  fileSlug,
  localDate,
  MAX_SLUG,
  parseArgs,
  postSource,
  yamlString,
} from '../../src/core/new-post.ts';

describe('fileSlug', () => {
  // slugify's own cases are in post-files.test.ts; here, what the file name adds: the length limit.
  it('is the slug of a short title in any script', () => {
    expect(fileSlug('Привет мир')).toBe('привет-мир');
  });

  it('cuts long titles at a word boundary, counting characters', () => {
    for (const word of ['word', 'слово']) {
      const slug = fileSlug(`${word} `.repeat(40));
      expect([...slug].length).toBeLessThanOrEqual(MAX_SLUG);
      expect(slug).toMatch(new RegExp(`^${word}(-${word})*$`));
    }
  });

  it('always yields a kebab-case file name of bounded length, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const slug = fileSlug(title);
        expect(slug).toMatch(/^([\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*)?$/u);
        expect([...slug].length).toBeLessThanOrEqual(MAX_SLUG);
        expect(fileSlug(slug)).toBe(slug);
      }),
    );
  });
});

describe('localDate', () => {
  it.each([
    [new Date(2021, 5, 6, 0, 0, 1), '2021-06-06'],
    [new Date(2021, 11, 31, 23, 59, 59), '2021-12-31'],
    [new Date(2024, 1, 29, 12), '2024-02-29'],
  ])('%s → %s', (date, text) => {
    expect(localDate(date)).toBe(text);
  });
});

describe('parseArgs', () => {
  it('takes the title and defaults the rest to valid placeholders', () => {
    expect(parseArgs(['Hello', 'world'])).toEqual({
      post: { title: 'Hello world', description: DEFAULT_DESCRIPTION, tags: ['todo'] },
    });
  });

  it('reads --tags and --description, with a space or "="', () => {
    expect(parseArgs(['T', '--tags', 'kde, sysadmin', '--description=One line.'])).toEqual({
      post: { title: 'T', description: 'One line.', tags: ['kde', 'sysadmin'] },
    });
  });

  it.each([
    ['Привет мир', 'Привет мир'],
    ['שלום עולם', 'שלום עולם'],
    ['日本語のタイトル', '日本語のタイトル'],
    ['a\tb\u0085c', 'a b c'],
  ])('accepts the title %j in any script, as %j', (title, read) => {
    expect(parseArgs([title])).toEqual({
      post: { title: read, description: DEFAULT_DESCRIPTION, tags: ['todo'] },
    });
  });

  it.each([
    [[], 'title is missing: give the post title in quotes'],
    [
      ['!!!'],
      'title needs a letter or digit (in any script) to make the file name from; got "!!!"',
    ],
    [['a\u007fb'], 'title contains the control character U+007F; remove it'],
    [['a\u0090b'], 'title contains the control character U+0090; remove it'],
    [['\u200b'], 'title has no visible text'],
    [['T', '--description', '\u200b'], 'description has no visible text'],
    [['T', '--tags', 'KDE Stuff'], 'tag "KDE Stuff"'],
    [['T', '--tags', ','], 'tags must list at least one tag'],
    [['T', '--tags'], '--tags needs a value'],
    [['T', '--description', 'x'.repeat(201)], 'description must be at most 200'],
    [['x'.repeat(121)], 'title must be at most 120 characters; got 121'],
    [['Invoice \u202Efdp.exe'], 'title contains the bidirectional control character U+202E'],
    [['T', '--draft'], 'unknown option --draft'],
  ])('%j fails naming the problem: %s', (argv, message) => {
    const r = parseArgs(argv);
    expect('error' in r && r.error).toContain(message);
  });
});

describe('postSource', () => {
  it('writes draft frontmatter dated as asked, with quoted strings', () => {
    const text = postSource(
      { title: 'Say "hi": a test', description: 'D', tags: ['kde', 'meta'] },
      '2021-06-06',
    );
    expect(text).toMatch(/^---\ntitle: "Say \\"hi\\": a test"\n/);
    expect(text).toContain('\npubDate: 2021-06-06\n');
    expect(text).toContain('\ntags: [kde, meta]\n');
    expect(text).toContain('\ndraft: true\n---\n');
  });

  it('writes frontmatter the posts schema accepts, with the exact title', () => {
    const post = { title: 'Привет, мир: “new” & <old> 日本語', description: 'D', tags: ['kde'] };
    const data = parse(postSource(post, '2021-06-06').split('---\n')[1] ?? '');
    const r = checkFrontmatter('new.mdx', data, { maxYear: 2027 });
    expect('data' in r && r.data).toMatchObject({ ...post, draft: true });
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => postSource({ title: 'T', description: 'D', tags: ['x'] }, '6/6/2021')).toThrow(
      'date must be YYYY-MM-DD',
    );
  });
});

describe('yamlString', () => {
  /** Any text that parseArgs may pass on: well-formed, often with characters YAML treats specially. */
  const text = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff),
        fc.constantFrom(0, 9, 10, 13, 0x22, 0x5c, 0x7f, 0x85, 0x9f, 0xa0, 0x2028, 0xfeff, 0xffff),
      ),
      { maxLength: 40 },
    )
    .map((codes) => String.fromCodePoint(...codes));

  it('is read back as the same text by a YAML 1.2 parser, and holds no raw control character', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = `title: ${yamlString(t)}\n`;
        expect(parse(doc)).toEqual({ title: t });
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
        expect(doc).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/);
      }),
    );
  });

  it('makes postSource write frontmatter a YAML 1.2 parser reads back to the same title', () => {
    fc.assert(
      fc.property(text, text, (title, description) => {
        const source = postSource({ title, description, tags: ['kde'] }, '2021-06-06');
        const data = parse(source.split('---\n')[1] ?? '');
        expect(data).toMatchObject({ title, description, draft: true });
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
        expect(source).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
    );
  });

  it.each([
    ['DEL and C1 controls escaped', 'a\u007fb\u0085c\u009f', '"a\\u007fb\\u0085c\\u009f"'],
    ['quotes and backslashes', 'say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
    ['other scripts as they are', 'Привет 😀', '"Привет 😀"'],
  ])('%s', (_name, t, yaml) => {
    expect(yamlString(t)).toBe(yaml);
  });
});

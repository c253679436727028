import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DESCRIPTION,
  localDate,
  MAX_SLUG,
  parseArgs,
  postSource,
  slugify,
} from '../../src/lib/new-post.ts';
import { ROOT, runAstro } from '../support/site.ts';

describe('slugify', () => {
  it.each([
    ['The mystery of load average spikes', 'the-mystery-of-load-average-spikes'],
    ["What's still missing?", 'whats-still-missing'],
    ['Decrypting iOS TLS traffic', 'decrypting-ios-tls-traffic'],
    ['  Łódź café & Straße  ', 'lodz-cafe-strasse'],
    ['KDE 6.0 — the release', 'kde-6-0-the-release'],
    ['日本語', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it('always yields a kebab-case file name of bounded length, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
        expect(slugify(slug)).toBe(slug);
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
    [[], 'title'],
    [['!!!'], 'title must contain a letter or digit'],
    [['T', '--tags', 'KDE Stuff'], 'tag "KDE Stuff"'],
    [['T', '--tags', ','], 'tags must list at least one tag'],
    [['T', '--tags'], '--tags needs a value'],
    [['T', '--description', 'x'.repeat(201)], 'description must be at most 200'],
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

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => postSource({ title: 'T', description: 'D', tags: ['x'] }, '6/6/2021')).toThrow(
      'date must be YYYY-MM-DD',
    );
  });
});

/** Runs scripts/new-post.ts on the project's Node (24, from node_modules/.bin) into `posts`. */
function newPost(posts: string, args: string[]) {
  const node = join(ROOT, 'node_modules/.bin/node');
  if (!existsSync(node)) throw new Error(`${node} not found: run "npm ci" (the node@24 package)`);
  const r = spawnSync(node, [join(ROOT, 'scripts/new-post.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', POSTS_DIR: posts },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run new-post', () => {
  const dir = mkdtempSync(join(tmpdir(), 'new-post-'));
  const posts = join(dir, 'posts');
  mkdirSync(posts);
  const title = 'Łódź: what’s "new" in KDE & Plasma';
  const file = join(posts, 'lodz-whats-new-in-kde-plasma.mdx');

  it('creates content/posts/<slug>.mdx, a draft dated today', () => {
    const before = localDate(new Date());
    const { status, output } = newPost(posts, [title, '--tags', 'kde,plasma']);
    const after = localDate(new Date());
    expect(status, output).toBe(0);
    expect(output).toContain('lodz-whats-new-in-kde-plasma.mdx');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('draft: true');
    const date = /pubDate: (\S+)/.exec(text)?.[1];
    expect([before, after]).toContain(date);
  });

  it('refuses to overwrite an existing post, and leaves it untouched', () => {
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe author wrote this.\n`);
    const edited = readFileSync(file, 'utf8');
    const { status, output } = newPost(posts, [title]);
    expect(status).toBe(1);
    expect(output).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('exits 2 with the usage on bad arguments and writes nothing', () => {
    const { status, output } = newPost(posts, ['Other', '--tags', 'Bad Tag']);
    expect(status).toBe(2);
    expect(output).toContain('Usage: npm run new-post');
    expect(existsSync(join(posts, 'other.mdx'))).toBe(false);
  });

  it('writes frontmatter the posts schema accepts: the build passes, drafts stay out', () => {
    // The same text with the draft flag removed must build into a page with the exact title.
    const published = join(posts, 'published-copy.mdx');
    writeFileSync(published, readFileSync(file, 'utf8').replace('draft: true\n', ''));
    const out = join(dir, 'dist');
    const { status, output } = runAstro(['build'], {
      POSTS_DIR: posts,
      OUT_DIR: out,
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      SITE_URL: 'https://blog.example.org',
    });
    expect(status, output).toBe(0);
    expect(existsSync(join(out, 'posts/lodz-whats-new-in-kde-plasma'))).toBe(false);
    const page = readFileSync(join(out, 'posts/published-copy/index.html'), 'utf8');
    expect(page).toContain('Łódź: what’s &quot;new&quot; in KDE &amp; Plasma</h1>');
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/new-post.ts';
import {
  EXTRA_BUILD as EXTRA,
  EXTRA_POSTS as FIXTURES,
  ROOT,
  requireBuild,
} from '../support/site.ts';

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
  const posts = join(mkdtempSync(join(tmpdir(), 'new-post-')), 'posts');
  mkdirSync(posts);
  // The extra build carries this post exactly as new-post writes it, un-drafted and dated 2024-01-02.
  const title = 'Привет, мир: “new” & <old> 日本語';
  const slug = 'привет-мир-new-old-日本語';
  const file = join(posts, `${slug}.mdx`);

  it('creates content/posts/<slug>.mdx for a title in any script, a draft dated today', () => {
    const before = localDate(new Date());
    const { status, output } = newPost(posts, [title, '--tags', 'test-fixture']);
    const after = localDate(new Date());
    expect(status, output).toBe(0);
    expect(output).toContain(`Created `);
    expect(output).toContain(`${slug}.mdx, a draft dated `);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\ndraft: true\n');
    const date = /pubDate: (\S+)/.exec(text)?.[1];
    expect([before, after]).toContain(date);
  });

  it('writes what, un-drafted, builds into a page with the exact title (fixture in the extra build)', () => {
    requireBuild(EXTRA.dir);
    const written = readFileSync(file, 'utf8')
      .replace(/^pubDate: .*$/m, 'pubDate: 2024-01-02')
      .replace('draft: true\n', '');
    expect(written).toBe(readFileSync(join(FIXTURES, `${slug}.mdx`), 'utf8'));
    const page = readFileSync(join(EXTRA.dir, 'posts', slug, 'index.html'), 'utf8');
    expect(page).toContain('<h1>Привет, мир: “new” &amp; &lt;old&gt; 日本語</h1>');
  });

  it('refuses to overwrite an existing post, and leaves it untouched', () => {
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe author wrote this.\n`);
    const edited = readFileSync(file, 'utf8');
    const { status, output } = newPost(posts, [title]);
    expect(status).toBe(1);
    expect(output).toContain(`${slug}.mdx already exists; nothing was written`);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it.each([
    [['Other', '--tags', 'Bad Tag'], 'tag "Bad Tag" is not lower-case kebab-case', 'other.mdx'],
    [['!!!'], 'title needs a letter or digit (in any script)', '.mdx'],
    [['a\u007fb'], 'title contains the control character U+007F; remove it', 'ab.mdx'],
  ])('exits 2 on %j, saying %j, with the usage, and writes nothing', (args, message, name) => {
    const { status, output } = newPost(posts, args);
    expect(status).toBe(2);
    expect(output).toContain(`new-post: ${message}`);
    expect(output).toContain('Usage: npm run new-post');
    expect(existsSync(join(posts, name))).toBe(false);
  });
});

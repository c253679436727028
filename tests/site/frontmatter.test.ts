import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  astroEnv,
  copyProject,
  EXTRA_BUILD as EXTRA,
  EXTRA_POSTS as FIXTURES,
  freePort,
  listFiles,
  ROOT,
  removeProject,
  runAstro,
} from '../support/site.ts';

// Every frontmatter and file-name rule is checked in tests/unit (frontmatter, post-files); the two
// failing builds here only prove that the build runs those checks and reports them.

const GOOD = `---
title: A good post
description: Fine.
pubDate: 2021-05-01
tags: [kde]
---

Hello.
`;

/** A throwaway corpus and output folder, so the real content and dist/ are never touched. */
function corpus(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'blog-corpus-'));
  const posts = join(dir, 'posts');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(posts, name, '..'), { recursive: true });
    writeFileSync(join(posts, name), text);
  }
  return {
    posts,
    env: { POSTS_DIR: posts, OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache') },
    out: join(dir, 'dist'),
  };
}

describe('a build with broken posts fails, naming every file, field and value', () => {
  it('bad frontmatter: an impossible date, an invisible title, a slug key', () => {
    const c = corpus({
      'good.mdx': GOOD,
      'broken-date.mdx': GOOD.replace('2021-05-01', '2021-02-30'),
      'invisible.mdx': GOOD.replace('title: A good post', 'title: "\\u200b"\nslug: elsewhere'),
    });
    const { status, output } = runAstro(['build'], c.env);
    expect(status, output).not.toBe(0);
    expect(output).toContain(
      `${c.posts}/broken-date.mdx: pubDate: "2021-02-30" is not a day of the calendar (2021-02 has 28 days); write a date YYYY-MM-DD that exists`,
    );
    expect(output).toContain(`${c.posts}/invisible.mdx: title: has no visible text`);
    expect(output).toContain(
      `${c.posts}/invisible.mdx: slug: is not a field: the URL comes from the file name`,
    );
    expect(existsSync(join(c.out, 'index.html'))).toBe(false);
  });

  it('two files for one URL, and a post in a subfolder', () => {
    const c = corpus({
      'first-post.mdx': GOOD,
      'First Post.mdx': GOOD.replace('A good post', 'Its twin'),
      'sub/other.mdx': GOOD,
    });
    const { status, output } = runAstro(['build'], c.env);
    expect(status, output).not.toBe(0);
    expect(output).toContain(
      `${c.posts}/First Post.mdx and ${c.posts}/first-post.mdx would both be published at /posts/first-post/; rename all but one`,
    );
    expect(output).toContain(
      `${c.posts}/sub/other.mdx: a post must sit directly in ${c.posts}/, not in a subfolder`,
    );
    expect(existsSync(join(c.out, 'index.html'))).toBe(false);
  });
});

describe('drafts', () => {
  it('are absent from the build, its listings, sitemap and feeds (fixture secret-draft-fixture)', () => {
    const draft = readFileSync(join(FIXTURES, 'secret-draft-fixture.mdx'), 'utf8');
    expect(draft).toMatch(/^draft: true$/m);
    expect(existsSync(join(EXTRA.dir, 'posts/hostile-markup-title/index.html'))).toBe(true);
    expect(existsSync(join(EXTRA.dir, 'posts/secret-draft-fixture'))).toBe(false);
    expect(existsSync(join(EXTRA.dir, 'og/secret-draft-fixture.png'))).toBe(false);
    const texts = listFiles(EXTRA.dir).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    for (const f of [
      'index.html',
      'archive/index.html',
      'tags/kde/index.html',
      'tags/test-fixture/index.html',
      'sitemap.xml',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'feeds/planet-kde/rss.xml',
      'tags/kde/rss.xml',
      'tags/test-fixture/rss.xml',
    ]) {
      expect(texts, f).toContain(f);
    }
    for (const f of texts) {
      const text = readFileSync(join(EXTRA.dir, f), 'utf8');
      expect(text, f).not.toContain('secret-draft-fixture');
      expect(text, f).not.toContain('Secret draft fixture');
      expect(text, f).not.toContain('This text must never be published');
    }
  });

  it('are visible, marked as drafts, in the dev server', async () => {
    const DRAFT = GOOD.replace('title: A good post', 'title: Secret draft').replace(
      'tags: [kde]',
      'tags: [kde]\ndraft: true',
    );
    const c = corpus({ 'good.mdx': GOOD, 'secret-draft.mdx': DRAFT });
    const port = await freePort();
    const root = copyProject();
    const dev = spawn(
      join(ROOT, 'node_modules/.bin/astro'),
      ['dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
      {
        cwd: root,
        env: astroEnv(c.env),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let log = '';
    dev.stdout?.on('data', (d) => {
      log += d;
    });
    dev.stderr?.on('data', (d) => {
      log += d;
    });
    try {
      // Requests that arrive while Vite is still starting get a bare 404, so wait for its banner first.
      for (let i = 0; i < 240 && !log.includes('watching for file changes'); i++) {
        await new Promise((r) => setTimeout(r, 250));
      }
      let home = '';
      for (let i = 0; i < 20 && !home.includes('Secret draft'); i++) {
        await new Promise((r) => setTimeout(r, 500));
        home = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => '',
        );
      }
      expect(home, log).toContain('Secret draft');
      expect(home).toMatch(/Secret draft<\/a>\s*<span class="muted"> \(draft\)<\/span>/);
      const page = await fetch(`http://127.0.0.1:${port}/posts/secret-draft/`);
      expect(page.status).toBe(200);
    } finally {
      if (dev.pid) process.kill(-dev.pid, 'SIGTERM');
      removeProject(root);
    }
  }, 90_000);
});

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroEnv, copyProject, freePort, ROOT, removeProject, runAstro } from '../support/site.ts';

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
  mkdirSync(posts);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(posts, name), text);
  return {
    posts,
    env: { POSTS_DIR: posts, OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache') },
    out: join(dir, 'dist'),
  };
}

describe('invalid frontmatter fails the build, naming the file and the field', () => {
  it.each([
    ['missing title', GOOD.replace('title: A good post\n', ''), 'title'],
    ['a date that is not a date', GOOD.replace('2021-05-01', 'last tuesday'), 'pubDate'],
    ['tags that are not a list of strings', GOOD.replace('[kde]', '42'), 'tags'],
    ['a tag that is not kebab-case', GOOD.replace('[kde]', '[KDE Stuff]'), 'tags'],
    ['an unknown field', GOOD.replace('tags: [kde]', 'tags: [kde]\nauthor: someone'), 'author'],
  ])('%s', (_name, bad, field) => {
    const c = corpus({ 'good.mdx': GOOD, 'broken-post.mdx': bad });
    const { status, output } = runAstro(['build'], c.env);
    expect(status, output).not.toBe(0);
    expect(output).toContain('broken-post.mdx');
    expect(output).toContain(field);
    expect(existsSync(join(c.out, 'index.html'))).toBe(false);
  });
});

describe('drafts', () => {
  const DRAFT = GOOD.replace('title: A good post', 'title: Secret draft').replace(
    'tags: [kde]',
    'tags: [kde]\ndraft: true',
  );
  const c = corpus({ 'good.mdx': GOOD, 'secret-draft.mdx': DRAFT });

  it('are absent from the build, its listings, sitemap and feeds', () => {
    const { status, output } = runAstro(['build'], {
      ...c.env,
      SITE_URL: 'https://blog.example.org',
    });
    expect(status, output).toBe(0);
    expect(existsSync(join(c.out, 'posts/good/index.html'))).toBe(true);
    expect(existsSync(join(c.out, 'posts/secret-draft'))).toBe(false);
    for (const f of [
      'index.html',
      'archive/index.html',
      'tags/kde/index.html',
      'sitemap.xml',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'feeds/planet-kde/rss.xml',
      'tags/kde/rss.xml',
    ]) {
      const text = readFileSync(join(c.out, f), 'utf8');
      expect(text, f).toContain('posts/good/');
      expect(text, f).not.toContain('secret-draft');
      expect(text, f).not.toContain('Secret draft');
    }
  });

  it('are visible, marked as drafts, in the dev server', async () => {
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

import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runAstro } from '../support/site.ts';

const POST = `---
title: A post that moves
description: Its folder is renamed between two builds.
pubDate: 2021-05-01
tags: [kde]
---

Hello from the first folder.
`;

it('a rebuild with the same cache after the posts folder moved builds the moved posts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blog-moved-'));
  const first = join(dir, 'posts');
  const moved = join(dir, 'renamed', 'posts-elsewhere');
  mkdirSync(first, { recursive: true });
  writeFileSync(join(first, 'a-post.mdx'), POST);
  const env = (posts: string) => ({
    POSTS_DIR: posts,
    OUT_DIR: join(dir, 'dist'),
    ASTRO_CACHE_DIR: join(dir, 'cache'),
  });
  const before = runAstro(['build'], env(first));
  expect(before.status, before.output).toBe(0);
  mkdirSync(join(moved, '..'), { recursive: true });
  renameSync(first, moved);
  const after = runAstro(['build'], env(moved));
  expect(after.status, after.output).toBe(0);
  expect(after.output).not.toContain('failed to resolve import');
  expect(existsSync(join(dir, 'dist/posts/a-post/index.html'))).toBe(true);
}, 240_000);

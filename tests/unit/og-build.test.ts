import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, runAstro } from '../support/site.ts';

const post = (title: string, date: string) => `---
title: ${title}
description: Fine.
pubDate: ${date}
tags: [kde]
---

Hello, round_interval.

## A heading

More text.
`;

/** Every file under `dir` (relative path → bytes) for the given subfolders. */
function snapshot(dir: string, folders: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of folders)
    for (const file of listFiles(join(dir, f)))
      out.set(`${f}/${file}`, readFileSync(join(dir, f, file)));
  return out;
}

/** Cache file name → modification time. */
function cacheState(dir: string): Map<string, number> {
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

describe('social cards and search index across builds', () => {
  const root = mkdtempSync(join(tmpdir(), 'og-build-'));
  const posts = join(root, 'posts');
  mkdirSync(posts);
  writeFileSync(join(posts, 'one.mdx'), post('First one', '2021-05-01'));
  writeFileSync(join(posts, 'two.mdx'), post('Second one', '2021-05-02'));
  const cache = join(root, 'cache');
  const cards = join(cache, 'og-cards');
  const build = (out: string) => {
    const r = runAstro(['build'], {
      POSTS_DIR: posts,
      OUT_DIR: join(root, out),
      ASTRO_CACHE_DIR: cache,
      SITE_URL: 'https://blog.example.org',
    });
    expect(r.status, r.output).toBe(0);
    return join(root, out);
  };

  it('a rebuild reuses every cached card and yields byte-identical cards, index and _headers', () => {
    const cold = build('cold');
    const before = cacheState(cards);
    expect(before.size).toBe(2);
    const warm = build('warm');
    expect(cacheState(cards)).toEqual(before);
    const a = snapshot(cold, ['og', 'pagefind']);
    const b = snapshot(warm, ['og', 'pagefind']);
    expect([...a.keys()]).toContain('og/one.png');
    expect([...a.keys()].some((k) => k.startsWith('pagefind/index/'))).toBe(true);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, v] of a) expect(b.get(k)?.equals(v), k).toBe(true);
    expect(readFileSync(join(warm, '_headers'), 'utf8')).toBe(
      readFileSync(join(cold, '_headers'), 'utf8'),
    );
  }, 120_000);

  it('renders only the card of a post whose title changed', () => {
    const before = cacheState(cards);
    const old = readFileSync(join(root, 'warm/og/one.png'));
    writeFileSync(join(posts, 'two.mdx'), post('Second one, retitled', '2021-05-02'));
    const out = build('changed');
    const after = cacheState(cards);
    expect(after.size).toBe(before.size + 1);
    for (const [file, mtime] of before) expect(after.get(file), file).toBe(mtime);
    expect(readFileSync(join(out, 'og/one.png')).equals(old)).toBe(true);
  }, 120_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, CARD_CACHE, EXTRA_BUILD, requireBuild, TEST_BUILDS } from '../support/site.ts';

/** The card cache's files and modification times after each test build (written by build-sites). */
type CacheStates = Record<string, Record<string, number>>;

const cards = (dir: string) => readdirSync(join(dir, 'og')).filter((f) => f.endsWith('.png'));

describe('social cards across builds', () => {
  for (const { dir } of [...BUILDS, EXTRA_BUILD]) requireBuild(dir);
  const states = JSON.parse(readFileSync(join(CARD_CACHE, 'builds.json'), 'utf8')) as CacheStates;
  const { root, blog, extra } = TEST_BUILDS;
  // Copying the cache for the extra build keeps modification times to the microsecond, not beyond.
  const ms = (state: Record<string, number> = {}) =>
    Object.fromEntries(Object.entries(state).map(([f, t]) => [f, Math.floor(t)]));

  it('the first build renders one card per post into the cache', () => {
    expect(Object.keys(states[root.name] ?? {})).toHaveLength(cards(root.dir).length);
  });

  it('a rebuild with the same posts renders none and writes byte-identical cards', () => {
    expect(ms(states[blog.name]), 'the /blog/ build re-rendered cached cards').toEqual(
      ms(states[root.name]),
    );
    expect(cards(blog.dir)).toEqual(cards(root.dir));
    for (const card of cards(root.dir)) {
      const a = readFileSync(join(root.dir, 'og', card));
      expect(readFileSync(join(blog.dir, 'og', card)).equals(a), card).toBe(true);
    }
  });

  it('a build with more posts renders only the new posts’ cards', () => {
    const before = ms(states[root.name]);
    const after = ms(states[extra.name]);
    for (const [file, mtime] of Object.entries(before)) expect(after[file], file).toBe(mtime);
    // One cache entry per distinct card: two posts with the same title and date share one.
    const distinct = new Set(
      cards(extra.dir).map((c) => readFileSync(join(extra.dir, 'og', c)).toString('base64')),
    );
    expect(Object.keys(after)).toHaveLength(distinct.size);
    expect(cards(extra.dir).length).toBeGreaterThan(cards(root.dir).length);
  });
});

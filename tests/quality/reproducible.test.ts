import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { build } from '../../scripts/bench/build.ts';
import { BUILDS, listFiles, requireBuild, TEST_ORIGIN } from '../support/site.ts';

/** Where two byte strings first differ, with a little context, for a readable failure. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (x: Buffer) =>
    JSON.stringify(x.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  return `sizes ${a.length} and ${b.length}, first difference at byte ${i}:\n    ${around(a)}\n    ${around(b)}`;
}

describe('reproducible builds', () => {
  const { dir } = BUILDS[0];
  requireBuild(dir);

  it('a second build of the same sources, elsewhere and later, is byte-identical to dist/', () => {
    // Same environment as scripts/build-sites.sh, but its own copy of the project, output and cache.
    const scratch = mkdtempSync(join(tmpdir(), 'blog-repro-'));
    const again = join(scratch, 'dist');
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    build({
      BASE_PATH: '/',
      SITE_URL: TEST_ORIGIN,
      OUT_DIR: again,
      ASTRO_CACHE_DIR: join(scratch, 'cache'),
    });
    const first = listFiles(dir);
    // Feeds and sitemaps are where build times and orderings usually leak in: they must be compared.
    expect(first).toEqual(
      expect.arrayContaining([
        'sitemap.xml',
        'rss.xml',
        'atom.xml',
        'feed.json',
        'feeds/planet-kde/rss.xml',
        'feeds/planet-kde/atom.xml',
        'tags/kde/rss.xml',
        'robots.txt',
      ]),
    );
    expect(listFiles(again), 'the two builds have different files').toEqual(first);
    const differing = first.flatMap((f) => {
      const a = readFileSync(join(dir, f));
      const b = readFileSync(join(again, f));
      return a.equals(b) ? [] : [`${f}: ${firstDifference(a, b)}`];
    });
    expect(
      differing,
      'dist/ differs from a fresh build: if dist/ is stale, run "npm run build:sites"; otherwise the build is not reproducible',
    ).toEqual([]);
  }, 300_000);
});

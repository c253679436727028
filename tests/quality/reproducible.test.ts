import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, requireBuild, TEST_BUILDS } from '../support/site.ts';

/** Where two byte strings first differ, with a little context, for a readable failure. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (x: Buffer) =>
    JSON.stringify(x.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  return `sizes ${a.length} and ${b.length}, first difference at byte ${i}:\n    ${around(a)}\n    ${around(b)}`;
}

describe('reproducible builds', () => {
  const { dir } = TEST_BUILDS.root;
  // scripts/build-sites.ts builds the same sources again, cold, in a copy of the project elsewhere.
  const again = TEST_BUILDS.again.dir;
  requireBuild(dir);
  requireBuild(again);

  it('a second build of the same sources, elsewhere and cold, is byte-identical to dist/', () => {
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
      'dist/ differs from dist-again/: if either is stale, run "npm run build:sites"; otherwise the build is not reproducible',
    ).toEqual([]);
  });
});

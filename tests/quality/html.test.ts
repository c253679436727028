import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nuCheck } from '../../scripts/bench/vnu.ts';
import { BUILDS, EXTRA_BUILD, EXTRA_POSTS, htmlPages, requireBuild } from '../support/site.ts';

/** Pages of the extra build worth the checker's time: the long and short posts and every fixture. */
function extraPages(): string[] {
  const fixtures = existsSync(EXTRA_POSTS)
    ? readdirSync(EXTRA_POSTS)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.replace(/\.mdx$/, ''))
    : [];
  return ['long-post', 'short-post', ...fixtures]
    .map((slug) => join(EXTRA_BUILD.dir, `posts/${slug}/index.html`))
    .filter((file) => existsSync(file)); // drafts have no page
}

describe('the W3C Nu Html Checker', () => {
  for (const { dir } of [...BUILDS, EXTRA_BUILD]) requireBuild(dir);
  const files = [
    ...BUILDS.flatMap(({ dir }) => htmlPages(dir).map((p) => join(dir, p))),
    ...extraPages(),
  ];

  it('finds zero errors in every page of both builds and the extra posts, in one Java run', () => {
    // Every page: home, posts, listings, tags, about, search, 404, in both builds.
    expect(files.length).toBeGreaterThanOrEqual(2 * 15 + 2);
    const report = nuCheck(files);
    expect(report.unchecked, 'pages the checker did not read').toEqual([]);
    expect(report.errors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, CATEGORIES, type PageScores, pagesOf } from '../../scripts/lighthouse.ts';
import { BUILDS, EXTRA_BUILD, requireBuild } from '../support/site.ts';

/** The target is 100 everywhere; under this the suite fails. */
const MIN_SCORE = 95;
const { dir, base } = BUILDS[0];

/**
 * Lighthouse takes seconds a page, so it looks at the two ends of what pages load: the home page
 * (a listing with no module script) and the post with the most module scripts (the heaviest
 * explorable). Text-only posts load what the home page loads, in bytes held by budgets.test.ts.
 */
function representativePages(): string[] {
  const posts = pagesOf(dir).filter((p) => p !== '');
  const scripts = (p: string) =>
    (readFileSync(join(dir, p, 'index.html'), 'utf8').match(/<script type="module"/g) ?? []).length;
  const heaviest = [...posts].sort((a, b) => scripts(b) - scripts(a))[0];
  return ['', heaviest].filter((p): p is string => p !== undefined);
}

describe('Lighthouse, mobile settings, on the home page and the heaviest post', () => {
  requireBuild(dir);
  const pages = representativePages();
  let results: PageScores[] = [];
  beforeAll(async () => {
    results = await audit(dir, base, pages);
  }, 300_000);

  it('audits the two kinds of page', () => {
    expect(pages).toHaveLength(2);
    expect(results.map((r) => r.page)).toEqual(pages.map((p) => `${base}${p}`));
  });

  it.each(CATEGORIES)(`scores at least ${MIN_SCORE} in %s on every page`, (category) => {
    const low = results
      .filter((r) => r.scores[category] < MIN_SCORE)
      .map((r) => `${r.page}: ${r.scores[category]}\n  ${r.failing.join('\n  ')}`);
    expect(low).toEqual([]);
  });

  it('every request a page makes while loading goes to the site itself', () => {
    for (const r of results) {
      const origin = new URL(r.requests[0] ?? 'http://invalid/').origin;
      expect(r.requests.length, r.page).toBeGreaterThan(1);
      expect(
        r.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin),
        r.page,
      ).toEqual([]);
    }
  });
});

// The fixture post with fediverse replies (issue 22): its thread, form and button stay as clean.
describe('Lighthouse, mobile settings, on the post with fediverse replies', () => {
  const page = 'posts/fediverse-replies-fixture/';
  requireBuild(EXTRA_BUILD.dir);
  let result: PageScores | undefined;
  beforeAll(async () => {
    [result] = await audit(EXTRA_BUILD.dir, EXTRA_BUILD.base, [page]);
  }, 300_000);

  it.each(CATEGORIES)(`scores at least ${MIN_SCORE} in %s`, (category) => {
    expect(result?.page).toBe(`${EXTRA_BUILD.base}${page}`);
    expect(result?.scores[category], result?.failing.join('\n')).toBeGreaterThanOrEqual(MIN_SCORE);
  });
});

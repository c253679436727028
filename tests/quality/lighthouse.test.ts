import { describe, expect, it } from 'vitest';
import { audit, CATEGORIES, type PageScores } from '../../scripts/lighthouse.ts';
import { BUILDS, requireBuild } from '../support/site.ts';

/** The target is 100 everywhere; under this the suite fails. */
const MIN_SCORE = 95;
const { dir, base } = BUILDS[0];

describe('Lighthouse, mobile settings, on the home page and every post', () => {
  requireBuild(dir);
  let results: PageScores[] = [];

  it('audits the home page and the four posts', async () => {
    results = await audit(dir, base);
    expect(results.map((r) => r.page)).toEqual([
      '/',
      '/posts/decrypting-ios-tls-traffic/',
      '/posts/first-post/',
      '/posts/load-average-spikes/',
      '/posts/offsite-backups-kde-servers/',
    ]);
  }, 300_000);

  it.each(CATEGORIES)(`scores at least ${MIN_SCORE} in %s on every page`, (category) => {
    expect(results.length, 'the audit did not run').toBeGreaterThan(0);
    const low = results
      .filter((r) => r.scores[category] < MIN_SCORE)
      .map((r) => `${r.page}: ${r.scores[category]}\n  ${r.failing.join('\n  ')}`);
    expect(low).toEqual([]);
  });

  it('every request a page makes while loading goes to the site itself', () => {
    expect(results.length, 'the audit did not run').toBeGreaterThan(0);
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

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nuCheck } from '../../scripts/bench/vnu.ts';
import { BUILDS, htmlPages, requireBuild } from '../support/site.ts';

describe('the W3C Nu Html Checker', () => {
  for (const { dir } of BUILDS) requireBuild(dir);
  const files = BUILDS.flatMap(({ dir }) => htmlPages(dir).map((p) => join(dir, p)));

  it('finds zero errors in every page of both builds, in one Java run', () => {
    // Every page: home, posts, listings, tags, about, search, 404, in both builds.
    expect(files.length).toBeGreaterThanOrEqual(2 * 15);
    const report = nuCheck(files);
    expect(report.unchecked, 'pages the checker did not read').toEqual([]);
    expect(report.errors).toEqual([]);
  });
});

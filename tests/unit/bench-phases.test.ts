import { describe, expect, it } from 'vitest';
import { buildPhases, pageKind, parseDuration } from '../../scripts/bench/phases.ts';
import { outputKind } from '../../scripts/bench/scale.ts';

const LOG = `14:31:45 [build] Collecting build info...
14:31:45 [build] ✓ Completed in 5.55s.
14:31:45 [build] Building static entrypoints...
14:32:20 [vite] ✓ built in 1m 35.16s
14:32:21 [vite] ✓ built in 598ms
14:32:22   ├─ /index.html (+410ms)
14:32:22   ├─ /page/2/index.html (+90ms)
14:32:22   ├─ /posts/a/index.html (+12ms)
14:32:22   └─ /posts/b/index.html (+8ms)
14:32:22   ├─ \u001b[2m/og/a.png\u001b[22m (+1.20s)
14:32:22   ├─ /tags/kde/rss.xml (+30ms)
14:32:22   ├─ /sitemap.xml (+5ms)
14:32:44 ✓ Completed in 5.52s.
14:32:44 [build] ✓ Completed in 1m 58s.
14:32:45 [pagefind-index] indexed 200 posts in 688 ms`;

describe('benchmark phases from the build log', () => {
  it('splits the build into setup, bundling, page kinds (sharing out generation) and search', () => {
    // The pages' own times add up to 1,755 ms; generation took 5,520 ms of wall time.
    const share = (ms: number) => (ms * 5520) / 1755;
    const phases = buildPhases(LOG);
    expect(phases.map((p) => p.name)).toEqual([
      'content and config',
      'MDX and bundling',
      'post pages',
      'listings',
      'feeds',
      'social cards',
      'other pages',
      'search index',
    ]);
    const ms = phases.map((p) => p.ms);
    const expected = [5550, 95_160, share(20), share(500), share(30), share(1200), share(5), 688];
    for (const [i, v] of expected.entries()) expect(ms[i]).toBeCloseTo(v, 6);
  });
  it.each([
    ['1m 5s', 65_000],
    ['58.70s', 58_700],
    ['688 ms', 688],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBeCloseTo(ms, 6);
  });
  it.each([
    ['/feed.json', 'feeds'],
    ['/feeds/planet-kde/atom.xml', 'feeds'],
    ['/tags/kde/page/2/index.html', 'listings'],
    ['/about/index.html', 'other pages'],
  ])('files %s under %s', (path, kind) => {
    expect(pageKind(path)).toBe(kind);
  });
  it.each([
    ['pagefind/fragment/x.pf_fragment', 'search index'],
    ['og/a.png', 'social cards'],
    ['tags/kde/rss.xml', 'feeds'],
    ['page/3/index.html', 'listings'],
  ])('counts output file %s as %s', (path, kind) => {
    expect(outputKind(path)).toBe(kind);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type PageWeight, pageWeight, siteWeights } from '../../scripts/bench/weight.ts';
import { BUILDS, requireBuild, TEST_ORIGIN } from '../support/site.ts';

/** 1 KB = 1,000 bytes, the stricter reading of the budgets. */
const KB = 1000;
const isPost = (w: PageWeight) => /^posts\/[^/]+\/index\.html$/.test(w.page);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

// Sizes are exact and the same on every machine, so the budgets are plain assertions on bytes.
describe.each(BUILDS)('page weight budgets, build at $name', ({ dir, base }) => {
  requireBuild(dir);
  const weights = siteWeights(dir, base, TEST_ORIGIN);
  const byPage = new Map(weights.map((w) => [w.page, w]));
  /** Posts with no interactive component, whichever they are. */
  const TEXT_ONLY_POSTS = weights
    .filter((w) => isPost(w) && w.customElements.length === 0)
    .map((w) => w.page);

  it('measures every page, and finds the interactive ones by their custom elements', () => {
    expect(weights.length).toBeGreaterThanOrEqual(15);
    expect(byPage.get('posts/load-average-spikes/index.html')?.customElements.length).toBe(3);
    expect(TEXT_ONLY_POSTS.length, 'no text-only post to hold to its budget').toBeGreaterThan(0);
  });

  it('pages without interactive components ship no JavaScript beyond a theme script of at most 1 KB', () => {
    const plain = weights.filter((w) => w.customElements.length === 0);
    expect(plain.map((w) => w.page)).toEqual(
      expect.arrayContaining(['index.html', ...TEXT_ONLY_POSTS]),
    );
    for (const w of plain) {
      const js = w.files.filter((f) => f.kind === 'js');
      expect({ page: w.page, moduleScripts: w.moduleScripts, inline: w.inlineScripts }).toEqual({
        page: w.page,
        moduleScripts: 0,
        inline: 0,
      });
      expect(
        js.map((f) => f.file),
        w.page,
      ).toHaveLength(1);
      expect(
        w.sizes.js.gzip,
        `${w.page}: theme script ${kb(w.sizes.js.gzip)} gzipped`,
      ).toBeLessThanOrEqual(1 * KB);
    }
  });

  it.each(TEXT_ONLY_POSTS)('%s transfers at most 30 KB gzipped in all on a first visit', (page) => {
    const w = byPage.get(page);
    expect(w, `${page} is missing`).toBeDefined();
    const parts = Object.entries(w!.sizes)
      .map(([k, s]) => `${k} ${kb(s.gzip)}`)
      .join(', ');
    expect(w!.total.gzip, `${page}: ${kb(w!.total.gzip)} (${parts})`).toBeLessThanOrEqual(30 * KB);
  });

  // Code a widget loads on first use (dynamic import) is not part of the first visit.
  it('every post with interactive components ships at most 20 KB of gzipped JavaScript', () => {
    const explorable = weights.filter((w) => isPost(w) && w.customElements.length > 0);
    expect(explorable.length, 'no interactive post found').toBeGreaterThan(0);
    for (const w of explorable) {
      const files = w.files
        .filter((f) => f.kind === 'js')
        .map((f) => `${f.file} ${kb(f.size.gzip)}`);
      expect(
        w.sizes.js.gzip,
        `${w.page}: ${kb(w.sizes.js.gzip)}\n${files.join('\n')}`,
      ).toBeLessThanOrEqual(20 * KB);
    }
  });

  it('no page requests anything from another origin', () => {
    const foreign = weights.flatMap((w) => w.foreign.map((u) => `${w.page}: ${u}`));
    expect(foreign).toEqual([]);
  });
});

describe('the page weigher behind the budgets', () => {
  // A hand-made build: a page pulling a stylesheet (with a font and an image), a module script with
  // a static import, and resources from other origins, which must all be seen.
  const dir = mkdtempSync(join(tmpdir(), 'weigh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  put(
    'index.html',
    `<!doctype html><html><head><link rel="stylesheet" href="/a.css">
<link rel="stylesheet" href="https://fonts.example.net/css">
<link rel="canonical" href="https://elsewhere.example/"><link rel="alternate" href="https://elsewhere.example/rss.xml">
<script type="module" src="/m.js"></script><script src="https://cdn.example.com/x.js"></script>
<script type="application/ld+json">{"a":1}</script><script>console.log(1)</script></head>
<body><my-widget></my-widget><img src="/i.svg" alt=""><img src="data:image/gif;base64,R0lGOD" alt="">
<a href="https://elsewhere.example/">a link is not a request</a></body></html>`,
  );
  put(
    'a.css',
    "@font-face{src:url('/f.woff2')}body{background:url(/bg.png)}@import 'https://x.example/b.css';",
  );
  put('f.woff2', 'F'.repeat(1000));
  put('bg.png', 'P'.repeat(10));
  put('i.svg', '<svg/>');
  put('m.js', 'import{a}from"./chunk.js";import"https://esm.example/y.js";a();');
  put('chunk.js', 'export const a=()=>1;');
  const w = pageWeight(dir, '/', 'index.html', TEST_ORIGIN);

  it('follows stylesheets into fonts and images, and module scripts into their imports', () => {
    expect(w.files.map((f) => `${f.kind} ${f.file}`).sort()).toEqual([
      'css a.css',
      'fonts f.woff2',
      'html index.html',
      'images bg.png',
      'images i.svg',
      'js chunk.js',
      'js m.js',
    ]);
    expect(w.sizes.fonts).toEqual({ raw: 1000, gzip: 1000 });
    expect(w.total.gzip).toBe(w.files.reduce((n, f) => n + f.size.gzip, 0));
    expect([w.moduleScripts, w.inlineScripts, w.customElements]).toEqual([1, 1, ['my-widget']]);
  });

  it('reports every request to another origin, and only requests', () => {
    expect([...w.foreign].sort()).toEqual([
      'https://cdn.example.com/x.js',
      'https://esm.example/y.js',
      'https://fonts.example.net/css',
      'https://x.example/b.css',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_POST } from '../../scripts/bench/corpus.ts';
import { pageWeight, sizeOfText } from '../../scripts/bench/weight.ts';
import { LONG_TEST_POST as LONG, SHORT_TEST_POST as SHORT } from '../../scripts/test-builds.ts';
import { readingMinutes } from '../../src/core/posts.ts';
import { liveSite } from '../support/browser.ts';
import { EXTRA_BUILD, elements, parseHtml, requireBuild, TEST_ORIGIN } from '../support/site.ts';

const KB = 1000;
/** Text-only posts' budget for a whole first visit (see budgets.test.ts). */
const TEXT_ONLY_BUDGET = 30 * KB;
/** Gzipped bytes of HTML the site may add per gzipped byte of MDX the author wrote. */
const HTML_PER_CONTENT_BYTE = 1.5;

describe(`a generated post of ${LONG_POST.words} words and ${LONG_POST.codeBlocks} code blocks`, () => {
  // The extra build carries both posts (scripts/build-sites.ts); the Nu checker reads them in tests/quality/html.test.ts.
  const { dir } = EXTRA_BUILD;
  requireBuild(dir);
  const page = (slug: string) => join(dir, `posts/${slug}/index.html`);

  it('is the promised size', () => {
    const prose = LONG.replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
      .replace(/^## .*$/gm, '');
    expect(prose.split(/\s+/).filter(Boolean).length).toBe(LONG_POST.words);
    expect(LONG.match(/^```\w+$/gm)).toHaveLength(LONG_POST.codeBlocks);
  });

  it('reads: every section, a table of contents, highlighted code, and an honest reading time', () => {
    const tree = parseHtml(page('long-post'));
    const els = elements(tree);
    const cls = (e: (typeof els)[number]) =>
      Array.isArray(e.properties['className']) ? e.properties['className'].map(String) : [];
    const prose = els.find((e) => cls(e).includes('prose'));
    expect(prose).toBeDefined();
    const sections = elements(prose!).filter((e) => e.tagName === 'h2');
    expect(sections).toHaveLength(LONG_POST.sections);
    for (const h of sections) expect(h.properties['id'], 'section without an id').toBeTruthy();
    const toc = els.find((e) => e.tagName === 'nav' && cls(e).includes('toc'));
    const tocLinks = elements(toc!)
      .filter((e) => e.tagName === 'a')
      .map((a) => a.properties['href']);
    expect(tocLinks).toEqual(sections.map((h) => `#${h.properties['id']}`));
    const code = elements(prose!).filter(
      (e) => e.tagName === 'pre' && cls(e).includes('astro-code'),
    );
    expect(code).toHaveLength(LONG_POST.codeBlocks);
    for (const pre of code) {
      expect(elements(pre).filter((e) => e.tagName === 'span').length).toBeGreaterThan(
        LONG_POST.codeLines,
      );
    }
    const html = readFileSync(page('long-post'), 'utf8');
    expect(html).toContain(`${readingMinutes(LONG)} min read`);
    expect(readingMinutes(LONG)).toBeGreaterThan(90);
  });

  describe('in Chromium', () => {
    const live = liveSite(EXTRA_BUILD);

    it('loads without errors, gets its copy buttons, and the last section is reachable from the contents', async () => {
      const { page: tab } = await live.open('posts/long-post/');
      await expect
        .poll(() => tab.locator('.prose .code-block button').count())
        .toBe(LONG_POST.codeBlocks);
      const last = tab.locator('nav.toc a').last();
      const target = String(await last.getAttribute('href'));
      await last.click();
      await expect.poll(() => tab.evaluate(() => location.hash)).toBe(target);
      expect(await tab.locator(`h2${target}`).isVisible()).toBe(true);
      const inView = await tab
        .locator(`h2${target}`)
        .evaluate(
          (h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight,
        );
      expect(inView).toBe(true);
    }, 60_000);
  });

  it('stays within the budgets per byte of content', () => {
    const long = pageWeight(dir, '/', 'posts/long-post/index.html', TEST_ORIGIN);
    const short = pageWeight(dir, '/', 'posts/short-post/index.html', TEST_ORIGIN);
    // Length adds HTML only: no more CSS, JavaScript, fonts or images than a short text-only post.
    const assets = (w: typeof long) => w.total.gzip - w.sizes.html.gzip;
    expect(assets(long)).toBe(assets(short));
    expect([long.moduleScripts, long.inlineScripts, long.foreign]).toEqual([0, 0, []]);
    expect(long.sizes.js.gzip).toBeLessThanOrEqual(1 * KB);
    // And the HTML grows in step with what was written: at most 1.5 gzipped bytes per gzipped byte of MDX.
    const content = sizeOfText(LONG).gzip - sizeOfText(SHORT).gzip;
    const markup = long.sizes.html.gzip - short.sizes.html.gzip;
    expect(
      markup / content,
      `${markup} bytes of HTML for ${content} bytes of content`,
    ).toBeLessThanOrEqual(HTML_PER_CONTENT_BYTE);
    // So a first visit costs the text-only budget plus that much per byte of content, no more.
    expect(long.total.gzip).toBeLessThanOrEqual(
      TEXT_ONLY_BUDGET + HTML_PER_CONTENT_BYTE * sizeOfText(LONG).gzip,
    );
  });
});

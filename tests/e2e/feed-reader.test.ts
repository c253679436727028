// What a feed reader shows: every feed item's HTML on a bare page, with none of the site's CSS and
// no scripts, on a white and on a black background. The charts must load as images that look the
// same on both, and every widget's figures must be there as text.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { contentType } from '../../scripts/static-host.ts';
import { buildHostapdConfig } from '../../src/core/hostapd/config.ts';
import { DEFAULT_SETTINGS } from '../../src/core/hostapd/settings.ts';
import { parseKeyLog, SAMPLE_KEYLOG } from '../../src/core/keylog/keylog.ts';
import { summarizeKeyLog } from '../../src/core/keylog/view.ts';
import { analyseBeat, guessHz } from '../../src/core/loadavg/beat.ts';
import { beatView } from '../../src/core/loadavg/beat-view.ts';
import { hzView } from '../../src/core/loadavg/hz-view.ts';
import {
  DEFAULT_BEAT_INPUT,
  DEFAULT_HZ_GUESS_INPUT,
  simPreset,
  validateBeat,
  validateHzGuess,
  validateSim,
} from '../../src/core/loadavg/params.ts';
import { peakText, summarise } from '../../src/core/loadavg/sim-view.ts';
import { simulate } from '../../src/core/loadavg/simulate.ts';
import { sharedBrowser } from '../support/browser.ts';
import { BUILDS, fileFor, ROOT, requireBuild, TEST_ORIGIN } from '../support/site.ts';

/** The simulator's opening scenario. */
const OPENING = simPreset()!.values;

const chrome = sharedBrowser();

function ok<T>(v: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** The figures each widget shows for the post's scenario, computed by the same models. */
function figures(component: string): string[] {
  switch (component) {
    case 'BeatCalculator': {
      const v = beatView(analyseBeat(ok(validateBeat(DEFAULT_BEAT_INPUT))));
      return [v.period, v.repeat, v.repeatHms, v.drift, v.statement];
    }
    case 'HzGuesser': {
      const q = ok(validateHzGuess(DEFAULT_HZ_GUESS_INPUT));
      const v = hzView(guessHz(q.observedS, q.intervalUs));
      return [v.best, ...v.rows.map((r) => r.predicted)];
    }
    case 'LoadSimulator': {
      const r = simulate(ok(validateSim(OPENING)));
      return [peakText(r), summarise(r).headline];
    }
    case 'HostapdGenerator': {
      const c = buildHostapdConfig(DEFAULT_SETTINGS);
      if (!c.ok) throw new Error('hostapd defaults are invalid');
      return c.text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    }
    case 'KeylogInspector':
      return [summarizeKeyLog(parseKeyLog(SAMPLE_KEYLOG))];
    default:
      throw new Error(`No figures known for widget ${component}: add them to this test`);
  }
}

/** Every published post with the widgets it embeds, read from content/posts. */
const POSTS = readdirSync(join(ROOT, 'content/posts'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const source = readFileSync(join(ROOT, 'content/posts', f), 'utf8');
    const widgets = [...source.matchAll(/^import (\w+) from '[^']*\/components\/[^']+\.astro';$/gm)]
      .map((m) => m[1] ?? '')
      .filter((name) => new RegExp(`<${name}\\b`).test(source));
    return { slug: f.replace(/\.mdx$/, ''), draft: /^draft: true$/m.test(source), widgets };
  })
  .filter((p) => !p.draft);

/** A page holding one feed item's HTML and nothing else, with the feed's images served from the build. */
async function openItem(dir: string, base: string, html: string, background: string) {
  const context = await chrome.browser.newContext({ javaScriptEnabled: false });
  await context.route(`${TEST_ORIGIN}/**`, async (route) => {
    const file = fileFor(dir, base, new URL(route.request().url()).pathname);
    if (!file) return route.fulfill({ status: 404, body: 'not in the build' });
    return route.fulfill({
      status: 200,
      contentType: contentType(extname(file)),
      body: readFileSync(file),
    });
  });
  // Closed when the test ends, pass or fail.
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>item</title></head><body style="background:${background}">${html}</body></html>`,
    { waitUntil: 'load' },
  );
  return { page };
}

const visibleText = async (page: Page): Promise<string> =>
  (await page.evaluate(() => document.body.textContent ?? '')).replace(/\s+/g, ' ');

describe.each(BUILDS)('feed items as a reader shows them ($name build)', ({ dir, base }) => {
  const items = (): Map<string, string> => {
    requireBuild(dir);
    const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as {
      items: { url: string; content_html: string }[];
    };
    return new Map(feed.items.map((i) => [i.url, i.content_html]));
  };

  it.each(POSTS)(
    '$slug: images load, no inline SVG, every widget’s figures as text',
    async (post) => {
      const html = items().get(`${TEST_ORIGIN}${base}posts/${post.slug}/`);
      expect(html, `feed.json has no item for ${post.slug}`).toBeDefined();
      const shots: Buffer[] = [];
      for (const background of ['#ffffff', '#000000']) {
        const { page } = await openItem(dir, base, html ?? '', background);
        expect(await page.locator('svg').count()).toBe(0);
        const images = await page.locator('img').evaluateAll((imgs) =>
          (imgs as HTMLImageElement[]).map((i) => ({
            src: i.src,
            width: i.naturalWidth,
            alt: i.alt,
          })),
        );
        for (const img of images) {
          expect(img.width, `${img.src} did not load`).toBeGreaterThan(0);
          expect(img.src.startsWith(TEST_ORIGIN)).toBe(true);
        }
        const text = await visibleText(page);
        for (const widget of post.widgets) {
          for (const figure of figures(widget)) {
            expect(text, `${widget} in ${post.slug}`).toContain(figure.replace(/\s+/g, ' '));
          }
        }
        if (post.widgets.includes('LoadSimulator')) {
          const chart = page.locator('img[src*="/charts/"]');
          expect(await chart.count()).toBe(1);
          expect(await chart.getAttribute('alt')).toContain(figures('LoadSimulator')[1]);
          shots.push(await chart.screenshot());
        }
      }
      // An opaque chart looks exactly the same on a white and on a black reader background.
      if (shots.length === 2) expect(shots[0]?.equals(shots[1] as Buffer)).toBe(true);
    },
  );

  it('the load simulator is embedded somewhere, so the chart checks above ran', () => {
    expect(POSTS.some((p) => p.widgets.includes('LoadSimulator'))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  type HeaderRule,
  headersFor,
  parseHeaders,
} from '../../src/core/security.ts';
import { launch } from '../support/browser.ts';
import { type StaticSite, serve } from '../support/server.ts';
import {
  BUILDS,
  elements,
  htmlPages,
  listFiles,
  pagesPerTemplate,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
  urlPathOf,
} from '../support/site.ts';

/** Pages that compile WebAssembly: only search, for Pagefind. */
const WASM_PAGES = new Set(['search/index.html']);

/** Feeds a browser renders through feed.xsl, with the same headers as the pages. */
// One of each format: every feed of a format uses the same stylesheet.
const FEEDS = ['rss.xml', 'atom.xml'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(BUILDS)('security of the build at $name', ({ dir, base }) => {
  requireBuild(dir);
  const pages = htmlPages(dir);

  it('every page carries the policy in a <meta> before anything it governs', () => {
    for (const page of pages) {
      const els = elements(parseHtml(join(dir, page)));
      const head = els.find((e) => e.tagName === 'head');
      const first = head
        ? elements(head).filter((e) => e.tagName !== 'meta' || !e.properties['charSet'])
        : [];
      const meta = first[0];
      expect(meta?.properties['httpEquiv'], page).toEqual(['Content-Security-Policy']);
      expect(meta?.properties['content'], page).toBe(
        contentSecurityPolicy('meta', { wasm: WASM_PAGES.has(page) }),
      );
    }
  });

  it('no page has an inline script or loads anything from another origin', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const el of elements(parseHtml(join(dir, page)))) {
        if (el.tagName === 'script' && !el.properties['src']) {
          const type = String(el.properties['type'] ?? '');
          if (type !== 'application/ld+json')
            problems.push(`${page}: inline <script type="${type}">`);
        }
        // Links to other sites are fine to follow; what the page itself fetches must be ours.
        const fetched =
          el.tagName === 'link' &&
          /stylesheet|preload|modulepreload|icon/.test(String(el.properties['rel']))
            ? el.properties['href']
            : el.tagName === 'a'
              ? undefined
              : el.properties['src'];
        if (typeof fetched === 'string' && new URL(fetched, TEST_ORIGIN).origin !== TEST_ORIGIN) {
          problems.push(`${page}: <${el.tagName}> loads ${fetched}`);
        }
        if (el.tagName === 'iframe' || el.tagName === 'object' || el.tagName === 'embed') {
          problems.push(`${page}: <${el.tagName}> embed`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes _headers with the policy, nosniff, a referrer policy and long caching for hashed assets', () => {
    const rules = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
    const page = Object.fromEntries(headersFor(rules, `${base}posts/first-post/`));
    expect(page).toEqual({
      'Content-Security-Policy': contentSecurityPolicy('header'),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(page['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    const assets = listFiles(join(dir, '_assets'));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      // immutable is only safe when a changed file gets a new name.
      expect(file).toMatch(/\.[A-Za-z0-9_-]{8}(_[A-Za-z0-9_-]+)?\.[a-z0-9]+$/);
      expect(Object.fromEntries(headersFor(rules, `${base}_assets/${file}`))).toMatchObject({
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
    }
    expect(Object.fromEntries(headersFor(rules, `${base}index.html`))['Cache-Control']).toBe(
      undefined,
    );
  });

  // In a browser, the sub-path build: where a path that ignores the base shows up as a 404.
  if (base !== '/')
    describe('in Chromium, served with the _headers rules like Netlify or Cloudflare Pages would', () => {
      let site: StaticSite;
      let context: BrowserContext;
      let rules: HeaderRule[];
      beforeAll(async () => {
        site = await serve(dir, base);
        rules = parseHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
        context = await browser.newContext();
        await context.route('**/*', async (route) => {
          const response = await route.fetch();
          const path = new URL(route.request().url()).pathname;
          await route.fulfill({
            response,
            headers: { ...response.headers(), ...Object.fromEntries(headersFor(rules, path)) },
          });
        });
        // Recorded from DevTools, which the page's policy does not govern.
        await context.addInitScript(() => {
          const w = window as unknown as { cspViolations: string[] };
          w.cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) => {
            w.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
          });
        });
      });
      afterAll(async () => {
        await context?.close();
        await site?.close();
      });

      const targets = [
        ...pagesPerTemplate(dir).map((p) =>
          urlPathOf(p === '404.html' ? 'no-such-page/' : p, base),
        ),
        `${base}search/?q=hostapd`,
        ...FEEDS.map((f) => `${base}${f}`),
      ];
      it.each(targets)(
        '%s: no console error, policy violation, missing file or other origin',
        async (path) => {
          const page = await context.newPage();
          try {
            const notFound = path.includes('no-such-page');
            const feed = path.endsWith('.xml');
            const errors: string[] = [];
            const offsite: string[] = [];
            const missing: string[] = [];
            page.on('console', (m) => {
              if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
                errors.push(m.text());
            });
            page.on('pageerror', (e) => errors.push(e.message));
            page.on('request', (r) => {
              if (!r.url().startsWith(new URL(site.url).origin) && !r.url().startsWith('data:'))
                offsite.push(r.url());
            });
            page.on('response', (r) => {
              if (r.status() === 404 && !r.url().includes('no-such-page')) missing.push(r.url());
            });
            const response = await page.goto(new URL(path, site.url).href);
            expect(response?.status()).toBe(notFound ? 404 : 200);
            expect(response?.headers()['content-security-policy']).toBe(
              contentSecurityPolicy('header'),
            );
            // By the load event every script, style and eager image has run or been refused; one
            // more turn lets module scripts ask for what they load lazily.
            await page.evaluate(
              () => new Promise((r) => requestAnimationFrame(() => setTimeout(r))),
            );
            if (path.includes('search/?q=')) {
              await expect
                .poll(() => page.locator('#search-results > li').count())
                .toBeGreaterThan(0);
            }
            let violations = await page.evaluate(
              () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
            );
            let consoleErrors = errors.filter((e) => !(notFound && e.includes('status of 404')));
            if (feed) {
              // The XSLT ran and its inline <style> applied: the feed shows as a page with a heading.
              await expect.poll(() => page.locator('h1').count()).toBe(1);
              expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe(
                '672px',
              );
              // Chromium 156+ adds its own XSLT deprecation banner with an inline handler to every
              // transformed document; that one violation is the browser's, not the site's.
              if ((await page.locator('xslt-warning-banner').count()) > 0) {
                violations = violations.filter((v) => v !== 'script-src-attr blocked inline');
                consoleErrors = consoleErrors.filter((e) => !/inline event handler/.test(e));
              }
            }
            expect(violations).toEqual([]);
            expect(consoleErrors).toEqual([]);
            expect(offsite).toEqual([]);
            expect(missing).toEqual([]);
          } finally {
            await page.close();
          }
        },
      );
    });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, servedBuild, sharedBrowser } from '../support/browser.ts';
import type { StaticSite } from '../support/server.ts';
import { BUILDS } from '../support/site.ts';

const chrome = sharedBrowser();

/** Console errors, page errors, requests to other origins and Pagefind files a page asked for. */
function watch(page: Page, site: StaticSite) {
  const seen = { errors: [] as string[], offsite: [] as string[], pagefind: [] as string[] };
  const origin = new URL(site.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) seen.offsite.push(url);
    if (url.includes('/pagefind/')) seen.pagefind.push(new URL(url).pathname);
  });
  return seen;
}

describe.each(BUILDS)('search on the build at $name', ({ dir, base }) => {
  const served = servedBuild(dir, base);

  it('finds "round_interval" from the header box and lands on the heading in the load-spike post', async () => {
    const page = await chrome.browser.newPage();
    const seen = watch(page, served.site);
    await page.goto(served.site.url);
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('round_interval');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${base}search/?q=round_interval`);
    const results = page.locator('#search-results > li');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    await expect(results.first().getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'The mystery of load average spikes',
    );
    const section = results.first().getByRole('list').getByRole('link').first();
    const target = new URL((await section.getAttribute('href')) ?? '', served.site.url);
    expect(target.pathname).toBe(`${base}posts/load-average-spikes/`);
    expect(target.hash).toMatch(/^#[a-z0-9-]+$/);
    await section.click();
    await page.waitForURL(`**${base}posts/load-average-spikes/${target.hash}`);
    const heading = page.locator(`[id="${target.hash.slice(1)}"]`);
    expect(await heading.evaluate((h) => /^H[2-6]$/.test(h.tagName))).toBe(true);
    expect(await heading.textContent()).toBeTruthy();
    expect(seen.errors).toEqual([]);
    expect(seen.offsite).toEqual([]);
    expect(served.site.missing).toEqual([]);
    await page.close();
  });

  it.each([
    ['hostapd', 'Decrypting iOS TLS traffic'],
    ['CLIENT_RANDOM', 'Decrypting iOS TLS traffic'],
    ['round_interval', 'The mystery of load average spikes'],
  ])('finds %s, which occurs in a code block, in “%s”', async (query, title) => {
    const page = await chrome.browser.newPage();
    const seen = watch(page, served.site);
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent(query)}`);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/posts? match(es)? “/);
    const titles = await page.locator('#search-results > li h2').allTextContents();
    expect(titles).toContain(title);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain(query.toLowerCase());
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('works with the keyboard alone: type, Enter, Tab to a result, Enter', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${served.site.url}search/`);
    await page.getByRole('searchbox', { name: 'Words to find in posts and code blocks' }).focus();
    await page.keyboard.type('hostapd');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/match(es)? “hostapd”/);
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab'); // the first result
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    expect(focused).toContain(`${base}posts/`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${focused}`);
    await page.close();
  });

  it('says so when nothing matches, and keeps the query in the address', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${served.site.url}search/`);
    const box = page.getByRole('searchbox', { name: 'Words to find in posts and code blocks' });
    await box.fill('zzxqjv');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('No post matches “zzxqjv”.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('zzxqjv');
    expect(await page.locator('#search-results > li').count()).toBe(0);
    await page.close();
  });

  it('loads Pagefind only on the search page', async () => {
    const page = await chrome.browser.newPage();
    const seen = watch(page, served.site);
    for (const path of ['', 'posts/load-average-spikes/', 'archive/']) {
      await page.goto(`${served.site.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(seen.pagefind).toEqual([]);
    await page.goto(`${served.site.url}search/?q=hostapd`);
    await expect.poll(() => page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(seen.pagefind).toContain(`${base}pagefind/pagefind.js`);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe-core violation with results shown in the %s theme',
    async (scheme) => {
      const context = await chrome.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${served.site.url}search/?q=load`);
      await expect.poll(() => page.locator('#search-results mark').count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
      await context.close();
    },
  );
});

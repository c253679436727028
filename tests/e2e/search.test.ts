import { describe, expect, it } from 'vitest';
import { axe, liveSite } from '../support/browser.ts';
import { BUILDS } from '../support/site.ts';

describe.each(BUILDS)('search on the build at $name', (build) => {
  const { base } = build;
  // Every page a test opens fails it on a script or console error, a missing file or another origin.
  const live = liveSite(build);

  it('finds "round_interval" from the header box and lands on the heading in the load-spike post', async () => {
    const { page } = await live.open('');
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('round_interval');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${base}search/?q=round_interval`);
    const results = page.locator('#search-results > li');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    await expect(results.first().getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      'The mystery of load average spikes',
    );
    const section = results.first().getByRole('list').getByRole('link').first();
    const target = new URL((await section.getAttribute('href')) ?? '', live.site.url);
    expect(target.pathname).toBe(`${base}posts/load-average-spikes/`);
    expect(target.hash).toMatch(/^#[a-z0-9-]+$/);
    await section.click();
    await page.waitForURL(`**${base}posts/load-average-spikes/${target.hash}`);
    const heading = page.locator(`[id="${target.hash.slice(1)}"]`);
    expect(await heading.evaluate((h) => /^H[2-6]$/.test(h.tagName))).toBe(true);
    expect(await heading.textContent()).toBeTruthy();
  });

  it('loads Pagefind only on the search page', async () => {
    const { page } = await live.open('archive/');
    const pagefind: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) pagefind.push(new URL(r.url()).pathname);
    });
    for (const path of ['', 'posts/load-average-spikes/', 'archive/']) {
      await page.goto(new URL(path, live.site.url).href);
      // Every module script has run by the load event; give them one more turn to ask for more.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    }
    expect(pagefind).toEqual([]);
    await page.goto(new URL('search/?q=hostapd', live.site.url).href);
    await expect.poll(() => page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(pagefind).toContain(`${base}pagefind/pagefind.js`);
  });
});

// What does not depend on the base path runs once, on the /blog/ build.
describe('search on the /blog/ build', () => {
  const { base } = BUILDS[1];
  const live = liveSite(BUILDS[1]);

  it.each([
    ['hostapd', 'Decrypting iOS TLS traffic'],
    ['CLIENT_RANDOM', 'Decrypting iOS TLS traffic'],
    ['round_interval', 'The mystery of load average spikes'],
  ])('finds %s, which occurs in a code block, in “%s”', async (query, title) => {
    const { page } = await live.open(`search/?q=${encodeURIComponent(query)}`);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/posts? match(es)? “/);
    const titles = await page.locator('#search-results > li h2').allTextContents();
    expect(titles).toContain(title);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain(query.toLowerCase());
  });

  it('works with the keyboard alone: type, Enter, Tab to a result, Enter', async () => {
    const { page } = await live.open('search/');
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
  });

  it('says "match" only for the words as typed: aaaaaaaa, which no post holds, is no exact match', async () => {
    const { page } = await live.open('search/?q=aaaaaaaa');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/“aaaaaaaa”/);
    const said = (await status.textContent()) ?? '';
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).not.toContain('aaaaaaaa');
    expect(said).not.toMatch(/posts? match(es)?/);
    expect(said).toMatch(
      /^(No post matches “aaaaaaaa”\.|No exact match for “aaaaaaaa”; \d+ posts? contains? (words starting with “a+”|similar words.*)\.)$/,
    );
  });

  it('says so when nothing matches, and keeps the query in the address', async () => {
    const { page } = await live.open('search/');
    const box = page.getByRole('searchbox', { name: 'Words to find in posts and code blocks' });
    await box.fill('zzxqjv');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('No post matches “zzxqjv”.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('zzxqjv');
    expect(await page.locator('#search-results > li').count()).toBe(0);
  });

  it.each(['light', 'dark'] as const)(
    'has no axe-core violation with results shown in the %s theme',
    async (scheme) => {
      const { page } = await live.open('search/?q=load', { colorScheme: scheme });
      await expect.poll(() => page.locator('#search-results mark').count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
    },
  );
});

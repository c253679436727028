import { describe, expect, it } from 'vitest';
import { blogInBrowser } from '../support/browser.ts';

const live = blogInBrowser();

describe('a feed opened in the browser', () => {
  it.each([
    ['rss.xml', 4],
    ['atom.xml', 4],
    ['feeds/planet-kde/rss.xml', 3],
    ['feeds/apple/atom.xml', 1],
  ])('%s reads as a page that explains itself and lists its posts', async (file, count) => {
    const page = await live.browser.newPage();
    await page.goto(new URL(file, live.site.url).href);
    expect(await page.getByText('This is a web feed').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('nicolas17');
    const links = page.getByRole('list').getByRole('link');
    expect(await links.count()).toBe(count);
    // The feed itself carries build-time absolute URLs; the page must link to real posts.
    for (const href of await links.evaluateAll((as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    )) {
      expect(href).toMatch(/\/blog\/posts\/[a-z-]+\/$/);
    }
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import { liveSite } from '../support/browser.ts';
import { publishedPosts } from '../support/posts.ts';

const live = liveSite();
const posts = publishedPosts();
const kde = posts.filter((p) => p.tags.includes('kde') && !p.tags.includes('apple'));
const apple = posts.filter((p) => p.tags.includes('apple'));

describe('a feed opened in the browser', () => {
  it.each([
    ['rss.xml', posts.length],
    ['atom.xml', posts.length],
    ['feeds/planet-kde/rss.xml', kde.length],
    ['feeds/apple/atom.xml', apple.length],
  ])('%s reads as a page that explains itself and lists its %i posts', async (file, count) => {
    // Chromium 156+ shows its own XSLT deprecation banner, whose inline handler the policy blocks.
    const { page } = await live.open(file, {
      allowErrors: /inline event handler|Content Security Policy/,
    });
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
  });
});

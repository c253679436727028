import { describe, expect, it } from 'vitest';
import { liveSite } from '../support/browser.ts';
import { publishedPosts } from '../support/posts.ts';
import { BUILDS, TEST_ORIGIN } from '../support/site.ts';

describe.each(BUILDS)('social cards on the build at $name', (build) => {
  const { base } = build;
  const live = liveSite(build);

  // Every post's card on the /blog/ build; at the root, the newest post's (the URLs carry the base).
  it.each(build === BUILDS[1] ? publishedPosts() : publishedPosts().slice(0, 1))(
    '$slug: og:image is a 1200×630 PNG, with twitter:card and JSON-LD',
    async ({ slug, title }) => {
      const { page } = await live.open(`posts/${slug}/`);
      const meta = (sel: string) => page.locator(sel).getAttribute('content');
      const image = (await meta('meta[property="og:image"]')) ?? '';
      expect(image).toBe(`${TEST_ORIGIN}${base}og/${slug}.png`);
      expect(await meta('meta[property="og:image:width"]')).toBe('1200');
      expect(await meta('meta[property="og:image:height"]')).toBe('630');
      expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');

      const ld = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      ) as Record<string, unknown>;
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        image,
        url: `${TEST_ORIGIN}${base}posts/${slug}/`,
        author: { '@type': 'Person', name: 'Nicolás Alvarez' },
      });
      expect(ld['headline']).toBe(title);
      expect(String(ld['datePublished'])).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      // The card as a browser gets it from this host: PNG bytes that decode to 1200×630 pixels.
      const local = new URL(new URL(image).pathname, live.site.url).href;
      const response = await page.request.get(local);
      expect(response.status()).toBe(200);
      const bytes = await response.body();
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
      const decoded = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, local);
      expect(decoded).toEqual([1200, 630]);
    },
  );

  it('pages that are not posts have no og:image and a plain summary card', async () => {
    const { page } = await live.open('archive/');
    expect(await page.locator('meta[property="og:image"]').count()).toBe(0);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary');
  });
});

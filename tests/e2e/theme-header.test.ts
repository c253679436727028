import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, liveSite } from '../support/browser.ts';
import { publishedPosts } from '../support/posts.ts';
import { BUILDS } from '../support/site.ts';

/** Every published post, by slug, from content/posts (drafts are not built). */
const POSTS = publishedPosts().map((p) => p.slug);

/** The page background of each theme, as getComputedStyle reports it. */
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(13, 17, 23)' } as const;
const CHOICES = ['System', 'Light', 'Dark'] as const;
const PHONE = { width: 360, height: 640 };

/** What the reader sees of the theme: the theme attribute and the page's actual background. */
async function shown(page: Page) {
  return page.evaluate(() => ({
    theme: document.documentElement.dataset['theme'],
    background: getComputedStyle(document.body).backgroundColor,
  }));
}

/** Which of the three choices is checked, in order. */
async function checked(page: Page) {
  const group = page.getByRole('group', { name: 'Theme' });
  return Promise.all(CHOICES.map((name) => group.getByRole('radio', { name }).isChecked()));
}

/** Records, from a script that runs before the page's own, what the first frame shows: its first
 *  animation frame runs after the render-blocking stylesheet and site.js and before first paint. */
async function watchFirstFrame(context: BrowserContext) {
  await context.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as Record<string, unknown>)['firstFrame'] = {
        theme: document.documentElement.dataset['theme'],
        scheme: getComputedStyle(document.documentElement).colorScheme,
        background: document.body && getComputedStyle(document.body).backgroundColor,
      };
    });
  });
}

describe.each(BUILDS)('theme switch and header on the build at $name', (build) => {
  const live = liveSite(build);

  it('offers System, Light and Dark, System by default, and shows the chosen theme after a reload', async () => {
    const { page } = await live.open('', { colorScheme: 'light' });
    expect(await checked(page)).toEqual([true, false, false]);
    expect(await shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });

    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await checked(page)).toEqual([false, false, true]);
    expect(await shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
    await page.goto(`${live.site.url}posts/${POSTS[0]}/`);
    expect(await checked(page)).toEqual([false, false, true]);
    expect(await shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });

    await page.getByRole('radio', { name: 'Light' }).check();
    await page.reload();
    expect(await checked(page)).toEqual([false, true, false]);
    expect(await shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'System' }).check();
    await page.reload();
    expect(await checked(page)).toEqual([true, false, false]);
    expect(await shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
  });

  const cases = [
    { choice: 'Dark', system: 'light', theme: 'dark' },
    { choice: 'Light', system: 'dark', theme: 'light' },
    { choice: 'System', system: 'dark', theme: 'dark' },
  ] as const;
  // Every case under /blog/; at the root, one case shows the theme script is found there too.
  it.each(build === BUILDS[1] ? cases : cases.slice(0, 1))(
    'shows $choice on a $system system from the first frame, with no flash',
    async ({ choice, system, theme }) => {
      const { page } = await live.open('', { colorScheme: system, init: watchFirstFrame });
      for (const path of ['', `posts/${POSTS[0]}/`]) {
        await page.goto(live.site.url + path);
        await page.getByRole('radio', { name: choice }).check();
        await page.reload();
        await page.waitForFunction(() => 'firstFrame' in window);
        const first = await page.evaluate(
          () => (window as unknown as Record<string, unknown>)['firstFrame'],
        );
        expect(first, path || 'home page').toEqual({
          theme,
          scheme: theme,
          background: BACKGROUND[theme],
        });
      }
    },
  );
});

// What does not depend on the base path runs once, on the /blog/ build.
describe('the theme switch and header, on the /blog/ build', () => {
  const live = liveSite(BUILDS[1]);

  it('at 360 px keeps the header in one row of at most 72 px, with the rest one tap away', async () => {
    const { page } = await live.open('', { viewport: PHONE });
    const header = page.locator('header.site-header');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(72);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.getByRole('link', { name: 'Archive' }).isVisible()).toBe(true);
    expect(await page.getByRole('searchbox', { name: 'Search posts' }).isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Dark' }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);

    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL(`**${BUILDS[1].base}search/`);
  });

  it('is reached with Tab and changed with the arrow keys', async () => {
    const { page } = await live.open('', { colorScheme: 'light' });
    await page.getByRole('button', { name: 'Search' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'system',
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await checked(page)).toEqual([false, false, true]);
    expect(await shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
  });

  it('follows the system live on System, and not on an explicit choice', async () => {
    const { page } = await live.open('', { colorScheme: 'light' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });

    await page.getByRole('radio', { name: 'Light' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });
  });

  it('at 1280 px shows navigation, search and theme in the header row, with no menu button', async () => {
    const { page } = await live.open('', { viewport: { width: 1280, height: 800 } });
    expect((await page.locator('header.site-header').boundingBox())?.height).toBeLessThanOrEqual(
      72,
    );
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    for (const item of [
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }),
      page.getByRole('searchbox', { name: 'Search posts' }),
      page.getByRole('radio', { name: 'System' }),
    ])
      expect(await item.isVisible()).toBe(true);
    const header = await page.locator('header.site-header').boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(
      (heading?.y ?? 0) - (header?.height ?? 0),
      'room above the heading',
    ).toBeGreaterThanOrEqual(24);
  });

  it.each(POSTS)(
    'at 360 × 640 shows the heading of %s without scrolling, clear of the header',
    async (slug) => {
      const { page } = await live.open(`posts/${slug}/`, { viewport: PHONE });
      const box = await page.getByRole('heading', { level: 1 }).boundingBox();
      const header = await page.locator('header.site-header').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(72);
      expect(
        (box?.y ?? 0) - (header?.height ?? 0),
        'room above the heading',
      ).toBeGreaterThanOrEqual(24);
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    },
  );
});

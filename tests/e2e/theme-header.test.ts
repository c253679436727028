import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, servedBuild, sharedBrowser } from '../support/browser.ts';
import { BUILDS, ROOT } from '../support/site.ts';

const chrome = sharedBrowser();

/** Every published post, by slug, from content/posts (drafts are not built). */
const POSTS = readdirSync(join(ROOT, 'content/posts'))
  .filter((f) => f.endsWith('.mdx'))
  .filter((f) => !/^draft:\s*true\s*$/m.test(readFileSync(join(ROOT, 'content/posts', f), 'utf8')))
  .map((f) => f.replace(/\.mdx$/, ''));

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

describe.each(BUILDS)('theme switch and header on the build at $name', ({ dir, base }) => {
  const served = servedBuild(dir, base);

  it('offers System, Light and Dark, System by default, and shows the chosen theme after a reload', async () => {
    const context = await chrome.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(served.site.url);
    expect(await checked(page)).toEqual([true, false, false]);
    expect(await shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });

    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await checked(page)).toEqual([false, false, true]);
    expect(await shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
    await page.goto(`${served.site.url}posts/${POSTS[0]}/`);
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
    await context.close();
  });

  it('is reached with Tab and changed with the arrow keys', async () => {
    const context = await chrome.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(served.site.url);
    await page.getByRole('button', { name: 'Search' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'system',
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await checked(page)).toEqual([false, false, true]);
    expect(await shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
    await context.close();
  });

  it('follows the system live on System, and not on an explicit choice', async () => {
    const context = await chrome.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(served.site.url);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => shown(page)).toEqual({ theme: 'dark', background: BACKGROUND.dark });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });

    await page.getByRole('radio', { name: 'Light' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await shown(page)).toEqual({ theme: 'light', background: BACKGROUND.light });
    await context.close();
  });

  it.each([
    { choice: 'Dark', system: 'light', theme: 'dark' },
    { choice: 'Light', system: 'dark', theme: 'light' },
    { choice: 'System', system: 'dark', theme: 'dark' },
  ] as const)(
    'shows $choice on a $system system from the first frame, with no flash',
    async ({ choice, system, theme }) => {
      const context = await chrome.browser.newContext({ colorScheme: system });
      await watchFirstFrame(context);
      const page = await context.newPage();
      for (const path of ['', `posts/${POSTS[0]}/`]) {
        await page.goto(served.site.url + path);
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
      await context.close();
    },
  );

  it('at 360 px keeps the header in one row of at most 72 px, with the rest one tap away', async () => {
    const context = await chrome.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(served.site.url);
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
    await page.waitForURL(`**${base}search/`);
    await context.close();
  });

  it.each(POSTS)('at 360 × 640 shows the heading of %s without scrolling', async (slug) => {
    const context = await chrome.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${served.site.url}posts/${slug}/`);
    const box = await page.getByRole('heading', { level: 1 }).boundingBox();
    const header = await page.locator('header.site-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(72);
    expect(box?.y).toBeGreaterThanOrEqual(header?.height ?? 0);
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    await context.close();
  });

  it('at 1280 px shows navigation, search and theme in the header row, with no menu button', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(served.site.url);
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
    await context.close();
  });
});

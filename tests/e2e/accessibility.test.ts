import { describe, expect, it } from 'vitest';
import { axe, liveSite } from '../support/browser.ts';
import { BUILDS, pagesPerTemplate } from '../support/site.ts';

const { dir } = BUILDS[1];

describe('axe-core in the light and the dark theme', () => {
  const live = liveSite(BUILDS[1]);

  // Every post, and one page of each shared template (tag pages, later listing pages).
  it.each(pagesPerTemplate(dir))('%s has no violations', async (file) => {
    const path = file === '404.html' ? 'missing/' : file.replace(/(^|\/)index\.html$/, '$1');
    const { page } = await live.open(path, {
      colorScheme: 'light',
      allowErrors: file === '404.html' ? /status of 404/ : undefined,
    });
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    expect(await theme()).toBe('light');
    expect(await axe(page), 'light theme').toEqual([]);
    // The page follows the system's setting live: the same page, now dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(theme).toBe('dark');
    expect(await axe(page), 'dark theme').toEqual([]);
  });
});

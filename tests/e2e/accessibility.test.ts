import { describe, expect, it } from 'vitest';
import { axe, blogInBrowser } from '../support/browser.ts';
import { BUILDS, htmlPages, urlPathOf } from '../support/site.ts';

const { dir, base } = BUILDS[1];
const live = blogInBrowser();

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (scheme) => {
  it.each(htmlPages(dir))('%s has no violations', async (file) => {
    const context = await live.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(
      new URL(urlPathOf(file === '404.html' ? 'missing/' : file, base), live.site.url).href,
    );
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

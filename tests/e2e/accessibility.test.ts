import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch } from '../support/browser.ts';
import { type StaticSite, serve } from '../support/server.ts';
import { BUILDS, htmlPages, requireBuild, urlPathOf } from '../support/site.ts';

const { dir, base } = BUILDS[1];
let browser: Browser;
let site: StaticSite;
beforeAll(async () => {
  requireBuild(dir);
  browser = await launch();
  site = await serve(dir, base);
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
});

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (scheme) => {
  it.each(htmlPages(dir))('%s has no violations', async (file) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(
      new URL(urlPathOf(file === '404.html' ? 'missing/' : file, base), site.url).href,
    );
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

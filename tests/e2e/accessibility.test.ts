import { describe, expect, it } from 'vitest';
import { axe, liveSite } from '../support/browser.ts';
import { BUILDS, pagesPerTemplate } from '../support/site.ts';

const { dir } = BUILDS[1];

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (scheme) => {
  const live = liveSite(BUILDS[1]);
  // Every post, and one page of each shared template (tag pages, later listing pages).
  it.each(pagesPerTemplate(dir))('%s has no violations', async (file) => {
    const path = file === '404.html' ? 'missing/' : file.replace(/(^|\/)index\.html$/, '$1');
    const { page } = await live.open(path, {
      colorScheme: scheme,
      allowErrors: file === '404.html' ? /status of 404/ : undefined,
    });
    expect(await axe(page)).toEqual([]);
  });
});

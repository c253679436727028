import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_INSTANCE,
  HOSTILE_DESCENDANTS,
  HOSTILE_POST,
  HOSTILE_SHOWN,
  HOSTILE_TOOT,
  MANY_COUNT,
  MANY_POST,
} from '../../scripts/replies-fixtures.ts';
import { axe, liveSite, sharedBrowser } from '../support/browser.ts';
import { type StaticSite, serve } from '../support/server.ts';
import { EXTRA_BUILD, requireBuild } from '../support/site.ts';

const PATH = `posts/${HOSTILE_POST}/`;
const CONTEXT_URL = `https://${FIXTURE_INSTANCE}/api/v1/statuses/${HOSTILE_TOOT.id}/context`;
const [ALICE] = HOSTILE_DESCENDANTS;

/** What the hostile replies would have done had anything of theirs run. */
const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe('the fixture post’s replies in Chromium, with the site’s CSP', () => {
  const live = liveSite(EXTRA_BUILD);

  it('shows every reply, runs nothing from them and asks no instance for anything', async () => {
    const { page } = await live.open(PATH);
    await expect.poll(() => page.locator('.reply-refresh').isVisible()).toBe(true);
    expect(await page.locator('#replies li.reply').count()).toBe(HOSTILE_SHOWN.length);
    expect(await page.locator('#replies h2').textContent()).toBe(
      `${HOSTILE_SHOWN.length} replies on the fediverse`,
    );
    await expect.poll(() => page.getByText('HOSTILE-REPLY').isVisible()).toBe(true);
    expect(await pwned(page)).toBeUndefined();
    const live_ = await page.evaluate(() => {
      const section = document.getElementById('replies');
      const all = [...(section?.querySelectorAll('*') ?? [])];
      return {
        scripts: all.filter((e) =>
          ['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'svg'].includes(e.tagName),
        ).length,
        handlers: all.flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
        ),
        // Links within the page ("in reply to") aside, every link leaves for an https page.
        links: all
          .filter((e) => e.tagName === 'A' && !e.getAttribute('href')?.startsWith('#'))
          .map((a) => (a as HTMLAnchorElement).protocol),
      };
    });
    expect(live_.scripts).toBe(0);
    expect(live_.handlers).toEqual([]);
    expect(new Set(live_.links)).toEqual(new Set(['https:']));
    // The warning stays collapsed until the reader opens it.
    expect(await page.getByText('CW-HIDDEN-TEXT').isVisible()).toBe(false);
    await page.getByText('Spoilers for the ending').click();
    await expect.poll(() => page.getByText('CW-HIDDEN-TEXT').isVisible()).toBe(true);
  });

  it('reads the same with JavaScript off, without the refresh button', async () => {
    const { page } = await live.open(PATH, { javaScriptEnabled: false });
    expect(await page.locator('#replies li.reply').count()).toBe(HOSTILE_SHOWN.length);
    expect(await page.locator('.reply-refresh').isVisible()).toBe(false);
    expect(await page.locator('.reply-nojs').isVisible()).toBe(true);
    expect(await page.locator('form.reply-form').getAttribute('action')).toBe(
      `https://${FIXTURE_INSTANCE}/authorize_interaction`,
    );
  });

  it('passes axe-core', async () => {
    const { page } = await live.open(PATH);
    expect(await axe(page)).toEqual([]);
  });

  it(`paints the post of ${MANY_COUNT} replies within 1 s`, async () => {
    const { page } = await live.open(`posts/${MANY_POST}/`);
    expect(await page.locator('#replies li.reply').count()).toBe(MANY_COUNT);
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    console.log(`${MANY_COUNT} replies: first contentful paint ${paint.toFixed(0)} ms`);
    expect(paint).toBeLessThan(1000);
  });
});

describe('joining in and newer replies (requests to the instance, intercepted)', () => {
  const handle = sharedBrowser();
  let site: StaticSite;
  beforeAll(async () => {
    requireBuild(EXTRA_BUILD.dir);
    site = await serve(EXTRA_BUILD.dir, EXTRA_BUILD.base);
  });
  afterAll(() => site?.close());

  /** The fixture page in a fresh context; `requests` collects every URL off the test server. */
  async function open(init?: (c: BrowserContext) => Promise<unknown>) {
    const context = await handle.browser.newContext();
    await init?.(context);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(site.url)) requests.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL(PATH, site.url).href);
    await expect.poll(() => page.locator('.reply-refresh').isVisible()).toBe(true);
    return { context, page, requests, errors };
  }

  it('sends the reader to their own instance’s authorize_interaction, for a host name only', async () => {
    const { context, page, requests } = await open((c) =>
      c.route('https://mastodon.social/**', (r) =>
        r.fulfill({ body: 'authorize page', contentType: 'text/plain' }),
      ),
    );
    try {
      await page.getByLabel('Your instance').fill('evil.example/phish?x=');
      await page.getByRole('button', { name: 'Reply', exact: true }).click();
      await expect
        .poll(() => page.locator('.reply-form-error').textContent())
        .toContain('such as mastodon.social');
      expect(requests).toEqual([]);
      await page.getByLabel('Your instance').fill('@me@Mastodon.Social');
      await Promise.all([
        page.waitForURL(/mastodon\.social/),
        page.getByRole('button', { name: 'Reply', exact: true }).click(),
      ]);
      expect(page.url()).toBe(
        `https://mastodon.social/authorize_interaction?uri=${encodeURIComponent(HOSTILE_TOOT.url)}`,
      );
    } finally {
      await context.close();
    }
  });

  it('fetches the context only on click and merges newer replies, sanitised, under their parents', async () => {
    const newer = {
      ...ALICE,
      id: '113500000000000150',
      in_reply_to_id: ALICE?.['id'],
      created_at: '2026-11-30T00:00:00.000Z',
      content: '<p>NEWER-REPLY</p>',
    };
    const hostile = {
      ...ALICE,
      id: '113500000000000151',
      in_reply_to_id: HOSTILE_TOOT.id,
      created_at: '2026-11-30T00:01:00.000Z',
      content:
        '<p>NEWER-HOSTILE<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></p>',
    };
    const hidden = {
      ...newer,
      id: '113500000000000152',
      visibility: 'private',
      content: '<p>NEWER-PRIVATE</p>',
    };
    // The blocked account's status from the fixtures, as a newer reply.
    const blocked = {
      ...HOSTILE_DESCENDANTS[12],
      id: '113500000000000153',
      content: '<p>NEWER-BLOCKED</p>',
    };
    const { context, page, requests, errors } = await open((c) =>
      c.route(CONTEXT_URL, (r) =>
        r.fulfill({
          json: {
            ancestors: [],
            descendants: [...HOSTILE_DESCENDANTS, newer, hostile, hidden, blocked],
          },
          headers: { 'Access-Control-Allow-Origin': '*' },
        }),
      ),
    );
    try {
      expect(requests, 'nothing is fetched before the click').toEqual([]);
      await page.getByRole('button', { name: 'Show newer replies' }).click();
      await expect
        .poll(() => page.locator('.reply-status').textContent())
        .toBe('2 newer replies added.');
      expect(requests).toEqual([CONTEXT_URL]);
      expect(await page.locator('#replies h2').textContent()).toBe(
        `${HOSTILE_SHOWN.length + 2} replies on the fediverse`,
      );
      // The newer answer to Alice sits in Alice's thread.
      const parent = await page
        .locator('#reply-113500000000000150')
        .evaluate((li) => li.parentElement?.closest('li')?.id);
      expect(parent).toBe(`reply-${ALICE?.['id']}`);
      expect(await page.getByText('NEWER-HOSTILE').isVisible()).toBe(true);
      expect(
        await page
          .locator('#reply-113500000000000151 img, #reply-113500000000000151 script')
          .count(),
      ).toBe(0);
      expect(await page.getByText('NEWER-PRIVATE').count()).toBe(0);
      expect(await page.getByText('NEWER-BLOCKED').count()).toBe(0);
      expect(await pwned(page)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so inline when the instance fails, and keeps the saved replies on screen', async () => {
    const { context, page } = await open((c) =>
      c.route(CONTEXT_URL, (r) =>
        r.fulfill({ status: 503, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' }),
      ),
    );
    try {
      await page.getByRole('button', { name: 'Show newer replies' }).click();
      await expect
        .poll(() => page.locator('.reply-status').textContent())
        .toBe(
          `Could not load newer replies from ${FIXTURE_INSTANCE} (HTTP 503); the replies shown are the saved copy.`,
        );
      expect(await page.locator('#replies li.reply').count()).toBe(HOSTILE_SHOWN.length);
    } finally {
      await context.close();
    }
  });
});

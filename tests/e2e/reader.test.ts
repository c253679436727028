import { describe, expect, it } from 'vitest';
import { liveSite } from '../support/browser.ts';
import { BUILDS } from '../support/site.ts';

describe.each(BUILDS)('a reader on the build at $name', (build) => {
  const { base } = build;
  // Every page a test opens fails it on a script or console error, a missing file or another origin.
  const live = liveSite(build);

  it('opens the home page, follows a post and reads it with no error and no missing file', async () => {
    const { page } = await live.open('');
    await expect(page.title()).resolves.toContain('nicolas17');
    await page.getByRole('link', { name: 'The mystery of load average spikes' }).first().click();
    await page.waitForURL(`**${base}posts/load-average-spikes/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'load average',
    );
    expect(await page.getByRole('navigation', { name: 'Contents' }).count()).toBe(1);
    await page.getByRole('link', { name: /Older:/ }).click();
    await page.waitForURL(`**${base}posts/decrypting-ios-tls-traffic/`);
    // Images are lazy: load them all, then check each decoded to real pixels.
    const images = await page.$$eval('img', (imgs) =>
      Promise.all(
        imgs.map((i) => {
          i.loading = 'eager';
          return i.decode().then(
            () => ({ src: i.src, ok: i.naturalWidth > 0 }),
            () => ({ src: i.src, ok: false }),
          );
        }),
      ),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(img, img.src).toMatchObject({ ok: true });
  });

  it('switches the theme, remembers it, and follows the OS by default', async () => {
    const { page } = await live.open('', { colorScheme: 'dark' });
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await theme()).toBe('dark');
    const darkBg = await bg();
    const system = page.getByRole('radio', { name: 'System' });
    const light = page.getByRole('radio', { name: 'Light' });
    expect(await system.isChecked()).toBe(true);
    await light.check();
    expect(await theme()).toBe('light');
    expect(await light.isChecked()).toBe(true);
    expect(await system.isChecked()).toBe(false);
    expect(await bg()).not.toBe(darkBg);
    await page.reload();
    expect(await theme()).toBe('light');
  });

  it('is fully readable with JavaScript disabled', async () => {
    const { page } = await live.open('posts/load-average-spikes/', { javaScriptEnabled: false });
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('104');
    expect(text.length).toBeGreaterThan(3000);
    expect(await page.getByRole('radio', { name: 'Dark' }).count()).toBe(0);
    expect(await page.locator('pre').count()).toBeGreaterThan(0);
  });

  it('copies a code block with the copy button', async () => {
    const { page } = await live.open('posts/decrypting-ios-tls-traffic/', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const block = page.locator('.code-block').filter({ hasText: 'net.ipv4.ip_forward=1' }).first();
    await block.getByRole('button', { name: 'Copy code to clipboard' }).click();
    await expect.poll(() => block.getByRole('button').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      'sudo sysctl net.ipv4.ip_forward=1',
    );
  });

  it('serves a readable page for an unknown address', async () => {
    const { page, response } = await live.open('no/such/page/', { allowErrors: /status of 404/ });
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Page not found',
    );
    await page.getByRole('link', { name: 'home page' }).click();
    await page.waitForURL(live.site.url);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { liveSite } from '../support/browser.ts';

const live = liveSite();

const LOAD_POST = 'posts/load-average-spikes/';
const TLS_POST = 'posts/decrypting-ios-tls-traffic/';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('beat calculator', () => {
  it('shows the post’s scenario without JavaScript', async () => {
    const { page } = await live.open(LOAD_POST, { javaScriptEnabled: false });
    expect(await text(page, '#beat-repeat')).toBe('6255 s');
    expect(await text(page, '#beat-period')).toContain('5.004');
    expect(await text(page, '#hz-guess-best')).toContain('HZ = 250');
    expect(await page.locator('#sim-chart-svg').count()).toBe(1);
    expect(await text(page, '#sim-peak')).toMatch(/\d+\.\d\d/);
  });

  it('updates as HZ changes and keeps the scenario in the URL', async () => {
    const { page } = await live.open(LOAD_POST);
    const widget = page.locator('#beat-calculator');
    await widget.getByLabel('HZ', { exact: true }).fill('1000');
    await expect.poll(() => text(page, '#beat-repeat')).toBe('25005 s');
    expect(await text(page, '#beat-period')).toContain('5.001');
    expect(new URL(page.url()).searchParams.get('hz')).toBe('1000');
    await widget.getByLabel('HZ', { exact: true }).fill('100');
    await expect.poll(() => text(page, '#beat-repeat')).toBe('2505 s');
  });

  it.each([
    ['interval=10&hz=250&burst=20', '12510 s'],
    ['interval=60&hz=250&burst=20', '25020 s'],
    ['interval=5&hz=300&burst=20', '7505 s'],
  ])('opens ?%s as that scenario', async (query, repeat) => {
    const { page } = await live.open(`${LOAD_POST}?${query}`);
    await expect.poll(() => text(page, '#beat-repeat')).toBe(repeat);
  });

  it('answers bad input with an inline message, never NaN or Infinity', async () => {
    const { page } = await live.open(LOAD_POST);
    const hz = page.locator('#beat-calculator').getByLabel('HZ', { exact: true });
    for (const bad of ['0', '-250', 'abc', '1000000000']) {
      await hz.fill(bad);
      await expect.poll(() => hz.getAttribute('aria-invalid')).toBe('true');
      const widget = await text(page, '#beat-calculator');
      expect(widget).not.toMatch(/NaN|Infinity/);
      expect(await text(page, '#beat-hz-error')).not.toBe('');
    }
  });
});

describe('HZ guesser and simulator', () => {
  it.each([
    ['104 minutes', 'HZ = 250'],
    ['about 7 hours', 'HZ = 1000'],
  ])('"%s" points at %s', async (observed, hz) => {
    const { page } = await live.open(LOAD_POST);
    await page.locator('#hz-guess-observed').fill(observed);
    await expect.poll(() => text(page, '#hz-guess-best')).toContain(hz);
  });

  it('the presets tell the story: three in sync peak higher than round_interval = false', async () => {
    const { page } = await live.open(LOAD_POST);
    const peak = async () => Number((await text(page, '#sim-peak')).match(/\d+\.\d\d/)?.[0]);
    await page.locator('#sim-preset-sync').click();
    await expect
      .poll(() => page.locator('#sim-preset-sync').getAttribute('aria-pressed'))
      .toBe('true');
    const inSync = await peak();
    await page.locator('#sim-preset-round-off').click();
    await expect.poll(peak).toBeLessThan(inSync);
    await page.locator('#sim-preset-jitter').click();
    await expect.poll(peak).toBeLessThan(inSync);
  });

  it('is usable from the keyboard alone', async () => {
    const { page } = await live.open(LOAD_POST);
    const sim = page.getByRole('region', { name: 'Load-average simulator' });
    const peak = () => text(page, '#sim-peak');
    // Start where a reader would: on the simulator's heading, then Tab forward like a keyboard user.
    await sim.getByRole('heading', { name: 'Load-average simulator' }).click();
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '';
      });
    const tabTo = async (name: string | RegExp) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const label = await focusedLabel();
        if (typeof name === 'string' ? label === name : name.test(label)) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo(/in sync/i);
    await page.keyboard.press('Enter');
    const inSync = await peak();
    await tabTo('Instances');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await expect.poll(peak).not.toBe(inSync);
  });
});

describe('hostapd.conf generator', () => {
  it('reproduces the post’s example without JavaScript', async () => {
    const { page } = await live.open(TLS_POST, { javaScriptEnabled: false });
    const conf = await page.locator('#hostapd-generator pre.config').textContent();
    for (const line of [
      'interface=wlan0',
      'bridge=br0',
      'ssid=iPhoneCapture',
      'driver=nl80211',
      'country_code=AR',
      'wpa=2',
      'wpa_passphrase=helloworld',
    ]) {
      expect(conf).toContain(line);
    }
  });

  it('rewrites the file as the form is filled by its labels, and downloads it', async () => {
    const { page } = await live.open(TLS_POST);
    const form = page.locator('#hostapd-generator');
    const requests: { url: string; method: string; body: string | null }[] = [];
    page.on('request', (r) =>
      requests.push({ url: r.url(), method: r.method(), body: r.postData() }),
    );
    await form.getByLabel('SSID', { exact: true }).fill('Café # lab ');
    await form.getByLabel('Interface', { exact: true }).fill('wlp3s0');
    await form.getByLabel('Country code').fill('DE');
    await form.getByLabel('Passphrase').fill('correct horse battery staple');
    const conf = () => page.locator('#hostapd-generator pre.config').textContent();
    await expect.poll(conf).toContain('interface=wlp3s0');
    expect(await conf()).toContain('ssid2=P"Café # lab "');
    expect(await conf()).toContain('utf8_ssid=1');
    expect(await conf()).toContain('country_code=DE');
    expect(await conf()).toContain('wpa_passphrase=correct horse battery staple');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download hostapd.conf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hostapd.conf');
    // The passphrase stays in the page: not in the URL, not stored, never sent.
    expect(page.url()).not.toContain('horse');
    expect(
      await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      ),
    ).not.toContain('horse');
    // Only lazy images may still load: nothing is posted and nothing carries the passphrase.
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(r.body).toBeNull();
      expect(r.url).not.toContain('horse');
      if (!r.url.startsWith('blob:')) expect(r.url.startsWith(live.site.url)).toBe(true);
    }
  });

  it('an invalid passphrase shows an error at the field and withholds copy and download', async () => {
    const { page } = await live.open(TLS_POST);
    const form = page.locator('#hostapd-generator');
    const passphrase = form.getByLabel('Passphrase');
    await passphrase.fill('short');
    await expect.poll(() => passphrase.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator('#hostapd-generator-passphrase-error');
    expect(await error.textContent()).toMatch(/8/);
    expect(await passphrase.getAttribute('aria-describedby')).toContain(
      'hostapd-generator-passphrase-error',
    );
    expect(await form.getByRole('button', { name: 'Copy', exact: true }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Download hostapd.conf' }).isDisabled()).toBe(
      true,
    );
    expect(await page.locator('#hostapd-generator pre.config').textContent()).not.toContain(
      'wpa_passphrase=short',
    );
    await passphrase.fill('helloworld');
    await expect
      .poll(() => form.getByRole('button', { name: 'Copy', exact: true }).isDisabled())
      .toBe(false);
  });
});

describe('TLS key-log inspector', () => {
  it('groups the sample by connection without JavaScript', async () => {
    const { page } = await live.open(TLS_POST, { javaScriptEnabled: false });
    const table = await text(page, '#keylog-inspector table.connections');
    expect(table).toMatch(/TLS 1\.3/);
    expect(table).toMatch(/SSL 3\.0–TLS 1\.2/);
  });

  it('flags a malformed line with its number and reason', async () => {
    const { page } = await live.open(TLS_POST);
    const input = page.locator('#keylog-inspector').getByLabel('Key log lines');
    await input.fill(
      'CLIENT_RANDOM 6088F6D60B7034F82E9D20CD833D2DFC2F34A7A91D618348BE1C07F668B4DB4F A2F9AF6082BB09FD37C504845F73094966B44ACED72A96D2C3BD5FA2CB475A4F59031298A9BD517344ECDD0B73764786\nCLIENT_RANDOM nothex 1234',
    );
    const problem = page.locator('#keylog-inspector .problems li[data-line="2"]');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.textContent()).toMatch(/^Line 2: /);
    expect(await page.locator('#keylog-inspector .problems li[data-line="1"]').count()).toBe(0);
  });
});

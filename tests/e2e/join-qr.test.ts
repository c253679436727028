// The hostapd generator's QR code, as a phone's camera sees it (issue 15, item 1): the page is
// photographed (an element screenshot) and a real decoder reads the code, for SSIDs and
// passphrases holding each character the Wi-Fi URI must escape, emoji and a 32-byte UTF-8 SSID,
// at the domain root and under /blog/. The expected URIs are written out here, not computed.
import { decodeQR } from '@paulmillr/qr/decode.js';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { liveSite, type OpenedPage } from '../support/browser.ts';
import { BUILDS } from '../support/site.ts';

const TLS_POST = 'posts/decrypting-ios-tls-traffic/';

const CASES: [string, { ssid: string; passphrase?: string; open?: boolean }, string][] = [
  [
    'backslash',
    { ssid: 'back\\slash', passphrase: 'pass\\word' },
    'WIFI:T:WPA;S:back\\\\slash;P:pass\\\\word;;',
  ],
  [
    'semicolon',
    { ssid: 'semi;colon', passphrase: 'pass;word' },
    'WIFI:T:WPA;S:semi\\;colon;P:pass\\;word;;',
  ],
  ['comma', { ssid: 'com,ma', passphrase: 'pass,word' }, 'WIFI:T:WPA;S:com\\,ma;P:pass\\,word;;'],
  [
    'double quote',
    { ssid: '"quoted"', passphrase: '"password"' },
    'WIFI:T:WPA;S:\\"quoted\\";P:\\"password\\";;',
  ],
  ['colon', { ssid: 'co:lon', passphrase: 'pass:word' }, 'WIFI:T:WPA;S:co\\:lon;P:pass\\:word;;'],
  [
    'all five',
    { ssid: 'a\\;,":b', passphrase: '\\;,":\\;,":' },
    'WIFI:T:WPA;S:a\\\\\\;\\,\\"\\:b;P:\\\\\\;\\,\\"\\:\\\\\\;\\,\\"\\:;;',
  ],
  [
    'emoji',
    { ssid: 'Café 📶 lab', passphrase: 'correct horse' },
    'WIFI:T:WPA;S:Café 📶 lab;P:correct horse;;',
  ],
  [
    '32-byte UTF-8 SSID',
    { ssid: 'éééééééééééééé📶', passphrase: 'helloworld' },
    'WIFI:T:WPA;S:éééééééééééééé📶;P:helloworld;;',
  ],
  ['open network', { ssid: 'open;net', open: true }, 'WIFI:T:nopass;S:open\\;net;;'],
];

/** Screenshots the QR code and decodes it as a camera app would. */
async function scan(page: Page): Promise<string> {
  const shot = await page.locator('#hostapd-generator-qr').screenshot();
  const { data, info } = await sharp(shot)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return decodeQR({ width: info.width, height: info.height, data });
}

describe.each(BUILDS)('the join QR code at $name', (build) => {
  const live = liveSite(build);

  it('of the post’s example reads without JavaScript', async () => {
    const { page } = await live.open(TLS_POST, { javaScriptEnabled: false });
    expect(await scan(page)).toBe('WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;');
  });

  // One live page for every case: each case sets every field it depends on.
  let tls: Promise<OpenedPage> | undefined;
  it.each(CASES)('with a %s decodes to the exact URI', async (_name, input, uri) => {
    tls ??= live.open(TLS_POST, { keep: true });
    const { page } = await tls;
    const form = page.locator('#hostapd-generator');
    await form.locator('fieldset:not([disabled])').waitFor();
    await form
      .getByLabel('Security')
      .selectOption({ label: input.open ? 'Open (no password)' : 'WPA2-Personal' });
    await form.getByLabel('SSID', { exact: true }).fill(input.ssid);
    if (input.passphrase !== undefined) await form.getByLabel('Passphrase').fill(input.passphrase);
    const shown = page.locator('#hostapd-generator [data-output="uri"]');
    await expect.poll(() => shown.textContent()).toBe(uri);
    expect(await scan(page)).toBe(uri);
  });
});

// The hostapd generator's form on the kit, as a reader uses it: the channel list follows the band,
// "Hidden network" reaches both the file and the QR code, and an open network has no passphrase.
import { describe, expect, it } from 'vitest';
import { liveSite } from '../support/browser.ts';

const live = liveSite();

describe('hostapd generator form', () => {
  it('follows the band, the hidden setting and an open network into file and QR code', async () => {
    const { page } = await live.open('posts/decrypting-ios-tls-traffic/');
    const form = page.locator('#hostapd-generator');
    await form.locator('fieldset:not([disabled])').waitFor();
    const conf = () => form.locator('pre.config').textContent();
    const uri = () => form.locator('[data-output="uri"]').textContent();

    await form.getByLabel('Band').selectOption({ label: '5 GHz' });
    await expect.poll(conf).toContain('hw_mode=a');
    expect(await conf()).toContain('channel=36');
    expect(await form.getByLabel('Channel').inputValue()).toBe('36');

    await form.getByLabel('Hidden network').check();
    await expect.poll(conf).toContain('ignore_broadcast_ssid=1');
    await expect.poll(uri).toBe('WIFI:T:WPA;S:iPhoneCapture;P:helloworld;H:true;;');

    await form.getByLabel('Security').selectOption({ label: 'Open (no password)' });
    await expect.poll(uri).toBe('WIFI:T:nopass;S:iPhoneCapture;H:true;;');
    expect(await form.getByLabel('Passphrase').isDisabled()).toBe(true);
    expect(await conf()).not.toContain('wpa_passphrase');
  });
});

// The generator's one view, as the build and the browser render it: fields with per-instance ids
// and bounded length, the file or why there is none, and the QR code only for valid settings.
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../../src/core/hostapd/qr-svg.ts';
import { channelForBand, DEFAULT_SETTINGS } from '../../../src/core/hostapd/settings.ts';
import {
  checkGenerator,
  generatorFormHtml,
  generatorOutputHtml,
  generatorValues,
} from '../../../src/core/hostapd/view.ts';

describe('the generator view', () => {
  it('names every control after the instance and bounds the text fields', () => {
    const html = generatorFormHtml('ap2', generatorValues(DEFAULT_SETTINGS));
    for (const key of ['iface', 'bridge', 'uplink', 'ssid', 'passphrase', 'countryCode']) {
      expect(html).toMatch(new RegExp(`<input id="ap2-${key}"[^>]* maxlength="256"`));
    }
    for (const key of ['security', 'band', 'channel', 'hidden'])
      expect(html).toContain(`id="ap2-${key}"`);
    expect(html).toContain('<fieldset class="controls" disabled>');
    // Issue 23, item 2: iOS 13 alone is not enough; the iPhone 6s and first SE run it but lack WPA3.
    expect(html).toContain('WPA3 needs an iPhone 7 or later with iOS 13 or later');
    expect(html).toContain('an iPhone 6s or the first SE cannot join it');
  });

  it('shows the file, the commands and the QR code with its URI for valid settings', () => {
    const html = generatorOutputHtml('ap2', DEFAULT_SETTINGS, { live: true, drawQr: qrSvg });
    expect(html).toContain('wpa_passphrase=helloworld');
    expect(html).toContain('<h4>Setup</h4>');
    expect(html).toMatch(/<svg[^>]* id="ap2-qr"/);
    expect(html).toContain(
      '<code data-output="uri">WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;</code>',
    );
    expect(html).not.toMatch(/<div class="actions" hidden/);
  });

  it('says what to do instead of drawing a code for invalid settings', () => {
    const s = { ...DEFAULT_SETTINGS, passphrase: 'short' };
    const html = generatorOutputHtml('ap2', s, { live: false, drawQr: qrSvg });
    expect(html).toContain('# No file yet: 1 setting needs fixing above.');
    expect(html).toContain('Fix the settings above to get a QR code.');
    expect(html).not.toContain('<svg');
    expect(html).toMatch(/<div class="actions" hidden>/);
    expect(checkGenerator(generatorValues(s))).toMatchObject({
      ok: false,
      errors: { passphrase: expect.stringMatching(/8–63/) },
    });
  });

  it('says the code is coming while the encoder is not loaded yet', () => {
    const html = generatorOutputHtml('ap2', DEFAULT_SETTINGS, {
      live: true,
      drawQr: () => undefined,
    });
    expect(html).toContain('Drawing the QR code…');
    expect(html).toContain('WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;');
  });

  it.each([
    ['2.4', 6, 6],
    ['5', 6, 36],
    ['5', 149, 149],
    ['2.4', 149, 6],
  ] as const)('switching to %s GHz from channel %i gives channel %i', (band, from, to) => {
    expect(channelForBand(band, from)).toBe(to);
  });
});

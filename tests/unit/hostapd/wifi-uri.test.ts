// The join-by-QR URI (issue 15, item 1): for every SSID and passphrase the generator accepts, a
// strict reader of the WIFI: format (written here, independent of the builder) gets back exactly
// the SSID hostapd broadcasts and the passphrase, and the drawn QR code decodes to that URI.
import { decodeQR } from '@paulmillr/qr/decode.js';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHostapdConfig } from '../../../src/core/hostapd/config.ts';
import { qrSvg } from '../../../src/core/hostapd/qr-svg.ts';
import {
  DEFAULT_SETTINGS,
  type HostapdSettings,
  validateSettings,
} from '../../../src/core/hostapd/settings.ts';
import { escapeWifiField, wifiUri } from '../../../src/core/hostapd/wifi-uri.ts';
import { readSettings, ssidBytes } from './hostapd-reader.ts';

const SPECIAL = '\\;,":';

/** A strict reader of WIFI:K:v;K:v;…;; where \ escapes the next character. */
function parseWifiUri(uri: string): Map<string, string> {
  if (!uri.startsWith('WIFI:')) throw new Error(`no WIFI: prefix in ${uri}`);
  const fields = new Map<string, string>();
  let i = 5;
  while (uri[i] !== ';') {
    const colon = uri.indexOf(':', i);
    if (colon < 0) throw new Error(`field without ":" at ${i} in ${uri}`);
    const key = uri.slice(i, colon);
    if (!/^[A-Z]$/.test(key) || fields.has(key)) throw new Error(`bad or repeated key ${key}`);
    let value = '';
    for (i = colon + 1; uri[i] !== ';'; i++) {
      const c = uri[i];
      if (c === undefined) throw new Error(`unterminated ${key} field in ${uri}`);
      if (c === '\\') {
        const next = uri[++i];
        if (next === undefined || !SPECIAL.includes(next))
          throw new Error(`needless escape in ${uri}`);
        value += next;
      } else if (SPECIAL.includes(c)) throw new Error(`unescaped ${c} in ${key} of ${uri}`);
      else value += c;
    }
    fields.set(key, value);
    i++;
  }
  if (i !== uri.length - 1) throw new Error(`text after the closing ";;" in ${uri}`);
  return fields;
}

const valid = (s: HostapdSettings): boolean => validateSettings(s).length === 0;
const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

/** What hostapd broadcasts for the settings, read from the generated file as hostapd reads it. */
function broadcastBytes(s: HostapdSettings): number[] {
  const result = buildHostapdConfig(s);
  if (!result.ok) throw new Error('invalid settings');
  const line = readSettings(result.text).find((l) => l.key === 'ssid' || l.key === 'ssid2');
  return ssidBytes(line?.key ?? '', line?.value ?? '') ?? [];
}

describe('the Wi-Fi URI of the post’s example and of hostile settings', () => {
  it.each<[string, Partial<HostapdSettings>, string]>([
    ['the post’s example', {}, 'WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;'],
    ['WPA3', { security: 'wpa3' }, 'WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;'],
    ['transition', { security: 'wpa2-wpa3' }, 'WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;'],
    ['open: no P field', { security: 'open' }, 'WIFI:T:nopass;S:iPhoneCapture;;'],
    ['hidden', { hidden: true }, 'WIFI:T:WPA;S:iPhoneCapture;P:helloworld;H:true;;'],
    [
      'backslash',
      { ssid: 'a\\b', passphrase: 'pass\\word' },
      'WIFI:T:WPA;S:a\\\\b;P:pass\\\\word;;',
    ],
    ['semicolon', { ssid: 'a;b', passphrase: 'pass;word' }, 'WIFI:T:WPA;S:a\\;b;P:pass\\;word;;'],
    ['comma', { ssid: 'a,b', passphrase: 'pass,word' }, 'WIFI:T:WPA;S:a\\,b;P:pass\\,word;;'],
    [
      'quote',
      { ssid: '"ab"', passphrase: '"password"' },
      'WIFI:T:WPA;S:\\"ab\\";P:\\"password\\";;',
    ],
    ['colon', { ssid: 'a:b', passphrase: 'pass:word' }, 'WIFI:T:WPA;S:a\\:b;P:pass\\:word;;'],
    ['emoji and spaces', { ssid: ' Café 📶 ' }, 'WIFI:T:WPA;S: Café 📶 ;P:helloworld;;'],
    [
      '32 bytes of UTF-8',
      { ssid: 'éééééééééééééé📶' },
      'WIFI:T:WPA;S:éééééééééééééé📶;P:helloworld;;',
    ],
  ])('%s', (_name, change, uri) => {
    const s = { ...DEFAULT_SETTINGS, ...change };
    expect(valid(s)).toBe(true);
    expect(wifiUri(s)).toBe(uri);
  });

  it('escapes each of the five special characters and nothing else', () => {
    expect(escapeWifiField('\\;,":x')).toBe('\\\\\\;\\,\\"\\:x');
  });
});

describe('property: the URI carries exactly the broadcast SSID and the passphrase', () => {
  const special = fc.constantFrom(
    ...SPECIAL.split(''),
    ' ',
    '#',
    'é',
    '📶',
    '\u202e',
    'P"',
    '\\x41',
  );
  const text = (max: number) =>
    fc
      .array(fc.oneof(special, fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength: max })
      .map((a) => a.join(''));
  const ascii = fc
    .array(
      fc.oneof(
        fc.constantFrom(...SPECIAL.split('')),
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
          maxLength: 4,
        }),
      ),
      { maxLength: 20 },
    )
    .map((a) => a.join(''));
  const settings = fc.record({
    ssid: text(12),
    passphrase: fc.oneof(ascii, fc.stringMatching(/^[0-9a-fA-F]{64}$/)),
    security: fc.constantFrom('wpa2', 'wpa3', 'wpa2-wpa3', 'open' as const),
    hidden: fc.boolean(),
  });

  it('for every accepted SSID and passphrase, parsing the URI back gives them', () => {
    let checked = 0;
    fc.assert(
      fc.property(settings, (change) => {
        const s: HostapdSettings = { ...DEFAULT_SETTINGS, ...change };
        fc.pre(valid(s));
        checked++;
        const fields = parseWifiUri(wifiUri(s));
        expect(utf8(fields.get('S') ?? '')).toEqual(broadcastBytes(s));
        expect(fields.get('S')).toBe(s.ssid);
        expect(fields.get('T')).toBe(s.security === 'open' ? 'nopass' : 'WPA');
        expect(fields.get('P')).toBe(s.security === 'open' ? undefined : s.passphrase);
        expect(fields.get('H')).toBe(s.hidden ? 'true' : undefined);
      }),
      { numRuns: 2000 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});

/** Rasterises an SVG with resvg and decodes the QR code in it. */
function decodeSvg(svg: string): string {
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 3 } }).render();
  return decodeQR({ width: png.width, height: png.height, data: png.pixels });
}

describe('the drawn QR code', () => {
  it.each([
    ['the post’s example', {}],
    ['every special character', { ssid: '\\;,":', passphrase: 'p\\;,":word' }],
    [
      'emoji, 32 bytes',
      { ssid: 'éééééééééééééé📶', passphrase: 'correct horse 📶'.replace('📶', ':;') },
    ],
    ['open and hidden', { security: 'open' as const, hidden: true }],
  ])('of %s decodes to its URI', (_name, change) => {
    const s = { ...DEFAULT_SETTINGS, ...change };
    expect(valid(s)).toBe(true);
    const uri = wifiUri(s);
    expect(decodeSvg(qrSvg(uri, { title: 'QR code' }))).toBe(uri);
  });
});

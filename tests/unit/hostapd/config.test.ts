import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHostapdConfig, encodeSsid } from '../../../src/core/hostapd/config.ts';
import {
  BANDS,
  channelsFor,
  DEFAULT_SETTINGS,
  type HostapdSettings,
  SECURITY_MODES,
} from '../../../src/core/hostapd/settings.ts';
import { checkShape, expectedKeys } from './file-shape.ts';
import { readSettings, ssidBytes } from './hostapd-reader.ts';

const base: HostapdSettings = { ...DEFAULT_SETTINGS };
const enc = new TextEncoder();

function textOf(s: HostapdSettings): string {
  const r = buildHostapdConfig(s);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.text;
}

describe('the default file', () => {
  const text = textOf(base);
  const settings = new Map(readSettings(text).map((r) => [r.key, r.value]));

  // The example in the post, with rsn_pairwise in place of wpa_pairwise.
  it.each([
    ['interface', 'wlan0'],
    ['bridge', 'br0'],
    ['ssid', 'iPhoneCapture'],
    ['driver', 'nl80211'],
    ['country_code', 'AR'],
    ['auth_algs', '1'],
    ['wpa', '2'],
    ['rsn_pairwise', 'CCMP'],
    ['wpa_key_mgmt', 'WPA-PSK'],
    ['wpa_passphrase', 'helloworld'],
  ])('reproduces the post: %s=%s', (key, value) => {
    expect(settings.get(key)).toBe(value);
  });

  it('keeps the order of the post and adds only the radio settings', () => {
    expect(readSettings(text).map((r) => r.key)).toEqual([
      'interface',
      'bridge',
      'ssid',
      'driver',
      'country_code',
      'ieee80211d',
      'hw_mode',
      'channel',
      'auth_algs',
      'wpa',
      'rsn_pairwise',
      'wpa_key_mgmt',
      'wpa_passphrase',
    ]);
  });

  it('explains every setting in a comment right above it', () => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (/^[a-z_0-9]+=/.test(line)) expect(lines[i - 1]).toMatch(/^# /);
    });
    expect(text).toContain('# the interface used by the AP, replace as needed\ninterface=wlan0');
    expect(text).toContain('# Network password\nwpa_passphrase=helloworld');
    expect(text).toContain('# Set of accepted key management algorithms\n');
    expect(text).toMatch(/the older wpa_pairwise=CCMP\n# works too, as hostapd copies it/);
  });

  it('is shaped for hostapd', () => {
    checkShape(text);
  });
});

describe('security modes', () => {
  it.each([
    ['wpa2', { wpa: '2', wpa_key_mgmt: 'WPA-PSK', rsn_pairwise: 'CCMP' }, ['ieee80211w']],
    ['wpa3', { wpa: '2', wpa_key_mgmt: 'SAE', rsn_pairwise: 'CCMP', ieee80211w: '2' }, []],
    [
      'wpa2-wpa3',
      { wpa: '2', wpa_key_mgmt: 'WPA-PSK SAE', rsn_pairwise: 'CCMP', ieee80211w: '1' },
      [],
    ],
    [
      'open',
      { auth_algs: '1' },
      ['wpa', 'wpa_key_mgmt', 'rsn_pairwise', 'wpa_passphrase', 'ieee80211w'],
    ],
  ] as const)('%s', (security, present, absent) => {
    const got = new Map(readSettings(textOf({ ...base, security })).map((r) => [r.key, r.value]));
    for (const [k, v] of Object.entries(present)) expect(got.get(k)).toBe(v);
    for (const k of absent) expect(got.has(k)).toBe(false);
    expect(got.get('auth_algs')).toBe('1');
  });

  it('writes a 64-hex-digit key as wpa_psk, in lower case', () => {
    const psk = 'ABCDEF0123456789'.repeat(4);
    const got = new Map(
      readSettings(textOf({ ...base, passphrase: psk })).map((r) => [r.key, r.value]),
    );
    expect(got.get('wpa_psk')).toBe(psk.toLowerCase());
    expect(got.has('wpa_passphrase')).toBe(false);
  });

  it('writes a passphrase byte for byte, "#", "=", quotes and edge spaces included', () => {
    const passphrase = ' #a=b"c\'d\\e ';
    const text = textOf({ ...base, passphrase });
    expect(readSettings(text).find((r) => r.key === 'wpa_passphrase')?.value).toBe(passphrase);
    expect(text).toMatch(/starts or ends with a space: keep the space/);
  });
});

describe('bands', () => {
  it.each([
    ['2.4', 1, 'g'],
    ['2.4', 13, 'g'],
    ['5', 36, 'a'],
    ['5', 100, 'a'],
    ['5', 165, 'a'],
  ] as const)('%s GHz channel %d → hw_mode=%s', (band, channel, mode) => {
    const got = new Map(
      readSettings(textOf({ ...base, band, channel })).map((r) => [r.key, r.value]),
    );
    expect(got.get('hw_mode')).toBe(mode);
    expect(got.get('channel')).toBe(String(channel));
  });
});

describe('SSID encoding', () => {
  it.each([
    ['iPhoneCapture', 'ssid', 'iPhoneCapture'],
    ['My Net', 'ssid', 'My Net'],
    ['a"b\\c', 'ssid', 'a"b\\c'],
    [' lead', 'ssid2', 'P" lead"'],
    ['trail ', 'ssid2', 'P"trail "'],
    ['#hash', 'ssid2', 'P"#hash"'],
    ['a#b', 'ssid2', 'P"a#b"'],
    ['Café ☕', 'ssid2', 'P"Café ☕"'],
    ['say "hi" \\o/ #1', 'ssid2', 'P"say \\"hi\\" \\\\o/ #1"'],
    ['a\u202eb', 'ssid2', 'P"a\\xe2\\x80\\xaeb"'],
    ['a\u00a0b', 'ssid2', 'P"a\\xc2\\xa0b"'],
    ['\u200b', 'ssid2', 'P"\\xe2\\x80\\x8b"'],
    ['P"x"', 'ssid', 'P"x"'],
  ])('%j → %s=%s', (ssid, key, value) => {
    expect(encodeSsid(ssid)).toMatchObject({ key, value });
  });

  it.each([
    ['ASCII', 'iPhone', false],
    ['accented', 'Café', true],
    ['invisible format character', 'a\u200bb', true],
  ])('sets utf8_ssid=1 only for non-ASCII text: %s', (_name, ssid, utf8) => {
    const got = new Map(readSettings(textOf({ ...base, ssid })).map((r) => [r.key, r.value]));
    expect(got.get('utf8_ssid')).toBe(utf8 ? '1' : undefined);
  });

  it('round-trips any valid SSID through hostapd’s decoding', () => {
    const ssid = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.string({
        unit: fc.constantFrom(' ', '#', '=', '"', '\\', 'x', 'P', 'é', '\u202e', '\u00a0'),
        minLength: 1,
      }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }),
    );
    fc.assert(
      fc.property(ssid, (value) => {
        const r = buildHostapdConfig({ ...base, ssid: value });
        if (!r.ok) {
          expect(r.errors.every((e) => e.field === 'ssid')).toBe(true);
          return;
        }
        const line = readSettings(r.text).find((x) => x.key === 'ssid' || x.key === 'ssid2');
        expect(line).toBeDefined();
        if (line === undefined) return;
        expect(ssidBytes(line.key, line.value)).toEqual([...enc.encode(value)]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostile input never becomes an extra line', () => {
  const hostile = fc.string({
    unit: fc.constantFrom(
      '\n',
      '\r',
      '\u0000',
      '#',
      '=',
      '"',
      "'",
      '\\',
      ' ',
      '\t',
      'a',
      'é',
      '\u2028',
      'x=1',
    ),
    maxLength: 40,
  });
  const field = fc.constantFrom(
    'iface',
    'bridge',
    'uplink',
    'ssid',
    'countryCode',
    'passphrase',
  ) satisfies fc.Arbitrary<keyof HostapdSettings>;

  it('either names the field in an error or writes exactly the expected keys', () => {
    fc.assert(
      fc.property(
        field,
        hostile,
        fc.constantFrom(...SECURITY_MODES.map((m) => m.value)),
        (name, value, security) => {
          const s: HostapdSettings = { ...base, security, [name]: value };
          const r = buildHostapdConfig(s);
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(e.message.length).toBeGreaterThan(10);
            return;
          }
          checkShape(r.text);
          expect(readSettings(r.text).map((x) => x.key)).toEqual(expectedKeys(s));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['SSID with a newline and a fake key', { ssid: 'x\nwpa=1' }, 'ssid'],
    ['SSID with CR', { ssid: 'x\r' }, 'ssid'],
    ['SSID with NUL', { ssid: 'x\u0000' }, 'ssid'],
    ['passphrase with a newline and a fake key', { passphrase: 'helloworld\nwpa=1' }, 'passphrase'],
    ['passphrase with CR', { passphrase: 'helloworld\r' }, 'passphrase'],
    ['interface with a newline', { iface: 'wlan0\nwpa=1' }, 'iface'],
    ['bridge with CR', { bridge: 'br0\r' }, 'bridge'],
    ['country with a newline', { countryCode: 'AR\n' }, 'countryCode'],
  ] as const)('%s is rejected', (_name, patch, fieldName) => {
    const r = buildHostapdConfig({ ...base, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(fieldName);
  });
});

describe('every combination of mode and band', () => {
  const combos = SECURITY_MODES.flatMap((m) =>
    BANDS.flatMap((b) => channelsFor(b.value).map((c) => [m.value, b.value, c] as const)),
  );
  it('renders the expected keys', () => {
    for (const [security, band, channel] of combos) {
      const s = { ...base, security, band, channel };
      const text = textOf(s);
      checkShape(text);
      expect(readSettings(text).map((x) => x.key)).toEqual(expectedKeys(s));
    }
  });
});

// Issue 23, item 3: WPA3-Personal authenticates with SAE (802.11 authentication algorithm 3), which
// hostapd allows through wpa_key_mgmt whatever auth_algs says; open system is what WPA2 uses.
describe('the comment above auth_algs', () => {
  const comment = (security: HostapdSettings['security']): string => {
    const lines = textOf({ ...base, security }).split('\n');
    const at = lines.indexOf('auth_algs=1');
    let from = at;
    while (from > 0 && lines[from - 1]?.startsWith('#')) from--;
    return lines.slice(from, at).join(' ');
  };

  it.each(['wpa2', 'wpa3', 'wpa2-wpa3', 'open'] as const)('for %s names the bit field', (mode) => {
    expect(comment(mode)).toMatch(/1 = open system/);
    expect(comment(mode)).toMatch(/2 = shared key/);
    expect(comment(mode)).not.toMatch(/WPA3 use/);
  });

  it.each(['wpa3', 'wpa2-wpa3'] as const)('for %s says WPA3 authenticates with SAE', (mode) => {
    expect(comment(mode)).toMatch(/WPA3[^.]*authenticates? with SAE/);
    expect(comment(mode)).toMatch(/wpa_key_mgmt/);
  });

  it('for WPA2 says open system is what WPA2 uses, and leaves SAE out', () => {
    expect(comment('wpa2')).toMatch(/open system, which WPA2 uses/);
    expect(comment('wpa2')).not.toMatch(/SAE/);
  });
});

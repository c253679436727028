import { describe, expect, it } from 'vitest';
import {
  channelsFor,
  DEFAULT_SETTINGS,
  type FieldName,
  type HostapdSettings,
  isCountryCode,
  isRawPsk,
  settingsWarnings,
  validateSettings,
} from '../../../src/core/hostapd/settings.ts';

const base: HostapdSettings = { ...DEFAULT_SETTINGS };
const with_ = (patch: Partial<HostapdSettings>): HostapdSettings => ({ ...base, ...patch });
const errorsFor = (s: HostapdSettings, field: FieldName): string[] =>
  validateSettings(s)
    .filter((e) => e.field === field)
    .map((e) => e.message);

const hex64 = '0123456789abcdef'.repeat(4);

describe('defaults', () => {
  it('are valid', () => {
    expect(validateSettings(base)).toEqual([]);
  });
});

describe('SSID counts UTF-8 bytes, not characters', () => {
  it.each([
    ['32 ASCII bytes', 'a'.repeat(32), true],
    ['33 ASCII bytes', 'a'.repeat(33), false],
    ['16 × "é" = 32 bytes', 'é'.repeat(16), true],
    ['16 × "é" + "a" = 33 bytes (17 characters)', `${'é'.repeat(16)}a`, false],
    ['8 emoji = 32 bytes', '📶'.repeat(8), true],
    ['8 emoji + "!" = 33 bytes', `${'📶'.repeat(8)}!`, false],
    ['10 × "☕" = 30 bytes + "ab"', `${'☕'.repeat(10)}ab`, true],
    ['one byte', 'x', true],
    ['empty', '', false],
    ['leading and trailing spaces', '  spaced  ', true],
    ['"#", "=", quotes and backslash', '#a=b"c\'d\\', true],
  ])('%s', (_name, ssid, ok) => {
    const errs = errorsFor(with_({ ssid }), 'ssid');
    expect(errs.length === 0).toBe(ok);
    for (const m of errs) expect(m).toMatch(/^SSID .*1–32 bytes/);
  });

  it.each([
    ['newline', 'a\nb', 'U+000A (line feed)'],
    ['carriage return', 'ab\r', 'U+000D (carriage return)'],
    ['NUL', 'a\u0000b', 'U+0000 (NUL)'],
    ['tab', '\tab', 'U+0009 (tab)'],
    ['DEL', 'a\u007f', 'U+007F (delete)'],
    ['C1 control', 'a\u0085b', 'U+0085'],
  ])('rejects a control character: %s', (_name, ssid, shown) => {
    const errs = errorsFor(with_({ ssid }), 'ssid');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain('SSID must not contain control characters');
    expect(errs[0]).toContain(shown);
  });

  it('rejects a lone surrogate, which has no UTF-8 form', () => {
    expect(errorsFor(with_({ ssid: 'a\ud800b' }), 'ssid')[0]).toMatch(/invalid Unicode character/);
  });
});

describe('passphrase: 8–63 printable ASCII or a 64-hex-digit PSK', () => {
  it.each([
    ['7 characters', 'a'.repeat(7), /it has 7 characters/],
    ['8 characters', 'a'.repeat(8), null],
    ['63 characters', 'a'.repeat(63), null],
    ['64 characters, not hex', 'g'.repeat(64), /64-character value must be all hex digits/],
    ['64 hex digits (raw PSK)', hex64, null],
    ['64 upper-case hex digits', hex64.toUpperCase(), null],
    ['65 hex digits', `${hex64}0`, /it has 65 characters/],
    ['63 hex digits (a passphrase)', hex64.slice(1), null],
    ['empty', '', /it has 0 characters/],
    ['spaces, #, =, quotes', ' #a=b"c\'d\\ ', null],
    ['newline', 'hello\nworld', /found U\+000A \(line feed\)/],
    ['carriage return', 'helloworld\r', /found U\+000D \(carriage return\)/],
    ['NUL', 'hello\u0000world', /found U\+0000 \(NUL\)/],
    ['non-ASCII', 'contraseña123', /found "ñ"/],
    ['non-breaking space', 'hello\u00a0world', /found U\+00A0/],
  ])('%s', (_name, passphrase, expected) => {
    const errs = errorsFor(with_({ passphrase }), 'passphrase');
    if (expected === null) {
      expect(errs).toEqual([]);
    } else {
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(/^Passphrase must be 8–63 printable ASCII characters/);
      expect(errs[0]).toMatch(expected);
    }
  });

  it.each(['wpa3', 'wpa2-wpa3'] as const)(
    '%s needs a real passphrase, not a raw PSK',
    (security) => {
      expect(errorsFor(with_({ security, passphrase: hex64 }), 'passphrase')[0]).toMatch(
        /WPA3 \(SAE\) needs a real passphrase/,
      );
    },
  );

  it('is ignored for an open network', () => {
    expect(validateSettings(with_({ security: 'open', passphrase: 'x\n' }))).toEqual([]);
  });

  it('recognises a raw PSK only at exactly 64 hex digits', () => {
    expect(isRawPsk(hex64)).toBe(true);
    expect(isRawPsk(hex64.slice(1))).toBe(false);
    expect(isRawPsk(`${hex64.slice(1)}g`)).toBe(false);
  });
});

describe('country code', () => {
  it.each([
    ['AR', true],
    ['DE', true],
    ['US', true],
    ['GB', true],
    ['ar', false],
    ['Ar', false],
    ['UK', false],
    ['EU', false],
    ['ZZ', false],
    ['ARG', false],
    ['A', false],
    ['', false],
    ['A\n', false],
  ])('%j → %s', (countryCode, ok) => {
    const errs = errorsFor(with_({ countryCode }), 'countryCode');
    expect(errs.length === 0).toBe(ok);
    expect(isCountryCode(countryCode)).toBe(ok);
    for (const m of errs)
      expect(m).toMatch(/^Country code must be an ISO 3166-1 alpha-2 code in upper case/);
  });

  it('suggests the upper-case form', () => {
    expect(errorsFor(with_({ countryCode: 'ar' }), 'countryCode')[0]).toMatch(
      /did you mean "AR"\?/,
    );
  });
});

describe('band and channel', () => {
  it.each([
    ['2.4', 1, true],
    ['2.4', 6, true],
    ['2.4', 13, true],
    ['2.4', 14, false],
    ['2.4', 0, false],
    ['2.4', 36, false],
    ['2.4', 6.5, false],
    ['2.4', Number.NaN, false],
    ['5', 36, true],
    ['5', 52, true],
    ['5', 144, true],
    ['5', 165, true],
    ['5', 38, false],
    ['5', 6, false],
    ['5', 169, false],
  ] as const)('%s GHz channel %d → %s', (band, channel, ok) => {
    const errs = errorsFor(with_({ band, channel }), 'channel');
    expect(errs.length === 0).toBe(ok);
    for (const m of errs)
      expect(m).toMatch(new RegExp(`^Channel must be one of .* for ${band} GHz$`));
  });

  it('lists 13 channels for 2.4 GHz and 25 for 5 GHz', () => {
    expect(channelsFor('2.4')).toHaveLength(13);
    expect(channelsFor('5')).toHaveLength(25);
  });

  it('rejects an unknown band', () => {
    expect(errorsFor(with_({ band: '6' as never }), 'band')).toEqual([
      'Band must be 2.4 GHz or 5 GHz',
    ]);
  });

  it('warns about DFS channels', () => {
    expect(settingsWarnings(with_({ band: '5', channel: 100 })).join(' ')).toMatch(/DFS/);
    expect(settingsWarnings(with_({ band: '5', channel: 36 })).join(' ')).not.toMatch(/DFS/);
  });
});

describe('interface names follow Linux (1–15 bytes, no "/", ":" or whitespace)', () => {
  it.each([
    ['wlan0', true],
    ['wlp2s0', true],
    ['wlx00c0ca123456', true],
    ['wlx00c0ca1234567', false],
    ['wlän0', true],
    ['wlänännännän', false],
    ['a/b', false],
    ['a:1', false],
    ['wl an0', false],
    ['wlan0\n', false],
    ['wlan0\r', false],
    ['wl\u0000an0', false],
    ['.', false],
    ['..', false],
    ['...', true],
    ['#wlan', true],
    ['$(reboot)', true],
  ])('%j → %s', (iface, ok) => {
    const errs = errorsFor(with_({ iface }), 'iface');
    expect(errs.length === 0).toBe(ok);
    for (const m of errs)
      expect(m).toMatch(/^Interface must be a Linux interface name: 1–15 bytes/);
  });

  it('requires the Wi-Fi interface but not the bridge or uplink', () => {
    expect(errorsFor(with_({ iface: '' }), 'iface')[0]).toMatch(/^Interface is required/);
    expect(validateSettings(with_({ bridge: '', uplink: '' }))).toEqual([]);
    expect(validateSettings(with_({ uplink: '' }))).toEqual([]);
  });

  it.each([
    [{ bridge: 'wlan0' }, 'bridge', /^Bridge must differ from Interface/],
    [{ bridge: '' }, 'uplink', /^Uplink needs a Bridge/],
    [{ uplink: 'br0' }, 'uplink', /^Uplink must differ from Bridge/],
    [{ uplink: 'wlan0' }, 'uplink', /^Uplink must differ from Interface/],
    [{ bridge: 'br 0' }, 'bridge', /^Bridge must be a Linux interface name/],
    [{ uplink: 'enp1s0/1' }, 'uplink', /^Uplink must be a Linux interface name/],
  ] as const)('%j → error on %s', (patch, field, message) => {
    expect(errorsFor(with_(patch), field)[0]).toMatch(message);
  });
});

describe('other fields', () => {
  it('rejects an unknown driver and security mode, naming the field', () => {
    const errs = validateSettings(with_({ driver: 'bsd' as never, security: 'wep' as never }));
    expect(errs.map((e) => e.field).sort()).toEqual(['driver', 'security']);
    expect(errs.find((e) => e.field === 'driver')?.message).toMatch(/^Driver must be nl80211/);
    expect(errs.find((e) => e.field === 'security')?.message).toMatch(/^Security must be/);
  });

  it('reports every bad field at once', () => {
    const errs = validateSettings({
      iface: '',
      bridge: 'a/b',
      uplink: 'x y',
      ssid: '',
      driver: 'nl80211',
      countryCode: 'xx',
      band: '2.4',
      channel: 99,
      security: 'wpa2',
      passphrase: 'short',
    });
    expect(new Set(errs.map((e) => e.field))).toEqual(
      new Set(['iface', 'bridge', 'uplink', 'ssid', 'countryCode', 'channel', 'passphrase']),
    );
  });

  it('warns about an open network and edge spaces in the passphrase', () => {
    expect(settingsWarnings(with_({ security: 'open' })).join(' ')).toMatch(/Open network/);
    expect(settingsWarnings(with_({ passphrase: ' helloworld' })).join(' ')).toMatch(
      /starts or ends with a space/,
    );
    expect(settingsWarnings(base)).toEqual([]);
  });
});

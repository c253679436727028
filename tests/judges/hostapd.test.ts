// The real hostapd (Debian's 2.10 package) judges the generated files: every one must pass its
// parser, and with driver=none it must derive the PSK from exactly the SSID and passphrase bytes
// the reader typed. A missing hostapd fails these tests; it is never a reason to skip them.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHostapdConfig } from '../../src/core/hostapd/config.ts';
import {
  BANDS,
  channelsFor,
  DEFAULT_SETTINGS,
  type HostapdSettings,
  SECURITY_MODES,
  type SecurityMode,
} from '../../src/core/hostapd/settings.ts';
import { checkShape, expectedKeys } from '../unit/hostapd/file-shape.ts';
import { readSettings } from '../unit/hostapd/hostapd-reader.ts';
import { findHostapd, hostapdVersion, judge, roundTrip, scratchDir } from './hostapd-runner.ts';

const base: HostapdSettings = { ...DEFAULT_SETTINGS, iface: 'hxwlan0' };
const enc = new TextEncoder();
const bytesOf = (s: string): number[] => [...enc.encode(s)];

// Looked up once; when it is missing every test below fails with the lookup's message rather
// than being reported as skipped.
let lookup: { path: string } | { error: unknown } = {
  error: new Error('hostapd lookup did not run'),
};
let dir = '';
let cleanup = (): void => {};
let counter = 0;

beforeAll(() => {
  try {
    lookup = { path: findHostapd() };
  } catch (error) {
    lookup = { error };
  }
  ({ dir, cleanup } = scratchDir());
});
afterAll(() => cleanup());

function hostapdPath(): string {
  if ('error' in lookup) throw lookup.error;
  return lookup.path;
}

function generate(s: HostapdSettings): string {
  const r = buildHostapdConfig(s);
  if (!r.ok)
    throw new Error(`generator rejected ${JSON.stringify(s)}: ${JSON.stringify(r.errors)}`);
  return r.text;
}

function expectAccepted(text: string): void {
  const v = judge(hostapdPath(), dir, `judge-${counter++}.conf`, text);
  expect(v.accepted, `hostapd rejected:\n${text}\n--- hostapd said:\n${v.output}`).toBe(true);
}

const ODD_SSIDS = [
  'iPhoneCapture',
  ' leading space',
  'trailing space ',
  '#not a comment',
  'a=b',
  'say "hi"',
  'back\\slash',
  "it's",
  'P"x"',
  'Café',
  'Wi-Fi ☕📶',
  'a\u202eb',
  'a\u00a0b',
  '\u200b',
  'x'.repeat(32),
  'é'.repeat(16),
  '📶'.repeat(8),
];

describe('hostapd is present', () => {
  it('is installed and reports version 2.x', () => {
    // The judge's verdicts (error lines, -dd -K key dumps) are those of hostapd 2.
    expect(hostapdVersion(hostapdPath())).toMatch(/^2\.\d+$/);
  });

  it('rejects a broken file, so acceptance means something', () => {
    const bad = `${generate(base)}wpa_passphrase=short\n`;
    const v = judge(hostapdPath(), dir, 'broken.conf', bad);
    expect(v.accepted).toBe(false);
    expect(v.output).toMatch(/Line \d+: invalid WPA passphrase length 5/);
    expect(v.output).toMatch(/1 errors found in configuration file/);
  });
});

describe('hostapd accepts every file the generator writes', () => {
  it('the defaults', () => {
    expectAccepted(generate(base));
  });

  it.each(SECURITY_MODES.flatMap((m) => BANDS.map((b) => [m.value, b.value] as const)))(
    'security %s on %s GHz',
    (security, band) => {
      const channel = band === '2.4' ? 11 : 100;
      expectAccepted(generate({ ...base, security, band, channel }));
    },
  );

  it('a raw PSK with WPA2', () => {
    expectAccepted(generate({ ...base, passphrase: 'ABCDEF0123456789'.repeat(4) }));
  });

  it('no bridge', () => {
    expectAccepted(generate({ ...base, bridge: '', uplink: '' }));
  });

  it.each(ODD_SSIDS)('SSID %j', (ssid) => {
    expectAccepted(generate({ ...base, ssid }));
  });

  it.each(['a'.repeat(8), 'a'.repeat(63), ' #a=b"c\'d\\e ', '~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./'])(
    'passphrase %j',
    (passphrase) => {
      expectAccepted(generate({ ...base, passphrase }));
    },
  );
});

describe('hostapd reads back the exact bytes', () => {
  it('of odd SSIDs and passphrases, in every passphrase mode', async () => {
    const modes: SecurityMode[] = ['wpa2', 'wpa3', 'wpa2-wpa3'];
    const cases = ODD_SSIDS.map((ssid, i) => ({
      ssid,
      passphrase: [' #a=b"c\'d\\e ', 'helloworld', 'x'.repeat(63)][i % 3] ?? 'helloworld',
      security: modes[i % modes.length] ?? 'wpa2',
    }));
    const dumps = await roundTrip(
      hostapdPath(),
      dir,
      cases.map((c) => generate({ ...base, ...c })),
    );
    cases.forEach((c, i) => {
      expect(dumps[i]?.ssid, `SSID ${JSON.stringify(c.ssid)}`).toEqual(bytesOf(c.ssid));
      expect(dumps[i]?.passphrase, `passphrase ${JSON.stringify(c.passphrase)}`).toEqual(
        bytesOf(c.passphrase),
      );
    });
  });
});

// Random field values, biased towards valid ones so that most runs reach hostapd.
const ifname = fc.oneof(
  fc.constantFrom('hxwl0', 'hxwlp2s0', 'hx-ap', 'hx.1', 'hx#1', 'hx$x', 'hxé'),
  fc.string({
    unit: fc.constantFrom('h', 'x', '0', '-', '/', ':', ' ', '\n', '#', 'é'),
    minLength: 1,
    maxLength: 17,
  }),
);
const ssidArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(' ', '#', '=', '"', '\\', 'a', 'é', '☕', '\u200b'),
      minLength: 1,
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 34 }) },
);
const passphraseArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      minLength: 8,
      maxLength: 63,
    }),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[0-9a-fA-F]{64}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
);
const bandChannel = fc.constantFrom(...BANDS.map((b) => b.value)).chain((band) =>
  fc.record({
    band: fc.constant(band),
    channel: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...channelsFor(band)) },
      { weight: 1, arbitrary: fc.integer({ min: -5, max: 200 }) },
    ),
  }),
);
const names = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ bridge: 'hxbr0', uplink: 'hxeth0' }) },
  { weight: 1, arbitrary: fc.constant({ bridge: '', uplink: '' }) },
  { weight: 1, arbitrary: fc.constant({ bridge: 'hxbr0', uplink: '' }) },
  { weight: 1, arbitrary: fc.record({ bridge: ifname, uplink: ifname }) },
);
const settingsArb: fc.Arbitrary<HostapdSettings> = fc
  .record({
    iface: fc.oneof(
      { weight: 6, arbitrary: fc.constant('hxwlan0') },
      { weight: 1, arbitrary: ifname },
    ),
    names,
    ssid: ssidArb,
    driver: fc.constant('nl80211' as const),
    countryCode: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('AR', 'US', 'DE', 'JP', 'BR') },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    ),
    bandChannel,
    security: fc.constantFrom(...SECURITY_MODES.map((m) => m.value)),
    passphrase: passphraseArb,
  })
  .map(({ names: n, bandChannel: bc, ...rest }) => ({ ...rest, ...n, ...bc }));

describe('property: random settings are rejected with an error or accepted by hostapd', () => {
  it('with exactly the expected keys, and the SSID read back byte for byte', async () => {
    const accepted: { s: HostapdSettings; text: string }[] = [];
    let rejected = 0;
    fc.assert(
      fc.property(settingsArb, (s) => {
        const r = buildHostapdConfig(s);
        if (!r.ok) {
          rejected++;
          for (const e of r.errors) expect(e.message).toMatch(/^[A-Z].{10,}/);
          return;
        }
        checkShape(r.text);
        expect(readSettings(r.text).map((x) => x.key)).toEqual(expectedKeys(s));
        // hostapd itself is bounded: the first 80 accepted files go to it.
        if (accepted.length < 80) {
          expectAccepted(r.text);
          accepted.push({ s, text: r.text });
        }
      }),
      { numRuns: 300 },
    );
    console.info(
      `property: ${accepted.length} files judged by hostapd, ${rejected} settings rejected`,
    );
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    expect(rejected).toBeGreaterThan(0);

    const withPassphrase = accepted.filter(
      (a) => a.s.security !== 'open' && !/^[0-9a-fA-F]{64}$/.test(a.s.passphrase),
    );
    const dumps = await roundTrip(
      hostapdPath(),
      dir,
      withPassphrase.map((a) => a.text),
    );
    withPassphrase.forEach((a, i) => {
      expect(dumps[i]?.ssid, `SSID ${JSON.stringify(a.s.ssid)}`).toEqual(bytesOf(a.s.ssid));
      expect(dumps[i]?.passphrase).toEqual(bytesOf(a.s.passphrase));
    });
  });
});

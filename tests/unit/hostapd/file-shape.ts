// Expectations shared by the generator tests: the keys a file must hold and its shape.

import { expect } from 'vitest';
import type { HostapdSettings } from '../../../src/core/hostapd/settings.ts';

/** The keys a valid configuration must contain, derived from the settings independently. */
export function expectedKeys(s: HostapdSettings): string[] {
  const keys = ['interface'];
  if (s.bridge !== '') keys.push('bridge');
  // Plain `ssid=` only for printable ASCII without '#' and without spaces at either end.
  const plain = /^[!-~](?:[ -~]*[!-~])?$/.test(s.ssid) && !s.ssid.includes('#');
  keys.push(plain ? 'ssid' : 'ssid2');
  if (/[^ -~]/.test(s.ssid)) keys.push('utf8_ssid');
  keys.push('driver', 'country_code', 'ieee80211d', 'hw_mode', 'channel', 'auth_algs');
  if (s.security === 'open') return keys;
  keys.push('wpa', 'rsn_pairwise', 'wpa_key_mgmt');
  if (s.security !== 'wpa2') keys.push('ieee80211w');
  keys.push(/^[0-9a-fA-F]{64}$/.test(s.passphrase) ? 'wpa_psk' : 'wpa_passphrase');
  return keys;
}

/** Shape rules every generated file follows. */
export function checkShape(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  expect(text).not.toContain('\r');
  for (const line of text.split('\n')) {
    expect(line).not.toMatch(/^\s/);
    expect(line).not.toMatch(/\p{Cc}/u);
    expect(line).not.toMatch(/[\u2028\u2029]/);
    // Comments are ours, so they stay readable in an 80-column terminal.
    if (line.startsWith('#')) expect(line.length, line).toBeLessThanOrEqual(72);
  }
}

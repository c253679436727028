// The "Hidden network" setting (the QR code's H:true): the real hostapd accepts the file it
// writes in every security mode, and only a hidden network gets ignore_broadcast_ssid.
import { afterAll, describe, expect, it } from 'vitest';
import { buildHostapdConfig } from '../../src/core/hostapd/config.ts';
import {
  DEFAULT_SETTINGS,
  type HostapdSettings,
  SECURITY_MODES,
} from '../../src/core/hostapd/settings.ts';
import { findHostapd, judge, scratchDir } from './hostapd-runner.ts';

const { dir, cleanup } = scratchDir();
afterAll(() => cleanup());

describe.each(SECURITY_MODES.map((m) => m.value))('a %s network', (security) => {
  it.each([true, false])('hidden: %s', (hidden) => {
    const s: HostapdSettings = { ...DEFAULT_SETTINGS, iface: 'hxwlan0', security, hidden };
    const r = buildHostapdConfig(s);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.text.includes('\nignore_broadcast_ssid=1\n')).toBe(hidden);
    const v = judge(findHostapd(), dir, `hidden-${security}-${hidden}.conf`, r.text);
    expect(v.accepted, `hostapd rejected:\n${r.text}\n--- hostapd said:\n${v.output}`).toBe(true);
  });
});

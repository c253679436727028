import { describe, expect, it } from 'vitest';
import { companionSteps } from '../../../src/core/hostapd/commands.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/hostapd/settings.ts';

const warningOf = (command: string): string => {
  const step = companionSteps(DEFAULT_SETTINGS)?.find((s) => s.command === command);
  if (step?.warning === undefined) throw new Error(`no warning on "${command}"`);
  return step.warning;
};

describe('the companion commands’ warnings say only what is true', () => {
  it('Docker sets the FORWARD policy to DROP; firewalld does not', () => {
    const w = warningOf('sudo iptables -P FORWARD ACCEPT');
    expect(w).toMatch(/Docker sets this policy to DROP/);
    expect(w).not.toMatch(/firewalld (?:also )?sets?\b|Docker and firewalld/);
    expect(w).toMatch(/firewalld leaves it alone/);
  });

  it('the uplink keeps its address in the bridge, but the address stops working', () => {
    const w = warningOf('sudo ip link set enp1s0 master br0');
    expect(w).toMatch(
      /enp1s0 keeps its IP address once it joins br0, but the address stops working/,
    );
    expect(w).toMatch(/traffic now goes through br0/);
    expect(w).not.toMatch(/stops carrying its IP address/);
  });
});

import { describe, expect, it } from 'vitest';
import { companionSteps, renderCommands, shellQuote } from '../../../src/core/hostapd/commands.ts';
import { DEFAULT_SETTINGS, type HostapdSettings } from '../../../src/core/hostapd/settings.ts';

const base: HostapdSettings = { ...DEFAULT_SETTINGS };

function steps(patch: Partial<HostapdSettings> = {}) {
  const got = companionSteps({ ...base, ...patch });
  if (got === null) throw new Error('expected steps');
  return got;
}

describe('defaults reproduce the post', () => {
  it('commands, in order', () => {
    expect(renderCommands(steps(), { warnings: false })).toBe(
      [
        'sudo sysctl net.ipv4.ip_forward=1',
        'sudo iptables -P FORWARD ACCEPT',
        'sudo ip link add name br0 type bridge',
        'sudo ip link set br0 up',
        'sudo ip link set enp1s0 master br0',
        'sudo hostapd hostapd.conf',
        '# teardown',
        'sudo ip link delete br0',
        '',
      ].join('\n'),
    );
  });

  it('warns that adding the uplink cuts this machine’s network', () => {
    const uplink = steps().find((s) => s.command === 'sudo ip link set enp1s0 master br0');
    expect(uplink?.warning).toMatch(/cuts this machine's own network/);
    expect(uplink?.warning).toMatch(/enp1s0/);
    const text = renderCommands(steps());
    expect(text).toMatch(/# WARNING: This cuts .*\nsudo ip link set enp1s0 master br0\n/);
  });

  it('tells that deleting the bridge brings the connection back', () => {
    const teardown = steps().filter((s) => s.phase === 'teardown');
    expect(teardown.map((s) => s.command)).toEqual(['sudo ip link delete br0']);
    expect(teardown[0]?.warning).toMatch(/without Internet/);
  });
});

describe('other setups', () => {
  it('without a bridge: no bridge commands and no teardown', () => {
    expect(steps({ bridge: '', uplink: '' }).map((s) => s.command)).toEqual([
      'sudo sysctl net.ipv4.ip_forward=1',
      'sudo iptables -P FORWARD ACCEPT',
      'sudo hostapd hostapd.conf',
    ]);
  });

  it('a bridge without an uplink: no step cuts the network', () => {
    const got = steps({ uplink: '' });
    expect(got.map((s) => s.command)).not.toContain('sudo ip link set enp1s0 master br0');
    expect(got.some((s) => /cuts/.test(s.warning ?? ''))).toBe(false);
    expect(got.at(-1)?.command).toBe('sudo ip link delete br0');
  });

  it('follows the names', () => {
    const cmds = steps({ iface: 'wlp3s0', bridge: 'br-cap0', uplink: 'eth1' }).map(
      (s) => s.command,
    );
    expect(cmds).toContain('sudo ip link add name br-cap0 type bridge');
    expect(cmds).toContain('sudo ip link set eth1 master br-cap0');
    expect(cmds).toContain('sudo ip link delete br-cap0');
  });

  it('is withheld while a name is invalid', () => {
    expect(companionSteps({ ...base, uplink: 'a b' })).toBeNull();
    expect(companionSteps({ ...base, iface: '' })).toBeNull();
  });

  it('does not depend on the passphrase', () => {
    expect(companionSteps({ ...base, passphrase: 'x' })).toEqual(steps());
  });
});

describe('odd but Linux-valid names are safe in the shell and for ip', () => {
  it.each([
    ['plain', 'eth0', 'eth0'],
    ['dollar and parentheses', '$(reboot)', "'$(reboot)'"],
    ['semicolon', 'a;b1', "'a;b1'"],
    ['single quote', "it's1", `'it'\\''s1'`],
    ['hash', '#x1', "'#x1'"],
  ])('%s', (_n, name, quoted) => {
    expect(shellQuote(name)).toBe(quoted);
  });

  it.each([
    ['a keyword', 'up', 'sudo ip link set dev up master br0'],
    ['letters only', 'uplink', 'sudo ip link set dev uplink master br0'],
    ['leading dash', '-x1', 'sudo ip link set dev -x1 master br0'],
    ['shell metacharacters', '$(id)1', "sudo ip link set dev '$(id)1' master br0"],
  ])('uplink that is %s goes after dev', (_n, uplink, command) => {
    expect(steps({ uplink }).find((s) => s.title === 'Add the uplink to the bridge')?.command).toBe(
      command,
    );
  });
});

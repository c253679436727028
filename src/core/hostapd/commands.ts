// Shell commands that go with the generated file: forwarding, the bridge, starting hostapd and
// the teardown. Interface names are Linux-valid but may still hold shell metacharacters ($, ;,
// quotes) or look like an `ip` keyword, so every name is quoted when needed and passed after
// `dev` when `ip` could mistake it for something else.

import { CONFIG_FILE_NAME } from './config.ts';
import { type HostapdSettings, validateSettings } from './settings.ts';

/** One command of the setup or teardown, with why it is there and what could go wrong. */
export interface CompanionStep {
  phase: 'setup' | 'teardown';
  /** What the step does, in a few words. */
  title: string;
  command: string;
  /** Consequences the reader must know before running it. */
  warning?: string;
}

/** Quotes a word for POSIX sh when it holds anything beyond a conservative safe set. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_.,:@%+=/-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

// `ip link` takes a bare device name unless it could read as an option or as (a prefix of) one
// of its keywords such as up, master or help; keywords have no digits, so names with a digit
// that start with a letter or digit are safe bare.
function ipDev(name: string): string {
  const bare = /^[A-Za-z0-9]/.test(name) && /[0-9]/.test(name);
  return bare ? shellQuote(name) : `dev ${shellQuote(name)}`;
}

/** The commands for the chosen setup, or null while an interface name is invalid. */
export function companionSteps(s: HostapdSettings): CompanionStep[] | null {
  const nameErrors = validateSettings(s).filter(
    (e) => e.field === 'iface' || e.field === 'bridge' || e.field === 'uplink',
  );
  if (nameErrors.length > 0) return null;

  const steps: CompanionStep[] = [
    { phase: 'setup', title: 'Enable IP forwarding', command: 'sudo sysctl net.ipv4.ip_forward=1' },
    {
      phase: 'setup',
      title: 'Let the firewall forward packets',
      command: 'sudo iptables -P FORWARD ACCEPT',
      warning:
        'This accepts forwarding of all traffic through this machine until the next reboot or until you set the policy back. Docker sets this policy to DROP; firewalld leaves it alone but filters forwarded traffic in its own tables, so check its rules too.',
    },
  ];
  if (s.bridge !== '') {
    const br = s.bridge;
    steps.push(
      {
        phase: 'setup',
        title: 'Create the bridge',
        command: `sudo ip link add name ${shellQuote(br)} type bridge`,
      },
      { phase: 'setup', title: 'Bring the bridge up', command: `sudo ip link set ${ipDev(br)} up` },
    );
    if (s.uplink !== '') {
      steps.push({
        phase: 'setup',
        title: 'Add the uplink to the bridge',
        command: `sudo ip link set ${ipDev(s.uplink)} master ${shellQuote(br)}`,
        warning: `This cuts this machine's own network: ${s.uplink} keeps its IP address once it joins ${br}, but the address stops working, because the port's traffic now goes through ${br}. The connection only comes back with an address on ${br} (for example with sudo dhclient ${shellQuote(br)}). Do not run it over SSH through ${s.uplink}.`,
      });
    }
  }
  steps.push({
    phase: 'setup',
    title: 'Start the access point',
    command: `sudo hostapd ${CONFIG_FILE_NAME}`,
  });
  if (s.bridge !== '') {
    steps.push({
      phase: 'teardown',
      title: 'Stop hostapd (Ctrl+C), then delete the bridge',
      command: `sudo ip link delete ${ipDev(s.bridge)}`,
      ...(s.uplink === ''
        ? {}
        : {
            warning: `Killing hostapd can leave this computer without Internet; deleting the bridge releases ${s.uplink} and brings the connection back.`,
          }),
    });
  }
  return steps;
}

/** The steps as one shell snippet with a `# teardown` section; warnings become comments. */
export function renderCommands(
  steps: readonly CompanionStep[],
  options: { warnings?: boolean } = {},
): string {
  const out: string[] = [];
  let inTeardown = false;
  for (const step of steps) {
    if (step.phase === 'teardown' && !inTeardown) {
      out.push('# teardown');
      inTeardown = true;
    }
    if (options.warnings !== false && step.warning !== undefined)
      out.push(`# WARNING: ${step.warning}`);
    out.push(step.command);
  }
  return `${out.join('\n')}\n`;
}

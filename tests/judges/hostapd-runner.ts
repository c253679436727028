// Runs the real hostapd (Debian's 2.10) on generated files. It has no dry-run flag but parses the
// whole file before touching the radio: on a machine without Wi-Fi an accepted file ends with
// "Failed to initialize driver", a rejected one prints "Line N: …" and "N errors found".

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeForPackage, missingMessage } from '../../scripts/judges.ts';

const CANDIDATES = [
  '/usr/sbin/hostapd',
  '/sbin/hostapd',
  '/usr/local/sbin/hostapd',
  '/usr/bin/hostapd',
];

/** Path of the hostapd binary; throws a clear error when it is missing. */
export function findHostapd(): string {
  const onPath = (process.env.PATH ?? '').split(':').map((d) => join(d, 'hostapd'));
  const found = [...onPath, ...CANDIDATES].find((p) => p !== 'hostapd' && existsSync(p));
  if (found === undefined) throw new Error(missingMessage(judgeForPackage('hostapd')));
  return found;
}

/** The version a hostapd binary reports for `-v` (e.g. "2.10"), or what it printed instead. */
export function hostapdVersion(path: string): string {
  const run = spawnSync(path, ['-v'], { encoding: 'utf8', timeout: 5000 });
  const text = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  return /hostapd v(\d+\.\d+)/.exec(text)?.[1] ?? `no version in: ${text.trim()}`;
}

/** A scratch directory for config files, removed by the returned cleanup function. */
export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hostapd-judge-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function ifaceExists(name: string): boolean {
  return name !== '' && !name.includes('/') && existsSync(join('/sys/class/net', name));
}

// The parser only copies the interface name, so on a machine that really has, say, wlan0, the
// judge swaps in an absent name of the same length rather than let hostapd take the radio over.
function safeInterface(text: string): string {
  return text.replace(/^interface=(.*)$/m, (line, name: string) => {
    if (!ifaceExists(name)) return line;
    const len = new TextEncoder().encode(name).length;
    const stand = `hxq${'0'.repeat(15)}`.slice(0, Math.max(len, 1));
    if (ifaceExists(stand))
      throw new Error(`cannot find an absent interface name to replace ${name}`);
    return `interface=${stand}`;
  });
}

/** hostapd's verdict on one file. */
export interface Verdict {
  accepted: boolean;
  output: string;
}

/** Runs hostapd on one config text and reports whether its parser accepted it. */
export function judge(hostapd: string, dir: string, name: string, text: string): Verdict {
  const file = join(dir, name);
  writeFileSync(file, safeInterface(text));
  const run = spawnSync(hostapd, [file], { encoding: 'utf8', timeout: 10_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const rejected = /errors? found in configuration file/.test(output) || /^Line \d+:/m.test(output);
  return { accepted: !rejected && /Failed to initialize driver/.test(output), output };
}

/** Bytes of every `<title> - hexdump_ascii(len=N):` dump, per interface, from `hostapd -dd -K`. */
export interface Dumps {
  ssid?: number[];
  passphrase?: number[];
}

function parseDumps(output: string): Map<string, Dumps> {
  const byIface = new Map<string, Dumps>();
  const lines = output.split('\n');
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const setup = /^hostapd_setup_bss\(hapd=\S+ \((.*)\), first=\d\)$/.exec(line);
    if (setup) current = setup[1] ?? '';
    const dump = /^(SSID|PSK \(ASCII passphrase\)) - hexdump_ascii\(len=(\d+)\):$/.exec(line);
    if (!dump) continue;
    const len = Number(dump[2]);
    const bytes: number[] = [];
    for (let j = i + 1; bytes.length < len && j < lines.length; j++) {
      // Each dump line is four spaces, then " xx" per byte in a 48-column field, then ASCII.
      const hex = (lines[j] ?? '').slice(4, 52).trim();
      bytes.push(...hex.split(/\s+/).map((h) => Number.parseInt(h, 16)));
    }
    const entry = byIface.get(current) ?? {};
    if (dump[1] === 'SSID') entry.ssid = bytes;
    else entry.passphrase = bytes;
    byIface.set(current, entry);
  }
  return byIface;
}

/**
 * Runs one `hostapd -dd -K` over many configs at once, each turned into a copy with driver=none,
 * its own absent interface and no country_code/ieee80211d/bridge (with a country code hostapd
 * waits for a regulatory update), and returns the SSID and passphrase bytes it derived the PSK
 * from, in the order of the inputs.
 */
export async function roundTrip(
  hostapd: string,
  dir: string,
  texts: readonly string[],
): Promise<Dumps[]> {
  const names = texts.map((_, i) => `hxrt${i}`);
  for (const n of names)
    if (ifaceExists(n)) throw new Error(`interface ${n} exists; refusing to run`);
  const files = texts.map((text, i) => {
    const copy = text
      .split('\n')
      .filter((l) => !/^(country_code|ieee80211d|bridge)=/.test(l))
      .map((l) => (l.startsWith('driver=') ? 'driver=none' : l))
      .map((l) => (l.startsWith('interface=') ? `interface=${names[i]}` : l))
      .join('\n');
    const file = join(dir, `rt-${i}.conf`);
    writeFileSync(file, copy);
    return file;
  });
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(hostapd, ['-dd', '-K', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const done = (): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `hostapd did not set up all ${files.length} interfaces in time:\n${out.slice(-4000)}`,
        ),
      );
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const ready = out.match(/: Setup of interface done\./g)?.length ?? 0;
      if (ready >= files.length) done();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
  if (/errors? found in configuration file/.test(output)) {
    throw new Error(`hostapd rejected a round-trip copy:\n${output.slice(0, 4000)}`);
  }
  const dumps = parseDumps(output);
  return names.map((n) => dumps.get(n) ?? {});
}

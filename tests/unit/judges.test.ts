// npm test's outside judges: one list, and what npm test does when some are missing (issue 20).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  installCommand,
  JUDGES,
  judgeForFile,
  type Machine,
  missingMessage,
  plan,
} from '../../scripts/judges.ts';

const chromium = judgeForFile('/usr/bin/chromium-headless-shell');
const hostapd = judgeForFile('/usr/sbin/hostapd');

describe.each<[string, Machine, string]>([
  ['root on Debian', { root: true, sudo: false, aptGet: true }, 'install'],
  ['a user with password-less sudo', { root: false, sudo: true, aptGet: true }, 'install'],
  ['a user without sudo', { root: false, sudo: false, aptGet: true }, 'stop'],
  ['root on a system without apt-get', { root: true, sudo: false, aptGet: false }, 'stop'],
])('with two judges missing, as %s', (_who, machine, kind) => {
  const next = plan([chromium, hostapd], machine);

  it(`npm test will ${kind}`, () => expect(next.kind).toBe(kind));

  it('installs exactly the missing packages, or names them and the one command', () => {
    if (next.kind === 'install') {
      expect(next.packages).toEqual(['chromium-headless-shell', 'hostapd']);
      expect(next.sudo).toBe(!machine.root);
    } else if (next.kind === 'stop') {
      expect(next.message).toContain('chromium-headless-shell');
      expect(next.message).toContain('hostapd');
      expect(next.message).toContain(installCommand(['chromium-headless-shell', 'hostapd']));
      expect(next.message).toMatch(/No test has run\.$/);
      expect(next.message).not.toContain('libxml2-utils');
    }
  });
});

describe('the list of judges', () => {
  it('with nothing missing, npm test goes on without asking anything', () => {
    expect(plan([], { root: false, sudo: false, aptGet: false })).toEqual({ kind: 'ready' });
  });

  it('a test that needs a tool names its package', () => {
    expect(missingMessage(hostapd)).toMatch(/^\/usr\/sbin\/hostapd not found: .*package hostapd/);
  });

  it('refuses a tool that is not in the list, so a new judge cannot bypass the installer', () => {
    expect(() => judgeForFile('/usr/bin/newsboat-or-so')).toThrow(/not in JUDGES/);
  });

  it('is the README’s table of judges, package for package', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('\n## ').find((s) => s.startsWith('Quick start')) ?? '';
    const listed = [...section.matchAll(/^\| [^|]+\| `([a-z0-9.+-]+)` +\|/gm)].map((m) => m[1]);
    expect(listed).toEqual(JUDGES.map((j) => j.debian));
  });
});

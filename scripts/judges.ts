/**
 * The outside tools `npm test` uses as independent judges, and the Debian packages that bring them.
 * This is the one list: `npm test` checks it before anything runs (scripts/install-judges.ts), the
 * tests name a missing tool from it (`requireTool` in tests/support/peers.ts), and the README's
 * table is tested against it. Pure: no I/O, so the planning below is unit-tested.
 */

/** How to tell that a judge is on the machine. */
export type Probe =
  | { readonly file: string }
  | { readonly python: string } // a module Debian's /usr/bin/python3 imports
  | { readonly command: string }; // a program on PATH or in /usr/bin

/** One outside tool, what the suite uses it for and the Debian package that brings it. */
export interface Judge {
  readonly name: string;
  readonly debian: string;
  readonly probe: Probe;
  readonly why: string;
}

/** Every outside judge of the suite, in the order the README lists them. */
export const JUDGES: readonly Judge[] = [
  {
    name: 'Chromium headless shell',
    debian: 'chromium-headless-shell',
    probe: { file: '/usr/bin/chromium-headless-shell' },
    why: 'opens every page in the browser tests',
  },
  {
    name: 'Chromium',
    debian: 'chromium',
    probe: { file: '/usr/bin/chromium' },
    why: 'runs Lighthouse',
  },
  {
    name: 'xmllint',
    debian: 'libxml2-utils',
    probe: { file: '/usr/bin/xmllint' },
    why: 'checks that feeds and the sitemap are well-formed XML',
  },
  {
    name: 'Python 3',
    debian: 'python3',
    probe: { file: '/usr/bin/python3' },
    why: 'runs feedparser and reads newsboat’s cache',
  },
  {
    name: 'feedparser',
    debian: 'python3-feedparser',
    probe: { python: 'feedparser' },
    why: 'parses every feed as Planet KDE does',
  },
  {
    name: 'hostapd',
    debian: 'hostapd',
    probe: { file: '/usr/sbin/hostapd' },
    why: 'reads every generated hostapd.conf',
  },
  {
    name: 'nginx',
    debian: 'nginx',
    probe: { file: '/usr/sbin/nginx' },
    why: 'serves the builds with the README’s configuration',
  },
  {
    name: 'newsboat',
    debian: 'newsboat',
    probe: { file: '/usr/bin/newsboat' },
    why: 'reads every RSS and Atom feed as a feed reader',
  },
  {
    name: 'sfeed',
    debian: 'sfeed',
    probe: { file: '/usr/bin/sfeed' },
    why: 'reads every RSS and Atom feed into TSV',
  },
  {
    name: 'rss2email',
    debian: 'rss2email',
    probe: { file: '/usr/bin/r2e' },
    why: 'mails every item of the Planet KDE feed',
  },
  {
    name: 'Java',
    debian: 'default-jre-headless',
    probe: { command: 'java' },
    why: 'runs the W3C Nu HTML checker (vnu-jar)',
  },
];

/** The judge whose probe is this file, or a failure: every tool a test needs must be in the list. */
export function judgeForFile(file: string): Judge {
  const judge = JUDGES.find((j) => 'file' in j.probe && j.probe.file === file);
  if (judge === undefined) {
    throw new Error(`${file} is not in JUDGES (scripts/judges.ts): add it there first`);
  }
  return judge;
}

/** The judge with this Debian package, or a failure naming the list. */
export function judgeForPackage(debian: string): Judge {
  const judge = JUDGES.find((j) => j.debian === debian);
  if (judge === undefined) {
    throw new Error(`no judge in JUDGES (scripts/judges.ts) comes from the package ${debian}`);
  }
  return judge;
}

/** What a test says when its judge is missing. */
export function missingMessage(judge: Judge): string {
  const where = 'file' in judge.probe ? `${judge.probe.file} not found` : `${judge.name} not found`;
  return `${where}: install the Debian package ${judge.debian} (npm test installs it when run as root or with sudo)`;
}

/** What the machine allows: who runs the suite and whether Debian's apt-get is there. */
export interface Machine {
  readonly root: boolean;
  /** `sudo -n true` succeeded: sudo without a password prompt. */
  readonly sudo: boolean;
  readonly aptGet: boolean;
}

/** What `npm test` does about missing judges. */
export type Plan =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly packages: readonly string[]; readonly sudo: boolean }
  | { readonly kind: 'stop'; readonly message: string };

/** The one command that installs these Debian packages. */
export function installCommand(packages: readonly string[], sudo = true): string {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Decides, from the missing judges and the machine, whether to go on, install, or stop. */
export function plan(missing: readonly Judge[], machine: Machine): Plan {
  if (missing.length === 0) return { kind: 'ready' };
  const packages = [...new Set(missing.map((j) => j.debian))];
  if (machine.aptGet && (machine.root || machine.sudo)) {
    return { kind: 'install', packages, sudo: !machine.root };
  }
  const list = missing.map((j) => `  - ${j.name} (Debian package ${j.debian}): ${j.why}`);
  const how = machine.aptGet
    ? [
        'npm test installs them itself when run as root or with sudo that asks no password.',
        'Install them with:',
        `  ${installCommand(packages)}`,
      ]
    : [
        'This machine has no apt-get. On Debian or Ubuntu npm test installs them itself;',
        'elsewhere install the same tools with your system’s packages, then run npm test again.',
        `On Debian or Ubuntu: ${installCommand(packages)}`,
      ];
  return {
    kind: 'stop',
    message: [
      `npm test needs ${missing.length === 1 ? 'a tool' : `${missing.length} tools`} this machine does not have, as independent judges:`,
      ...list,
      ...how,
      'No test has run.',
    ].join('\n'),
  };
}

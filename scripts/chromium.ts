// How the project starts Debian's Chromium: Lighthouse (scripts/lighthouse.ts) and the browser tests.

/** Flags for Debian's Chromium here: headless as root, and no background traffic to a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

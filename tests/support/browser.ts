import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { requireTool } from './peers.ts';
import { type StaticSite, serve } from './server.ts';
import { BUILDS, requireBuild } from './site.ts';

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

/** Starts Debian's Chromium headless, never a downloaded browser. */
export async function launch(): Promise<Browser> {
  requireTool('/usr/bin/chromium', 'chromium');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** For one test file: a Chromium started before its tests and closed after. */
export function sharedBrowser(): { browser: Browser } {
  const handle = {} as { browser: Browser };
  beforeAll(async () => {
    handle.browser = await launch();
  });
  afterAll(async () => {
    await handle.browser?.close();
  });
  return handle;
}

/** For one describe block: a static server for a build, up before its tests and down after. */
export function servedBuild(dir: string, base: string): { site: StaticSite } {
  const handle = {} as { site: StaticSite };
  beforeAll(async () => {
    requireBuild(dir);
    handle.site = await serve(dir, base);
  });
  afterAll(async () => {
    await handle.site?.close();
  });
  return handle;
}

/** For one test file: Chromium and a static server for the /blog/ build. */
export function blogInBrowser(): { browser: Browser; site: StaticSite } {
  const { dir, base } = BUILDS[1];
  const chrome = sharedBrowser();
  const served = servedBuild(dir, base);
  return {
    get browser() {
      return chrome.browser;
    },
    get site() {
      return served.site;
    },
  };
}
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.x A and AA plus best practices) on the page and returns its violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // evaluate() goes through DevTools, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: string[] }[];
          }[];
        }>;
      };
    };
    const result = await w.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

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

/** For one test file: Chromium and a static server for the /blog/ build, up before the tests, down after. */
export function blogInBrowser(): { browser: Browser; site: StaticSite } {
  const handles = {} as { browser: Browser; site: StaticSite };
  beforeAll(async () => {
    const { dir, base } = BUILDS[1];
    requireBuild(dir);
    handles.browser = await launch();
    handles.site = await serve(dir, base);
  });
  afterAll(async () => {
    await handles.site?.close();
    await handles.browser?.close();
  });
  return handles;
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

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
  type Response,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { requireTool } from './peers.ts';
import { type StaticSite, serve } from './server.ts';
import { BUILDS, requireBuild } from './site.ts';

export { CHROMIUM_ARGS };

/**
 * Debian's build of Chromium's headless shell: the same Blink and V8 as its `chromium` (one source
 * package, one version) without the desktop browser around them, and what Playwright itself runs
 * for headless tests. On this 2-core VM it opens a page in about 0.15 s where `chromium --headless`
 * takes 0.5 s, which is most of the suite's time. Lighthouse keeps the full browser.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Starts Debian's Chromium headless shell, never a downloaded browser. */
export async function launch(): Promise<Browser> {
  requireTool(HEADLESS_SHELL);
  return chromium.launch({ executablePath: HEADLESS_SHELL, args: CHROMIUM_ARGS });
}

/** A page a test opened, with what went wrong while it was open. */
export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught script errors and console errors, in order. */
  readonly errors: string[];
  /** Requests to any origin but the test server's (data: URLs aside). */
  readonly offsite: string[];
  /** The response to the navigation. */
  readonly response: Response | null;
}

/** How a test opens a page: the context's options, plus what the test expects to go wrong. */
export interface OpenOptions extends BrowserContextOptions {
  /** Console errors the test expects (e.g. the 404 of a missing page), which do not fail it. */
  readonly allowErrors?: RegExp | undefined;
  /** Prepares the context before the first navigation (init scripts, routes). */
  readonly init?: ((context: BrowserContext) => Promise<void>) | undefined;
  /**
   * Keeps the page open for the block's later tests (closed after the last one), for tests that
   * only change what is on one page; what goes wrong on it still fails the test it happens in.
   */
  readonly keep?: boolean | undefined;
}

/** A served build and a browser, shared by the tests of one describe block. */
export interface LiveSite {
  readonly browser: Browser;
  readonly site: StaticSite;
  /**
   * Opens a path (relative to the base) in a fresh context and waits for its load event. After
   * the test, pass or fail, every page it opened is closed, and the test fails if any of them
   * logged a script or console error, requested another origin or asked for a missing file.
   */
  open(path: string, options?: OpenOptions): Promise<OpenedPage>;
}

/** Chromium and a static server for a build, up before the block's tests and down after them. */
export function liveSite(build: { dir: string; base: string } = BUILDS[1]): LiveSite {
  let browser: Browser | undefined;
  let site: StaticSite | undefined;
  let opened: {
    context: BrowserContext;
    errors: string[];
    offsite: string[];
    allow: RegExp | undefined;
    missingFrom: number;
    keep: boolean;
  }[] = [];
  beforeAll(async () => {
    requireBuild(build.dir);
    [browser, site] = await Promise.all([launch(), serve(build.dir, build.base)]);
  });
  afterEach(async () => {
    const done = opened;
    opened = done.filter((o) => o.keep);
    await Promise.all(done.filter((o) => !o.keep).map((o) => o.context.close()));
    const missing = site?.missing ?? [];
    const problems = done.flatMap(({ errors, offsite, allow, missingFrom }) => [
      ...errors.filter((e) => !allow?.test(e)).map((e) => `error: ${e}`),
      ...offsite.map((u) => `request to another origin: ${u}`),
      ...(allow ? [] : missing.slice(missingFrom).map((p) => `missing file: ${p}`)),
    ]);
    // A kept page starts the next test with a clean record.
    for (const o of opened) {
      o.errors.length = 0;
      o.offsite.length = 0;
      o.missingFrom = missing.length;
    }
    expect(problems, 'what went wrong on the pages this test opened').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all(opened.map((o) => o.context.close()));
    await Promise.all([browser?.close(), site?.close()]);
  });
  const live: LiveSite = {
    get browser() {
      if (!browser) throw new Error('the browser is not up: use liveSite() in a describe block');
      return browser;
    },
    get site() {
      if (!site) throw new Error('the server is not up: use liveSite() in a describe block');
      return site;
    },
    async open(path, { allowErrors, init, keep = false, ...options } = {}) {
      // Chromium has once quit under a full suite's load on two cores; a new one serves the rest.
      if (browser && !browser.isConnected()) {
        console.warn('Chromium had quit; starting it again');
        browser = await launch();
      }
      const context = await live.browser.newContext(options);
      await init?.(context);
      const page = await context.newPage();
      const errors: string[] = [];
      const offsite: string[] = [];
      opened.push({
        context,
        errors,
        offsite,
        allow: allowErrors,
        missingFrom: live.site.missing.length,
        keep,
      });
      const origin = new URL(live.site.url).origin;
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) offsite.push(r.url());
      });
      const response = await page.goto(new URL(path, live.site.url).href);
      return { page, context, errors, offsite, response };
    },
  };
  return live;
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

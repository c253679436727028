import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { astroEnv, copyProject, removeProject } from '../../scripts/project-copy.ts';
import { ROOT, TEST_BUILDS } from '../../scripts/test-builds.ts';

export {
  elements,
  fileFor,
  htmlPages,
  listFiles,
  parseHtml,
  urlPathOf,
} from '../../scripts/build-output.ts';
export {
  CARD_CACHE,
  EXTRA_POSTS,
  ROOT,
  TEST_BUILDS,
  TEST_ORIGIN,
} from '../../scripts/test-builds.ts';
export { astroEnv, copyProject, removeProject };

import { htmlPages } from '../../scripts/build-output.ts';

/** The two builds of the real site: at the domain root and under a sub-path. */
export const BUILDS = [TEST_BUILDS.root, TEST_BUILDS.blog] as const;

/** The root build of the real posts plus fixtures, a long post and synthetic posts (see scripts/build-sites.ts). */
export const EXTRA_BUILD = TEST_BUILDS.extra;

/** Fails with the command to run when a build the tests need is missing. */
export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `${relative(ROOT, dir)}/ has no build: run "npm run build:sites" (npm test does) first`,
    );
  }
}

/**
 * The pages a slow judge (a browser, axe) needs to see: every post, since each post's content and
 * widgets differ, and of pages that share a template (tag pages, listing pages beyond the first)
 * the largest one.
 */
export function pagesPerTemplate(dir: string): string[] {
  const largest = new Map<string, string>();
  const size = (p: string) => statSync(join(dir, p)).size;
  for (const page of htmlPages(dir)) {
    const template = page.startsWith('posts/')
      ? page
      : page.replace(/^tags\/[^/]+\//, 'tags/*/').replace(/(^|\/)page\/\d+\//, '$1page/*/');
    const kept = largest.get(template);
    if (kept === undefined || size(page) > size(kept)) largest.set(template, page);
  }
  return [...largest.values()].sort();
}

/** Runs the Astro CLI in a throwaway copy of the project (which `prepare` may change first) with extra environment; returns status and output. */
export function runAstro(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 180_000,
  prepare?: (root: string) => void,
) {
  const root = copyProject();
  try {
    prepare?.(root);
    const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), args, {
      cwd: root,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: astroEnv(env),
    });
    return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  } finally {
    removeProject(root);
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

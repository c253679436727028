import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { astroEnv, copyProject, removeProject } from '../../scripts/project-copy.ts';
import { ROOT, TEST_BUILDS } from '../../scripts/test-builds.ts';

export {
  CARD_CACHE,
  EXTRA_POSTS,
  ROOT,
  TEST_BUILDS,
  TEST_ORIGIN,
} from '../../scripts/test-builds.ts';
export { astroEnv, copyProject, removeProject };

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

/** Every file below a folder, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** The HTML pages of a build, relative to it. */
export function htmlPages(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
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

/** The URL path a file is served at, under the base. */
export function urlPathOf(file: string, base: string): string {
  const path = file.replace(/(^|\/)index\.html$/, '$1');
  return `${base}${path}`;
}

/** Maps a URL path under the base to the file that serves it, or undefined if none does. */
export function fileFor(dir: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rest = decodeURIComponent(urlPath.slice(base.length));
  const candidates =
    rest === '' || rest.endsWith('/')
      ? [join(rest, 'index.html')]
      : [rest, join(rest, 'index.html')];
  return candidates.map((c) => join(dir, c)).find((f) => existsSync(f) && statSync(f).isFile());
}

/** Parses an HTML file. */
export function parseHtml(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** All elements of a tree, depth first. */
export function elements(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'element') {
        out.push(n);
        walk(n.children as RootContent[]);
        if (n.tagName === 'template' && n.content) walk(n.content.children as RootContent[]);
      }
    }
  };
  walk(tree.children as RootContent[]);
  return out;
}

/** Runs the Astro CLI in a throwaway copy of the project with extra environment; returns status and output. */
export function runAstro(args: string[], env: Record<string, string>, timeoutMs = 180_000) {
  const root = copyProject();
  try {
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

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The two builds the suite checks: at the domain root and under a sub-path. */
export const BUILDS = [
  { name: 'root', dir: join(ROOT, 'dist'), base: '/' },
  { name: '/blog/', dir: join(ROOT, 'dist-blog'), base: '/blog/' },
] as const;

/** The origin both test builds are made for (set by scripts/build-sites.sh). */
export const TEST_ORIGIN = 'https://blog.example.org';

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

/**
 * A clean environment for an Astro CLI child. Vitest puts its own import.meta.env (NODE_ENV=test, DEV=1,
 * MODE…) and more into process.env, and passed on they change what Astro builds and serves.
 */
export function astroEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['HOME', 'LANG', 'TMPDIR', 'SITE_URL', 'BASE_PATH'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {
    ...env,
    PATH: `${join(ROOT, 'node_modules/.bin')}:/usr/local/bin:/usr/bin:/bin`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...extra,
  };
}

/** Top-level entries that are outputs, caches or history rather than sources of the site. */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', '.bench']);

/**
 * Copies the project's sources (not node_modules, builds or caches) into a new temporary folder.
 * Astro writes generated modules into `<root>/.astro/` whatever OUT_DIR and ASTRO_CACHE_DIR say, so
 * two builds of different corpora in one checkout race; each test or bench build gets its own copy.
 */
export function copyProject(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'blog-project-')), 'project');
  cpSync(ROOT, root, {
    recursive: true,
    filter: (src) => {
      const top = relative(ROOT, src).split('/')[0] ?? '';
      return !NOT_COPIED.has(top) && !/^dist(-|$)/.test(top);
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Removes a copy made by copyProject. */
export function removeProject(root: string): void {
  rmSync(dirname(root), { recursive: true, force: true });
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

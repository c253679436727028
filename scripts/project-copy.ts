/**
 * Builds away from the working tree. Astro writes generated modules into `<root>/.astro/` whatever
 * OUT_DIR and ASTRO_CACHE_DIR say, so two builds of different corpora (or at once) in one checkout
 * race; each such build gets its own copy of the project, with node_modules linked.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './test-builds.ts';

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

/** Copies the project's sources (not node_modules, builds or caches) into a new temporary folder. */
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

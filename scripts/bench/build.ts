/**
 * Production builds away from the working tree, timed from outside: the wall time of the
 * `astro build` CLI, and the CPU time and peak resident memory of its Node process.
 *
 * Astro writes generated modules into `<root>/.astro/` (and, for an output folder outside the
 * project, its prerender chunks too) whatever OUT_DIR and ASTRO_CACHE_DIR say, so two builds of
 * different corpora in one project race. Each build here therefore runs in its own copy of the
 * project, with node_modules linked, and leaves the working tree alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlPages } from '../build-output.ts';
import { astroEnv, copyProject, removeProject } from '../project-copy.ts';
import { ROOT } from '../test-builds.ts';

/** What a build cost. */
export interface BuildCost {
  /** Wall time of the whole CLI run, Node start-up included, in milliseconds. */
  readonly ms: number;
  /** CPU time of the build's Node process (user + system, all its threads), in milliseconds. */
  readonly cpuMs: number;
  /** Peak resident set size of the build's Node process, in bytes. */
  readonly peakRss: number;
  /** HTML pages written. */
  readonly pages: number;
  /** Everything the CLI printed. */
  readonly log: string;
}

/**
 * Runs `astro build` (the CLI at `astroBin`) in `root` under Node 24 with the usage hook, and
 * measures it; throws with the log on failure.
 */
export function measuredBuild(
  root: string,
  astroBin: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 900_000,
): Omit<BuildCost, 'pages'> {
  const usageFile = join(root, '.usage.json');
  const t0 = performance.now();
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/node'),
    [
      '--experimental-strip-types',
      '--import',
      join(import.meta.dirname, 'usage-hook.ts'),
      astroBin,
      'build',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...env, BENCH_USAGE_FILE: usageFile },
    },
  );
  const ms = performance.now() - t0;
  const log = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`astro build failed (${r.status ?? r.signal}):\n${log}`);
  if (!existsSync(usageFile)) throw new Error('the build exited without reporting what it used');
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { peakRss: number; cpuMs: number };
  return { ms, ...usage, log };
}

/**
 * Runs `astro build` in a fresh copy of the project with extra environment (OUT_DIR and
 * ASTRO_CACHE_DIR required, POSTS_DIR optional) and measures it; throws with the log on failure.
 */
export function build(env: Record<string, string>, timeoutMs = 900_000): BuildCost {
  if (!env['OUT_DIR'] || !env['ASTRO_CACHE_DIR']) {
    throw new Error('build() needs OUT_DIR and ASTRO_CACHE_DIR: never write into dist/');
  }
  const root = copyProject();
  try {
    const cost = measuredBuild(
      root,
      join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      astroEnv({ SITE_URL: 'https://blog.example.org', ...env }),
      timeoutMs,
    );
    return { ...cost, pages: htmlPages(env['OUT_DIR']).length };
  } finally {
    removeProject(root);
  }
}

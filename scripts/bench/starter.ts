/**
 * The yardstick of the scale budget: the official Astro blog starter (withastro/astro
 * `examples/blog`, checked out and installed by whoever runs the benchmark, outside this
 * repository) built cold with the same synthetic posts, in the same run, on the same machine.
 *
 *   npm run bench -- --posts 1000 --starter /path/to/examples/blog
 *
 * Nothing of the starter is part of this project: the benchmark copies the given folder into a
 * temporary one (node_modules linked), puts the corpus in its `src/content/blog/` and builds it there.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { htmlPages } from '../build-output.ts';
import { astroEnv } from '../project-copy.ts';
import { type BuildCost, measuredBuild } from './build.ts';
import { SCALE_POST, writeCorpus } from './corpus.ts';

/** Why a folder is not an installed Astro starter, or undefined when it is one. */
export function starterProblem(dir: string): string | undefined {
  if (!existsSync(join(dir, 'astro.config.mjs'))) return `${dir} has no astro.config.mjs`;
  if (!existsSync(join(dir, 'src/content/blog'))) return `${dir} has no src/content/blog/`;
  if (!existsSync(join(dir, 'node_modules/astro/bin/astro.mjs'))) {
    return `${dir} has no node_modules/astro: run npm install there first`;
  }
  return undefined;
}

/** Builds the starter at `dir` cold with `count` synthetic posts of the scale shape, and measures it. */
export function buildStarter(dir: string, count: number): BuildCost & { version: string } {
  const problem = starterProblem(dir);
  if (problem) throw new Error(`--starter: ${problem}`);
  const corpus = writeCorpus(count, SCALE_POST);
  const root = join(mkdtempSync(join(tmpdir(), 'blog-starter-')), 'starter');
  try {
    cpSync(dir, root, {
      recursive: true,
      filter: (src) => {
        const rel = relative(dir, src);
        const top = rel.split('/')[0] ?? '';
        return !['node_modules', 'dist', '.astro'].includes(top) && rel !== 'src/content/blog';
      },
    });
    cpSync(corpus.posts, join(root, 'src/content/blog'), { recursive: true });
    symlinkSync(join(dir, 'node_modules'), join(root, 'node_modules'), 'dir');
    const cost = measuredBuild(root, join(root, 'node_modules/astro/bin/astro.mjs'), astroEnv({}));
    const version = (
      JSON.parse(readFileSync(join(dir, 'node_modules/astro/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    return { ...cost, pages: htmlPages(join(root, 'dist')).length, version };
  } finally {
    rmSync(join(root, '..'), { recursive: true, force: true });
    rmSync(corpus.root, { recursive: true, force: true });
  }
}

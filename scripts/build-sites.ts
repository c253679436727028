/**
 * The builds `npm test` checks, each made once and shared by every test file:
 *
 * - `dist/`: the real posts at the domain root;
 * - `dist-blog/`: the same under `/blog/`;
 * - `dist-extra/`: at the root, the real posts plus the fixtures in `tests/fixtures/posts/`, a
 *   20,000-word post and enough short synthetic posts to fill several listing pages and feeds;
 * - `dist-again/`: the root build made a second time, cold, in another folder, for the
 *   reproducibility test;
 * - `dist-more/`: the extra build with one more, newest post, so the feed tests can see which feed
 *   and archive files a new post changes.
 *
 * The first three share one social-card cache, so the tests can tell which build rendered which
 * card: `builds.json` in that cache records its files after each build. Builds in the same
 * project folder race on `.astro/`, so every build but the first runs in a copy of the project,
 * and two run at a time on this 2-core machine.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  blockedSet,
  serializeSnapshot,
  snapshotFromContext,
} from '../src/core/replies/snapshot.ts';
import { generatePost } from './bench/corpus.ts';
import { astroEnv, copyProject, removeProject } from './project-copy.ts';
import {
  BLOCKED_ACCOUNT,
  FIXTURE_ACCOUNT,
  FIXTURE_INSTANCE,
  MANY_POST,
  MANY_POST_SOURCE,
  MANY_TOOT,
  manyDescendants,
} from './replies-fixtures.ts';
import {
  CARD_CACHE,
  EXTRA_POSTS,
  EXTRA_REPLIES,
  LONG_TEST_POST,
  ONE_MORE_POST,
  ONE_MORE_POST_FILE,
  ROOT,
  SHORT_TEST_POST,
  SYNTHETIC_COUNT,
  SYNTHETIC_POSTS,
  TEST_BUILDS,
  TEST_ORIGIN,
  type TestBuild,
} from './test-builds.ts';

/** Runs `astro build` for one test build, in `cwd`; resolves with its log, rejects naming the build. */
function astroBuild(build: TestBuild, cwd: string, cacheDir: string): Promise<string> {
  rmSync(build.dir, { recursive: true, force: true });
  const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd,
    env: astroEnv({
      SITE_URL: TEST_ORIGIN,
      BASE_PATH: build.base,
      OUT_DIR: build.dir,
      ASTRO_CACHE_DIR: cacheDir,
    }),
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const s = ((performance.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`built ${build.name} into ${build.dir.slice(ROOT.length + 1)}/ in ${s} s`);
        resolve(log);
      } else reject(new Error(`the ${build.name} build failed (exit ${code}):\n${log}`));
    });
  });
}

/** A build in its own copy of the project, which `prepare` may change first; the copy is removed. */
async function inCopy(build: TestBuild, cacheDir: string, prepare?: (root: string) => void) {
  const root = copyProject();
  try {
    prepare?.(root);
    return await astroBuild(build, root, cacheDir);
  } finally {
    removeProject(root);
  }
}

/** Adds the fixtures, the long post and the synthetic posts to a copy's `content/posts/`. */
function addExtraPosts(root: string): void {
  const posts = join(root, 'content/posts');
  if (existsSync(EXTRA_POSTS)) cpSync(EXTRA_POSTS, posts, { recursive: true });
  writeFileSync(join(posts, 'long-post.mdx'), LONG_TEST_POST);
  writeFileSync(join(posts, 'short-post.mdx'), SHORT_TEST_POST);
  for (let n = 1; n <= SYNTHETIC_COUNT; n++)
    writeFileSync(
      join(posts, `synthetic-${String(n).padStart(2, '0')}.mdx`),
      generatePost(n, SYNTHETIC_POSTS),
    );
}

/**
 * Gives a copy the fixtures' reply snapshots, a post of 1,000 replies, and a site config naming the
 * author's fediverse account and blocking one account, as an author would write them.
 */
function addReplies(root: string): void {
  const replies = join(root, 'content/replies');
  mkdirSync(replies, { recursive: true });
  if (existsSync(EXTRA_REPLIES)) cpSync(EXTRA_REPLIES, replies, { recursive: true });
  writeFileSync(join(root, 'content/posts', `${MANY_POST}.mdx`), MANY_POST_SOURCE);
  const many = snapshotFromContext(
    { url: MANY_TOOT.url, instance: FIXTURE_INSTANCE },
    { ancestors: [], descendants: manyDescendants() },
    blockedSet([]),
  );
  writeFileSync(join(replies, `${MANY_POST}.json`), serializeSnapshot(many));
  const configFile = join(root, 'src/site.config.ts');
  const config = readFileSync(configFile, 'utf8');
  const changed = config
    .replace(/^ {2}account: undefined,$/m, `  account: '${FIXTURE_ACCOUNT}',`)
    .replace(/^ {2}blocked: \[\],$/m, `  blocked: ['${BLOCKED_ACCOUNT}'],`);
  if (changed.split('\n').filter((l, i) => l !== config.split('\n')[i]).length !== 2) {
    throw new Error(
      'src/site.config.ts: FEDIVERSE no longer reads "account: undefined," and "blocked: [],"; update addReplies()',
    );
  }
  writeFileSync(configFile, changed);
}

/** The card cache's files and their modification times, after a build. */
function cacheState(cacheDir: string): Record<string, number> {
  const dir = join(cacheDir, 'og-cards');
  const names = (() => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  })();
  return Object.fromEntries(names.map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

const t0 = performance.now();
rmSync(CARD_CACHE, { recursive: true, force: true });
mkdirSync(CARD_CACHE, { recursive: true });
const { root, blog, extra, again, more } = TEST_BUILDS;
const EXTRA_CACHE = join(CARD_CACHE, 'extra');
const states: Record<string, Record<string, number>> = {};
try {
  await Promise.all([
    astroBuild(root, ROOT, CARD_CACHE).then(() => {
      states[root.name] = cacheState(CARD_CACHE);
    }),
    // Cold, with a cache of its own: what a stranger's first build gives.
    inCopy(again, join(CARD_CACHE, 'again')),
  ]);
  await Promise.all([
    inCopy(blog, CARD_CACHE).then(() => {
      states[blog.name] = cacheState(CARD_CACHE);
    }),
    // Its content differs, so its content-layer cache must be its own; it starts from the cards
    // the root build left, so the tests can see which ones it added.
    inCopy(extra, EXTRA_CACHE, (copy) => {
      addExtraPosts(copy);
      addReplies(copy);
      cpSync(join(CARD_CACHE, 'og-cards'), join(EXTRA_CACHE, 'og-cards'), {
        recursive: true,
        preserveTimestamps: true,
      });
    }).then(() => {
      states[extra.name] = cacheState(EXTRA_CACHE);
    }),
    inCopy(more, join(CARD_CACHE, 'more'), (copy) => {
      addExtraPosts(copy);
      addReplies(copy);
      writeFileSync(join(copy, 'content/posts', ONE_MORE_POST_FILE), ONE_MORE_POST);
    }),
  ]);
  writeFileSync(join(CARD_CACHE, 'builds.json'), `${JSON.stringify(states, null, 2)}\n`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
console.log(`five builds in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/**
 * The builds the test suite reads, named once for `scripts/build-sites.ts`, which makes them, and
 * for the tests, which read them (through `tests/support/site.ts`).
 */
import { join, resolve } from 'node:path';
import { generatePost, LONG_POST, type PostShape } from './bench/corpus.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** The origin every test build is made for. */
export const TEST_ORIGIN = 'https://blog.example.org';

/** One build of the site the tests read. */
export interface TestBuild {
  readonly name: string;
  /** Its output folder. */
  readonly dir: string;
  /** The base path it was built for. */
  readonly base: '/' | '/blog/';
}

/** Every test build: the real site at the root and under `/blog/`, the extra corpus, and a rebuild. */
export const TEST_BUILDS = {
  root: { name: 'root', dir: join(ROOT, 'dist'), base: '/' },
  blog: { name: '/blog/', dir: join(ROOT, 'dist-blog'), base: '/blog/' },
  extra: { name: 'extra', dir: join(ROOT, 'dist-extra'), base: '/' },
  again: { name: 'again', dir: join(ROOT, 'dist-again'), base: '/' },
  more: { name: 'extra + 1', dir: join(ROOT, 'dist-more'), base: '/' },
} as const satisfies Record<string, TestBuild>;

/** Posts that only the extra build carries: hostile, draft or otherwise unusual fixtures. */
export const EXTRA_POSTS = join(ROOT, 'tests/fixtures/posts');

/** Snapshots of the fixtures' replies, copied to the extra build's `content/replies/`. */
export const EXTRA_REPLIES = join(ROOT, 'tests/fixtures/replies');

/** The cache (content layer and social cards) the test builds share; `builds.json` inside it too. */
export const CARD_CACHE = join(ROOT, 'node_modules/.astro-tests');

/** The stress case the extra build carries: a 20,000-word post with 50 code blocks. */
export const LONG_TEST_POST = generatePost(1, LONG_POST).replace(
  /^title: .*$/m,
  'title: A very long post',
);

/** A short text-only post beside it, to tell what a page costs from what its content costs. */
export const SHORT_TEST_POST = generatePost(2, {
  words: 300,
  codeBlocks: 0,
  codeLines: 0,
  sections: 3,
}).replace(/^title: .*$/m, 'title: A short text-only post');

/** Short synthetic posts in the extra build: enough to need pagination and to overflow every feed. */
export const SYNTHETIC_POSTS: PostShape = { words: 150, codeBlocks: 1, codeLines: 3, sections: 2 };

/** How many synthetic posts the extra build carries. */
export const SYNTHETIC_COUNT = 40;

/**
 * The one post `dist-more/` adds to the extra build, newer than every other, in the Planet KDE feed
 * and two tag feeds: what changes when it arrives is what a new post changes.
 */
export const ONE_MORE_POST = [
  '---',
  'title: One more post, newer than all the others',
  'description: The post the archive test adds, to see which feed files it changes.',
  'pubDate: 2025-01-01',
  'tags: [kde, sysadmin]',
  '---',
  '',
  'A post that arrives after every other one.',
  '',
].join('\n');

/** The file name of that post in `content/posts/`. */
export const ONE_MORE_POST_FILE = 'one-more-post.mdx';

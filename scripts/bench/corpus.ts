/**
 * Synthetic posts for the build benchmark and the long-post stress test. The text is generated
 * from a fixed seed, so every run builds exactly the same corpus and timings compare run to run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VOCABULARY = (
  'server backup kernel load average cron job storage datacenter network packet socket ' +
  'certificate handshake process thread scheduler interval tick sample metric graph spike ' +
  'bridge interface channel country passphrase capture wireshark decrypt secret random client ' +
  'disk volume snapshot rsync borg restore archive latency throughput bandwidth queue daemon ' +
  'systemd journal unit timer service config file path mount quota replica region mirror the ' +
  'a of to in and is that it for on with as was at by this we our they but not from when which'
).split(' ');

const TAGS = ['kde', 'sysadmin', 'linux', 'monitoring', 'backups', 'networking', 'apple', 'tls'];

const CODE: readonly { lang: string; lines: (rnd: () => number, n: number) => string[] }[] = [
  {
    lang: 'sh',
    lines: (rnd, n) =>
      Array.from(
        { length: n },
        (_, i) => `rsync -a --delete /srv/${pick(rnd)}/ backup@storage:/${pick(rnd)}/${i} # ${i}`,
      ),
  },
  {
    lang: 'ts',
    lines: (rnd, n) => [
      'export function average(samples: readonly number[]): number {',
      ...Array.from(
        { length: n - 2 },
        (_, i) => `  const ${pick(rnd)}${i} = samples[${i}] ?? ${Math.floor(rnd() * 1000)};`,
      ),
      '}',
    ],
  },
  {
    lang: 'python',
    lines: (rnd, n) => [
      'def load(samples):',
      ...Array.from({ length: n - 1 }, (_, i) => `    ${pick(rnd)}_${i} = samples[${i}] * 0.92`),
    ],
  },
  {
    lang: 'ini',
    lines: (rnd, n) => [
      '[Service]',
      ...Array.from({ length: n - 1 }, (_, i) => `${pick(rnd)}${i}=${pick(rnd)}-${i}`),
    ],
  },
];

/** A small, fast, seedable generator (mulberry32): the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rnd: () => number): string {
  return VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] ?? 'word';
}

function sentence(rnd: () => number, words: number): string {
  const w = Array.from({ length: words }, () => pick(rnd));
  const first = w[0] ?? 'word';
  w[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${w.join(' ')}.`;
}

function paragraph(rnd: () => number, words: number): string {
  const out: string[] = [];
  for (let left = words; left > 0; ) {
    const n = Math.min(left, 8 + Math.floor(rnd() * 10));
    out.push(sentence(rnd, n));
    left -= n;
  }
  return out.join(' ');
}

/** What a generated post is made of. */
export interface PostShape {
  /** Words of prose, headings excluded. */
  readonly words: number;
  /** Fenced, highlighted code blocks, spread evenly through the text. */
  readonly codeBlocks: number;
  /** Lines in each code block. */
  readonly codeLines: number;
  /** `##` sections the prose is split into. */
  readonly sections: number;
  /** Languages of the code blocks, taken in turn (default: sh, ts, python, ini). */
  readonly langs?: readonly string[];
  /** The tags two of which each post carries (default: a set of eight). */
  readonly tags?: readonly string[];
}

/** A benchmark post: about 1,200 words under headings, with two highlighted code blocks. */
export const TYPICAL_POST: PostShape = { words: 1200, codeBlocks: 2, codeLines: 12, sections: 6 };

/**
 * The growth issue's scale post: about 1,200 words under three headings, a bash and a TypeScript
 * block, two tags from twenty (`kde` and `apple` among them), as the starter comparison uses.
 */
export const SCALE_POST: PostShape = {
  words: 1200,
  codeBlocks: 2,
  codeLines: 12,
  sections: 3,
  langs: ['sh', 'ts'],
  tags: [
    ...TAGS,
    'security',
    'storage',
    'kernel',
    'wifi',
    'ios',
    'reverse-engineering',
    'planet',
    'python',
    'typescript',
    'hardware',
    'debian',
    'meta',
  ],
};

/** The stress case: a 20,000-word post with 50 code blocks. */
export const LONG_POST: PostShape = { words: 20_000, codeBlocks: 50, codeLines: 14, sections: 50 };

/** The MDX text of post number `n` with the given shape; the same arguments give the same text. */
export function generatePost(n: number, shape: PostShape, seed = 17): string {
  const rnd = random(seed * 100_003 + n);
  const day = new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const tagSet = shape.tags ?? TAGS;
  const kinds = shape.langs ? CODE.filter((c) => shape.langs?.includes(c.lang)) : CODE;
  const tags = [tagSet[n % tagSet.length], tagSet[(n * 3 + 1) % tagSet.length]].filter(
    (t, i, all): t is string => t !== undefined && all.indexOf(t) === i,
  );
  const lines = [
    '---',
    `title: Synthetic post ${n}, about ${pick(rnd)} and ${pick(rnd)}`,
    `description: ${sentence(rnd, 14)}`,
    `pubDate: ${day}`,
    `tags: [${tags.join(', ')}]`,
    '---',
    '',
  ];
  const wordsPerSection = Math.ceil(shape.words / shape.sections);
  let words = shape.words;
  let blocks = shape.codeBlocks;
  for (let s = 0; s < shape.sections; s++) {
    lines.push(`## Section ${s + 1}: ${pick(rnd)} ${pick(rnd)}`, '');
    const here = Math.min(words, wordsPerSection);
    const half = Math.ceil(here / 2);
    lines.push(paragraph(rnd, half), '');
    // Spread the code blocks over the sections as evenly as integer division allows.
    const due = Math.round(((s + 1) * shape.codeBlocks) / shape.sections);
    for (; shape.codeBlocks - blocks < due; blocks--) {
      const kind = kinds[(n + blocks) % kinds.length] ?? CODE[0];
      if (!kind) break;
      lines.push(`\`\`\`${kind.lang}`, ...kind.lines(rnd, shape.codeLines), '```', '');
    }
    lines.push(paragraph(rnd, here - half), '');
    words -= here;
  }
  return lines.join('\n');
}

/** A throwaway corpus in a temporary folder: the posts, and where a build of them goes. */
export interface Corpus {
  readonly root: string;
  readonly posts: string;
  readonly out: string;
  /** POSTS_DIR, OUT_DIR and ASTRO_CACHE_DIR for a build of this corpus alone. */
  readonly env: Record<string, string>;
}

/** Writes `count` posts of a shape (plus any extra files) into a new temporary folder. */
export function writeCorpus(
  count: number,
  shape: PostShape,
  extra: Record<string, string> = {},
): Corpus {
  const root = mkdtempSync(join(tmpdir(), 'blog-bench-'));
  const posts = join(root, 'posts');
  mkdirSync(posts);
  for (let n = 1; n <= count; n++) {
    writeFileSync(
      join(posts, `synthetic-${String(n).padStart(4, '0')}.mdx`),
      generatePost(n, shape),
    );
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(posts, name), text);
  const out = join(root, 'dist');
  return {
    root,
    posts,
    out,
    env: { POSTS_DIR: posts, OUT_DIR: out, ASTRO_CACHE_DIR: join(root, 'cache') },
  };
}

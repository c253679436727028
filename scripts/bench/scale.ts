/**
 * The scale mode of the benchmark (`npm run bench -- --posts 200,1000`): synthetic corpora built
 * cold, then again after editing one post (warm: same cache and output folder), with the time per
 * build phase and what the output is made of.
 */
import { appendFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BuildCost, build } from './build.ts';
import { SCALE_POST, writeCorpus } from './corpus.ts';
import { buildPhases, type Phase } from './phases.ts';
import { markdownTable } from './report.ts';

/** One corpus measured cold and warm. */
export interface ScaleResult {
  readonly name: string;
  readonly posts: number;
  readonly cold: BuildCost;
  readonly warm: BuildCost;
  readonly phases: readonly Phase[];
  readonly output: ReadonlyMap<string, number>;
  /** The largest current feed file and the largest archive document (RFC 5005), path and bytes. */
  readonly largestFeeds: { readonly feed?: FileSize; readonly archive?: FileSize };
}

/** A file of the output and its size in bytes. */
export interface FileSize {
  readonly path: string;
  readonly bytes: number;
}

/** What a built file is part of, for the output-size breakdown. */
export function outputKind(path: string): string {
  if (path.startsWith('posts/')) return 'post pages';
  if (path.startsWith('og/')) return 'social cards';
  if (path.startsWith('pagefind/')) return 'search index';
  if (/(rss\.xml|atom\.xml|feed\.json)$/.test(path)) return 'feeds';
  if (/^(index\.html|page\/|tags\/|archive\/)/.test(path)) return 'listings';
  if (path.startsWith('_assets/')) return 'scripts, styles, images';
  return 'other';
}

/** Bytes per output kind of a build folder, largest first. */
export function outputSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else {
        const kind = outputKind(relative(dir, full));
        sizes.set(kind, (sizes.get(kind) ?? 0) + st.size);
      }
    }
  };
  walk(dir);
  return new Map([...sizes].sort((a, b) => b[1] - a[1]));
}

/** The largest current feed file and the largest feed archive of a build folder. */
export function largestFeeds(dir: string): { feed?: FileSize; archive?: FileSize } {
  const out: { feed?: FileSize; archive?: FileSize } = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (outputKind(relative(dir, full)) === 'feeds') {
        const path = relative(dir, full);
        const key = /(^|\/)feed-archive\//.test(path) ? 'archive' : 'feed';
        if ((out[key]?.bytes ?? -1) < st.size) out[key] = { path, bytes: st.size };
      }
    }
  };
  walk(dir);
  return out;
}

/** Builds one corpus (a count of synthetic posts, or the real posts) cold, then warm after one edit. */
export function measureCorpus(posts: number | 'real'): ScaleResult {
  const corpus = writeCorpus(posts === 'real' ? 0 : posts, SCALE_POST);
  // The real site builds content/posts: everything but POSTS_DIR.
  const { POSTS_DIR: _, ...own } = corpus.env;
  const env = posts === 'real' ? own : corpus.env;
  try {
    process.stderr.write(
      `building ${posts === 'real' ? 'the real posts' : `${posts} posts`}: cold…\n`,
    );
    const cold = build(env);
    const output = outputSizes(corpus.out);
    const feeds = largestFeeds(corpus.out);
    // Edit one post's text (not its title, so its card stays cached), as an author fixing a typo.
    if (posts !== 'real')
      appendFileSync(join(corpus.posts, 'synthetic-0001.mdx'), '\nOne more line.\n');
    process.stderr.write('…and warm, one post edited\n');
    const warm = build(env);
    return {
      name: posts === 'real' ? 'real site' : `${posts.toLocaleString('en')} posts`,
      posts: posts === 'real' ? 4 : posts,
      cold,
      warm,
      phases: buildPhases(cold.log),
      output,
      largestFeeds: feeds,
    };
  } finally {
    rmSync(corpus.root, { recursive: true, force: true });
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MiB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The scale report as Markdown: cold and warm builds, growth, phases and output composition. */
export function scaleReport(results: readonly ScaleResult[]): string {
  const out: string[] = [];
  out.push('## Scale\n');
  out.push(
    'Synthetic posts of about 1,200 words under three headings with a bash and a TypeScript block, two tags of twenty each. Cold: fresh cache and output folder. Warm: the same cache and output after editing one post’s text.\n',
  );
  out.push(
    markdownTable(
      ['corpus', 'pages', 'wall', 'CPU', 'peak memory', 'output', 'warm wall', 'warm CPU'],
      results.map((r) => [
        r.name,
        String(r.cold.pages),
        s(r.cold.ms),
        s(r.cold.cpuMs),
        mib(r.cold.peakRss),
        mb([...r.output.values()].reduce((a, b) => a + b, 0)),
        s(r.warm.ms),
        s(r.warm.cpuMs),
      ]),
    ),
  );
  const synthetic = results.filter((r) => r.name !== 'real site');
  const [small, large] = [synthetic[0], synthetic.at(-1)];
  if (small && large && small !== large) {
    out.push(
      `\nFrom ${small.name} to ${large.name} (${(large.posts / small.posts).toFixed(1)}× the posts): CPU ${(large.cold.cpuMs / small.cold.cpuMs).toFixed(2)}×, wall ${(large.cold.ms / small.cold.ms).toFixed(2)}×, peak memory ${(large.cold.peakRss / small.cold.peakRss).toFixed(2)}×.`,
    );
  }
  const names = [...new Set(results.flatMap((r) => r.phases.map((p) => p.name)))];
  out.push(
    '\nWall time per phase of the cold build (from the build log; pages overlap, so the page kinds share out the generation time):\n',
  );
  out.push(
    markdownTable(
      ['phase', ...results.map((r) => r.name)],
      names.map((n) => [n, ...results.map((r) => s(r.phases.find((p) => p.name === n)?.ms ?? 0))]),
    ),
  );
  if (large) {
    out.push(`\nWhat the output of ${large.name} is made of:\n`);
    out.push(
      markdownTable(
        ['part', 'size'],
        [...large.output].map(([k, v]) => [k, mb(v)]),
      ),
    );
    const { feed, archive } = large.largestFeeds;
    const file = (f: FileSize | undefined) =>
      f ? `\`${f.path}\`, ${f.bytes.toLocaleString('en')} bytes` : 'none';
    out.push(`\nLargest feed file: ${file(feed)}; largest archive: ${file(archive)}.`);
  }
  return out.join('\n');
}

/** The scale budget against the Astro blog starter on the same corpus: at most these multiples. */
export const STARTER_BUDGET = { wall: 2.5, cpu: 2.5, memory: 1.3 } as const;

/** This project's cold build beside the starter's on the same posts, with the ratios and budget. */
export function starterReport(
  ours: ScaleResult,
  theirs: BuildCost & { version: string },
): { text: string; over: string[] } {
  const rows: [string, number, number, number, (n: number) => string][] = [
    ['wall', ours.cold.ms, theirs.ms, STARTER_BUDGET.wall, s],
    ['CPU', ours.cold.cpuMs, theirs.cpuMs, STARTER_BUDGET.cpu, s],
    ['peak memory', ours.cold.peakRss, theirs.peakRss, STARTER_BUDGET.memory, mib],
  ];
  const over = rows.filter(([, a, b, limit]) => a / b > limit).map(([name]) => name);
  const text = [
    `Cold builds of ${ours.name}, this project and the Astro blog starter (Astro ${theirs.version}, ${theirs.pages} pages), one after the other:\n`,
    markdownTable(
      ['', 'this project', 'starter', 'ratio', 'budget'],
      rows.map(([name, a, b, limit, f]) => [
        name,
        f(a),
        f(b),
        `${(a / b).toFixed(2)}×`,
        `${limit}×`,
      ]),
    ),
  ].join('\n');
  return { text, over };
}

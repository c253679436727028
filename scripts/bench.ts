/**
 * The site's benchmark: build cost of the real site and of synthetic corpora, what every page of the
 * real site weighs, and the interactive models' compute time. Run with Node 24:
 *
 *   npm run bench -- [--corpora=200,1000] [--runs=N] [--check]
 *   npm run bench -- --posts 200,1000     # scale mode: cold and warm builds, phases, output size
 *   npm run bench -- --posts 1000 --starter ../astro/examples/blog   # and the starter, side by side
 *
 * Every build runs cold (fresh cache) in a throwaway copy of the project and writes to a temporary
 * folder: content/ and dist/ are never touched. Prints Markdown tables; with --check, exits 1 when
 * growth is worse than the limit (1,000 posts at most 5.5× the cost of 200) or a model is over its
 * budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type BuildCost, build } from './bench/build.ts';
import { TYPICAL_POST, writeCorpus } from './bench/corpus.ts';
import { kb, markdownTable } from './bench/report.ts';
import { measureCorpus, scaleReport, starterReport } from './bench/scale.ts';
import { buildStarter, starterProblem } from './bench/starter.ts';
import { type Size, siteWeights } from './bench/weight.ts';
import { ROOT, TEST_ORIGIN } from './test-builds.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const CORPORA = (opt('corpora') ?? '200,1000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const RUNS = opt('runs') ?? '200';
const CHECK = args.includes('--check');
/** The growth limit: 5× the posts may cost at most this multiple of the CPU time. */
const GROWTH_LIMIT = 5.5;

const MB = 1024 * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const both = (s: Size) => (s.raw === 0 ? '–' : `${kb(s.raw)} / ${kb(s.gzip)}`);

function scratch(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'blog-bench-'));
  return { dir, env: { OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache') } };
}

const cpu = cpus();
const POSTS = opt('posts');
if (POSTS !== undefined) {
  // Scale mode: the real site, then each synthetic corpus, cold and warm; nothing else.
  const counts = POSTS.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`--posts takes post counts such as 200,1000 (got "${POSTS}")`);
    process.exit(2);
  }
  console.log(
    `# Benchmark, scale mode\n\nNode ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start.\n`,
  );
  const starter = opt('starter');
  const problem = starter === undefined ? undefined : starterProblem(starter);
  if (problem) {
    console.error(`--starter takes the folder of an installed Astro blog starter: ${problem}`);
    process.exit(2);
  }
  const results = [measureCorpus('real'), ...counts.map((n) => measureCorpus(n))];
  console.log(scaleReport(results));
  const largest = results.at(-1);
  if (starter !== undefined && largest) {
    process.stderr.write(`building the Astro blog starter with ${largest.name}: cold…\n`);
    const theirs = buildStarter(starter, largest.posts);
    const report = starterReport(largest, theirs);
    console.log(`\n${report.text}`);
    if (CHECK && report.over.length > 0) {
      console.error(`Over the budget against the starter: ${report.over.join(', ')}`);
      process.exit(1);
    }
  }
  console.log(
    `\nLoad average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
  );
  process.exit(0);
}

let failures = 0;
console.log('# Benchmark\n');
console.log(
  `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start.\n`,
);

// The real site: its build cost, and the output the page weights are measured on.
const real = scratch();
const builds: { name: string; posts: number; cost: BuildCost }[] = [];
builds.push({
  name: 'real site',
  posts: readdirSync(join(ROOT, 'content/posts')).filter((f) => f.endsWith('.mdx')).length,
  cost: build({ ...real.env, BASE_PATH: '/', SITE_URL: TEST_ORIGIN }),
});
for (const n of CORPORA) {
  const corpus = writeCorpus(n, TYPICAL_POST);
  process.stderr.write(`building ${n.toLocaleString('en')} synthetic posts…\n`);
  builds.push({
    name: `synthetic, ${n.toLocaleString('en')} posts`,
    posts: n,
    cost: build(corpus.env),
  });
  rmSync(corpus.root, { recursive: true, force: true });
}

console.log('## Build\n');
console.log(
  'Cold `astro build` (fresh cache, own copy of the project). Synthetic posts have about 1,200 words, ' +
    'six headings and two highlighted code blocks. CPU time is the build process’s user + system time; ' +
    'unlike wall time it hardly moves when other work shares the machine, so growth is judged on it.\n',
);
console.log(
  markdownTable(
    ['corpus', 'pages', 'wall time', 'CPU time', 'peak memory', 'ms per page (wall)'],
    builds.map(({ name, cost }) => [
      name,
      String(cost.pages),
      seconds(cost.ms),
      seconds(cost.cpuMs),
      `${Math.round(cost.peakRss / MB)} MB`,
      (cost.ms / cost.pages).toFixed(0),
    ]),
  ),
);
const synthetic = builds.filter((b) => b.name.startsWith('synthetic'));
const small = synthetic[0];
const large = synthetic.at(-1);
if (small && large && large !== small) {
  const ratio = (f: (c: BuildCost) => number) => (f(large.cost) / f(small.cost)).toFixed(2);
  const cpu = large.cost.cpuMs / small.cost.cpuMs;
  // 5.5× for 5× the posts: a tenth over linear, scaled for other corpus sizes.
  const limit = (GROWTH_LIMIT * large.posts) / small.posts / 5;
  const ok = cpu <= limit;
  if (!ok) failures++;
  console.log(
    `\n${large.posts.toLocaleString('en')} posts cost ${cpu.toFixed(2)}× the CPU time of ${small.posts.toLocaleString('en')} ` +
      `(wall time ${ratio((c) => c.ms)}×, peak memory ${ratio((c) => c.peakRss)}×, ` +
      `pages ${ratio((c) => c.pages)}×); the limit is ${limit.toFixed(2)}×: ${ok ? 'ok' : 'OVER'}.`,
  );
}

console.log('\n## Page weight, real site\n');
console.log(
  'Every page of the root build, raw / gzipped (level 6) in KB (1 KB = 1,000 bytes); "first visit" is everything the page makes a browser download with an empty cache: the HTML, its stylesheets, scripts and their imports, fonts and images.\n',
);
// The home page first, then the posts, then everything else, each group alphabetically.
const rank = (page: string) => (page === 'index.html' ? 0 : page.startsWith('posts/') ? 1 : 2);
const weights = siteWeights(real.env['OUT_DIR'] ?? '', '/', TEST_ORIGIN).sort(
  (a, b) => rank(a.page) - rank(b.page) || a.page.localeCompare(b.page),
);
console.log(
  markdownTable(
    ['page', 'HTML', 'CSS', 'JavaScript', 'fonts', 'images', 'first visit'],
    weights.map((w) => [
      `/${w.page.replace(/index\.html$/, '')}`,
      both(w.sizes.html),
      both(w.sizes.css),
      both(w.sizes.js),
      both(w.sizes.fonts),
      both(w.sizes.images),
      both(w.total),
    ]),
  ),
);
rmSync(real.dir, { recursive: true, force: true });

console.log('\n## Interactive models\n');
for (const script of ['scripts/bench-loadavg.ts', 'scripts/bench/models.ts']) {
  const r = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      join(ROOT, script),
      `--runs=${RUNS}`,
      ...(CHECK ? ['--check'] : []),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const text = r.stdout
    .trim()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
  console.log(`\`\`\`text\n${text}\n\`\`\`\n`);
  if (r.status !== 0) {
    failures++;
    console.error(r.stderr);
  }
}

if (CHECK && failures > 0) {
  console.error(`${failures} check(s) failed`);
  process.exitCode = 1;
}

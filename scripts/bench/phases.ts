/**
 * Where a build's time went, read from the log `astro build` prints: the bundling phase (MDX
 * compiled to modules, Vite and Rolldown), page generation split by what the pages are, and the
 * search index. Each page line carries that page's own time; pages render several at a time
 * (build.concurrency), so those times overlap and only their shares are meaningful: the
 * generation phase's wall time is divided among the kinds of page in proportion to them.
 */

/** One phase of a build and its wall time. */
export interface Phase {
  readonly name: string;
  readonly ms: number;
}

/** The generated files, by kind, in the order the benchmark reports them. */
export const PAGE_KINDS = [
  'post pages',
  'listings',
  'feeds',
  'social cards',
  'other pages',
] as const;

/** What a generated file is, from its output path. */
export function pageKind(path: string): (typeof PAGE_KINDS)[number] {
  if (/^\/og\//.test(path)) return 'social cards';
  if (/(rss\.xml|atom\.xml|feed\.json)$/.test(path)) return 'feeds';
  if (/^\/posts\//.test(path)) return 'post pages';
  if (/^\/(index\.html|page\/|archive\/|tags\/)/.test(path)) return 'listings';
  return 'other pages';
}

const duration = (value: string, unit: string) =>
  unit === 'ms' ? Number(value) : unit === 's' ? Number(value) * 1000 : Number(value) * 60_000;

/** Parses "1m 5s", "58.70s" or "688 ms" into milliseconds. */
export function parseDuration(text: string): number {
  let ms = 0;
  for (const m of text.matchAll(/([\d.]+)\s*(ms|s|m)\b/g))
    ms += duration(m[1] ?? '0', m[2] ?? 'ms');
  return ms;
}

/** The phases of one `astro build` log (ANSI colours allowed); unknown lines are ignored. */
export function buildPhases(log: string): Phase[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes.
  const lines = log.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const phases = new Map<string, number>();
  const add = (name: string, ms: number) => phases.set(name, (phases.get(name) ?? 0) + ms);
  const pages = new Map<string, number>();
  let generation: number | undefined;
  let bundled = false;
  for (const line of lines) {
    const page = /[├└]─ (\S+) \(\+([\d.]+)(ms|s|m)\)/.exec(line);
    if (page?.[1] && page[2] && page[3]) {
      const kind = pageKind(page[1]);
      pages.set(kind, (pages.get(kind) ?? 0) + duration(page[2], page[3]));
      continue;
    }
    // The generation phase ends with an unprefixed "✓ Completed in …" line.
    const generated = /^\S+ ✓ Completed in (.+)\.$/.exec(line.trim());
    if (generated?.[1] && generation === undefined && pages.size > 0) {
      generation = parseDuration(generated[1]);
      continue;
    }
    const setup = /\[build\] ✓ Completed in (.+)\.$/.exec(line);
    if (setup?.[1] && !phases.has('content and config')) {
      add('content and config', parseDuration(setup[1]));
      continue;
    }
    const vite = /\[vite\] ✓ built in (.+)$/.exec(line);
    if (vite?.[1] && !bundled) {
      // The first Vite build is the server bundle: every post's MDX compiled (and highlighted).
      add('MDX and bundling', parseDuration(vite[1]));
      bundled = true;
      continue;
    }
    const search = /\[pagefind-index\] indexed \d+ posts in (.+)$/.exec(line);
    if (search?.[1]) add('search index', parseDuration(search[1]));
  }
  const summed = [...pages.values()].reduce((a, b) => a + b, 0);
  const scale = generation !== undefined && summed > 0 ? generation / summed : 1;
  for (const [kind, ms] of pages) add(kind, ms * scale);
  const order = ['content and config', 'MDX and bundling', ...PAGE_KINDS, 'search index'];
  return order
    .filter((name) => phases.has(name))
    .map((name) => ({ name, ms: phases.get(name) ?? 0 }));
}

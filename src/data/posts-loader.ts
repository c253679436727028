import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { parse } from 'yaml';
import { checkFrontmatter } from '../core/frontmatter.ts';
import { allowedMarkup, postBodyProblems } from '../core/markup/post-body.ts';
import { POST_EXTENSION, postFileProblems, postIdOf } from '../core/post-files.ts';

// The frontmatter block as Astro's own parser finds it (optional BOM or blank lines, then ---).
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

/** A path as messages show it: relative to the project when inside it, "/"-separated. */
function shown(path: string, root: string): string {
  const rel = relative(root, path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}

/** The frontmatter read as YAML 1.2, which has no date type: the schema sees the dates as written. */
function rawFrontmatter(source: string): unknown {
  const block = FRONTMATTER.exec(source)?.[1];
  return block === undefined ? {} : (parse(block) ?? {});
}

/** The build's error message for a list of problems, one per line. */
function report(problems: readonly string[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const list = problems.map((p) => `  - ${p}`).join('\n');
  // A markup problem is named at its line; what a post may carry is said once, after the list.
  const markup = problems.some((p) => /^[^:]+:\d+:\d+: /.test(p)) ? `\n${allowedMarkup()}` : '';
  return `The posts have ${count}; nothing was built:\n${list}${markup}`;
}

/**
 * Forgets cached entries whose file is no longer in the posts folder. Astro's glob loader reuses an
 * unchanged post's entry with the path it had when cached, so after the folder moved or was renamed
 * the build imported the old path and failed ("Rolldown failed to resolve import").
 */
function dropMovedEntries(
  store: Parameters<Loader['load']>[0]['store'],
  root: string,
  base: string,
) {
  for (const id of store.keys()) {
    const filePath = store.get(id)?.filePath;
    if (filePath === undefined) continue;
    const file = resolve(root, filePath);
    if (relative(base, file).startsWith('..') || !existsSync(file)) store.delete(id);
  }
}

/**
 * The posts: Astro's glob loader over `<dir>/*.mdx`, with the checks it lacks. Before loading, every
 * post file must sit in the folder itself and map to a URL of its own; each post's frontmatter is
 * checked by the pure schema; all problems of all files fail the build together, naming the files.
 */
export function postsLoader(dir: string): Loader {
  const inner = glob({
    // "**" so that a post put in a subfolder is reported, not silently left out.
    pattern: `**/*${POST_EXTENSION}`,
    base: dir,
    // The URL comes from the file name alone: a `slug:` key is refused by the schema, not obeyed.
    generateId: ({ entry }) => {
      const [problem] = postFileProblems([entry], dir);
      if (problem) throw new Error(problem);
      return postIdOf(entry);
    },
  });
  return {
    name: 'posts-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const base = fileURLToPath(new URL(dir, context.config.root));
      const files = readdirSync(base, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith(POST_EXTENSION))
        .map((f) => f.split(sep).join('/'));
      const problems = postFileProblems(files, shown(base, root).replace(/\/$/, ''));
      if (problems.length > 0) throw new Error(report(problems));
      dropMovedEntries(context.store, root, base);
      const maxYear = new Date().getUTCFullYear() + 1;
      const broken: string[] = [];
      let initialLoad = true;
      await inner.load({
        ...context,
        parseData: async (props) => {
          const path = resolve(root, props.filePath ?? '');
          const file = shown(path, root);
          const source = readFileSync(path, 'utf8');
          const data = rawFrontmatter(source) as typeof props.data;
          const checked = checkFrontmatter(file, data, { maxYear });
          const found = [
            ...('problems' in checked ? checked.problems : []),
            ...postBodyProblems(source, file, (image) => existsSync(resolve(dirname(path), image))),
          ];
          if ('problems' in checked || found.length > 0) {
            // In `astro dev`, a later edit is reported on its own (the dev server logs it).
            if (!initialLoad) throw new Error(report(found));
            // Collected, so one build names every broken post, not only the first one read.
            problems.push(...found);
            broken.push(props.id);
            return props.data;
          }
          return context.parseData({ ...props, data });
        },
      });
      initialLoad = false;
      if (problems.length > 0) {
        // The store is cached between builds and skips unchanged files: keep no unchecked entry.
        for (const id of broken) context.store.delete(id);
        throw new Error(
          report(problems.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))),
        );
      }
    },
  };
}

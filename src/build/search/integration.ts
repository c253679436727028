import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { ROUTES } from '../../core/routes.ts';

/** The built pages Pagefind reads: the posts, nothing else (listings would only repeat them). */
export const INDEXED_PAGES = 'posts/*/index.html';

/** Parts of a post that are chrome, not content: heading "#" links, the contents box, date and tags. */
export const EXCLUDED_SELECTORS = [
  '.heading-anchor',
  '.toc',
  '.post > header .meta',
  '.post > header .tags',
];

/** Pagefind's bundled UIs; the search page has its own, so these would only be dead weight. */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

function fail(step: string, errors: readonly string[]): never {
  throw new Error(
    `Pagefind ${step}: ${errors.join('; ') || 'no details'}. Is the npm package "pagefind" (with its platform binary @pagefind/<os>-<cpu>) installed? Run "npm ci".`,
  );
}

/** Indexes the built posts with Pagefind into `<outDir>/pagefind/` once every page is written. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        try {
          const created = await pagefind
            .createIndex({ excludeSelectors: EXCLUDED_SELECTORS, forceLanguage: 'en' })
            .catch((e: unknown) => fail('could not start', [String(e)]));
          const index = created.index;
          if (!index) fail('could not start', created.errors);
          const added = await index.addDirectory({ path: out, glob: INDEXED_PAGES });
          if (added.errors.length > 0) fail('could not index the posts', added.errors);
          if (added.page_count === 0) {
            // A new blog whose only posts are drafts still builds; its search page says it is empty.
            logger.warn(`no page matched ${INDEXED_PAGES}: the search index is empty`);
          }
          const written = await index.writeFiles({ outputPath: join(out, ROUTES.pagefind) });
          if (written.errors.length > 0) fail('could not write the index', written.errors);
          await Promise.all(
            UNUSED_FILES.map((f) => rm(join(out, ROUTES.pagefind, f), { force: true })),
          );
          logger.info(
            `indexed ${added.page_count} posts in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

// @ts-check

import { join, resolve } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import { mdxCompileCache, setupFingerprint } from './src/build/markdown/compile-cache.ts';
import { pagefindIndex } from './src/build/search/integration.ts';
import { rehypeHeadingIds } from './src/core/markdown/heading-ids.ts';
import { remarkFastSmartypants } from './src/core/markdown/smartypants.ts';
import { untimedTokenizer } from './src/core/markdown/untimed-tokenizer.ts';
import { normaliseBase, normaliseSiteUrl } from './src/core/paths.ts';
import { SITE } from './src/site.config.ts';

// Deploy anywhere: the absolute URL and the sub-path come from the environment at build time.
const site = normaliseSiteUrl(process.env.SITE_URL ?? SITE.defaultSiteUrl);
const base = normaliseBase(process.env.BASE_PATH ?? '/');
// Separate caches let test and benchmark builds of other corpora run without touching the real one.
const cacheDir = process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir,
  // Several pages in flight at once, so social cards render in worker threads while other pages do.
  build: { format: 'directory', assets: '_assets', concurrency: 4 },
  devToolbar: { enabled: false },
  // Compiled MDX is kept in the cache, so a rebuild compiles only the posts that changed.
  vite: {
    plugins: [mdxCompileCache(join(cacheDir, 'mdx'), setupFingerprint(process.cwd()))],
    // Social cards are cached beside Astro's own cache: the card route reads the folder from here.
    define: { __CARD_CACHE_DIR__: JSON.stringify(resolve(cacheDir, 'og-cards')) },
  },
  markdown: {
    processor: unified({
      // The same typography as the default SmartyPants pass, minus its cost where nothing changes.
      smartypants: false,
      remarkPlugins: [remarkFastSmartypants],
      rehypePlugins: [
        rehypeSlug,
        // rehype-slug's ids, except where one is empty or taken by the page, a widget or a heading.
        rehypeHeadingIds,
        [
          rehypeAutolinkHeadings,
          {
            behavior: 'append',
            properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
            content: { type: 'text', value: '#' },
          },
        ],
      ],
    }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark-default' },
      defaultColor: 'light',
      wrap: false,
      // Reproducible highlighting: no per-line time limit (see the transformer).
      transformers: [untimedTokenizer],
    },
  },
  // Pagefind indexes the posts after every build, so each output folder carries its own index.
  // `optimize` turns each post's static HTML (most of it: prose, highlighted code) into one string
  // instead of thousands of JSX calls: smaller modules, less parsing, bundling and memory.
  integrations: [mdx({ optimize: true }), pagefindIndex()],
});

import { resolve } from 'node:path';
import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff?inline';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff?inline';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff?inline';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff?inline';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts, type Post } from '../../data/posts.ts';
import { type CardFont, cachedCard } from '../../lib/og/render.ts';
import { SITE } from '../../site.config.ts';

/** Vite inlines each font as a data: URL, so the build needs neither the network nor a path to node_modules. */
function fromDataUrl(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0)
    throw new Error('Expected a data: URL for an Inter font');
  return new Uint8Array(Buffer.from(url.slice(comma + 1), 'base64'));
}

const FONTS: CardFont[] = [
  { weight: 400, data: fromDataUrl(latin400) },
  { weight: 700, data: fromDataUrl(latin700) },
  { weight: 400, data: fromDataUrl(latinExt400) },
  { weight: 700, data: fromDataUrl(latinExt700) },
];

// Same default and variable as cacheDir in astro.config.mjs; cards live beside Astro's own cache.
const CACHE = resolve(process.env['ASTRO_CACHE_DIR'] ?? './node_modules/.astro', 'og-cards');

export const getStaticPaths = (async () =>
  (await getPosts()).map((post) => ({
    params: { id: post.id },
    props: { post },
  }))) satisfies GetStaticPaths;

/** A 1200×630 PNG social card per post, re-rendered only when its title, date or the layout change. */
export const GET: APIRoute<{ post: Post }> = async ({ props }) => {
  const { title, pubDate } = props.post.data;
  const { png } = await cachedCard({ title, date: pubDate, siteName: SITE.title }, FONTS, CACHE);
  return new Response(png.slice().buffer, { headers: { 'Content-Type': 'image/png' } });
};

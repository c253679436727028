import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { type CardPool, cardPool } from '../../build/og/card-pool.ts';
import { cardFamilies, fontFile, fontList } from '../../build/og/font-files.ts';
import { type CardFont, cachedCard } from '../../build/og/render.ts';
import { drawnTitle } from '../../core/og/card.ts';
import { planFonts } from '../../core/og/fonts.ts';
import { codePointLabel } from '../../core/text.ts';
import { getPosts, type Post } from '../../data/posts.ts';
import { SITE } from '../../site.config.ts';

// The build runs at the project root; fonts come from its node_modules, never the network.
const ROOT = process.cwd();
// satori uses one font per family name and weight, so only the Latin subset is "Inter"; the
// others are fallbacks under their own names.
const INTER = (subset: string, weight: 400 | 700): CardFont => {
  const file = join(
    ROOT,
    'node_modules/@fontsource/inter/files',
    `inter-${subset}-${weight}-normal.woff`,
  );
  return {
    weight,
    file,
    data: fontFile(file),
    ...(subset === 'latin' ? {} : { name: `inter-${subset}` }),
  };
};
/** Every card draws its site name, date and (usually) title with these. */
const BASE: CardFont[] = [
  INTER('latin', 400),
  INTER('latin', 700),
  INTER('latin-ext', 400),
  INTER('latin-ext', 700),
];
const FAMILIES = cardFamilies(ROOT, 700);

// Beside Astro's own cache, as astro.config.mjs sets it (vite.define).
declare const __CARD_CACHE_DIR__: string;
const CACHE = __CARD_CACHE_DIR__;

// Cards are the costliest pages (about 12 ms of CPU each): they render in worker threads, one per
// core, while the main thread renders other pages (astro.config.mjs sets build.concurrency).
let pool: CardPool | undefined;
const workers = () =>
  (pool ??= cardPool(
    join(ROOT, 'src/build/og/card-worker.ts'),
    Math.max(1, Math.min(4, availableParallelism())),
  ));

export const getStaticPaths = (async () =>
  (await getPosts()).map((post) => ({
    params: { id: post.id },
    props: { post },
  }))) satisfies GetStaticPaths;

/** A 1200×630 PNG social card per post, re-rendered only when its title, date or the layout change. */
export const GET: APIRoute<{ post: Post }> = async ({ props }) => {
  const { title, pubDate } = props.post.data;
  // Only the title can bring scripts beyond Latin; the extra subsets it needs are loaded for it alone.
  const plan = planFonts(`${drawnTitle(title)} ${SITE.title}`, FAMILIES);
  const inBase = new Set(BASE.map((f) => f.data));
  const extra = plan.files.filter((file) => !inBase.has(fontFile(file)));
  const missing = new Set(plan.missing);
  const card = { title, date: pubDate, siteName: SITE.title };
  const noGlyph = (text: string) => {
    for (const ch of text) missing.add(ch);
  };
  const file = props.post.filePath ?? props.post.id;
  const { png } = await cachedCard(card, fontList(BASE, extra), CACHE, noGlyph, (...args) =>
    workers().render(...args),
  ).catch((e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`${file}: the social card of "${title}" could not be drawn: ${why}`);
  });
  if (missing.size > 0) {
    const chars = [...missing].map((c) => `"${c}" (${codePointLabel(c)})`).join(', ');
    console.warn(`[og] ${file}: no card font draws ${chars}; its social card leaves them out`);
  }
  return new Response(png.slice().buffer, { headers: { 'Content-Type': 'image/png' } });
};

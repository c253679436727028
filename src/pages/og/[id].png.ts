import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts, type Post } from '../../data/posts.ts';
import { fitTitle } from '../../lib/og/card.ts';
import { cardFamilies, fontFile, fontList } from '../../lib/og/font-files.ts';
import { codePointLabel, planFonts } from '../../lib/og/fonts.ts';
import { type CardFont, cachedCard } from '../../lib/og/render.ts';
import { SITE } from '../../site.config.ts';

// The build runs at the project root; fonts come from its node_modules, never the network.
const ROOT = process.cwd();
const INTER = (subset: string, weight: 400 | 700): CardFont => ({
  weight,
  data: fontFile(
    join(ROOT, 'node_modules/@fontsource/inter/files', `inter-${subset}-${weight}-normal.woff`),
  ),
});
/** Every card draws its site name, date and (usually) title with these. */
const BASE: CardFont[] = [
  INTER('latin', 400),
  INTER('latin', 700),
  INTER('latin-ext', 400),
  INTER('latin-ext', 700),
];
const FAMILIES = cardFamilies(ROOT, 700);

// Same default and variable as cacheDir in astro.config.mjs; cards live beside Astro's own cache.
const CACHE = join(process.env['ASTRO_CACHE_DIR'] ?? join(ROOT, 'node_modules/.astro'), 'og-cards');

export const getStaticPaths = (async () =>
  (await getPosts()).map((post) => ({
    params: { id: post.id },
    props: { post },
  }))) satisfies GetStaticPaths;

/** A 1200×630 PNG social card per post, re-rendered only when its title, date or the layout change. */
export const GET: APIRoute<{ post: Post }> = async ({ props }) => {
  const { title, pubDate } = props.post.data;
  // Only the title can bring scripts beyond Latin; the extra subsets it needs are loaded for it alone.
  const plan = planFonts(`${fitTitle(title)} ${SITE.title}`, FAMILIES);
  const inBase = new Set(BASE.map((f) => f.data));
  const extra = plan.files.filter((file) => !inBase.has(fontFile(file)));
  const missing = new Set(plan.missing);
  const fonts = fontList(BASE, extra);
  const card = { title, date: pubDate, siteName: SITE.title };
  const { png } = await cachedCard(card, fonts, CACHE, (text) => {
    for (const ch of text) missing.add(ch);
  });
  if (missing.size > 0) {
    const chars = [...missing].map((c) => `"${c}" (${codePointLabel(c)})`).join(', ');
    console.warn(
      `[og] ${props.post.filePath ?? props.post.id}: no card font draws ${chars}; its social card leaves them out`,
    );
  }
  return new Response(png.slice().buffer, { headers: { 'Content-Type': 'image/png' } });
};

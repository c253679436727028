import type { APIRoute, GetStaticPaths } from 'astro';
import { feedTypeRules } from '../core/feeds/catalog.ts';
import { instanceOrigins } from '../core/replies/toot.ts';
import { headerRules, renderHeaders } from '../core/security.ts';
import { getPosts } from '../data/posts.ts';

// Astro skips files whose names start with "_", so `_headers` comes from a parameter.
export const getStaticPaths = (() => [
  { params: { headers: '_headers' } },
]) satisfies GetStaticPaths;

/** Security, caching and feed media-type headers for Netlify and Cloudflare Pages, at the build's root. */
export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const instances = instanceOrigins((await getPosts()).map((p) => p.data.fediverse));
  return new Response(
    renderHeaders([...headerRules(base, { instances }), ...feedTypeRules(base)]),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts } from '../data/posts.ts';
import { instanceOrigins } from '../lib/replies/toot.ts';
import { headerRules, renderHeaders } from '../lib/security.ts';

// Astro skips files whose names start with "_", so `_headers` comes from a parameter.
export const getStaticPaths = (() => [
  { params: { headers: '_headers' } },
]) satisfies GetStaticPaths;

/** Security and caching headers for Netlify and Cloudflare Pages, at the root of the build. */
export const GET: APIRoute = async () => {
  const instances = instanceOrigins((await getPosts()).map((p) => p.data.fediverse));
  return new Response(renderHeaders(headerRules(import.meta.env.BASE_URL, { instances })), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { headerRules, renderHeaders } from '../core/security.ts';

// Astro skips files whose names start with "_", so `_headers` comes from a parameter.
export const getStaticPaths = (() => [
  { params: { headers: '_headers' } },
]) satisfies GetStaticPaths;

/** Security and caching headers for Netlify and Cloudflare Pages, at the root of the build. */
export const GET: APIRoute = () =>
  new Response(renderHeaders(headerRules(import.meta.env.BASE_URL)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

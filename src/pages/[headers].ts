import type { APIRoute, GetStaticPaths } from 'astro';
import { feedTypeRules } from '../core/feeds/catalog.ts';
import { headerRules, renderHeaders } from '../core/security.ts';

// Astro skips files whose names start with "_", so `_headers` comes from a parameter.
export const getStaticPaths = (() => [
  { params: { headers: '_headers' } },
]) satisfies GetStaticPaths;

/** Security, caching and feed media-type headers for Netlify and Cloudflare Pages, at the build's root. */
export const GET: APIRoute = () =>
  new Response(
    renderHeaders([
      ...headerRules(import.meta.env.BASE_URL),
      ...feedTypeRules(import.meta.env.BASE_URL),
    ]),
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );

import type { APIRoute } from 'astro';
import { absolute, ROUTES } from '../data/urls.ts';

/** Allows everything and points crawlers at the sitemap. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(ROUTES.sitemap, site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

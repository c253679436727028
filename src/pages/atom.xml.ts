import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feeds.ts';
import { FEEDS } from '../lib/feeds/catalog.ts';

/** All posts, Atom 1.0. */
export const GET: APIRoute = ({ site }) => feedResponse(FEEDS[0]!, 'atom', site);

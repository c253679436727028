import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { getPosts } from '../../../data/posts.ts';
import { tagFeed } from '../../../lib/feeds/catalog.ts';
import { tagCounts } from '../../../lib/posts.ts';

export const getStaticPaths = (async () =>
  tagCounts(await getPosts()).map(({ tag }) => ({ params: { tag } }))) satisfies GetStaticPaths;

/** One tag's posts, RSS 2.0. */
export const GET: APIRoute = ({ params, site }) =>
  feedResponse(tagFeed(params.tag ?? ''), 'rss', site);

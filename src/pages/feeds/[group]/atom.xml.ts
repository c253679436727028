import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { groupFeed, groupFeeds } from '../../../lib/feeds/catalog.ts';

export const getStaticPaths = (() =>
  groupFeeds()
    .filter((spec) => spec.formats.includes('atom'))
    .map((spec) => ({ params: { group: spec.id } }))) satisfies GetStaticPaths;

/** A group feed (Planet KDE, Apple) in this format. */
export const GET: APIRoute = ({ params, site }) => {
  const spec = groupFeed(params.group ?? '');
  if (!spec) return new Response('No such feed', { status: 404 });
  return feedResponse(spec, 'atom', site);
};

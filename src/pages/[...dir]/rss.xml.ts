import { feedPaths, feedRoute } from '../../data/feeds.ts';

// Every feed of the catalogue published as rss; the catalogue decides the folders.
export const getStaticPaths = feedPaths('rss');

/** One feed file of the catalogue in this format. */
export const GET = feedRoute('rss');

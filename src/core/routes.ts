/**
 * Every site-relative path the site writes, in one place: pages, listings, feeds and their
 * archives, social cards, chart and QR images, the search index and the files hosts read. A path
 * here has no leading slash; `href()` and `absolute()` in src/data/urls.ts put the base path (and
 * the origin) in front. A route file in src/pages/ builds the file at the same path.
 */

/** The fixed pages and files of the site. */
export const ROUTES = {
  home: '',
  archive: 'archive/',
  about: 'about/',
  tags: 'tags/',
  search: 'search/',
  sitemap: 'sitemap.xml',
  pagefind: 'pagefind/',
  planetKdeFeeds: 'feeds/planet-kde/',
  appleFeeds: 'feeds/apple/',
  hostapdJoinExample: 'hostapd/join-example.svg',
} as const;

/** The page of a post. */
export function postPath(id: string): string {
  return `posts/${id}/`;
}

/** The first listing page of a tag (its feed lives beside it). */
export function tagPath(tag: string): string {
  return `tags/${tag}/`;
}

/** Page `n` of a listing whose first page is at `first`: page 1 keeps that URL. */
export function listingPagePath(first: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`A page number is 1 or more (got ${n})`);
  return n === 1 ? first : `${first}page/${n}/`;
}

/** Archive `n` (numbered from the oldest post) of the feed in folder `feedDir`. */
export function feedArchiveDir(feedDir: string, n: number): string {
  return `${feedDir}feed-archive/${n}/`;
}

/** The social card of a post. */
export function ogImagePath(postId: string): string {
  return `og/${postId}.png`;
}

/** The chart image of a load-simulator preset, for feeds. */
export function chartImagePath(presetId: string): string {
  return `charts/load-average-${presetId}.svg`;
}

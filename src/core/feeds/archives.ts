import type { PostMeta } from '../posts.ts';
import { feedArchiveDir } from '../routes.ts';
import { type FeedFormat, type FeedSpec, FORMATS, selectForFeed } from './catalog.ts';

/**
 * RFC 5005 (Feed Paging and Archiving) for the catalogue's feeds. The current feed carries the
 * newest `size` posts; every older post is in exactly one archive document. Archives are numbered
 * from the oldest post and each holds `size` posts (the newest one fewer until it fills), so a new
 * post changes only the current feed and the newest archive: an archive that is full never changes
 * again, and readers may cache it for ever.
 */

/** The Feed History namespace of RFC 5005, for `fh:archive` and `fh:complete`. */
export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0';

/** How a feed's published posts split into the current document and its archives. */
export interface FeedPages<P> {
  /** The newest posts, newest first: the current feed document. */
  readonly current: P[];
  /** The archives, oldest first (archives[0] is archive 1); each newest first, like a feed. */
  readonly archives: P[][];
}

/** Splits the posts a feed includes (given newest first) into the current document and its archives. */
export function feedPages<P extends PostMeta>(
  spec: FeedSpec,
  newestFirst: readonly P[],
  size: number,
): FeedPages<P> {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`A feed page must hold a whole number of posts, at least 1 (got ${size})`);
  }
  const all = selectForFeed(spec, newestFirst);
  const older = all.slice(size).reverse();
  const archives: P[][] = [];
  for (let i = 0; i < older.length; i += size) archives.push(older.slice(i, i + size).reverse());
  return { current: all.slice(0, size), archives };
}

/** The site-relative folder of archive `n` (from 1) of a feed. */
export function archiveDir(spec: FeedSpec, n: number): string {
  return feedArchiveDir(spec.dir, n);
}

/** The site-relative path of archive `n` (from 1) of a feed in one format: same file name as the feed. */
export function archivePath(spec: FeedSpec, format: FeedFormat, n: number): string {
  return `${archiveDir(spec, n)}${FORMATS[format].file}`;
}

/** What one feed document says about its place in the feed's history (all URLs absolute). */
export interface FeedHistory {
  /** The document is an archive (`fh:archive`): it never changes once full. */
  readonly archive: boolean;
  /** The document is the current feed and carries every post (`fh:complete`): there are no archives. */
  readonly complete: boolean;
  /** The next older archive (`rel="prev-archive"`, JSON Feed `next_url`), if any. */
  readonly prevArchive?: string | undefined;
  /** The current feed (`rel="current"`), in archives only. */
  readonly current?: string | undefined;
}

/**
 * The history links of one document of a feed: `page` 0 is the current feed, `n` ≥ 1 archive n of
 * `archiveCount`. `url` makes a site-relative path absolute.
 */
export function historyOf(
  spec: FeedSpec,
  format: FeedFormat,
  page: number,
  archiveCount: number,
  url: (path: string) => string,
): FeedHistory {
  if (!Number.isInteger(page) || page < 0 || page > archiveCount) {
    throw new Error(`A feed has pages 0 (current) to ${archiveCount}; got ${page}`);
  }
  const prev = page === 0 ? archiveCount : page - 1;
  return {
    archive: page > 0,
    complete: page === 0 && archiveCount === 0,
    prevArchive: prev >= 1 ? url(archivePath(spec, format, prev)) : undefined,
    current: page > 0 ? url(`${spec.dir}${FORMATS[format].file}`) : undefined,
  };
}

/**
 * The Subscribe page's sentence about a feed's archives, given the absolute URLs of its archives in
 * one format (oldest first), or '' when it has none: one sentence, not a wall of links.
 */
export function archivesText(urls: readonly string[], size: number): string {
  const first = urls[0];
  const last = urls.at(-1);
  if (first === undefined || last === undefined) return '';
  const each = `${size.toLocaleString('en')} posts each`;
  const where =
    urls.length === 1
      ? `one archive, ${first}`
      : `${urls.length.toLocaleString('en')} archives of ${each}, from ${first} (the oldest) to ${last}`;
  return `Older posts are in ${where}; the other formats’ archives have the same names, and readers that support RFC 5005 follow them from the feed.`;
}

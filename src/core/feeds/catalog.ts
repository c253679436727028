import type { PostMeta } from '../posts.ts';
import { ROUTES, tagPath } from '../routes.ts';

/** The formats a feed can be published in, each with its file name and MIME type. */
export const FORMATS = {
  rss: { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS 2.0', name: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom 1.0', name: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed', name: 'JSON Feed' },
} as const;

/**
 * The `_headers` rules that declare each feed file's media type, under `base`: the feed and its
 * archives share a file name. Static hosts guess types from the extension (`.xml` as text/xml or
 * application/xml, `.json` as application/json); the registered types tell readers what they hold.
 */
export function feedTypeRules(base: string): {
  pattern: string;
  headers: (readonly [string, string])[];
}[] {
  return Object.values(FORMATS).flatMap(({ file, type }) =>
    [`${base}${file}`, `${base}*/${file}`].map((pattern) => ({
      pattern,
      headers: [['Content-Type', `${type}; charset=utf-8`] as const],
    })),
  );
}

/** One of the feed formats. */
export type FeedFormat = keyof typeof FORMATS;

/** A feed: which posts it carries, where it lives and how it introduces itself. */
export interface FeedSpec {
  /** Stable identifier, also the URL segment for group feeds. */
  readonly id: string;
  /** Site-relative folder of the feed files ("" for the site root). */
  readonly dir: string;
  /** Formats published for this feed. */
  readonly formats: readonly FeedFormat[];
  /** What the feed holds, appended to the site title ("… — KDE posts"). */
  readonly label: string;
  /** Sentence for the feed description and the Subscribe page. */
  readonly description: string;
  /** Whether a post belongs in this feed. */
  readonly includes: (post: PostMeta) => boolean;
}

const hasTag = (post: PostMeta, tag: string) => post.data.tags.includes(tag);

/** The site's fixed feeds; adding one here adds its files, its autodiscovery links and its Subscribe entry. */
export const FEEDS: readonly FeedSpec[] = [
  {
    id: 'all',
    dir: '',
    formats: ['rss', 'atom', 'json'],
    label: 'all posts',
    description: 'Every post, in full: KDE sysadmin work, Linux, and Apple reverse engineering.',
    includes: () => true,
  },
  {
    id: 'planet-kde',
    dir: ROUTES.planetKdeFeeds,
    formats: ['rss', 'atom'],
    label: 'KDE posts',
    description:
      'Only the posts tagged kde, for Planet KDE. Apple reverse-engineering posts never appear here.',
    // The Apple posts stay off Planet KDE even if one is ever also tagged kde.
    includes: (post) => hasTag(post, 'kde') && !hasTag(post, 'apple'),
  },
  {
    id: 'apple',
    dir: ROUTES.appleFeeds,
    formats: ['rss', 'atom'],
    label: 'Apple posts',
    description: 'Only the posts tagged apple: iOS internals, protocols and reverse engineering.',
    includes: (post) => hasTag(post, 'apple'),
  },
];

/** The RSS feed of one tag, at /tags/<tag>/rss.xml. */
export function tagFeed(tag: string): FeedSpec {
  return {
    id: `tag-${tag}`,
    dir: tagPath(tag),
    formats: ['rss'],
    label: `posts tagged ${tag}`,
    description: `Every post tagged ${tag}.`,
    includes: (post) => hasTag(post, tag),
  };
}

/** The site-wide feed (the one at the root), which every page announces. */
export function siteFeed(): FeedSpec {
  const spec = FEEDS.find((f) => f.dir === '');
  if (!spec) throw new Error('The feed catalogue needs one feed with dir "" (the site-wide feed)');
  return spec;
}

/** Every feed a build publishes: the catalogue's fixed feeds, then one per tag in use. */
export function allFeeds(tags: readonly string[]): FeedSpec[] {
  return [...FEEDS, ...tags.map(tagFeed)];
}

/**
 * The value of the `[...dir]` parameter of the per-format feed routes for this feed: its folder
 * without the trailing slash, or undefined for the site root (a rest parameter may match nothing).
 */
export function routeDir(spec: FeedSpec): string | undefined {
  return spec.dir.replace(/\/$/, '') || undefined;
}

/** Site-relative path of a feed file. */
export function feedPath(spec: FeedSpec, format: FeedFormat): string {
  return `${spec.dir}${FORMATS[format].file}`;
}

/**
 * The posts a feed carries: the first `limit` (the newest, for a newest-first list) of the
 * published posts it includes, in the order given.
 */
export function selectForFeed<P extends PostMeta>(
  spec: FeedSpec,
  posts: readonly P[],
  limit = Number.POSITIVE_INFINITY,
): P[] {
  if (!(limit >= 1)) throw new Error(`A feed must carry at least 1 post (limit is ${limit})`);
  const out: P[] = [];
  for (const p of posts) {
    if (out.length >= limit) break;
    if (!p.data.draft && spec.includes(p)) out.push(p);
  }
  return out;
}

/** What the Subscribe page says a feed holds, given how many posts it includes and its cap. */
export function carriesText(total: number, limit: number): string {
  const posts = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'post' : 'posts'}`;
  if (total > limit) return `Carries the newest ${limit.toLocaleString('en')} of ${posts(total)}.`;
  const kept = `it keeps the newest ${limit.toLocaleString('en')}`;
  if (total === 0) return `Carries no posts yet (${kept}).`;
  return `Carries ${total === 1 ? 'the one post' : `all ${posts(total)}`} so far (${kept}).`;
}

/** The group feeds (besides the site-wide one) that carry this post: for its page's autodiscovery links. */
export function groupFeedsOf(post: PostMeta): FeedSpec[] {
  return FEEDS.filter((f) => f.dir !== '' && f.includes(post));
}

/** Autodiscovery entries (path, MIME type, title) for a feed in every format it has. */
export function alternatesOf(
  spec: FeedSpec,
  siteTitle: string,
): { path: string; type: string; title: string }[] {
  return spec.formats.map((format) => ({
    path: feedPath(spec, format),
    type: FORMATS[format].type,
    title: `${feedTitle(spec, siteTitle)} (${FORMATS[format].label})`,
  }));
}

/** The feed's title as readers show it. */
export function feedTitle(spec: FeedSpec, siteTitle: string): string {
  return spec.id === 'all' ? siteTitle : `${siteTitle} — ${spec.label}`;
}

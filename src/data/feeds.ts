import { render } from 'astro:content';
import mdxRenderer from '@astrojs/mdx/server.js';
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { archiveDir, archivePath, feedPages, historyOf } from '../core/feeds/archives.ts';
import {
  allFeeds,
  type FeedFormat,
  type FeedSpec,
  FORMATS,
  feedPath,
  feedTitle,
  routeDir,
} from '../core/feeds/catalog.ts';
import { toFeedHtml } from '../core/feeds/content.ts';
import {
  type FeedChannel,
  type FeedEntry,
  renderAtom,
  renderJson,
  renderRss,
} from '../core/feeds/render.ts';
import { tagCounts } from '../core/posts.ts';
import { feedLineHtml } from '../core/replies/view.ts';
import { LIMITS, SITE } from '../site.config.ts';
import { getPosts, type Post } from './posts.ts';
import { repliesOf } from './replies.ts';
import { absolute, href, postPath, tagPath } from './urls.ts';

let container: AstroContainer | undefined;
// The page URL is fixed per post within a build, so the post id alone keys the cache.
const feedHtmlCache = new Map<string, Promise<string>>();

/**
 * The post rendered through Astro's container API and made feed-safe, once per build however many
 * feeds (site, group, tags) carry it.
 */
function feedHtml(post: Post, pageUrl: string): Promise<string> {
  let cached = feedHtmlCache.get(post.id);
  if (!cached) {
    cached = (async () => {
      if (!container) {
        container = await AstroContainer.create();
        container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
      }
      const { Content } = await render(post);
      return toFeedHtml(await container.renderToString(Content), { pageUrl });
    })();
    feedHtmlCache.set(post.id, cached);
  }
  return cached;
}

async function entryOf(post: Post, site: URL | undefined): Promise<FeedEntry> {
  const url = absolute(postPath(post.id), site);
  const replies = repliesOf(post);
  // Only the count and the link: the replies themselves stay on the page, under their sanitiser.
  const repliesLine = replies ? feedLineHtml(replies.replies.length, url, replies.toot) : '';
  return {
    title: post.data.title,
    url,
    summary: post.data.description,
    html: (await feedHtml(post, url)) + repliesLine,
    published: post.data.pubDate,
    updated: post.data.updatedDate,
    tags: post.data.tags.map((name) => ({ name, url: absolute(tagPath(name), site) })),
  };
}

const RENDER = { rss: renderRss, atom: renderAtom, json: renderJson } as const;

/** Renders one feed document (`page` 0 the current feed, n ≥ 1 archive n) as an HTTP response. */
export async function feedResponse(
  spec: FeedSpec,
  format: FeedFormat,
  site: URL | undefined,
  page = 0,
): Promise<Response> {
  const pages = feedPages(spec, await getPosts(), LIMITS.feedPosts);
  const posts = page === 0 ? pages.current : pages.archives[page - 1];
  if (!posts) throw new Error(`${feedPath(spec, format)} has no archive ${page}`);
  const entries = await Promise.all(posts.map((p) => entryOf(p, site)));
  const url = (path: string) => absolute(path, site);
  const channel: FeedChannel = {
    title: feedTitle(spec, SITE.title),
    description: spec.description,
    siteUrl: absolute('', site),
    selfUrl: url(page === 0 ? feedPath(spec, format) : archivePath(spec, format, page)),
    language: SITE.lang,
    author: SITE.author,
    icon: absolute('icon.png', site),
    favicon: absolute('favicon.svg', site),
    // Same-origin by construction: browsers refuse an XSLT stylesheet from another origin.
    stylesheet: format === 'json' ? undefined : href('feed.xsl'),
    fallbackDate: new Date(Date.UTC(2021, 0, 1)),
    history: historyOf(spec, format, page, pages.archives.length, url),
  };
  const body = RENDER[format](channel, entries);
  return new Response(body, {
    headers: { 'Content-Type': `${FORMATS[format].type}; charset=utf-8` },
  });
}

/**
 * The `getStaticPaths` of a format's route: every feed of the catalogue published in that format,
 * and each of its archives (whose folder, below the feed's, is the same route's `dir`).
 */
export function feedPaths(format: FeedFormat): GetStaticPaths {
  return async () => {
    const posts = await getPosts();
    const tags = tagCounts(posts).map(({ tag }) => tag);
    return allFeeds(tags)
      .filter((spec) => spec.formats.includes(format))
      .flatMap((spec) => {
        const count = feedPages(spec, posts, LIMITS.feedPosts).archives.length;
        const archives = Array.from({ length: count }, (_, i) => ({
          params: { dir: archiveDir(spec, i + 1).replace(/\/$/, '') },
          props: { spec, page: i + 1 },
        }));
        return [{ params: { dir: routeDir(spec) }, props: { spec, page: 0 } }, ...archives];
      });
  };
}

/** The `GET` of a format's route: renders the feed document its `getStaticPaths` entry names. */
export function feedRoute(format: FeedFormat): APIRoute<{ spec: FeedSpec; page: number }> {
  return ({ props, site }) => feedResponse(props.spec, format, site, props.page);
}

import { render } from 'astro:content';
import mdxRenderer from '@astrojs/mdx/server.js';
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import {
  allFeeds,
  type FeedFormat,
  type FeedSpec,
  FORMATS,
  feedPath,
  feedTitle,
  routeDir,
  selectForFeed,
} from '../lib/feeds/catalog.ts';
import { toFeedHtml } from '../lib/feeds/content.ts';
import {
  type FeedChannel,
  type FeedEntry,
  renderAtom,
  renderJson,
  renderRss,
} from '../lib/feeds/render.ts';
import { tagCounts } from '../lib/posts.ts';
import { feedLineHtml } from '../lib/replies/view.ts';
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

/** Renders one feed file as an HTTP response for a static endpoint. */
export async function feedResponse(
  spec: FeedSpec,
  format: FeedFormat,
  site: URL | undefined,
): Promise<Response> {
  const posts = selectForFeed(spec, await getPosts(), LIMITS.feedPosts);
  const entries = await Promise.all(posts.map((p) => entryOf(p, site)));
  const channel: FeedChannel = {
    title: feedTitle(spec, SITE.title),
    description: spec.description,
    siteUrl: absolute('', site),
    selfUrl: absolute(feedPath(spec, format), site),
    language: SITE.lang,
    author: SITE.author,
    icon: absolute('icon.png', site),
    favicon: absolute('favicon.svg', site),
    // Same-origin by construction: browsers refuse an XSLT stylesheet from another origin.
    stylesheet: format === 'json' ? undefined : href('feed.xsl'),
    fallbackDate: new Date(Date.UTC(2021, 0, 1)),
  };
  const body = RENDER[format](channel, entries);
  const type = format === 'json' ? FORMATS.json.type : 'application/xml';
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** The `getStaticPaths` of a format's route: every feed of the catalogue published in that format. */
export function feedPaths(format: FeedFormat): GetStaticPaths {
  return async () => {
    const tags = tagCounts(await getPosts()).map(({ tag }) => tag);
    return allFeeds(tags)
      .filter((spec) => spec.formats.includes(format))
      .map((spec) => ({ params: { dir: routeDir(spec) }, props: { spec } }));
  };
}

/** The `GET` of a format's route: renders the feed its `getStaticPaths` entry names. */
export function feedRoute(format: FeedFormat): APIRoute<{ spec: FeedSpec }> {
  return ({ props, site }) => feedResponse(props.spec, format, site);
}

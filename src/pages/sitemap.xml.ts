import type { APIRoute } from 'astro';
import { lastModified, tagCounts, withTag } from '../core/posts.ts';
import { renderSitemap } from '../core/sitemap.ts';
import { homePages, type PostPage, tagPages } from '../data/listings.ts';
import { getPosts } from '../data/posts.ts';
import { absolute, postPath, ROUTES, tagPath } from '../data/urls.ts';

/** Every indexable page: home, listings, posts and tag pages, with their last change. */
export const GET: APIRoute = async ({ site }) => {
  const posts = await getPosts();
  const newest = lastModified(posts);
  // Listing pages after the first, each dated by the newest post it lists.
  const older = (pages: PostPage[]) =>
    pages.slice(1).map((p) => ({ loc: absolute(p.path, site), lastmod: lastModified(p.items) }));
  const entries = [
    { loc: absolute('', site), lastmod: newest },
    { loc: absolute(ROUTES.archive, site), lastmod: newest },
    { loc: absolute(ROUTES.about, site) },
    { loc: absolute(ROUTES.tags, site), lastmod: newest },
    ...posts.map((p) => ({
      loc: absolute(postPath(p.id), site),
      lastmod: p.data.updatedDate ?? p.data.pubDate,
    })),
    ...tagCounts(posts).map(({ tag }) => ({
      loc: absolute(tagPath(tag), site),
      lastmod: lastModified(withTag(posts, tag)),
    })),
    ...older(await homePages()),
    ...(await tagPages()).flatMap(({ pages }) => older(pages)),
  ];
  return new Response(renderSitemap(entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

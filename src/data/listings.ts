import { type ListingPage, paginate } from '../core/pagination.ts';
import { tagCounts, withTag } from '../core/posts.ts';
import { LIMITS } from '../site.config.ts';
import { getPosts, type Post } from './posts.ts';
import { tagPath } from './urls.ts';

/** A page of posts. */
export type PostPage = ListingPage<Post>;

/** The home page's listing, page by page: the newest posts first, `LIMITS.postsPerPage` a page. */
export async function homePages(): Promise<PostPage[]> {
  return paginate(await getPosts(), LIMITS.postsPerPage, '');
}

/** Every tag in use with its listing, page by page. */
export async function tagPages(): Promise<{ tag: string; pages: PostPage[] }[]> {
  const posts = await getPosts();
  return tagCounts(posts).map(({ tag }) => ({
    tag,
    pages: paginate(withTag(posts, tag), LIMITS.postsPerPage, tagPath(tag)),
  }));
}

import { type CollectionEntry, getCollection } from 'astro:content';
import { selectPosts } from '../core/posts.ts';

/** A post entry from the content collection. */
export type Post = CollectionEntry<'posts'>;

/** The one list every page, feed and the sitemap read: drafts only in `astro dev`, newest first. */
export async function getPosts(): Promise<Post[]> {
  return selectPosts(await getCollection('posts'), { includeDrafts: import.meta.env.DEV });
}

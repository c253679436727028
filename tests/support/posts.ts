import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './site.ts';

/** The folder of the real posts. */
export const POSTS_DIR = join(ROOT, 'content/posts');

/** What the tests need to know of a post, read from its source rather than written into a test. */
export interface SourcePost {
  /** The file name without `.mdx`: the post's URL segment. */
  readonly slug: string;
  readonly file: string;
  readonly title: string;
  /** YYYY-MM-DD, as written. */
  readonly pubDate: string;
  readonly tags: readonly string[];
  readonly draft: boolean;
}

/** Reads the frontmatter of every `.mdx` directly in a folder. */
export function sourcePosts(dir = POSTS_DIR): SourcePost[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = join(dir, f);
      const head = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'));
      if (!head) throw new Error(`${relative(ROOT, file)} has no frontmatter`);
      const data = parse(head[1] ?? '') as Record<string, unknown>;
      const date = data['pubDate'];
      return {
        slug: f.replace(/\.mdx$/, ''),
        file,
        title: String(data['title']),
        pubDate: date instanceof Date ? date.toISOString().slice(0, 10) : String(date),
        tags: (data['tags'] as string[] | undefined) ?? [],
        draft: data['draft'] === true,
      };
    });
}

/** The published posts of a folder, newest first (ties by slug), as every listing orders them. */
export function publishedPosts(dir = POSTS_DIR): SourcePost[] {
  return sourcePosts(dir)
    .filter((p) => !p.draft)
    .sort((a, b) => b.pubDate.localeCompare(a.pubDate) || a.slug.localeCompare(b.slug, 'en'));
}

import { defineCollection } from 'astro:content';
import { frontmatterSchema } from './core/frontmatter.ts';
import { postsLoader } from './data/posts-loader.ts';

const posts = defineCollection({
  // POSTS_DIR lets tests and the benchmark build another corpus with the same code.
  loader: postsLoader(process.env['POSTS_DIR'] ?? './content/posts'),
  // The loader checks each post with this same schema first, to name the file in every message.
  schema: frontmatterSchema({ maxYear: new Date().getUTCFullYear() + 1 }),
});

export const collections = { posts };

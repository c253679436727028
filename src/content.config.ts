import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { TAG_PATTERN } from './lib/posts.ts';

const posts = defineCollection({
  // POSTS_DIR lets tests and the benchmark build another corpus with the same code.
  loader: glob({ pattern: '**/*.mdx', base: process.env['POSTS_DIR'] ?? './content/posts' }),
  schema: z
    .object({
      /** Headline shown on the post page, in listings and in feeds. */
      title: z.string().trim().min(1, 'title must not be empty'),
      /** One or two sentences for listings, meta description and feed summaries. */
      description: z.string().trim().min(1, 'description must not be empty').max(200),
      /** First publication date, YYYY-MM-DD. */
      pubDate: z.coerce.date({ error: 'pubDate must be a date such as 2021-06-06' }),
      /** Date of the last meaningful edit, if any; never before pubDate. */
      updatedDate: z.coerce
        .date({ error: 'updatedDate must be a date such as 2021-06-06' })
        .optional(),
      /** Lower-case kebab-case tags; `kde` posts go to Planet KDE, `apple` posts to the Apple feed. */
      tags: z
        .array(
          z
            .string()
            .regex(
              TAG_PATTERN,
              'each tag must be lower-case kebab-case, e.g. "reverse-engineering"',
            ),
        )
        .min(1, 'tags must list at least one tag'),
      /** Drafts show up in `npm run dev` only: never in the build, listings, sitemap or feeds. */
      draft: z.boolean().default(false),
    })
    .strict()
    .refine((p) => !p.updatedDate || p.updatedDate >= p.pubDate, {
      message: 'updatedDate must not be earlier than pubDate',
      path: ['updatedDate'],
    }),
});

export const collections = { posts };

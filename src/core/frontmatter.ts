import { z } from 'zod/v4';
import { acceptedDates, parsePostDate } from './dates.ts';
import { TAG_PATTERN } from './posts.ts';
import { parseToot } from './replies/toot.ts';
import { collapseSpacing, textProblem } from './text.ts';

/** The fields a post's frontmatter may have, for the messages that list them. */
export const FIELDS = [
  'title',
  'description',
  'pubDate',
  'updatedDate',
  'tags',
  'draft',
  'fediverse',
] as const;

/** Longest title, in characters: one or two lines of a listing, a feed reader's headline, the card. */
export const MAX_TITLE = 120;

/** Longest description, in characters: listings and search results show it whole. */
export const MAX_DESCRIPTION = 200;

/** The message for a value of the wrong type: "is required" when it is missing. */
function typeError(field: string, expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `${field}: is required`
      : `${field}: must be ${expected}; got ${show(issue.input)}`;
}

/** A title or description: text, spacing collapsed, no control character, something visible. */
function shownText(field: string, max?: number) {
  return z
    .string({ error: typeError(field, 'text') })
    .transform(collapseSpacing)
    .superRefine((text, ctx) => {
      const problem = textProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field}: ${problem}` });
      else if (max !== undefined && text.length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${field}: must be at most ${max} characters; got ${text.length}`,
        });
      }
    });
}

/** A date written as text (YAML 1.2 leaves dates unparsed), checked to exist and lie in range. */
function postDate(field: string, maxYear: number) {
  return z.string({ error: typeError(field, acceptedDates(maxYear)) }).transform((text, ctx) => {
    const parsed = parsePostDate(text, maxYear);
    if ('date' in parsed) return parsed.date;
    ctx.addIssue({
      code: 'custom',
      message: `${field}: ${show(text)} ${parsed.error}; write ${acceptedDates(maxYear)}`,
    });
    return z.NEVER;
  });
}

/** A value as the author wrote it, for messages. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? String(value);
}

/**
 * The posts' frontmatter schema. Dates arrive as the text the author wrote (the loader reads YAML
 * 1.2, which has no date type), so an impossible day is refused instead of rolled over; `maxYear`
 * (next year, at build time) bounds them.
 */
export function frontmatterSchema(options: { maxYear: number }) {
  return z
    .object({
      /** Headline shown on the post page, in listings and in feeds. */
      title: shownText('title', MAX_TITLE),
      /** One or two sentences for listings, meta description and feed summaries. */
      description: shownText('description', MAX_DESCRIPTION),
      /** First publication date. */
      pubDate: postDate('pubDate', options.maxYear),
      /** Date of the last meaningful edit, if any; never before pubDate. */
      updatedDate: postDate('updatedDate', options.maxYear).optional(),
      /** Lower-case kebab-case tags; `kde` posts go to Planet KDE, `apple` posts to the Apple feed. */
      tags: z
        .array(
          z
            .string({ error: typeError('tags', 'a list of words such as [kde, sysadmin]') })
            .regex(TAG_PATTERN, {
              error: (i) =>
                `tags: ${show(i.input)} is not lower-case kebab-case; write tags such as "reverse-engineering"`,
            }),
          { error: typeError('tags', 'a list such as [kde, sysadmin]') },
        )
        .min(1, 'tags: must list at least one tag'),
      /** Drafts show up in `npm run dev` only: never in the build, listings, sitemap or feeds. */
      draft: z.boolean({ error: typeError('draft', 'true or false') }).default(false),
      /** The toot that announces the post: its replies are shown under it (`npm run replies`). */
      fediverse: z
        .unknown()
        .transform((value, ctx) => {
          const parsed = parseToot(value);
          if ('toot' in parsed) return parsed.toot;
          ctx.addIssue({ code: 'custom', message: `fediverse: ${parsed.error}` });
          return z.NEVER;
        })
        .optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      if (p.updatedDate && p.pubDate && p.updatedDate < p.pubDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message: 'updatedDate: must not be earlier than pubDate',
        });
      }
    });
}

/** The validated frontmatter of one post. */
export type Frontmatter = z.output<ReturnType<typeof frontmatterSchema>>;

/** One message per problem, each naming the field, with the fields allowed where one is unknown. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        key === 'slug'
          ? 'slug: is not a field: the URL comes from the file name (content/posts/<slug>.mdx is /posts/<slug>/); rename the file instead'
          : `${key}: is not a field; allowed: ${FIELDS.join(', ')}`,
      );
    }
    const field = String(issue.path[0] ?? 'frontmatter');
    return [issue.message.startsWith(`${field}:`) ? issue.message : `${field}: ${issue.message}`];
  });
}

// Building a schema costs far more than using it, and a build checks every post with the same one.
const schemas = new Map<number, ReturnType<typeof frontmatterSchema>>();

/**
 * Validates one post's frontmatter: the data, or every problem as "file: field: message" lines. The
 * loader calls this for each post; tests call it directly.
 */
export function checkFrontmatter(
  file: string,
  data: unknown,
  options: { maxYear: number },
): { data: Frontmatter } | { problems: string[] } {
  let schema = schemas.get(options.maxYear);
  if (!schema) {
    schema = frontmatterSchema(options);
    schemas.set(options.maxYear, schema);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { data: parsed.data };
  return { problems: describeIssues(parsed.error.issues).map((m) => `${file}: ${m}`) };
}

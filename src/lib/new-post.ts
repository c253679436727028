import { TAG_PATTERN } from './posts.ts';

/** Longest slug the generator makes; longer titles are cut at a word boundary. */
export const MAX_SLUG = 60;

/** Placeholder description: valid for the schema and obviously unfinished. */
export const DEFAULT_DESCRIPTION = 'TODO: one sentence for listings and feeds.';

/** Placeholder tag list, valid for the schema; drafts are never published, so it shows nowhere. */
export const DEFAULT_TAGS: readonly string[] = ['todo'];

/** A lower-case, ASCII, kebab-case file name for a title: "Łódź’s café & bar!" → "lodzs-cafe-bar". */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    // An apostrophe joins a word ("what's" → "whats"), it does not split it.
    .replace(/['’‘`]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > 0 ? cut.slice(0, dash) : slug.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

/** A date as YYYY-MM-DD in the local time zone: "today" is the author's today, not UTC's. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a new post starts with. */
export interface NewPost {
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
}

/** Usage text for the command line. */
export const USAGE =
  'Usage: npm run new-post -- "Post title" [--tags kde,sysadmin] [--description "One sentence."]';

/** Reads the command line: the title, then optional --tags and --description. */
export function parseArgs(argv: readonly string[]): { post: NewPost } | { error: string } {
  const words: string[] = [];
  let tags: readonly string[] = DEFAULT_TAGS;
  let description = DEFAULT_DESCRIPTION;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const [flag, inline] =
      arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (flag === '--tags' || flag === '--description') {
      const value = inline ?? argv[++i];
      if (value === undefined) return { error: `${flag} needs a value` };
      if (flag === '--tags')
        tags = value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
      else description = value.trim();
    } else if (arg.startsWith('--')) {
      return { error: `unknown option ${arg}; allowed: --tags, --description` };
    } else words.push(arg);
  }
  const title = words.join(' ').replace(/\s+/g, ' ').trim();
  if (title === '') return { error: 'title is missing: give the post title in quotes' };
  if (slugify(title) === '') {
    return {
      error: `title must contain a letter or digit to make a file name; got ${JSON.stringify(title)}`,
    };
  }
  if (tags.length === 0)
    return { error: 'tags must list at least one tag, e.g. --tags kde,sysadmin' };
  const bad = tags.find((t) => !TAG_PATTERN.test(t));
  if (bad !== undefined) {
    return {
      error: `tag ${JSON.stringify(bad)} is not lower-case kebab-case, e.g. "reverse-engineering"`,
    };
  }
  if (description === '') return { error: 'description must not be empty' };
  if (description.length > 200) {
    return { error: `description must be at most 200 characters; got ${description.length}` };
  }
  return { post: { title, description, tags } };
}

/**
 * The new file's text: frontmatter the posts schema accepts (strings double-quoted, since JSON
 * strings are valid YAML), marked as a draft, dated `date`, then a one-line placeholder body.
 */
export function postSource(post: NewPost, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`date must be YYYY-MM-DD; got ${JSON.stringify(date)}`);
  return [
    '---',
    `title: ${JSON.stringify(post.title)}`,
    `description: ${JSON.stringify(post.description)}`,
    `pubDate: ${date}`,
    `tags: [${post.tags.join(', ')}]`,
    'draft: true',
    '---',
    '',
    'Write here. `npm run dev` shows this draft, marked “(draft)”; remove `draft: true` to publish it.',
    '',
  ].join('\n');
}

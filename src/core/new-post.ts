import { MAX_DESCRIPTION, MAX_TITLE } from './frontmatter.ts';
import { slugify } from './post-files.ts';
import { TAG_PATTERN } from './posts.ts';
import { collapseSpacing, textProblem } from './text.ts';

/** Longest slug the generator makes; longer titles are cut at a word boundary. */
export const MAX_SLUG = 60;

/** Placeholder description: valid for the schema and obviously unfinished. */
export const DEFAULT_DESCRIPTION = 'TODO: one sentence for listings and feeds.';

/** Placeholder tag list, valid for the schema; drafts are never published, so it shows nowhere. */
export const DEFAULT_TAGS: readonly string[] = ['todo'];

/**
 * The file name (without .mdx) for a title: its slug in any script (see slugify), cut at a word
 * boundary after MAX_SLUG characters.
 */
export function fileSlug(title: string): string {
  const slug = slugify(title);
  const chars = [...slug];
  if (chars.length <= MAX_SLUG) return slug;
  const cut = chars.slice(0, MAX_SLUG + 1).join('');
  const dash = cut.lastIndexOf('-');
  return (dash > 0 ? cut.slice(0, dash) : chars.slice(0, MAX_SLUG).join('')).replace(/-+$/, '');
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
      else description = collapseSpacing(value);
    } else if (arg.startsWith('--')) {
      return { error: `unknown option ${arg}; allowed: --tags, --description` };
    } else words.push(arg);
  }
  const title = collapseSpacing(words.join(' '));
  if (title === '') return { error: 'title is missing: give the post title in quotes' };
  const titleProblem = textProblem(title);
  if (titleProblem) return { error: `title ${titleProblem}` };
  if (title.length > MAX_TITLE) {
    return { error: `title must be at most ${MAX_TITLE} characters; got ${title.length}` };
  }
  if (slugify(title) === '') {
    return {
      error: `title needs a letter or digit (in any script) to make the file name from; got ${JSON.stringify(title)}`,
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
  const descriptionProblem = textProblem(description);
  if (descriptionProblem) return { error: `description ${descriptionProblem}` };
  if (description.length > MAX_DESCRIPTION) {
    return {
      error: `description must be at most ${MAX_DESCRIPTION} characters; got ${description.length}`,
    };
  }
  return { post: { title, description, tags } };
}

/**
 * A YAML double-quoted scalar that every YAML 1.2 (and 1.1) parser reads back as `text`: only
 * printable characters are written as they are; backslash, quote and anything a parser may treat
 * as a line break, a byte-order mark or a non-printable character are escaped.
 */
export function yamlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0xa0) ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfeff ||
      code === 0xfffe ||
      code === 0xffff
    ) {
      out +=
        code > 0xffff
          ? `\\U${code.toString(16).padStart(8, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

/**
 * The new file's text: frontmatter the posts schema accepts, marked as a draft, dated `date`, then
 * a one-line placeholder body.
 */
export function postSource(post: NewPost, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`date must be YYYY-MM-DD; got ${JSON.stringify(date)}`);
  return [
    '---',
    `title: ${yamlString(post.title)}`,
    `description: ${yamlString(post.description)}`,
    `pubDate: ${date}`,
    `tags: [${post.tags.join(', ')}]`,
    'draft: true',
    '---',
    '',
    'Write here. `npm run dev` shows this draft, marked “(draft)”; remove `draft: true` to publish it.',
    '',
  ].join('\n');
}

/** Tags are lower-case kebab-case so that they make clean URLs (/tags/<tag>/) and feed categories. */
export const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The part of a post that listing, sorting and feed selection need. */
export interface PostMeta {
  readonly id: string;
  readonly data: {
    readonly title: string;
    readonly pubDate: Date;
    readonly updatedDate?: Date | undefined;
    readonly tags: readonly string[];
    readonly draft: boolean;
  };
}

/** Keeps published posts (and drafts too when asked, as in `astro dev`), newest first, ties broken by id. */
export function selectPosts<P extends PostMeta>(
  posts: readonly P[],
  options: { includeDrafts: boolean },
): P[] {
  return posts
    .filter((p) => options.includeDrafts || !p.data.draft)
    .sort(
      (a, b) =>
        b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id, 'en'),
    );
}

/** The posts carrying a tag, in the order given. */
export function withTag<P extends PostMeta>(posts: readonly P[], tag: string): P[] {
  return posts.filter((p) => p.data.tags.includes(tag));
}

/** Every tag in use with its post count, most used first, then alphabetical. */
export function tagCounts(posts: readonly PostMeta[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of posts) for (const t of p.data.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'en'));
}

/** The newer and older neighbours of a post in a newest-first list. */
export function neighbours<P extends PostMeta>(
  sorted: readonly P[],
  id: string,
): { newer: P | undefined; older: P | undefined } {
  const i = sorted.findIndex((p) => p.id === id);
  if (i < 0) return { newer: undefined, older: undefined };
  return { newer: sorted[i - 1], older: sorted[i + 1] };
}

/** Groups a newest-first list by UTC year, newest year first. */
export function byYear<P extends PostMeta>(sorted: readonly P[]): { year: number; posts: P[] }[] {
  const groups: { year: number; posts: P[] }[] = [];
  for (const p of sorted) {
    const year = p.data.pubDate.getUTCFullYear();
    const last = groups.at(-1);
    if (last && last.year === year) last.posts.push(p);
    else groups.push({ year, posts: [p] });
  }
  return groups;
}

/** The date of the newest publication or update among the posts, or undefined for none. */
export function lastModified(posts: readonly PostMeta[]): Date | undefined {
  let newest: Date | undefined;
  for (const p of posts) {
    const d = p.data.updatedDate ?? p.data.pubDate;
    if (!newest || d > newest) newest = d;
  }
  return newest;
}

const WORDS_PER_MINUTE = 220;

/** Minutes a reader needs for an MDX source, counting prose words and code lines, never less than 1. */
export function readingMinutes(mdxSource: string): number {
  const withoutFrontmatter = mdxSource.replace(/^---\n[\s\S]*?\n---\n/, '');
  let codeLines = 0;
  const prose = withoutFrontmatter.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_m, code: string) => {
    codeLines += code.split('\n').length;
    return ' ';
  });
  const words = prose
    .replace(/^import .*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  // A line of code reads about as slowly as four words of prose.
  return Math.max(1, Math.round((words + codeLines * 4) / WORDS_PER_MINUTE));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats a date as "6 June 2021" in UTC, the way the posts' dates are written. */
export function formatDate(date: Date, lang = 'en'): string {
  // Making a formatter costs far more than using one (it showed in build profiles): one per language.
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

/** The part of Pagefind's browser API the search page uses (pagefind.js, loaded at run time). */
export interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(
    term: string,
  ): Promise<{ results: { id: string; data(): Promise<PagefindPage> }[] } | null>;
}

/** A matching section of a page: the text under one heading. */
export interface PagefindSection {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

/** One matching page as Pagefind describes it. */
export interface PagefindPage {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSection[];
}

/** A run of excerpt text, highlighted when it is a matched word. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** A search result ready to draw: the post, and the sections (headings) where the words occur. */
export interface Hit {
  title: string;
  url: string;
  excerpt: Segment[];
  sections: { title: string; url: string; excerpt: Segment[] }[];
}

/** Longest query the page sends to Pagefind; longer input is cut, not rejected. */
export const MAX_QUERY = 200;

/** Collapses whitespace and trims a query; too long input is cut to MAX_QUERY characters. */
export function normaliseQuery(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into plain segments, so the
 * page builds text nodes and never parses the excerpt as HTML.
 */
export function excerptSegments(excerpt: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) mark = true;
    else if (/^<\/mark>$/i.test(part)) mark = false;
    else if (part !== '') {
      // Any other tag cannot come from Pagefind's escaped text; drop it rather than show markup.
      const text = decodeEntities(part.replace(/<[^>]*>/g, ''));
      const last = out.at(-1);
      if (last && last.mark === mark) last.text += text;
      else if (text !== '') out.push({ text, mark });
    }
  }
  return out;
}

/**
 * Turns Pagefind's page data into a hit: sections are the sub-results that point at a heading
 * (their URL has a fragment), most matches first, at most `maxSections`.
 */
export function toHit(page: PagefindPage, maxSections = 3): Hit {
  const title = page.meta.title?.trim() || page.url;
  const sections = (page.sub_results ?? [])
    .filter((s) => s.url.includes('#'))
    .map((s, order) => ({ s, order, matches: s.locations?.length ?? 0 }))
    .sort((a, b) => b.matches - a.matches || a.order - b.order)
    .slice(0, Math.max(0, maxSections))
    .map(({ s }) => ({ title: s.title.trim(), url: s.url, excerpt: excerptSegments(s.excerpt) }));
  return { title, url: page.url, excerpt: excerptSegments(page.excerpt), sections };
}

/**
 * The sentence announced after a search, for the live status region. Pagefind matches words
 * loosely (stems and prefixes), so the count is of posts that match, never a claim that they
 * contain the exact words.
 */
export function statusMessage(query: string, count: number): string {
  if (query === '') return 'Type words to find in the posts, code blocks included.';
  if (count === 0) return `No post matches “${query}”.`;
  return `${count} ${count === 1 ? 'post matches' : 'posts match'} “${query}”.`;
}

/** A word as compared for an exact match: lower case, letters and digits only. */
function wordKey(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words Pagefind highlighted in a page's excerpts: what it actually matched. */
export function markedWords(page: PagefindPage): string[] {
  const excerpts = [page.excerpt, ...(page.sub_results ?? []).map((s) => s.excerpt)];
  return excerpts.flatMap((e) =>
    excerptSegments(e)
      .filter((s) => s.mark)
      .flatMap((s) => s.text.split(/\s+/))
      .filter((w) => wordKey(w) !== ''),
  );
}

/** Whether a page holds every word of the query as it was typed (case aside), not a stem or prefix. */
export function matchesExactly(query: string, page: PagefindPage): boolean {
  const marked = new Set(markedWords(page).map(wordKey));
  const words = query
    .split(' ')
    .map(wordKey)
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => marked.has(w));
}

/** The longest start the query's first word shares with every loosely matched word, if any. */
function sharedStart(word: string, found: readonly string[]): string {
  let n = word.length;
  for (const f of found) {
    let i = 0;
    while (i < n && i < f.length && f[i] === word[i]) i++;
    n = i;
  }
  return word.slice(0, n);
}

/**
 * The sentence announced after a search, from the pages Pagefind returned (the first of them
 * fetched, `total` in all). "Match" is said only of posts that hold the words as typed; for the
 * rest it says what Pagefind did: it found words starting with part of the query, or similar words.
 */
export function searchStatus(query: string, pages: readonly PagefindPage[], total: number): string {
  if (query === '' || total === 0) return statusMessage(query, total);
  const exact = pages.filter((p) => matchesExactly(query, p)).length;
  const loose = total - exact;
  const posts = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`;
  const matched = `${exact} ${exact === 1 ? 'post matches' : 'posts match'} “${query}”`;
  if (loose === 0) return `${matched}.`;
  const first = wordKey(query.split(' ')[0] ?? '');
  const others = pages
    .filter((p) => !matchesExactly(query, p))
    .flatMap(markedWords)
    .map(wordKey)
    .filter((w) => w !== first);
  const start = others.length > 0 ? sharedStart(first, others) : '';
  const what =
    start !== '' && start.length < first.length
      ? `${loose === 1 ? 'contains' : 'contain'} words starting with “${start}”`
      : `${loose === 1 ? 'contains' : 'contain'} similar words${others[0] ? ` (such as “${others[0]}”)` : ''}`;
  return exact === 0
    ? `No exact match for “${query}”; ${posts(loose)} ${what}.`
    : `${matched}; ${loose} more ${what}.`;
}

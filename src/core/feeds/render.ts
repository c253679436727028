import { Feed, type Item } from 'feed';
import { escapeHtml } from '../html.ts';
import { FEED_HISTORY_NS, type FeedHistory } from './archives.ts';

/** A post ready to go into a feed: every URL absolute, content already made feed-safe. */
export interface FeedEntry {
  /** Plain-text title. */
  readonly title: string;
  /** Canonical absolute URL of the post; also its permanent id. */
  readonly url: string;
  /** Plain-text summary. */
  readonly summary: string;
  /** The whole post as HTML with absolute URLs. */
  readonly html: string;
  /** First publication. */
  readonly published: Date;
  /** Last update, if any. */
  readonly updated?: Date | undefined;
  /** Tags, each with the absolute URL of its tag page. */
  readonly tags: readonly { readonly name: string; readonly url: string }[];
}

/** What a feed says about itself. */
export interface FeedChannel {
  /** Plain-text feed title. */
  readonly title: string;
  /** Plain-text description of what the feed carries. */
  readonly description: string;
  /** Absolute URL of the site's home page. */
  readonly siteUrl: string;
  /** Absolute URL of this very feed file (rel="self"). */
  readonly selfUrl: string;
  /** BCP 47 language tag. */
  readonly language: string;
  /** Author's display name. */
  readonly author: string;
  /** Absolute URL of a square icon. */
  readonly icon: string;
  /** Absolute URL of the favicon. */
  readonly favicon: string;
  /** URL (root-relative is fine) of an XSL stylesheet that makes the feed readable in a browser, if any. */
  readonly stylesheet?: string | undefined;
  /** Used for an empty feed's date, so the output never depends on the clock. */
  readonly fallbackDate: Date;
  /** Where this document sits in the feed's history (RFC 5005), if the feed is paged. */
  readonly history?: FeedHistory | undefined;
}

// XML 1.0 forbids C0 controls other than tab/LF/CR, lone surrogates and U+FFFE/U+FFFF; C1 controls
// are legal but readers choke on them. feed@6 passes all of these through untouched.
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes every character XML 1.0 cannot carry (and the C1 controls feed readers reject). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/**
 * Escapes a value for an XML attribute, since feed@6 writes attribute values as they come; where it
 * already turns `&` into `&amp;` itself (Atom category term and label), the ampersand is left to it.
 */
function escapeAttribute(text: string, ampersandEscapedByFeed = false): string {
  const clean = stripInvalidXmlChars(text);
  return ampersandEscapedByFeed ? clean.split('&').map(escapeHtml).join('&') : escapeHtml(clean);
}

/** The newest publication or update among the entries, or the fallback for an empty feed. */
export function feedUpdated(entries: readonly FeedEntry[], fallback: Date): Date {
  let newest: Date | undefined;
  for (const e of entries) {
    const d = e.updated ?? e.published;
    if (!newest || d > newest) newest = d;
  }
  return newest ?? fallback;
}

type Flavour = 'rss' | 'atom' | 'json';

function createFeed(channel: FeedChannel, entries: readonly FeedEntry[], flavour: Flavour): Feed {
  const clean = stripInvalidXmlChars;
  const feed = new Feed({
    id: channel.siteUrl,
    title: clean(channel.title),
    description: clean(channel.description),
    link: channel.siteUrl,
    language: channel.language,
    image: channel.icon,
    favicon: channel.favicon,
    // Never the build time: two builds of the same content must give the same bytes.
    updated: feedUpdated(entries, channel.fallbackDate),
    generator: false,
    author: { name: clean(channel.author), link: channel.siteUrl },
    feedLinks: { [flavour]: channel.selfUrl },
    ...(channel.stylesheet && flavour !== 'json' ? { stylesheet: channel.stylesheet } : {}),
  });
  for (const e of entries) feed.addItem(toItem(e, channel, flavour));
  return feed;
}

function toItem(e: FeedEntry, channel: FeedChannel, flavour: Flavour): Item {
  const clean = stripInvalidXmlChars;
  const title = clean(e.title);
  const summary = clean(e.summary);
  const item: Item = {
    // feedparser (Planet KDE) reads RSS titles as HTML, so plain text is escaped (Atom titles are
    // then turned into type="text", see textTitles); only JSON Feed's title is plain text.
    title: flavour === 'json' ? title : escapeHtml(title),
    // Without an explicit id feed@6 writes the RSS guid as a permalink, which it is.
    ...(flavour === 'rss' ? {} : { id: e.url }),
    link: e.url,
    date: e.updated ?? e.published,
    published: e.published,
    description: flavour === 'json' ? summary : escapeHtml(summary),
    // feed@6 splits only the first "]]>" out of a CDATA section; in HTML, "]]&gt;" means the same.
    content: clean(e.html).replaceAll(']]>', ']]&gt;'),
    category: e.tags.map((t) =>
      flavour === 'atom'
        ? // feed@6 writes no `term` when only `name` is given, and `term` is the one Atom requires.
          {
            term: escapeAttribute(t.name, true),
            name: escapeAttribute(t.name, true),
            scheme: t.url,
          }
        : flavour === 'rss'
          ? // feed@6 writes `domain` unescaped, so a raw `&` there would break the XML.
            { name: clean(t.name), domain: escapeAttribute(t.url) }
          : { name: clean(t.name) },
    ),
  };
  if (flavour === 'rss') {
    // RSS <author> must be an e-mail address; dc:creator is the accepted way to name a person.
    item.extensions = [{ name: 'dc:creator', objects: { _text: clean(channel.author) } }];
  } else {
    item.author = [{ name: clean(channel.author), link: channel.siteUrl }];
  }
  return item;
}

/** Inserts `lines` after the first match of `anchor`, failing loudly if feed@6 ever changes its output. */
function insertAfter(xml: string, anchor: RegExp, lines: readonly string[]): string {
  const m = anchor.exec(xml);
  if (!m) throw new Error(`feed output has no ${anchor}: the feed library changed its markup`);
  const end = m.index + m[0].length;
  const indent = /\n([ \t]*)$/.exec(xml.slice(0, m.index))?.[1] ?? '';
  return `${xml.slice(0, end)}${lines.map((l) => `\n${indent}${l}`).join('')}${xml.slice(end)}`;
}

/** The RFC 5005 elements of a document: its links to the archives and the current feed, and its kind. */
function historyXml(history: FeedHistory, link: 'atom:link' | 'link'): string[] {
  const out: string[] = [];
  if (history.current) out.push(`<${link} rel="current" href="${escapeHtml(history.current)}"/>`);
  if (history.prevArchive) {
    out.push(`<${link} rel="prev-archive" href="${escapeHtml(history.prevArchive)}"/>`);
  }
  if (history.archive) out.push('<fh:archive/>');
  if (history.complete) out.push('<fh:complete/>');
  return out;
}

/** Adds the Feed History namespace and elements to an RSS or Atom document. */
function withHistory(
  xml: string,
  flavour: 'rss' | 'atom',
  history: FeedHistory | undefined,
): string {
  if (!history) return xml;
  const root = flavour === 'rss' ? /<rss /.exec(xml) : /<feed /.exec(xml);
  if (!root) throw new Error(`feed output has no <${flavour === 'rss' ? 'rss' : 'feed'}> element`);
  const at = root.index + root[0].length;
  const declared = `${xml.slice(0, at)}xmlns:fh="${FEED_HISTORY_NS}" ${xml.slice(at)}`;
  return flavour === 'rss'
    ? insertAfter(declared, /<atom:link [^>]*rel="self"[^>]*\/>/, historyXml(history, 'atom:link'))
    : insertAfter(declared, /<link rel="self"[^>]*\/>/, historyXml(history, 'link'));
}

/** RSS 2.0 with full content in content:encoded, dc:creator, atom:link rel="self" and RFC 5005 paging. */
export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return `${withHistory(createFeed(channel, entries, 'rss').rss2(), 'rss', channel.history)}\n`;
}

/** Atom 1.0 with full content, categories with terms, published and updated dates, RFC 5005 paging. */
export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const xml = withHistory(createFeed(channel, entries, 'atom').atom1(), 'atom', channel.history);
  return `${textTitles(xml)}\n`;
}

/**
 * Turns feed@6's entry titles, `type="html"` around escaped text, into `type="text"` holding the same
 * characters: readers that show an HTML title's markup as it stands (sfeed, the feed stylesheet)
 * then agree with those that decode it (feedparser, newsboat).
 */
function textTitles(atom: string): string {
  return atom.replace(
    /<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/g,
    (_, escaped: string) => `<title type="text">${escaped}</title>`,
  );
}

/** JSON Feed 1.1 with content_html, summaries, `authors`, `language` and `next_url` paging. */
export function renderJson(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const v1 = JSON.parse(createFeed(channel, entries, 'json').json1()) as Record<string, unknown>;
  const { version: _v1, author, items, ...rest } = v1;
  const authors = author ? [author] : [];
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    ...rest,
    // feed_url identifies the feed, so every page of it names the current one.
    ...(channel.history?.current ? { feed_url: channel.history.current } : {}),
    ...(channel.history?.prevArchive ? { next_url: channel.history.prevArchive } : {}),
    language: channel.language,
    authors,
    // JSON Feed 1.0 readers know only `author`; 1.1 keeps it as a deprecated alias.
    ...(author ? { author } : {}),
    items: (items as Record<string, unknown>[]).map(({ author: a, ...item }) =>
      a ? { ...item, authors: [a], author: a } : item,
    ),
  };
  return `${JSON.stringify(feed, null, 4)}\n`;
}

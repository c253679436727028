import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed } from 'feedsmith';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningNginx, startNginx } from '../support/nginx.ts';
import { feedparseFiles } from '../support/peers.ts';
import { newsboat, type ReaderItem, rss2email, sfeed } from '../support/readers.ts';
import {
  BUILDS,
  EXTRA_BUILD,
  elements,
  fileFor,
  listFiles,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
  urlPathOf,
} from '../support/site.ts';

// Feed readers people use, as judges: each must read every feed document of every build and show
// the items the build published, with the titles, links and dates of the posts' own pages.
const SITES = [...BUILDS, EXTRA_BUILD];
let nginx: RunningNginx;

beforeAll(async () => {
  for (const b of SITES) requireBuild(b.dir);
  nginx = await startNginx(SITES);
}, 60_000);
afterAll(() => nginx?.close());

/** The text of a node, as a reader with no CSS shows it, white space collapsed. */
function textOf(node: Root | RootContent): string {
  const raw = (n: Root | RootContent): string =>
    n.type === 'text' ? n.value : 'children' in n ? n.children.map(raw).join(' ') : '';
  return raw(node).replace(/\s+/g, ' ').trim();
}

/** The title and publication date (seconds) a post's page shows, found from an item's link. */
function pageFacts(dir: string, base: string, link: string): { title: string; date: number } {
  const url = new URL(link);
  const file = fileFor(dir, base, decodeURI(url.pathname));
  if (url.origin !== TEST_ORIGIN || !file) throw new Error(`${link} is not a page of the build`);
  const page = elements(parseHtml(file));
  const h1 = page.find((e) => e.tagName === 'h1');
  const time = page.find((e) => e.tagName === 'time');
  return {
    title: h1 ? textOf(h1) : '',
    date: Date.parse(String(time?.properties['dateTime'])) / 1000,
  };
}

describe.each(SITES.map((b, i) => ({ ...b, i })))('feed readers on $name', ({ dir, base, i }) => {
  const files = listFiles(dir);
  const xmlFiles = files.filter((f) => /(^|\/)(rss|atom)\.xml$/.test(f));
  const jsonFiles = files.filter((f) => /(^|\/)feed\.json$/.test(f));
  const urlOf = (f: string) => `${new URL(nginx.urls[i] as string).origin}${urlPathOf(f, base)}`;

  /** Every item each XML feed document holds, as the post pages describe them (feedparser lists them). */
  const published = () => {
    const parsed = feedparseFiles(xmlFiles.map((f) => join(dir, f)));
    return new Map(
      xmlFiles.map((f, n) => [
        f,
        (parsed[n]?.entries ?? []).map((e) => ({ link: e.link, ...pageFacts(dir, base, e.link) })),
      ]),
    );
  };

  /** What a reader showed against what the build published, as comparable lines. */
  const lines = (items: readonly Pick<ReaderItem, 'title' | 'link' | 'date'>[]) =>
    items.map((it) => `${it.date} ${decodeURI(it.link)} ${it.title.replace(/\s+/g, ' ')}`).sort();

  /**
   * RSS 2.0 does not say whether a title is text or HTML. Planet KDE's feedparser reads it as HTML,
   * so the feeds escape `&` and `<`; newsboat and sfeed show it as text, so a title with those
   * characters reads there with its entities (Atom says type="text", and every reader agrees).
   */
  const asRssTextReaders = (f: string, items: ReaderItem[]) =>
    f.endsWith('rss.xml')
      ? items.map((it) => ({
          ...it,
          title: it.title
            .replaceAll('&lt;', '<')
            .replaceAll('&gt;', '>')
            .replaceAll('&quot;', '"')
            .replaceAll('&#39;', "'")
            .replaceAll('&amp;', '&'),
        }))
      : items;

  it('newsboat loads every RSS and Atom feed and archive with the published items', () => {
    const expected = published();
    for (const f of xmlFiles) {
      // One cache per document: newsboat keeps an item once by its id, and the RSS, Atom and tag
      // feeds share their items' ids (a post's URL), as they must.
      const got = newsboat([urlOf(f)]).get(urlOf(f)) ?? [];
      expect(lines(asRssTextReaders(f, got)), f).toEqual(lines(expected.get(f) ?? []));
    }
  }, 180_000);

  it('sfeed prints the published items of every RSS and Atom feed and archive', () => {
    const expected = published();
    for (const f of xmlFiles) {
      const items = sfeed(readFileSync(join(dir, f), 'utf8'));
      expect(lines(asRssTextReaders(f, items)), f).toEqual(lines(expected.get(f) ?? []));
      for (const it of items) expect(it.content.length, `${f}: ${it.link}`).toBeGreaterThan(0);
    }
  });

  it('rss2email sends one mail per Planet KDE item: the title as subject, the text and absolute links', () => {
    const f = 'feeds/planet-kde/rss.xml';
    const expected = published().get(f) ?? [];
    const [parsed] = feedparseFiles([join(dir, f)]);
    const mails = rss2email(urlOf(f));
    expect(mails.map((m) => m.subject).sort()).toEqual(expected.map((e) => e.title).sort());
    const words = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    for (const entry of parsed?.entries ?? []) {
      const mail = mails.find((m) => m.body.includes(entry.link));
      expect(mail, `a mail linking ${entry.link}`).toBeDefined();
      const text = textOf(fromHtml(entry.content[0] ?? '', { fragment: true }));
      const start = words(text).split(' ').slice(0, 12).join(' ');
      expect(words(mail?.body ?? ''), entry.link).toContain(start);
      // Every link in the mail is absolute as the feed wrote it: rss2email resolves a relative one
      // against the feed's own address (here nginx on 127.0.0.1), where the post is not.
      const links = [...(mail?.body ?? '').matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1] ?? '');
      for (const l of links) {
        expect(l, `${entry.link}: ${l}`).toMatch(/^(https?:|mailto:)/);
        expect(l.startsWith(new URL(urlOf('')).origin), `${entry.link}: ${l}`).toBe(false);
      }
    }
  }, 120_000);

  it('a JSON Feed reader (feedsmith) reads every JSON feed and archive as version 1.1', () => {
    expect(jsonFiles.length).toBeGreaterThan(0);
    for (const f of jsonFiles) {
      const feed = parseJsonFeed(readFileSync(join(dir, f), 'utf8'));
      expect(feed.language, f).toBe('en');
      expect(feed.authors?.[0]?.name, f).toBeTruthy();
      const items = (feed.items ?? []).map((it) => {
        const facts = pageFacts(dir, base, it.url ?? '');
        expect(it.content_html, it.url).toBeTruthy();
        expect(it.title, it.url).toBe(facts.title);
        expect(Date.parse(it.date_published ?? '') / 1000, it.url).toBe(facts.date);
        return it.id;
      });
      expect(items.length, f).toBeGreaterThan(0);
      expect(new Set(items).size, f).toBe(items.length);
    }
    const raw = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { version: string };
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('item HTML with every class, id and style removed still shows each widget’s figures and images', () => {
    const [feed] = feedparseFiles([join(dir, 'rss.xml')]);
    let widgets = 0;
    for (const entry of feed?.entries ?? []) {
      const page = elements(
        parseHtml(fileFor(dir, base, decodeURI(new URL(entry.link).pathname)) ?? ''),
      );
      const item = fromHtml(entry.content[0] ?? '', { fragment: true });
      for (const e of elements(item)) {
        delete e.properties['className'];
        delete e.properties['id'];
        delete e.properties['style'];
      }
      const itemText = textOf(item).replaceAll('\u00a0', ' ');
      const images = elements(item).filter((e) => e.tagName === 'img');
      for (const widget of page.filter(
        (e) => e.tagName === 'section' && String(e.properties['className']).includes('widget'),
      )) {
        widgets++;
        // Its figures: every result the page shows in an <output> or a table cell.
        for (const out of elements(widget).filter((e) => ['output', 'td'].includes(e.tagName))) {
          const figure = textOf(out).replaceAll('\u00a0', ' ');
          if (figure) expect(itemText.includes(figure), `${entry.link}: ${figure}`).toBe(true);
        }
        // Its images: each <figure> on the page is an image in the item, by absolute URL.
        const figures = elements(widget).filter((e: Element) => e.tagName === 'figure');
        expect(images.length, entry.link).toBeGreaterThanOrEqual(figures.length);
      }
      for (const img of images) {
        const src = String(img.properties['src']);
        expect(src, entry.link).toMatch(new RegExp(`^${TEST_ORIGIN}${base}`));
        expect(fileFor(dir, base, new URL(src).pathname), src).toBeDefined();
        expect(String(img.properties['alt'] ?? '').length, src).toBeGreaterThan(0);
        expect(img.properties['width'] && img.properties['height'], src).toBeTruthy();
      }
      // Nothing may point at an id the reader removed.
      expect(
        elements(item).filter((e) => String(e.properties['href'] ?? '').startsWith('#')),
      ).toEqual([]);
    }
    expect(widgets).toBeGreaterThan(0);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { feedparser } from '../support/peers.ts';
import {
  EXTRA_BUILD as EXTRA,
  elements,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
} from '../support/site.ts';

/** The fixture posts of tests/fixtures/posts with hostile titles, and what a reader must read. */
const HOSTILE = [
  {
    id: 'hostile-markup-title',
    title: `</title><script>alert("pwned")</script> & &amp; "double" 'single' <b>bold</b>`,
    description: 'A <i>description</i> & "quotes" that must stay text: </script><!--',
  },
  {
    id: 'hostile-scripts-title',
    // The NEL, tab and line break of the frontmatter read as single spaces.
    title: '😀 مرحبا بالعالم \u200fשלום עולם 👩\u200d💻 line breaks and spaces',
    description: 'Emoji 🎉, العربية and עברית in one line.',
  },
  {
    id: 'привет-мир-new-old-日本語',
    title: 'Привет, мир: “new” & <old> 日本語',
    description: 'TODO: one sentence for listings and feeds.',
  },
];

// C0 controls but tab and line breaks, DEL and C1 controls: never in a page or a feed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The text a reader sees in an element. */
function textOf(node: Element | Root): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('');
}

/** What a feed reader shows for a title or summary that feedparser hands over as HTML. */
function shownHtml(html: string | undefined): string {
  return textOf(fromHtml(html ?? '', { fragment: true }));
}

function meta(all: Element[], key: string): string | undefined {
  const m = all.find(
    (e) => e.tagName === 'meta' && (e.properties['property'] ?? e.properties['name']) === key,
  );
  return m ? String(m.properties['content']) : undefined;
}

describe('hostile titles in the extra build read exactly as written', () => {
  requireBuild(EXTRA.dir);
  const site = `${TEST_ORIGIN}${EXTRA.base}`;
  const archive = elements(parseHtml(join(EXTRA.dir, 'archive/index.html')));
  const tagFeed = feedparser({ file: join(EXTRA.dir, 'tags/test-fixture/rss.xml') });
  const jsonFeed = JSON.parse(readFileSync(join(EXTRA.dir, 'feed.json'), 'utf8')) as {
    items: { url: string; title: string; summary: string }[];
  };

  describe.each(HOSTILE)('$id', ({ id, title, description }) => {
    const file = join(EXTRA.dir, 'posts', id, 'index.html');
    const url = new URL(`posts/${id}/`, site).href;

    it('on its page: heading, window title, meta, JSON-LD and social card', () => {
      const all = elements(parseHtml(file));
      expect(all.filter((e) => e.tagName === 'h1').map(textOf)).toEqual([title]);
      expect(textOf(all.find((e) => e.tagName === 'title') as Element)).toBe(
        `${title} · nicolas17’s notes`,
      );
      expect(meta(all, 'og:title')).toBe(title);
      expect(meta(all, 'description')).toBe(description);
      const ld = all.find(
        (e) => e.tagName === 'script' && e.properties['type'] === 'application/ld+json',
      );
      expect(JSON.parse(textOf(ld as Element))).toMatchObject({ headline: title, description });
      const card = meta(all, 'og:image') ?? '';
      expect(card).toBe(new URL(`og/${id}.png`, site).href);
      expect(existsSync(join(EXTRA.dir, 'og', `${id}.png`))).toBe(true);
    });

    it('in the archive, as the link text', () => {
      const links = archive.filter(
        (e) =>
          e.tagName === 'a' &&
          decodeURI(String(e.properties['href'])) === `${EXTRA.base}posts/${id}/`,
      );
      expect(links.map(textOf)).toEqual([title]);
    });

    it('in the feeds, as feedparser and a JSON reader read them', () => {
      const entry = tagFeed.entries.find((e) => e.link === url);
      expect(shownHtml(entry?.title)).toBe(title);
      expect(shownHtml(entry?.summary)).toBe(description);
      const item = jsonFeed.items.find((i) => i.url === url);
      expect(item?.title).toBe(title);
    });

    it('with no control character anywhere a reader meets it', () => {
      for (const f of [
        file,
        join(EXTRA.dir, 'archive/index.html'),
        join(EXTRA.dir, 'tags/test-fixture/rss.xml'),
        join(EXTRA.dir, 'feed.json'),
      ]) {
        expect(CONTROL.exec(readFileSync(f, 'utf8')), f).toBeNull();
      }
    });
  });
});

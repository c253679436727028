// Issue 14, items 1 and 2, as a reader meets them: on the built post page and in every feed that
// carries the post (RSS, Atom and JSON Feed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { BUILDS, listFiles, requireBuild, TEST_ORIGIN } from '../support/site.ts';

/** The text a reader sees in an HTML page or fragment (scripts and styles left out). */
function textOf(html: string): string {
  const parts: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.value);
      else if (n.type === 'element' && n.tagName !== 'script' && n.tagName !== 'style')
        walk(n.children as RootContent[]);
    }
  };
  walk((fromHtml(html, { fragment: true }) as Root).children);
  return parts.join('');
}

/** The line right above `auth_algs=1` in the post's hostapd.conf. */
const authAlgsComment = (text: string): string =>
  /^[ \t]*(#[^\n]*)\n[ \t]*auth_algs=1$/m.exec(text)?.[1] ?? '(no comment above auth_algs=1)';

const CORRECTIONS = [
  {
    slug: 'load-average-spikes',
    name: 'item 1: the note on the arithmetic invents no later addition',
    check: (text: string) => {
      expect(text).toContain('25·HZ+5');
      expect(text).not.toMatch(/added later/i);
    },
  },
  {
    slug: 'decrypting-ios-tls-traffic',
    name: 'item 2: the auth_algs comment describes its bit field',
    check: (text: string) => {
      const comment = authAlgsComment(text);
      expect(comment).toMatch(/1\s*=\s*open system/i);
      expect(comment).toMatch(/2\s*=\s*shared key/i);
      expect(comment).not.toMatch(/1\s*=\s*wpa/i);
    },
  },
];

/** Every feed of a build: RSS, Atom and JSON Feed files anywhere in it. */
const feedFiles = (dir: string) =>
  listFiles(dir).filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f));

/** The text of an XML element's content: its CDATA sections joined, or its entities decoded. */
function xmlText(raw: string): string {
  if (raw.trimStart().startsWith('<![CDATA['))
    return [...raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
  return textOf(raw);
}

/**
 * Link → content HTML of each entry of a feed. Read in process (feedparser's reading of the same
 * files is checked in feeds.test.ts): one Python process per feed would cost seconds per build.
 */
function feedEntries(file: string): Map<string, string> {
  const raw = readFileSync(file, 'utf8');
  const out = new Map<string, string>();
  if (file.endsWith('.json')) {
    const json = JSON.parse(raw) as { items: { url: string; content_html: string }[] };
    for (const item of json.items) out.set(item.url, item.content_html);
    return out;
  }
  for (const [, entry = ''] of raw.matchAll(/<(?:item|entry)>([\s\S]*?)<\/(?:item|entry)>/g)) {
    const link = /<link>([^<]*)<\/link>|<link href="([^"]*)"/.exec(entry);
    const content = /<(content:encoded|content)\b[^>]*>([\s\S]*?)<\/\1>/.exec(entry);
    if (link && content) out.set(xmlText(link[1] ?? link[2] ?? ''), xmlText(content[2] ?? ''));
  }
  return out;
}

describe.each(BUILDS)('corrections in the build at $name', ({ dir, base }) => {
  requireBuild(dir);
  const site = `${TEST_ORIGIN}${base}`;
  // Read once per build: feed file → (entry link → entry HTML).
  let feeds: Map<string, Map<string, string>> | undefined;
  const entries = () => {
    feeds ??= new Map(feedFiles(dir).map((f) => [f, feedEntries(join(dir, f))]));
    return feeds;
  };

  describe.each(CORRECTIONS)('$slug, $name', ({ slug, check }) => {
    it('on the post page', () => {
      check(textOf(readFileSync(join(dir, `posts/${slug}/index.html`), 'utf8')));
    });

    it('in every feed that carries the post', () => {
      const url = `${site}posts/${slug}/`;
      const carrying = [...entries()].filter(([, byLink]) => byLink.has(url));
      expect(carrying.length, `feeds carrying ${url}`).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const [file, byLink] of carrying) {
        const html = byLink.get(url) ?? '';
        try {
          expect(html.length, 'entry content length').toBeGreaterThan(200);
          check(textOf(html));
        } catch (error) {
          wrong.push(`${file}: ${(error as Error).message}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});

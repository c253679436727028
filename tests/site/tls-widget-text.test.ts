// What the TLS widgets say, as readers get it from the built page and from every feed that carries
// the post (issue 14, items 3 and 4): the iOS versions behind each security mode, and no words run
// together where the build lost the space between inline elements ("CLIENT_RANDOM,CLIENT_…").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { feedparser } from '../support/peers.ts';
import { BUILDS, elements, listFiles, parseHtml, requireBuild } from '../support/site.ts';

const SLUG = 'decrypting-ios-tls-traffic';
const WIDGETS = ['keylog-inspector', 'hostapd-generator'];
const KEYLOG_HINT = 'CLIENT_RANDOM, CLIENT_TRAFFIC_SECRET_0, …';
const SECURITY_HINT = 'WPA2 on every iOS version, WPA3 and the WPA2/WPA3 transition from iOS 13';

/** Text of a tree, leaving out code blocks and controls, whose text is data rather than prose. */
function prose(node: Root | Element): string {
  const walk = (nodes: RootContent[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type !== 'element' || ['pre', 'textarea', 'script', 'style'].includes(n.tagName))
          return '';
        return walk(n.children as RootContent[]);
      })
      .join('');
  return walk(node.children as RootContent[]).replace(/\s+/g, ' ');
}

/** Places where a comma or semicolon runs straight into the next word. */
const runTogether = (text: string): string[] => text.match(/\S*[,;](?=[A-Za-z_])\S*/g) ?? [];

describe.each(BUILDS)('TLS widget text in the build at $name', ({ dir }) => {
  requireBuild(dir);
  const page = parseHtml(join(dir, 'posts', SLUG, 'index.html'));
  const widget = (id: string): Element => {
    const found = elements(page).find((e) => e.properties['id'] === id);
    if (!found) throw new Error(`the post has no #${id}`);
    return found;
  };

  it('the page names the iOS versions for each security mode', () => {
    const text = prose(widget('hostapd-generator'));
    expect(text).toContain(SECURITY_HINT);
    expect(text).not.toContain('support all of them');
  });

  it.each(WIDGETS)('#%s keeps the spaces between inline elements', (id) => {
    const text = prose(widget(id));
    if (id === 'keylog-inspector') expect(text).toContain(KEYLOG_HINT);
    expect(runTogether(text)).toEqual([]);
  });

  const feeds = listFiles(dir).filter((f) => /(^|\/)(rss|atom)\.xml$|^feed\.json$/.test(f));
  // Feeds with an item for the post (not those whose items merely link to it).
  const itemLink = new RegExp(`(<link>|<link href="|"url":\\s*")[^<"]*/${SLUG}/[<"]`);
  const carrying = feeds.filter((f) => itemLink.test(readFileSync(join(dir, f), 'utf8')));

  it('the post is in feeds to check', () => {
    expect(carrying).toEqual(expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json']));
  });

  it.each(carrying)('%s carries the same words, spaces kept', (file) => {
    let html: string;
    if (file.endsWith('.json')) {
      const feed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        items: { url: string; content_html: string }[];
      };
      html = feed.items.find((i) => i.url.endsWith(`/${SLUG}/`))?.content_html ?? '';
    } else {
      const entry = feedparser({ file: join(dir, file) }).entries.find((e) =>
        e.link.endsWith(`/${SLUG}/`),
      );
      html = entry?.content.join('') ?? '';
    }
    const text = prose(fromHtml(html, { fragment: true }));
    expect(text).toContain(KEYLOG_HINT);
    expect(text).not.toContain('support all of them');
    // Only the widgets' own words: the post body around them is checked by the content tests.
    const start = text.indexOf('TLS key-log inspector');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(runTogether(text.slice(start, text.indexOf('Secrets by connection', start)))).toEqual(
      [],
    );
  });
});

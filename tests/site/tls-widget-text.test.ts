// What the TLS widgets say, as readers get it from the built page and from every feed that carries
// the post (issue 14, items 3 and 4): the iOS versions behind each security mode, and no words run
// together where the build lost the space between inline elements ("CLIENT_RANDOM,CLIENT_…").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeQR } from '@paulmillr/qr/decode.js';
import { Resvg } from '@resvg/resvg-js';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { feedparser } from '../support/peers.ts';
import {
  BUILDS,
  elements,
  fileFor,
  listFiles,
  parseHtml,
  requireBuild,
  TEST_ORIGIN,
} from '../support/site.ts';

const SLUG = 'decrypting-ios-tls-traffic';
const WIDGETS = ['keylog-inspector', 'hostapd-generator'];
const KEYLOG_HINT = 'CLIENT_RANDOM, CLIENT_TRAFFIC_SECRET_0, …';
// Issue 23, item 2: WPA3 needs the hardware of an iPhone 7 or later as well as iOS 13.
const SECURITY_HINT = 'WPA3 needs an iPhone 7 or later with iOS 13 or later';

/**
 * Text of a tree, leaving out code blocks and controls, whose text is data rather than prose. With
 * `keepCode` false, inline code reads as the word "code", so data in it (a Wi-Fi URI) is not
 * taken for words run together while a lost space around it still is.
 */
function prose(node: Root | Element, keepCode = true): string {
  const walk = (nodes: RootContent[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type !== 'element' || ['pre', 'textarea', 'script', 'style'].includes(n.tagName))
          return '';
        if (n.tagName === 'code' && !keepCode) return 'code';
        return walk(n.children as RootContent[]);
      })
      .join('');
  return walk(node.children as RootContent[]).replace(/\s+/g, ' ');
}

/** Places where a comma or semicolon runs straight into the next word. */
const runTogether = (text: string): string[] => text.match(/\S*[,;](?=[A-Za-z_])\S*/g) ?? [];

const EXAMPLE_URI = 'WIFI:T:WPA;S:iPhoneCapture;P:helloworld;;';

/** The post's two Wireshark figures (issue 23, item 14): file name and what the alt text says. */
const FIGURES = [
  ['wireshark-tls-preferences', /Preferences window.*TLS is selected.*\/tmp\/ssl\.log/],
  ['wireshark-decrypted-http2', /packet list.*HTTP2 instead of encrypted Application Data/],
] as const;

describe.each(BUILDS)('TLS widget text in the build at $name', ({ dir, base }) => {
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
    if (id === 'keylog-inspector') expect(prose(widget(id))).toContain(KEYLOG_HINT);
    expect(runTogether(prose(widget(id), false))).toEqual([]);
  });

  const feeds = listFiles(dir).filter((f) => /(^|\/)(rss|atom)\.xml$|^feed\.json$/.test(f));
  // Feeds with an item for the post (not those whose items merely link to it).
  const itemLink = new RegExp(`(<link>|<link href="|"url":\\s*")[^<"]*/${SLUG}/[<"]`);
  const carrying = feeds.filter((f) => itemLink.test(readFileSync(join(dir, f), 'utf8')));

  it('the post is in feeds to check', () => {
    expect(carrying).toEqual(expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json']));
  });

  it.each(carrying)(
    '%s carries the same words, spaces kept, and the QR code as an image',
    (file) => {
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
      const tree = fromHtml(html, { fragment: true });
      const text = prose(tree);
      expect(text).toContain(KEYLOG_HINT);
      // The join QR code is an image file by absolute URL (no inline SVG) that decodes to the URI.
      expect(html).not.toContain('<svg');
      const qr = elements(tree).find(
        (e) => e.tagName === 'img' && /QR code/.test(String(e.properties['alt'])),
      );
      const src = String(qr?.properties['src'] ?? '');
      expect(src.startsWith(`${TEST_ORIGIN}${base}`), src).toBe(true);
      const image = fileFor(dir, base, new URL(src).pathname) ?? '';
      expect(existsSync(image), src).toBe(true);
      const png = new Resvg(readFileSync(image, 'utf8'), {
        fitTo: { mode: 'zoom', value: 2 },
      }).render();
      expect(decodeQR({ width: png.width, height: png.height, data: png.pixels })).toBe(
        EXAMPLE_URI,
      );
      expect(String(qr?.properties['alt'])).toContain(EXAMPLE_URI);
      expect(text).not.toContain('support all of them');
      // Issue 23, item 14: the two Wireshark steps have a figure each, drawn for the post.
      for (const [name, alt] of FIGURES) {
        const img = elements(tree).find(
          (e) => e.tagName === 'img' && String(e.properties['src']).includes(`/${name}.`),
        );
        const figure = String(img?.properties['src'] ?? `(no ${name} image)`);
        expect(figure.startsWith(`${TEST_ORIGIN}${base}`), figure).toBe(true);
        expect(String(img?.properties['alt'])).toMatch(alt);
        const svg = readFileSync(fileFor(dir, base, new URL(figure).pathname) ?? '', 'utf8');
        expect(svg).toMatch(
          /<title[^>]*>[^<]+<\/title>\s*<desc[^>]*>Drawing of [^<]+not a screenshot/,
        );
        expect(svg).not.toMatch(/<image|href=/);
      }
      // Only the widgets' own words: the post body around them is checked by the content tests.
      const words = prose(tree, false);
      for (const [from, to] of [
        ['TLS key-log inspector', 'Secrets by connection'],
        ['hostapd.conf generator', 'Try the live hostapd.conf generator'],
      ] as const) {
        const start = words.indexOf(from);
        expect(start, from).toBeGreaterThanOrEqual(0);
        expect(runTogether(words.slice(start, words.indexOf(to, start)))).toEqual([]);
      }
    },
  );
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedparseFiles, feedparser, xmllint } from '../support/peers.ts';
import { publishedPosts } from '../support/posts.ts';
import { BUILDS, fileFor, listFiles, requireBuild, TEST_ORIGIN } from '../support/site.ts';

const posts = publishedPosts();
const tagged = (tag: string) => posts.filter((p) => p.tags.includes(tag));
const ALL_POSTS = posts.map((p) => p.slug);
/** Planet KDE carries KDE posts, never Apple ones (an Apple post tagged kde stays off the planet). */
const KDE_POSTS = tagged('kde')
  .filter((p) => !p.tags.includes('apple'))
  .map((p) => p.slug);
const APPLE_POSTS = tagged('apple').map((p) => p.slug);

describe.each(BUILDS)('feeds of the build at $name', ({ dir, base }) => {
  requireBuild(dir);
  const site = `${TEST_ORIGIN}${base}`;
  const post = (slug: string) => `${site}posts/${slug}/`;
  const xmlFeeds = listFiles(dir).filter((f) => /(^|\/)(rss|atom)\.xml$/.test(f));
  // One Python run parses them all; later calls read the results.
  feedparseFiles(xmlFeeds.map((f) => join(dir, f)));

  it('publishes every feed of the catalogue and one RSS feed per tag', () => {
    for (const f of [
      'rss.xml',
      'atom.xml',
      'feed.json',
      'feeds/planet-kde/rss.xml',
      'feeds/planet-kde/atom.xml',
      'feeds/apple/rss.xml',
      'feeds/apple/atom.xml',
    ]) {
      expect(listFiles(dir)).toContain(f);
    }
    const tags = listFiles(dir)
      .filter((f) => /^tags\/[^/]+\/index\.html$/.test(f))
      .map((f) => f.split('/')[1]);
    expect(tags.length).toBeGreaterThan(3);
    for (const tag of tags) expect(xmlFeeds).toContain(`tags/${tag}/rss.xml`);
  });

  it.each([
    ['rss.xml', ALL_POSTS],
    ['atom.xml', ALL_POSTS],
    ['feeds/planet-kde/rss.xml', KDE_POSTS],
    ['feeds/planet-kde/atom.xml', KDE_POSTS],
    ['feeds/apple/rss.xml', APPLE_POSTS],
    ['feeds/apple/atom.xml', APPLE_POSTS],
    ['tags/kde/rss.xml', tagged('kde').map((p) => p.slug)],
    ['tags/apple/rss.xml', APPLE_POSTS],
  ])('%s carries exactly the expected posts', (file, slugs) => {
    const parsed = feedparser({ file: join(dir, file) });
    expect(parsed.entries.map((e) => e.link)).toEqual(slugs.map(post));
  });

  it('every XML feed is well-formed, bozo-free, self-linked and fully absolute', () => {
    for (const file of xmlFeeds) {
      const xml = readFileSync(join(dir, file), 'utf8');
      expect(xmllint(xml), file).toBe('');
      const parsed = feedparser({ file: join(dir, file) });
      expect(parsed.bozo_exception, file).toBeNull();
      expect(parsed.feed.link, file).toBe(site);
      expect(xml, file).toContain(`href="${site}${file}"`);
      expect(parsed.feed.language ?? 'en', file).toBe('en');
      expect(parsed.entries.length, file).toBeGreaterThan(0);
      for (const entry of parsed.entries) {
        const html = entry.content.join('');
        // The whole post, not its one-sentence summary (a short post is short, but more than that).
        const text = html.replace(/<[^>]*>/g, '').trim();
        expect(text.length, `${file} ${entry.link}`).toBeGreaterThan(entry.summary.length);
        expect(entry.id).toBe(entry.link);
        expect(entry.published).toBeTruthy();
        expect(entry.tags.length).toBeGreaterThan(0);
        for (const m of html.matchAll(/(?:href|src|srcset)="([^"]*)"/g)) {
          expect(m[1], `${file} ${entry.link}`).toMatch(/^(https?:|mailto:)/);
        }
        for (const m of html.matchAll(/(?:href|src)="(https?:\/\/blog\.example\.org[^"]*)"/g)) {
          expect(m[1]).toContain(site);
          // A reader follows these: each must be a real file of this build.
          const path = new URL(m[1] ?? '').pathname;
          expect(fileFor(dir, base, path), `${file}: ${m[1]}`).toBeDefined();
        }
        expect(html).not.toMatch(/<script|<style|data-astro/);
      }
    }
  });

  it('never puts an Apple post in the Planet KDE feeds', () => {
    for (const file of ['feeds/planet-kde/rss.xml', 'feeds/planet-kde/atom.xml']) {
      const parsed = feedparser({ file: join(dir, file) });
      for (const e of parsed.entries) expect(e.tags).not.toContain('apple');
    }
  });

  it('dates feeds by the newest post so rebuilds are byte-identical', () => {
    const newest = (list: readonly { pubDate: string }[]) => new Date(list[0]?.pubDate ?? NaN);
    const rss = readFileSync(join(dir, 'rss.xml'), 'utf8');
    expect(rss).toContain(`<lastBuildDate>${newest(posts).toUTCString()}</lastBuildDate>`);
    const atom = readFileSync(join(dir, 'feeds/apple/atom.xml'), 'utf8');
    const updated =
      /<feed[^>]*>\s*<id>[^<]*<\/id>\s*<title>[^<]*<\/title>\s*<updated>([^<]*)<\/updated>/.exec(
        atom,
      );
    expect(updated?.[1]).toBe(newest(tagged('apple')).toISOString());
  });

  it('JSON Feed carries full HTML for every post', () => {
    const json = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'));
    expect(json.feed_url).toBe(`${site}feed.json`);
    expect(json.items.map((i: { url: string }) => i.url)).toEqual(ALL_POSTS.map(post));
    for (const item of json.items) expect(item.content_html).toContain('<p>');
  });

  it('pages advertise the right feeds', () => {
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    const alt = (html: string) =>
      [...html.matchAll(/<link rel="alternate"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(alt(home)).toEqual([`${site}rss.xml`, `${site}atom.xml`, `${site}feed.json`]);
    const kdePost = alt(readFileSync(join(dir, 'posts/load-average-spikes/index.html'), 'utf8'));
    expect(kdePost).toContain(`${site}feeds/planet-kde/rss.xml`);
    expect(kdePost).not.toContain(`${site}feeds/apple/rss.xml`);
    const applePost = alt(
      readFileSync(join(dir, 'posts/decrypting-ios-tls-traffic/index.html'), 'utf8'),
    );
    expect(applePost).toContain(`${site}feeds/apple/atom.xml`);
    expect(applePost).not.toContain(`${site}feeds/planet-kde/rss.xml`);
    expect(alt(readFileSync(join(dir, 'tags/backups/index.html'), 'utf8'))).toContain(
      `${site}tags/backups/rss.xml`,
    );
  });

  it('the about page lists every feed and the exact Planet KDE address', () => {
    const about = readFileSync(join(dir, 'about/index.html'), 'utf8');
    expect(about).toContain(`<code>${site}feeds/planet-kde/rss.xml</code>`);
    for (const f of [
      'rss.xml',
      'atom.xml',
      'feed.json',
      'feeds/apple/atom.xml',
      'tags/kde/rss.xml',
    ]) {
      expect(about).toContain(`${site}${f}`);
    }
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(
      /<footer[\s\S]*href="[^"]*rss\.xml"/,
    );
  });
});

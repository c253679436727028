import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_MORE_POST_FILE } from '../../scripts/test-builds.ts';
import { feedparseFiles } from '../support/peers.ts';
import {
  EXTRA_BUILD,
  elements,
  fileFor,
  listFiles,
  parseHtml,
  requireBuild,
  TEST_BUILDS,
  TEST_ORIGIN,
} from '../support/site.ts';

// RFC 5005 over the extra build (more posts than a feed holds) and the same build with one more
// post: a reader that follows the archive links gets the whole history, and archives stay put.
const { dir } = EXTRA_BUILD;
const more = TEST_BUILDS.more.dir;
const FEED_FILE = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;
const isArchive = (f: string) => /(^|\/)feed-archive\/\d+\//.test(f);

/** The build file an absolute URL of the site names. */
function fileOfUrl(build: string, url: string): string {
  const u = new URL(url);
  const file = fileFor(build, '/', decodeURI(u.pathname));
  if (u.origin !== TEST_ORIGIN || !file) throw new Error(`${url} is not a file of ${build}`);
  return file;
}

/** The item ids of one feed document and the URL of the next older document, if any. */
function documentOf(file: string): { ids: string[]; older: string | undefined } {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const json = JSON.parse(text) as { items: { id: string }[]; next_url?: string };
    return { ids: json.items.map((i) => i.id), older: json.next_url };
  }
  const [parsed] = feedparseFiles([file]);
  const older = /<(?:atom:)?link rel="prev-archive" href="([^"]+)"\/>/.exec(text)?.[1];
  return { ids: (parsed?.entries ?? []).map((e) => e.id), older: older?.replaceAll('&amp;', '&') };
}

/** Every published post of the build with the tags its page shows, from the archive page. */
function publishedPosts(): Map<string, string[]> {
  const archive = elements(parseHtml(join(dir, 'archive/index.html')));
  const links = archive
    .map((e) => String(e.properties['href'] ?? ''))
    .filter((h) => /^\/posts\/[^/]+\/$/.test(h));
  return new Map(
    [...new Set(links)].map((path) => {
      const page = elements(parseHtml(fileFor(dir, '/', decodeURI(path)) ?? ''));
      const tags = page
        .map((e) => /^\/tags\/([^/]+)\/$/.exec(String(e.properties['href'] ?? ''))?.[1])
        .filter((t): t is string => t !== undefined);
      return [`${TEST_ORIGIN}${path}`, tags];
    }),
  );
}

/** Which posts a current feed file should hold in all, from its folder. */
function belongs(feedFile: string, tags: readonly string[]): boolean {
  const folder = feedFile.replace(/[^/]*$/, '');
  if (folder === '') return true;
  if (folder === 'feeds/planet-kde/') return tags.includes('kde') && !tags.includes('apple');
  if (folder === 'feeds/apple/') return tags.includes('apple');
  const tag = /^tags\/([^/]+)\/$/.exec(folder)?.[1];
  if (!tag) throw new Error(`${feedFile}: a feed this test does not know`);
  return tags.includes(tag);
}

describe('feed history (RFC 5005) of the extra build', () => {
  requireBuild(dir);
  const currentFeeds = listFiles(dir).filter((f) => FEED_FILE.test(f) && !isArchive(f));

  it('has archives: the extra build holds more posts than a feed', () => {
    expect(listFiles(dir).filter(isArchive).length).toBeGreaterThan(0);
  });

  it.each(currentFeeds)('following the archive links from %s yields every post once', (feed) => {
    const posts = publishedPosts();
    const seen: string[] = [];
    const visited = new Set<string>();
    let url: string | undefined = `${TEST_ORIGIN}/${feed}`;
    while (url) {
      expect(visited.has(url), `${url} visited twice`).toBe(false);
      visited.add(url);
      const doc = documentOf(fileOfUrl(dir, url));
      seen.push(...doc.ids.map((id) => decodeURI(id)));
      url = doc.older;
    }
    const expected = [...posts].filter(([, tags]) => belongs(feed, tags)).map(([id]) => id);
    expect(seen.length, 'no post twice').toBe(new Set(seen).size);
    expect([...seen].sort()).toEqual(expected.sort());
    expect(seen.some((id) => id.includes('draft'))).toBe(false);
  });

  it('marks archives fh:archive and a feed that holds every post fh:complete', () => {
    for (const f of listFiles(dir).filter((x) => /(rss|atom)\.xml$/.test(x))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const hasArchives = text.includes('rel="prev-archive"');
      expect(text.includes('<fh:archive/>'), f).toBe(isArchive(f));
      expect(text.includes('<fh:complete/>'), f).toBe(!isArchive(f) && !hasArchives);
      if (isArchive(f)) expect(text, f).toMatch(/rel="current" href="https:\/\//);
    }
  });
});

describe('one more post', () => {
  requireBuild(more);
  const feeds = (build: string) => listFiles(build).filter((f) => FEED_FILE.test(f));

  it('changes only the current feed and the newest archive of each feed that carries it', () => {
    expect(
      existsSync(join(more, 'posts', ONE_MORE_POST_FILE.replace(/\.mdx$/, ''), 'index.html')),
    ).toBe(true);
    const all = [...new Set([...feeds(dir), ...feeds(more)])].sort();
    const changed = all.filter((f) => {
      const a = join(dir, f);
      const b = join(more, f);
      return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
    });
    // The newest archive of each feed and format in the bigger build.
    const newest = new Map<string, number>();
    for (const f of feeds(more).filter(isArchive)) {
      const m = /^(.*)feed-archive\/(\d+)\/(.*)$/.exec(f);
      if (!m) continue;
      const key = `${m[1]}${m[3]}`;
      newest.set(key, Math.max(newest.get(key) ?? 0, Number(m[2])));
    }
    const allowed = (f: string) => {
      const m = /^(.*)feed-archive\/(\d+)\/(.*)$/.exec(f);
      return !m || newest.get(`${m[1]}${m[3]}`) === Number(m[2]);
    };
    expect(changed.filter((f) => !allowed(f))).toEqual([]);
    // It reached the feeds that carry it (its tags are kde and sysadmin), and no other.
    expect(changed.filter((f) => !isArchive(f))).toEqual(
      [
        'atom.xml',
        'feed.json',
        'feeds/planet-kde/atom.xml',
        'feeds/planet-kde/rss.xml',
        'rss.xml',
        'tags/kde/rss.xml',
        'tags/sysadmin/rss.xml',
      ].filter((f) => feeds(more).includes(f)),
    );
  });
});

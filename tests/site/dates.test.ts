import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILDS,
  EXTRA_BUILD as EXTRA,
  elements,
  htmlPages,
  listFiles,
  parseHtml,
  requireBuild,
} from '../support/site.ts';

/** The one form every machine-readable date takes (RFC 3339, UTC), from src/core/dates.ts. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** RSS 2.0 dates are RFC 822. */
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Every machine-readable date a build writes, with where it was found. */
function datesOf(dir: string): { where: string; value: string; rss: boolean }[] {
  const out: { where: string; value: string; rss: boolean }[] = [];
  const add = (where: string, values: Iterable<string>, rss = false) => {
    for (const value of values) out.push({ where, value, rss });
  };
  const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1] ?? '');
  for (const page of htmlPages(dir)) {
    const all = elements(parseHtml(join(dir, page)));
    add(
      page,
      all.filter((e) => e.tagName === 'time').map((e) => String(e.properties['dateTime'])),
    );
    add(
      page,
      all
        .filter((e) => e.tagName === 'meta' && /_time$/.test(String(e.properties['property'])))
        .map((e) => String(e.properties['content'])),
    );
    for (const ld of all.filter(
      (e) => e.tagName === 'script' && e.properties['type'] === 'application/ld+json',
    )) {
      const text = ld.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      const data = JSON.parse(text) as Record<string, unknown>;
      add(
        page,
        ['datePublished', 'dateModified'].map((k) => String(data[k])),
      );
    }
  }
  for (const file of listFiles(dir)) {
    const text = () => readFileSync(join(dir, file), 'utf8');
    if (file === 'sitemap.xml') add(file, matches(text(), /<lastmod>([^<]*)<\/lastmod>/g));
    else if (/(^|\/)atom\.xml$/.test(file))
      add(file, matches(text(), /<(?:updated|published)>([^<]*)<\//g));
    else if (/(^|\/)rss\.xml$/.test(file))
      add(file, matches(text(), /<(?:pubDate|lastBuildDate)>([^<]*)<\//g), true);
    else if (file === 'feed.json') {
      const feed = JSON.parse(text()) as { items: Record<string, string>[] };
      add(
        file,
        feed.items.flatMap((i) =>
          [i['date_published'] ?? '', i['date_modified'] ?? ''].filter((d) => d),
        ),
      );
    }
  }
  return out;
}

describe.each([...BUILDS, EXTRA])('dates of the build at $name', ({ dir }) => {
  requireBuild(dir);
  const dates = datesOf(dir);

  it('are all written in one form, valid for their format', () => {
    expect(dates.filter((d) => d.rss).length).toBeGreaterThan(0);
    expect(dates.filter((d) => !d.rss).length).toBeGreaterThan(0);
    for (const d of dates) expect(d.value, d.where).toMatch(d.rss ? RFC822 : RFC3339);
  });
});

describe('a date with a time and offset (extra build fixture hostile-markup-title)', () => {
  requireBuild(EXTRA.dir);
  const id = 'hostile-markup-title';

  it('is the same instant in the page, its metadata, the sitemap and the feeds', () => {
    // pubDate: 2024-02-29T23:30:00-05:00, updatedDate: 2024-03-02.
    const values = datesOf(EXTRA.dir)
      .filter((d) => d.where === `posts/${id}/index.html`)
      .map((d) => d.value);
    expect(new Set(values)).toEqual(
      new Set(['2024-03-01T04:30:00.000Z', '2024-03-02T00:00:00.000Z']),
    );
    const page = readFileSync(join(EXTRA.dir, 'posts', id, 'index.html'), 'utf8');
    expect(page).toContain('<time datetime="2024-03-01T04:30:00.000Z">1 March 2024</time>');
    const sitemap = readFileSync(join(EXTRA.dir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`posts/${id}/</loc><lastmod>2024-03-02T00:00:00.000Z</lastmod>`);
    const feed = readFileSync(join(EXTRA.dir, 'tags/test-fixture/rss.xml'), 'utf8');
    expect(feed).toContain('<pubDate>Fri, 01 Mar 2024 04:30:00 GMT</pubDate>');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FeedChannel,
  type FeedEntry,
  feedUpdated,
  renderAtom,
  renderJson,
  renderRss,
  stripInvalidXmlChars,
} from '../../src/core/feeds/render.ts';
import { escapeHtml } from '../../src/core/html.ts';
import { feedparser, xmllint } from '../support/peers.ts';

const decode = (html: string) =>
  html.replace(
    /&(lt|gt|quot|amp);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e] ?? '',
  );

const channel: FeedChannel = {
  title: 'Notes — KDE posts',
  description: 'Posts & things <for> Planet KDE',
  siteUrl: 'https://blog.example.org/blog/',
  selfUrl: 'https://blog.example.org/blog/feeds/planet-kde/rss.xml',
  language: 'en',
  author: 'Nicolás Alvarez',
  icon: 'https://blog.example.org/blog/icon.png',
  favicon: 'https://blog.example.org/blog/favicon.svg',
  fallbackDate: new Date('2021-01-01T00:00:00Z'),
};

const hostile: FeedEntry = {
  title: 'Tom & Jerry <script>alert(1)</script> ]]> \u0001\u0008\u001f\uFFFE end',
  url: 'https://blog.example.org/blog/posts/hostile/',
  summary: 'A & B < C ]]> "quoted" \u000b',
  html: '<p>5 &lt; 6 &amp; ]]&gt; and raw ]]> in <code>a]]>b</code>\u0000\u0007</p>',
  published: new Date('2021-06-06T00:00:00Z'),
  updated: new Date('2021-06-08T00:00:00Z'),
  tags: [{ name: 'r&d', url: 'https://blog.example.org/blog/tags/r&d/?a=1&b="2"' }],
};

const plain: FeedEntry = {
  title: 'The mystery of load average spikes',
  url: 'https://blog.example.org/blog/posts/load-average-spikes/',
  summary: 'Why the load doubled every 104 minutes.',
  html: '<p>Hello <a href="https://blog.example.org/blog/posts/first-post/">first</a></p>',
  published: new Date('2021-06-06T00:00:00Z'),
  tags: [{ name: 'kde', url: 'https://blog.example.org/blog/tags/kde/' }],
};

describe('escaping and sanitising', () => {
  it('strips control characters, lone surrogates and non-characters, keeps tab/LF/CR and emoji', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\td\ne\rf\u007f\u0085g\uFFFEh\uD800i😉')).toBe(
      'abc\td\ne\rfghi😉',
    );
  });
  it('escapes HTML specials', () => {
    expect(escapeHtml('a & b < c > "d"')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
  });
  it('dates a feed by its newest post, never by the clock', () => {
    expect(feedUpdated([plain, hostile], channel.fallbackDate).toISOString()).toBe(
      '2021-06-08T00:00:00.000Z',
    );
    expect(feedUpdated([], channel.fallbackDate)).toBe(channel.fallbackDate);
  });
});

describe.each([
  ['RSS', renderRss, 'rss20'],
  ['Atom', renderAtom, 'atom10'],
])('%s with hostile input', (_name, render, version) => {
  const xml = render(channel, [hostile, plain]);
  it('is well-formed XML for xmllint', () => {
    expect(xmllint(xml)).toBe('');
  });
  it('parses in feedparser without bozo and keeps the text', () => {
    const parsed = feedparser({ text: xml });
    expect(parsed.bozo_exception).toBeNull();
    expect(parsed.version).toBe(version);
    expect(parsed.entries).toHaveLength(2);
    const [first] = parsed.entries;
    // feedparser hands titles and summaries over as HTML (title_detail.type text/html).
    expect(decode(first?.title ?? '')).toContain('Tom & Jerry <script>alert(1)</script> ]]>  end');
    expect(first?.title).not.toContain('\u0001');
    expect(decode(first?.summary ?? '')).toContain('A & B < C ]]>');
    expect(decode(first?.content.join('') ?? '')).toContain('raw ]]> in');
    expect(first?.link).toBe(hostile.url);
    expect(first?.id).toBe(hostile.url);
    expect(first?.tags).toEqual(['r&d']);
    expect(parsed.feed.title).toBe(channel.title);
  });
  it('is reproducible: same input, same bytes, no build time inside', () => {
    expect(render(channel, [hostile, plain])).toBe(xml);
    expect(xml).not.toContain(String(new Date().getUTCFullYear()));
  });
  it('has no invalid author element', () => {
    expect(xml).not.toMatch(/<author>[^<@]*<\/author>/);
  });
});

describe('RSS specifics', () => {
  const xml = renderRss(channel, [plain]);
  it('links itself, names the creator, dates by the newest post', () => {
    expect(xml).toContain(
      `<atom:link href="${channel.selfUrl}" rel="self" type="application/rss+xml"/>`,
    );
    expect(xml).toContain('<dc:creator>Nicolás Alvarez</dc:creator>');
    expect(xml).toContain('<lastBuildDate>Sun, 06 Jun 2021 00:00:00 GMT</lastBuildDate>');
    expect(xml).toContain(`<guid isPermaLink="true">${plain.url}</guid>`);
    expect(xml).toContain('<content:encoded><![CDATA[<p>Hello');
  });
  it('escapes an ampersand in a category domain', () => {
    expect(renderRss(channel, [hostile])).toContain(
      'domain="https://blog.example.org/blog/tags/r&amp;d/?a=1&amp;b=&quot;2&quot;"',
    );
  });
});

describe('Atom specifics', () => {
  const xml = renderAtom(channel, [hostile, plain]);
  it('writes category terms, published and updated in RFC 3339', () => {
    expect(xml).toContain('term="r&amp;d"');
    expect(xml).toContain('<published>2021-06-06T00:00:00.000Z</published>');
    expect(xml).toContain('<updated>2021-06-08T00:00:00.000Z</updated>');
  });
});

describe('JSON Feed', () => {
  it('parses and carries content_html and summaries', () => {
    const json = JSON.parse(renderJson(channel, [hostile, plain]));
    expect(json.items[1].content_html).toBe(plain.html);
    expect(json.items[1].summary).toBe(plain.summary);
    expect(json.items[0].title).not.toContain('\u0001');
    expect(json.feed_url).toBe(channel.selfUrl);
    // Debian's feedparser 6.0.10 has no JSON Feed parser, so the spec's required members are checked here.
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.language).toBe(channel.language);
    expect(json.authors).toEqual([{ name: channel.author, url: channel.siteUrl }]);
    for (const item of json.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });
});

describe('property: any text gives a feed xmllint and feedparser accept', () => {
  it('RSS and Atom stay well-formed for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        (title, html) => {
          const entry: FeedEntry = {
            ...plain,
            title: `t${title}`,
            summary: title,
            html: `<p>${escapeHtml(html)}</p>`,
          };
          expect(xmllint(renderRss(channel, [entry]))).toBe('');
          expect(xmllint(renderAtom(channel, [entry]))).toBe('');
        },
      ),
      { numRuns: 60 },
    );
  });
});

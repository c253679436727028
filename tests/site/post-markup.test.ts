import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILDS,
  EXTRA_BUILD as EXTRA,
  elements,
  htmlPages,
  parseHtml,
  requireBuild,
  runAstro,
  TEST_ORIGIN,
} from '../support/site.ts';

// Every rule is checked in tests/unit (markup/post-body, feeds/content, frontmatter); the one failing
// build here proves that the build applies them to post bodies and names the source lines, and the
// extra build's fixtures prove what reaches the page and the three feed formats.

const HEAD = (title: string) => `---
title: ${JSON.stringify(title)}
description: A post with markup the author's policy refuses.
pubDate: 2021-05-01
tags: [kde]
---
`;

describe('a post body that breaks the markup policy fails the build, naming file, line and what is allowed', () => {
  it('one build names every problem of every post: meta refresh, style block, form, javascript: link, frames, images, bidi and long titles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blog-markup-'));
    const posts = join(dir, 'posts');
    mkdirSync(posts);
    writeFileSync(
      join(posts, 'refresh.mdx'),
      `${HEAD('A refresh')}
Hello.

<meta http-equiv="refresh" content="5;url=https://evil.example/" />

<style>{\`body{display:none}\`}</style>

<form action="https://evil.example/"><p>Card number</p></form>

A [link](javascript:alert(1)) and <a href="data:text/html,x" onclick="alert(1)">another</a>.
`,
    );
    writeFileSync(
      join(posts, 'frames.mdx'),
      `${HEAD('Invoice \u202Efdp.exe and more')}
<iframe src="https://evil.example/"></iframe>

Some text.

![Missing](./images/nope.png)
`,
    );
    writeFileSync(join(posts, 'long-title.mdx'), `${HEAD('x'.repeat(10_000))}\nFine.\n`);
    const { status, output } = runAstro(['build'], {
      POSTS_DIR: posts,
      OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
    });
    expect(status, output).not.toBe(0);
    for (const line of [
      `${posts}/refresh.mdx:10:1: <meta> is not allowed in a post: it can redirect every reader to another site`,
      `${posts}/refresh.mdx:12:1: <style> is not allowed in a post: a style block restyles the whole page`,
      `${posts}/refresh.mdx:14:1: <form> is not allowed in a post`,
      `${posts}/refresh.mdx:16:3: the link to "javascript:alert(1)": the URL scheme "javascript:" is not allowed here; use http, https, mailto, tel or a relative URL`,
      `${posts}/refresh.mdx:16:35: <a href="data:text/html,x">: the URL scheme "data:" is not allowed`,
      `${posts}/refresh.mdx:16:35: <a onclick>: event attributes run script`,
      `${posts}/frames.mdx:8:1: <iframe src="https://evil.example/"> loads another site`,
      `${posts}/frames.mdx:12:1: the image "./images/nope.png" does not exist`,
      `${posts}/frames.mdx: title: contains the bidirectional control character U+202E`,
      `${posts}/long-title.mdx: title: must be at most 120 characters; got 10000`,
      "A post's HTML may use elements a, abbr,",
      'iframe, object and embed from this site only',
    ]) {
      expect(output).toContain(line);
    }
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(false);
  }, 240_000);
});

/** The HTML of one post's item in an RSS or Atom feed (CDATA or escaped text). */
function xmlItemHtml(xml: string, url: string): string {
  const item = xml
    .split(/<item>|<entry>/)
    .find((block) => block.includes(`${url}<`) || block.includes(`href="${url}"`));
  const content = /<(content:encoded|content)[^>]*>([\s\S]*?)<\/\1>/.exec(item ?? '')?.[2] ?? '';
  return content.includes('<![CDATA[')
    ? content.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    : content
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
}

describe('the extra build', () => {
  requireBuild(EXTRA.dir);
  const url = `${TEST_ORIGIN}${EXTRA.base}posts/hostile-feed-markup/`;

  it.each([
    ['rss.xml', (text: string) => xmlItemHtml(text, url)],
    ['atom.xml', (text: string) => xmlItemHtml(text, url)],
    [
      'feed.json',
      (text: string) =>
        (JSON.parse(text) as { items: { url: string; content_html: string }[] }).items.find(
          (i) => i.url === url,
        )?.content_html ?? '',
    ],
  ])(
    '%s carries the post without remote images, frames, tel: links or stray attributes',
    (file, itemHtml) => {
      const html = itemHtml(readFileSync(join(EXTRA.dir, file), 'utf8'));
      expect(html).toContain('The end of the post.');
      expect(html).toContain('A remote cat');
      expect(html).toContain('<a href="mailto:me@example.org">write to me</a>');
      for (const bad of [
        'tracker.example',
        'images.example',
        '<img',
        '<iframe',
        'tel:',
        'class=',
        'role=',
        'data-tracking',
        'style=',
      ]) {
        expect(html, `${file}: ${bad}`).not.toContain(bad);
      }
      for (const m of html.matchAll(/(?:href|src|srcset)="([^"]*)"/g)) {
        expect(m[1]).toMatch(/^(https?:|mailto:)/);
      }
    },
  );

  it('gives headings ids the page does not use, never empty, and a contents list that links to them', () => {
    const tree = parseHtml(join(EXTRA.dir, 'posts/hostile-headings/index.html'));
    const all = elements(tree);
    const ids = all
      .map((e) => e.properties['id'])
      .filter((id) => id !== undefined)
      .map(String);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'repeated ids',
    ).toEqual([]);
    expect(ids).not.toContain('');
    expect(all.find((e) => e.properties['id'] === 'main')?.tagName).toBe('main');
    expect(all.find((e) => e.properties['id'] === 'beat-calculator')?.tagName).toBe('section');
    const text = (e: (typeof all)[number]): string =>
      e.children
        .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : ''))
        .join('');
    const toc = all.find(
      (e) => e.tagName === 'nav' && String(e.properties['className']).includes('toc'),
    );
    const links = toc ? elements(toc).filter((e) => e.tagName === 'a') : [];
    expect(links.map(text)).toEqual([
      'Main',
      'Beat calculator',
      '🚀🎉',
      '🎉',
      'Repeated',
      'Toc heading',
      'Repeated',
    ]);
    for (const a of links) {
      const href = String(a.properties['href']);
      expect(href).toMatch(/^#./);
      const target = all.find((e) => e.properties['id'] === decodeURIComponent(href.slice(1)));
      expect(target?.tagName, href).toMatch(/^h[23]$/);
      expect(text(target as (typeof all)[number]).replace(/\s*#$/, ''), href).toBe(text(a));
    }
    const emoji = links.filter((a) => /^\P{L}+$/u.test(text(a))).map((a) => a.properties['href']);
    expect(emoji).toEqual(['#section-3', '#section-4']);
  });
});

describe.each(BUILDS)('with JavaScript off, in the build at $name', ({ dir }) => {
  requireBuild(dir);
  const pages = htmlPages(dir).filter(
    (p) =>
      p.startsWith('posts/') && readFileSync(join(dir, p), 'utf8').includes('<beat-calculator'),
  );

  it('the beat calculator says that a shared scenario (?interval=7&hz=1000) needs JavaScript', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      const note = /<noscript>([\s\S]*?)<\/noscript>/.exec(
        html.slice(html.indexOf('<beat-calculator')),
      )?.[1];
      expect(note, page).toBeDefined();
      const text = (note ?? '').replace(/<[^>]*>/g, '').replace(/&amp;/g, '&');
      expect(text, page).toContain(
        'With JavaScript off, this calculator shows only its default scenario',
      );
      expect(text, page).toContain('?interval=7&hz=1000');
      expect(text, page).toContain('need JavaScript');
    }
  });
});

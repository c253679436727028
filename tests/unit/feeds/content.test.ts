import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../../src/core/feeds/content.ts';

const pageUrl = 'https://example.org/blog/posts/load-average-spikes/';
const feedHtml = (html: string) => toFeedHtml(html, { pageUrl });

describe('toFeedHtml', () => {
  it.each([
    [
      'a root-relative link',
      '<a href="/blog/posts/first-post/">x</a>',
      'href="https://example.org/blog/posts/first-post/"',
    ],
    [
      'a relative link',
      '<a href="../first-post/">x</a>',
      'href="https://example.org/blog/posts/first-post/"',
    ],
    ['a fragment', '<a href="#drifting-timers">x</a>', `href="${pageUrl}#drifting-timers"`],
    [
      'an image',
      '<img src="/blog/_assets/a.svg" alt="a">',
      'src="https://example.org/blog/_assets/a.svg"',
    ],
    [
      'a srcset',
      '<img src="a.png" srcset="a.png 1x, /b.png 2x" alt="">',
      'srcset="https://example.org/blog/posts/load-average-spikes/a.png 1x, https://example.org/b.png 2x"',
    ],
    [
      'an absolute link',
      '<a href="https://github.com/influxdata/telegraf">x</a>',
      'href="https://github.com/influxdata/telegraf"',
    ],
    ['a mailto link', '<a href="mailto:a@b.c">x</a>', 'href="mailto:a@b.c"'],
  ])('makes %s absolute', (_name, html, expected) => {
    expect(feedHtml(html)).toContain(expected);
  });

  it('drops scripts, styles, form controls, heading permalinks and data/aria attributes', () => {
    const out = feedHtml(
      '<style>p{}</style><script>alert(1)</script><h2 id="x" data-astro-cid-abc>T<a class="heading-anchor" aria-hidden="true" href="#x">#</a></h2>' +
        '<form><label>HZ <input value="250"></label><button>Go</button></form><p style="color:red" tabindex="0">kept</p>',
    );
    expect(out).toBe('<h2 id="x">T</h2><p>kept</p>');
  });

  it('unwraps custom elements and adds a live link to each widget', () => {
    const out = feedHtml(
      '<section class="widget" id="beat-calculator" data-widget="beat-frequency calculator"><h3>Beat</h3><beat-calculator><div data-feed-omit>controls</div><output>6255 s</output></beat-calculator></section>',
    );
    expect(out).toContain(
      `<a href="${pageUrl}#beat-calculator">Try the live beat-frequency calculator on the blog</a>`,
    );
    expect(out).toContain('<output>6255 s</output>');
    expect(out).not.toContain('beat-calculator>');
    expect(out).not.toContain('controls');
    expect(out).not.toContain('data-widget');
  });

  it('leaves no relative URL anywhere', () => {
    const out = feedHtml(
      '<a href="x/">a</a><img src="y.png" alt=""><a href="?q=1">q</a><a href="">self</a>',
    );
    for (const m of out.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^https:\/\//);
  });

  it.each<[string, string, string]>([
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['a JavaScript: link with spaces', '<a href=" JavaScript:alert(1)">x</a>', '<a>x</a>'],
    [
      'a data:text/html link',
      '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
      '<a>x</a>',
    ],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['a tel: link', '<a href="tel:+15551234">call</a>', '<a>call</a>'],
    [
      'an iframe',
      '<p>a</p><iframe src="https://evil.example/">fallback</iframe><p>b</p>',
      '<p>a</p><p>b</p>',
    ],
    ['an iframe of the site itself', '<iframe src="/about/"></iframe><p>b</p>', '<p>b</p>'],
    ['an object and an embed', '<object data="x.swf"><embed src="y"></object><p>b</p>', '<p>b</p>'],
    [
      'a remote tracker image',
      '<p>a<img src="https://tracker.example/p.gif" width="1" height="1"></p>',
      '<p>a</p>',
    ],
    [
      'a remote image, kept as its alt text',
      '<p><img src="//images.example/cat.jpg" alt="A cat"></p>',
      '<p>A cat</p>',
    ],
    ['a data: image', '<p><img src="data:image/png;base64,AAAA" alt="dot"></p>', '<p>dot</p>'],
    [
      'a stray dangerouslysetinnerhtml attribute',
      '<div dangerouslysetinnerhtml="[object Object]">x</div>',
      '<div>x</div>',
    ],
    [
      'a class the feed does not keep',
      '<section class="widget" id="w"><p>x</p></section>',
      '<section id="w"><p>x</p></section>',
    ],
    [
      'stray attributes',
      '<p class="note" role="note" itemtype="x" srcdoc="y" formaction="z">x</p>',
      '<p>x</p>',
    ],
    [
      'a base and a meta refresh',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><p>x</p>',
      '<p>x</p>',
    ],
    ['a form with an action', '<form action="https://evil.example/"><p>x</p></form>', ''],
    [
      'a video',
      '<video src="/v.mp4" poster="https://evil.example/p.png">fallback</video><p>x</p>',
      '<p>x</p>',
    ],
  ])('removes %s', (_name, html, expected) => {
    expect(feedHtml(html)).toBe(expected);
  });

  it("keeps the site's own images, links to the web and mail, and relative links made absolute", () => {
    const out = feedHtml(
      '<p><img src="/blog/_assets/a.svg" alt="a"><a href="https://kde.org/">k</a><a href="mailto:a@b.c">m</a><a href="../x/">r</a></p>',
    );
    expect(out).toBe(
      '<p><img src="https://example.org/blog/_assets/a.svg" alt="a"><a href="https://kde.org/">k</a><a href="mailto:a@b.c">m</a><a href="https://example.org/blog/posts/x/">r</a></p>',
    );
  });
});

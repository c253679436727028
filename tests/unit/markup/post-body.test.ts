import { describe, expect, it } from 'vitest';
import { allowedMarkup, postBodyProblems } from '../../../src/core/markup/post-body.ts';

const FILE = 'content/posts/hostile.mdx';
const HEAD =
  '---\ntitle: "A <b>title</b> with {braces}"\ndescription: Fine.\npubDate: 2021-05-01\ntags: [kde]\n---\n\n';
/** The problems of a body placed after a frontmatter block (so the first body line is line 8). */
const problems = (body: string, images: readonly string[] = []) =>
  postBodyProblems(HEAD + body, FILE, (p) => images.includes(p));

describe("a post's own markup", () => {
  it.each<[string, string, string]>([
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="5;url=https://evil.example/" />',
      '8:1: <meta> is not allowed in a post: it can redirect every reader',
    ],
    ['a base element', '<base href="https://evil.example/" />', '8:1: <base> is not allowed'],
    [
      'a link element',
      '<link rel="stylesheet" href="https://evil.example/x.css" />',
      '8:1: <link> is not allowed',
    ],
    [
      'a style block',
      '<style>{`body{display:none}`}</style>',
      '8:1: <style> is not allowed in a post: a style block',
    ],
    [
      'a form',
      '<form action="https://evil.example/"><p>Card number</p></form>',
      '8:1: <form> is not allowed',
    ],
    ['a script', '<script>{`alert(1)`}</script>', '8:1: <script> is not allowed'],
    [
      'an iframe from another site',
      '<iframe src="https://evil.example/"></iframe>',
      '8:1: <iframe src="https://evil.example/"> loads another site',
    ],
    [
      'a protocol-relative object',
      '<object data="//evil.example/x.swf"></object>',
      'loads another site',
    ],
    ['an embed from another site', '<embed src="https://evil.example/x" />', 'loads another site'],
    [
      'a javascript: link in HTML',
      'Text <a href="javascript:alert(1)">x</a>',
      '8:6: <a href="javascript:alert(1)">: the URL scheme "javascript:" is not allowed here; use http, https, mailto, tel or a relative URL',
    ],
    [
      'a JavaScript: link in Markdown',
      '[x](JavaScript:alert(1))',
      '8:1: the link to "JavaScript:alert(1)": the URL scheme "JavaScript:"',
    ],
    [
      'a vbscript: definition',
      '[x]\n\n[x]: vbscript:msgbox',
      '10:1: the link to "vbscript:msgbox"',
    ],
    [
      'a data: image',
      '![x](data:image/svg+xml,<svg/>)',
      '8:1: the image "data:image/svg+xml,<svg/>": the URL scheme "data:"',
    ],
    [
      'a data:text/html link',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      'the URL scheme "data:"',
    ],
    [
      'an event attribute',
      '<p onclick="alert(1)">x</p>',
      '8:1: <p onclick>: event attributes run script',
    ],
    [
      'a React-style event attribute',
      '<img src="/x.png" onError={() => 1} />',
      '<img onError>: event attributes',
    ],
    [
      'dangerouslySetInnerHTML',
      '<div dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />',
      'the attribute dangerouslySetInnerHTML is not allowed on <div>',
    ],
    [
      'a URL written as code',
      '<a href={url}>x</a>',
      '<a href={…}>: write the URL as text in quotes',
    ],
    ['a spread attribute', '<a {...props}>x</a>', 'spread attribute'],
    [
      'HTML inside a component',
      '<Aside>\n  <meta http-equiv="refresh" content="0" />\n</Aside>',
      '9:3: <meta> is not allowed',
    ],
    [
      'a missing image',
      'Text.\n\n![Missing](./images/nope.png)',
      '10:1: the image "./images/nope.png" does not exist',
    ],
  ])('%s fails, naming the file, line and column', (_name, body, message) => {
    const found = problems(body);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(
      found.some((p) => p.startsWith(`${FILE}:`) && p.includes(message)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each<[string, string]>([
    [
      'components and their props',
      '<BeatCalculator id="beat-2" interval={7} />\n\n<Widget.Part onClick={x} />',
    ],
    [
      'ordinary HTML',
      '<details><summary>More</summary><p class="note" style="color:red">Text <kbd>Ctrl</kbd> <abbr title="Linux">L</abbr></p></details>',
    ],
    [
      'links of every allowed kind',
      '[a](https://kde.org) [b](mailto:a@b.c) [c](../first-post/) [d](#x) <a href="http://x.org/?q=a:b">e</a>',
    ],
    [
      'a same-site frame and remote media',
      '<iframe src="/charts/x.svg" title="x"></iframe>\n\n![r](https://images.example/r.png)',
    ],
    ['an image that exists', '![here](./images/here.png)'],
    ['a fragment <>', '<>text</>'],
  ])('%s pass', (_name, body) => {
    expect(problems(body, ['./images/here.png'])).toEqual([]);
  });

  it('says what a post may carry', () => {
    expect(allowedMarkup()).toContain('iframe, object and embed from this site only');
    expect(allowedMarkup()).toMatch(/elements a, abbr, .*details.*figure/);
  });
});

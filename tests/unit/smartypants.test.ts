import fc from 'fast-check';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as textOf } from 'mdast-util-to-string';
import remarkSmartypants from 'remark-smartypants';
import { describe, expect, it } from 'vitest';
import { remarkFastSmartypants } from '../../src/core/markdown/smartypants.ts';

const fast = remarkFastSmartypants();
const reference = (remarkSmartypants as unknown as () => (tree: Root) => void)();
const both = (markdown: string) => {
  const a = fromMarkdown(markdown);
  const b = fromMarkdown(markdown);
  fast(a);
  reference(b);
  return [a, b];
};

describe('fast SmartyPants', () => {
  it.each([
    ["\"Quoted\" and 'single' and it's", '“Quoted” and ‘single’ and it’s'],
    // remark-smartypants quotes first, so the '' is already a closing quote when `` is looked at.
    ["a -- b and wait... or . . . then ``quoted''", 'a — b and wait… or … then ``quoted”'],
    ['say "*emphasised*" here', 'say “emphasised” here'],
  ])('typesets %j like remark-smartypants', (markdown, text) => {
    const [a, b] = both(markdown);
    expect(a).toEqual(b);
    expect(textOf(a)).toBe(text);
  });

  it('property: gives exactly the tree remark-smartypants gives, for any Markdown', () => {
    const piece = fc.constantFrom(
      'word',
      ' ',
      '"',
      "'",
      '`',
      '``',
      "''",
      '-',
      '--',
      '---',
      '.',
      '...',
      '. . .',
      '*',
      '_',
      '\n',
      '\n\n',
      '# ',
      '[link](https://x.org)',
      '`code`',
      "it's",
      '(',
      ')',
      '<b>',
      '</b>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const [a, b] = both(parts.join(''));
        expect(a).toEqual(b);
      }),
      { numRuns: 400 },
    );
  });

  it.each(['script', 'style', 'pre', 'code', 'kbd', 'samp', 'math'])(
    'leaves the inside of a block or inline <%s> as written, at any depth',
    (name) => {
      const text = (value: string) => ({ type: 'text', value });
      const jsx = (type: string, children: unknown[]) => ({
        type,
        name,
        attributes: [],
        children,
      });
      const tree = {
        type: 'root',
        children: [
          // What MDX makes of <script> on lines of its own: a block element holding a paragraph.
          jsx('mdxJsxFlowElement', [
            { type: 'paragraph', children: [text('alert(\'x\') -- "y"...')] },
          ]),
          {
            type: 'paragraph',
            children: [
              text("It's "),
              jsx('mdxJsxTextElement', [{ type: 'emphasis', children: [text("'quoted' -- ...")] }]),
              text(' "here"'),
            ],
          },
        ],
      } as unknown as Root;
      fast(tree);
      expect(textOf(tree)).toBe("alert('x') -- \"y\"...It’s 'quoted' -- ... “here”");
    },
  );
});

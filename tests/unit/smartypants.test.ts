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
});

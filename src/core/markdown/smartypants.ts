/**
 * Typographic punctuation (curly quotes, dashes, ellipses) for MDX, with exactly the output of
 * remark-smartypants 3 (which Astro's unified processor runs by default) but without its cost where
 * there is nothing to change. remark-smartypants parses the whole document into a natural-language
 * tree once for quotes and then every text node again for dashes and ellipses; profiling a
 * 200-post build showed that at about a seventh of the build. Those passes only ever rewrite
 * quotes, backticks, double dashes and runs of dots, so a document without quotes skips the first
 * and a text node without the others skips the second: the result is identical, byte for byte.
 * Unlike remark-smartypants, it leaves the whole inside of an MDX script, style, pre, code, kbd,
 * samp or math element alone, block or inline, however deep the text sits.
 */
import type { Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';

type Node = Root['children'][number] | Root;
type Literal = Extract<Node, { value: string }>;

const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
// Code, keyboard input, program output and formulas mean what they say, character for character,
// at any depth and whether MDX reads the element as a block or inline.
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script', 'pre', 'code', 'kbd', 'samp', 'math']);
const JSX_ELEMENTS = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
// Blocks start fresh, so a quote at their start opens; inline parents must concatenate seamlessly.
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);

/** What the quotes pass can change: straight quotes. */
export const QUOTES = /["']/;
/** What the second pass can change: `` and '' pairs, double dashes, dots with or without spaces. */
export const OTHERS = /``|''|--|\.\s*\./;

/** Whether a node is an MDX element whose whole inside stays as written. */
const isIgnoredElement = (node: { type: string; name?: unknown }) =>
  JSX_ELEMENTS.has(node.type) &&
  typeof node.name === 'string' &&
  IGNORED_HTML_ELEMENTS.has(node.name.toLowerCase());

const isLiteral = (node: Node): node is Literal =>
  'value' in node && typeof node.value === 'string';

/** The remark plugin: SmartyPants with remark-smartypants' defaults, skipping passes that cannot change anything. */
export function remarkFastSmartypants() {
  const quotes = retext().use(smartypants, {
    ellipses: false,
    dashes: false,
    backticks: false,
  });
  const others = retext().use(smartypants, { quotes: false });
  return (tree: Root) => {
    const nodes: Node[] = [];
    let allText = '';
    visit(tree, (node, _index, parent) => {
      if (isIgnoredElement(node as { type: string; name?: unknown })) return SKIP;
      if (parent === undefined || !VISITED_NODES.has(node.type)) return CONTINUE;
      if (isLiteral(node)) {
        allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      } else if (BLOCK_NODES.has(node.type)) {
        allText += ' ';
      } else return CONTINUE;
      nodes.push(node);
      return CONTINUE;
    });
    const quoted = QUOTES.test(allText) ? quotes.processSync(allText).toString() : allText;
    let start = 0;
    for (const node of nodes) {
      if (isLiteral(node)) {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = quoted.slice(start, end);
          node.value = OTHERS.test(text) ? others.processSync(text).toString() : text;
        }
        start = end;
      } else start += 1;
    }
  };
}

/**
 * Typographic punctuation (curly quotes, dashes, ellipses) for MDX, with exactly the output of
 * remark-smartypants 3 (which Astro's unified processor runs by default) but without its cost where
 * there is nothing to change. remark-smartypants parses the whole document into a natural-language
 * tree once for quotes and then every text node again for dashes and ellipses; profiling a
 * 200-post build showed that at about a seventh of the build. Those passes only ever rewrite
 * quotes, backticks, double dashes and runs of dots, so a document without quotes skips the first
 * and a text node without the others skips the second: the result is identical, byte for byte.
 */
import type { Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

type Node = Root['children'][number] | Root;
type Literal = Extract<Node, { value: string }>;

const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);
// Blocks start fresh, so a quote at their start opens; inline parents must concatenate seamlessly.
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);

/** What the quotes pass can change: straight quotes. */
export const QUOTES = /["']/;
/** What the second pass can change: `` and '' pairs, double dashes, dots with or without spaces. */
export const OTHERS = /``|''|--|\.\s*\./;

// remark-smartypants' test, kept as is: text inside an MDX <style> or <script> is left alone.
const isVisitedElement = ({ name }: { name?: unknown }) =>
  typeof name === 'string' && !IGNORED_HTML_ELEMENTS.has(name);

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
    visit(
      tree,
      (node, _index, parent) =>
        parent !== undefined &&
        (parent.type !== 'mdxJsxTextElement' || isVisitedElement(parent as { name?: unknown })) &&
        VISITED_NODES.has(node.type),
      (node) => {
        if (isLiteral(node)) {
          allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
        } else if (BLOCK_NODES.has(node.type)) {
          allText += ' ';
        } else return;
        nodes.push(node);
      },
    );
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

/**
 * Heading ids for posts, after rehype-slug: its GitHub-style slugs stand, except one the
 * page already uses (the layout's `main`, a widget's section and the ids inside it, an id the
 * author wrote), never a repeat, and never empty. A heading of only emoji or punctuation gets
 * `section-<its position among the post's headings>`; one whose slug the page uses gets `section-`
 * before it. The table of contents reads these ids, so each of its links goes where it says.
 */
import { slug } from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Ids the layout and the post page give their own elements (skip link target, menu, search, ToC). */
export const PAGE_IDS: readonly string[] = [
  'main',
  'site-menu',
  'site-search-q',
  'toc-heading',
  'search-form',
  'search-q',
  'search-results',
  'search-status',
];

/**
 * The default ids of the widgets: each names its section and starts every id inside it
 * (src/components/loadavg/*.astro, src/components/tls/*.astro).
 */
export const WIDGET_ID_PREFIXES: readonly string[] = [
  'beat-calculator',
  'beat',
  'hz-guesser',
  'hz-guess',
  'load-simulator',
  'sim',
  'hostapd-generator',
  'keylog-inspector',
];

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const HEADING = /^h[1-6]$/;

/** The ids a post itself sets: on its HTML elements (taken as is) and on components (prefixes). */
function authorIds(tree: Root): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  visit(tree, (node) => {
    const jsx = node as JsxNode;
    if (jsx.type === 'element') {
      const id = (node as Element).properties['id'];
      if (typeof id === 'string' && !HEADING.test((node as Element).tagName)) exact.add(id);
    }
    if (jsx.type !== 'mdxJsxFlowElement' && jsx.type !== 'mdxJsxTextElement') return;
    const id = jsx.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
    if (typeof id !== 'string') return;
    if (/^[A-Z]|\./.test(jsx.name ?? '')) prefixes.push(id);
    else exact.add(id);
  });
  return { exact, prefixes };
}

/** Whether an id is the page's own: the layout's, a widget's, or inside a widget's. */
export function isPageId(id: string, exact: ReadonlySet<string>, prefixes: readonly string[]) {
  return (
    PAGE_IDS.includes(id) ||
    exact.has(id) ||
    prefixes.some((p) => id === p || id.startsWith(`${p}-`))
  );
}

/** The rehype plugin: a unique, non-empty id on every heading, rehype-slug's wherever it can be. */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const own = authorIds(tree);
    const prefixes = [...WIDGET_ID_PREFIXES, ...own.prefixes];
    const used = new Set<string>();
    const taken = (id: string) => used.has(id) || isPageId(id, own.exact, prefixes);
    let position = 0;
    visit(tree, 'element', (node) => {
      if (!HEADING.test(node.tagName)) return;
      position += 1;
      // rehype-slug, which runs first, gives an emoji-only heading "" and the next one "-1"; those,
      // and ids the page or an earlier heading already uses, are made again here.
      const given = node.properties['id'];
      if (typeof given === 'string' && given !== '' && !/^-\d+$/.test(given) && !taken(given)) {
        used.add(given);
        return;
      }
      const text = slug(textOf(node));
      const base =
        text === ''
          ? `section-${position}`
          : isPageId(text, own.exact, prefixes)
            ? `section-${text}`
            : text;
      let id = base;
      for (let n = 1; taken(id); n++) id = `${base}-${n}`;
      used.add(id);
      node.properties['id'] = id;
    });
  };
}

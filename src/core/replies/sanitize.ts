/**
 * The allow-list for other people's text: replies from the fediverse. Formatting and links stay,
 * everything that could run, load or restyle anything is dropped. The schema is exported on its
 * own so that other text from outside the repository can be held to the same list.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

/** What a link to somewhere else carries: no ranking credit, user content, no window.opener. */
export const FOREIGN_LINK_REL = ['nofollow', 'ugc', 'noopener'] as const;

/**
 * The strict schema for other people's text: paragraphs, line breaks, emphasis, code, quotes,
 * lists and links (http and https only, `href` the only attribute anywhere). Elements whose
 * content is not text to read (scripts, styles, frames, media, forms, SVG and MathML) go with
 * their content; any other unknown element is replaced by its text.
 */
export const OTHER_PEOPLES_TEXT: Schema = {
  tagNames: [
    'p',
    'br',
    'a',
    'span',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
  ],
  attributes: { a: ['href'] },
  protocols: { href: ['http', 'https'] },
  required: {},
  ancestors: { li: ['ol', 'ul'] },
  strip: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'noscript',
    'template',
    'textarea',
    'select',
    'option',
    'button',
    'input',
    'form',
    'title',
    'svg',
    'math',
    'img',
    'picture',
    'video',
    'audio',
    'source',
    'track',
    'canvas',
    'link',
    'meta',
    'base',
  ],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

const SHORTCODE = /^:[A-Za-z0-9_+-]{1,64}:$/;

/** Custom emoji that a server sent as an image become their `:shortcode:` text: nothing is loaded. */
function emojiToText(nodes: RootContent[] | ElementContent[]): void {
  for (const [i, node] of nodes.entries()) {
    if (node.type !== 'element') continue;
    const alt = node.properties['alt'];
    if (node.tagName === 'img' && typeof alt === 'string' && SHORTCODE.test(alt)) {
      nodes[i] = { type: 'text', value: alt };
    } else emojiToText(node.children);
  }
}

/** A link kept only when it points to an absolute http(s) URL; then marked as someone else's. */
function fixLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    node.children = fixLinks(node.children);
    if (node.tagName !== 'a') return [node];
    const href = node.properties['href'];
    let ok = false;
    try {
      ok = typeof href === 'string' && /^https?:$/.test(new URL(href).protocol);
    } catch {
      ok = false;
    }
    if (!ok) return node.children;
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href, rel: [...FOREIGN_LINK_REL] },
      children: node.children,
    };
    return [link];
  });
}

/**
 * Other people's HTML (a reply's `content`) as HTML that keeps its text, formatting, mentions,
 * hashtags and links, and can neither run nor load anything, whatever it was.
 */
export function sanitizeForeignHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  emojiToText(tree.children);
  const clean = sanitize(tree, OTHER_PEOPLES_TEXT) as Root;
  clean.children = fixLinks(clean.children as ElementContent[]);
  return toHtml(clean);
}
